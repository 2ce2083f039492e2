/**
 * Query hardening with graphql-armor's validation rules (a maintained library beats hand-written
 * visitors here): bounded depth, aliases, tokens, directives and cost, so that one request cannot
 * make the gateway do unbounded work. Refusals are validation errors (audited as REFUSED).
 */
import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { Plugin } from "graphql-yoga";

export interface HardeningOptions {
  /** @default 10 */
  maxDepth?: number;
  /** @default 15 */
  maxAliases?: number;
  /** @default 2000 */
  maxTokens?: number;
  /** @default 10 */
  maxDirectives?: number;
  /** @default 20000 */
  maxCost?: number;
}

export function useHardening(options: HardeningOptions = {}): Plugin[] {
  return [
    maxDepthPlugin({ n: options.maxDepth ?? 10, flattenFragments: true }),
    maxAliasesPlugin({ n: options.maxAliases ?? 15 }),
    maxTokensPlugin({ n: options.maxTokens ?? 2000 }),
    maxDirectivesPlugin({ n: options.maxDirectives ?? 10 }),
    costLimitPlugin({ maxCost: options.maxCost ?? 20_000 }),
  ] as Plugin[];
}

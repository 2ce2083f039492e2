/**
 * Query hardening with graphql-armor's validation rules (a maintained library beats hand-written
 * visitors here): bounded depth, aliases, tokens, directives and cost, so that one request cannot
 * make the gateway do unbounded work.
 *
 * Every refusal is an ordinary validation error — HTTP 400, `GRAPHQL_VALIDATION_FAILED` — audited as
 * REFUSED (use-audit.ts). By default armor THROWS from inside graphql's validator, which skips the
 * validation hooks: the client got a 200 without a code and nothing was audited. So the rules report
 * to the ValidationContext instead; the token limit, checked while parsing (there is no validation
 * context yet), throws an error that already carries the validation code and status.
 */
import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { GraphQLError, type ValidationContext } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";

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

/** armor prefixes its messages with "Syntax Error: " although the document parsed fine */
const plainMessage = (error: GraphQLError) => error.message.replace(/^Syntax Error: /, "");

const reportToValidation = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(plainMessage(error), { nodes: error.nodes })),
  ],
};

const refuseWhileParsing = {
  propagateOnRejection: false,
  onReject: [
    (_context: ValidationContext | null, error: GraphQLError) => {
      throw createGraphQLError(plainMessage(error), {
        extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } },
      });
    },
  ],
};

export function useHardening(options: HardeningOptions = {}): Plugin[] {
  return [
    maxDepthPlugin({ n: options.maxDepth ?? 10, flattenFragments: true, ...reportToValidation }),
    // armor lets `__typename` aliases through uncounted by default; 10 000 of them are as costly as any alias
    maxAliasesPlugin({ n: options.maxAliases ?? 15, allowList: [], ...reportToValidation }),
    maxTokensPlugin({ n: options.maxTokens ?? 2000, ...refuseWhileParsing }),
    maxDirectivesPlugin({ n: options.maxDirectives ?? 10, ...reportToValidation }),
    costLimitPlugin({ maxCost: options.maxCost ?? 20_000, ...reportToValidation }),
  ] as Plugin[];
}

/**
 * The contract guards' one check (contract-guard.test.ts for schema.graphql, the federation's for the
 * supergraph's API schema): every breaking change between a released schema and the current one must
 * be named in docs/CHANGELOG.md by its coordinate; what is not, comes back as the line to add.
 */
import { readFileSync } from "node:fs";
import { type Change, CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildSchema } from "graphql";

export const readRepositoryFile = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");

/** every `Type.field` or `Type.field.argument` written in backticks */
function namedCoordinates(changelog: string): Set<string> {
  return new Set([...changelog.matchAll(/`([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)`/g)].map((m) => m[1] as string));
}

/** the breaking changes from the `released` SDL to the `current` one */
export async function breakingChanges(released: string, current: string): Promise<Change[]> {
  const changes = await diff(buildSchema(released), buildSchema(current));
  return changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
}

/** the changelog lines missing for breaking changes that `changelog` does not name */
export function unnamedInChangelog(breaking: readonly Change[], changelog: string): string[] {
  const named = namedCoordinates(changelog);
  return breaking
    .filter((change) => !named.has(change.path ?? ""))
    .map(
      (change) =>
        `docs/CHANGELOG.md, v1 "Breaking changes", add: - \`${change.path}\`: ${change.message}. Migration: <what an integrator changes>`,
    );
}

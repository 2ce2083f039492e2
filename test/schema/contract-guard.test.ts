/**
 * 契约守卫 — the contract guard: every breaking change between the last released contract
 * (docs/contract/v0.graphql) and schema.graphql must be named in docs/CHANGELOG.md by its coordinate, with the
 * migration an integrator needs. (That schema.graphql is the schema the code builds is printed-schema.test.ts.)
 */
import { readFileSync } from "node:fs";
import { CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");

/** every `Type.field` or `Type.field.argument` written in backticks */
function namedCoordinates(changelog: string): Set<string> {
  return new Set([...changelog.matchAll(/`([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)`/g)].map((m) => m[1] as string));
}

describe("the contract (schema.graphql) against the released v0 (docs/contract/v0.graphql)", () => {
  it("names every breaking change in docs/CHANGELOG.md", async () => {
    const changes = await diff(buildSchema(read("docs/contract/v0.graphql")), buildSchema(read("schema.graphql")));
    const breaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
    expect(breaking.length).toBeGreaterThan(0); // v1 is a breaking release: an empty diff means a wrong baseline
    const named = namedCoordinates(read("docs/CHANGELOG.md"));
    const unnamed = breaking
      .filter((change) => !named.has(change.path ?? ""))
      .map(
        (change) =>
          `docs/CHANGELOG.md, v1 "Breaking changes", add: - \`${change.path}\`: ${change.message}. Migration: <what an integrator changes>`,
      );
    expect(unnamed).toEqual([]);
  });
});

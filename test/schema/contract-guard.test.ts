/**
 * 契约守卫 — the contract guard: every breaking change between the last released contract
 * (docs/contract/v0.graphql) and schema.graphql must be named in docs/CHANGELOG.md by its coordinate, with the
 * migration an integrator needs. (That schema.graphql is the schema the code builds is printed-schema.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { breakingChanges, readRepositoryFile as read, unnamedInChangelog } from "./breaking-changes.ts";

describe("the contract (schema.graphql) against the released v0 (docs/contract/v0.graphql)", () => {
  it("names every breaking change in docs/CHANGELOG.md", async () => {
    const breaking = await breakingChanges(read("docs/contract/v0.graphql"), read("schema.graphql"));
    expect(breaking.length).toBeGreaterThan(0); // v1 is a breaking release: an empty diff means a wrong baseline
    expect(unnamedInChangelog(breaking, read("docs/CHANGELOG.md"))).toEqual([]);
  });
});

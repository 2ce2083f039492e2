/**
 * The supergraph's contract guard: what clients of the federated gateway query is the supergraph's API
 * schema; every breaking change against the released one (docs/contract/supergraph-api.graphql) must be
 * named in docs/CHANGELOG.md, exactly as contract-guard.test.ts requires of schema.graphql.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { composeSupergraph } from "../../schema/federation/compose.ts";
import { federationSubgraphs } from "../../schema/federation/subgraphs.ts";
import { breakingChanges, readRepositoryFile as read, unnamedInChangelog } from "../schema/breaking-changes.ts";

function apiSdl(subgraphs = federationSubgraphs()): string {
  const composition = composeSupergraph(subgraphs);
  if (!composition.ok) throw new Error(composition.problems.join("\n"));
  return composition.apiSdl;
}

let released: string;
beforeAll(() => {
  released = read("docs/contract/supergraph-api.graphql");
});

describe("the supergraph's API schema against the released one (docs/contract/supergraph-api.graphql)", () => {
  it("names every breaking change in docs/CHANGELOG.md", async () => {
    const breaking = await breakingChanges(released, apiSdl());
    expect(unnamedInChangelog(breaking, read("docs/CHANGELOG.md"))).toEqual([]);
  });

  it("catches a province's field dropped from the supergraph", async () => {
    const withoutSichuan = federationSubgraphs().filter((subgraph) => subgraph.name !== "sichuan");
    const breaking = await breakingChanges(released, apiSdl(withoutSichuan));
    expect(breaking.map((change) => change.path)).toContain("Enterprise.atSichuan");
    expect(unnamedInChangelog(breaking, read("docs/CHANGELOG.md"))).toEqual(
      expect.arrayContaining([expect.stringContaining("`Enterprise.atSichuan`")]),
    );
  });
});

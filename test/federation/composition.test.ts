/**
 * `npm run supergraph`'s composition (schema/federation/compose.ts): the three subgraphs compose, the
 * committed supergraph.graphql is what they compose to, its API has both provinces' files beside the
 * shared enterprise, and a province's SDL that contradicts the shared one is refused with the reason.
 */
import { buildSchema, type GraphQLObjectType } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { type Composition, composeSupergraph, supergraphFileText } from "../../schema/federation/compose.ts";
import { PROVINCE_SUBGRAPH_SDL } from "../../schema/federation/province-subgraph.ts";
import { DEFAULT_SUBGRAPH_URLS, federationSubgraphs } from "../../schema/federation/subgraphs.ts";
import { readRepositoryFile } from "../schema/breaking-changes.ts";

let composition: Composition;
beforeAll(() => {
  composition = composeSupergraph(federationSubgraphs());
});

function composed(): Extract<Composition, { ok: true }> {
  if (!composition.ok) throw new Error(composition.problems.join("\n"));
  return composition;
}

const enterpriseFields = (sdl: string) =>
  Object.keys((buildSchema(sdl).getType("Enterprise") as GraphQLObjectType).getFields());

describe("the supergraph", () => {
  it("joins exactly the shared, chongqing and sichuan subgraphs, at their default URLs", () => {
    const graphs = [...composed().supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map(
      (m) => [m[1], m[2]],
    );
    expect(Object.fromEntries(graphs)).toEqual({
      shared: "http://127.0.0.1:4000/subgraph/shared",
      chongqing: "http://127.0.0.1:4101/subgraph",
      sichuan: "http://127.0.0.1:4102/subgraph",
    });
    expect(graphs).toHaveLength(Object.keys(DEFAULT_SUBGRAPH_URLS).length);
  });

  it("is committed as composed (run `npm run supergraph` and commit when this fails)", () => {
    expect(readRepositoryFile("supergraph.graphql")).toBe(supergraphFileText(composed().supergraphSdl));
  });

  it("serves Enterprise with both provinces' files beside every shared field", () => {
    const api = enterpriseFields(composed().apiSdl);
    expect(api).toEqual(expect.arrayContaining(["atChongqing", "atSichuan"]));
    const shared = enterpriseFields(readRepositoryFile("schema.graphql"));
    expect(shared.length).toBeGreaterThan(10);
    expect(api).toEqual(expect.arrayContaining(shared));
    expect(api).toHaveLength(shared.length + 2);
  });

  it("refuses a province whose Enterprise contradicts the shared one, naming the field", () => {
    const broken = PROVINCE_SUBGRAPH_SDL.replace("uscc: String!", "uscc: Int!");
    expect(broken).not.toBe(PROVINCE_SUBGRAPH_SDL);
    const subgraphs = federationSubgraphs().map((s) => (s.name === "sichuan" ? { ...s, sdl: broken } : s));
    const failed = composeSupergraph(subgraphs);
    expect(failed.ok).toBe(false);
    const problems = failed.ok ? [] : failed.problems;
    expect(problems.some((p) => p.includes("Enterprise.uscc") && /sichuan/.test(p))).toBe(true);
    expect(problems.every((p) => p.startsWith("子图组合错误 — composition error ["))).toBe(true);
  });

  it("reports SDL that does not parse as a composition problem", () => {
    const failed = composeSupergraph([{ name: "broken", url: "http://127.0.0.1:1/subgraph", sdl: "type {" }]);
    expect(failed).toMatchObject({ ok: false, problems: [expect.stringContaining("Syntax Error")] });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

describe("catalog through GraphQL", () => {
  it("lists the 8 domains with their item counts adding up to 125", async () => {
    const { data, errors } = await t.gql<{ domains: Array<{ code: string; name: string; itemCount: number }> }>(
      "{ domains { code name itemCount } }",
      { as: "cq" },
    );
    expect(errors).toBeUndefined();
    expect(data?.domains).toHaveLength(8);
    expect(data?.domains.reduce((sum, d) => sum + d.itemCount, 0)).toBe(125);
    expect(data?.domains[0]).toMatchObject({ code: "EMERGENCY", name: "应急管理" });
  });

  it("pages through all 125 items with totalCount and cursors", async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      type Page = {
        items: {
          totalCount: number;
          edges: Array<{ node: { code: string } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
      const { data }: { data: Page | null | undefined } = await t.gql<Page>(
        "query($after: String) { items(first: 50, after: $after) { totalCount edges { node { code } } pageInfo { hasNextPage endCursor } } }",
        {
          as: "sc",
          variables: { after },
        },
      );
      expect(data?.items.totalCount).toBe(125);
      for (const edge of data?.items.edges ?? []) seen.add(edge.node.code);
      if (!data?.items.pageInfo.hasNextPage) break;
      after = data.items.pageInfo.endCursor;
    }
    expect(seen.size).toBe(125);
  });

  it("filters by domain, kind and text", async () => {
    const { data } = await t.gql<{
      items: { totalCount: number; edges: Array<{ node: { kind: string; name: string } }> };
    }>(
      '{ items(domain: "ECOLOGY", kind: PENALTY, search: "大气", first: 100) { totalCount edges { node { kind name } } } }',
      { as: "gz" },
    );
    expect(data?.items.totalCount).toBeGreaterThan(0);
    for (const { node } of data?.items.edges ?? []) {
      expect(node.kind).toBe("PENALTY");
      expect(node.name).toContain("大气");
    }
  });

  it("finds one item by its unified, Chongqing or Sichuan code", async () => {
    const first = await t.gql<{ items: { edges: Array<{ node: { code: string; cqCode: string; scCode: string } }> } }>(
      "{ items(first: 1) { edges { node { code cqCode scCode } } } }",
      { as: "cq" },
    );
    const item = first.data!.items.edges[0]!.node;
    for (const code of [item.code, item.cqCode, item.scCode]) {
      const { data } = await t.gql<{ item: { code: string } | null }>(
        "query($c: String!) { item(code: $c) { code } }",
        {
          as: "sc",
          variables: { c: code },
        },
      );
      expect(data?.item?.code).toBe(item.code);
    }
    const unknown = await t.gql<{ item: null }>('{ item(code: "NO-SUCH-CODE") { code } }', { as: "sc" });
    expect(unknown.data?.item).toBeNull();
  });

  it("gives an item its legal bases and the unified benchmark in force on a date", async () => {
    const { data, errors } = await t.gql<{
      item: {
        kind: string;
        legalBases: Array<{ lawName: string; effectiveTo: string | null; verified: boolean; article: number | null }>;
        benchmark: { version: number; tiers: Array<{ level: number; fine: { summary: string } }> } | null;
      };
    }>(
      '{ item(code: "GZ-041") { kind legalBases(asOf: "2026-07-01") { lawName effectiveTo verified article } benchmark(asOf: "2026-07-01") { version tiers { level fine { summary } } } } }',
      { as: "gz" },
    );
    expect(errors).toBeUndefined();
    expect(data?.item.kind).toBe("PENALTY");
    expect(data?.item.legalBases.some((b) => b.lawName.includes("水污染防治法"))).toBe(true);
    expect(data?.item.benchmark?.version).toBe(1);
    expect(data?.item.benchmark?.tiers.length).toBeGreaterThan(0);
    const after = await t.gql<{ item: { legalBases: Array<{ lawName: string }>; benchmark: { version: number } } }>(
      '{ item(code: "GZ-041") { legalBases(asOf: "2026-09-01") { lawName } benchmark(asOf: "2026-09-01") { version } } }',
      { as: "gz" },
    );
    expect(after.data?.item.legalBases.some((b) => b.lawName.includes("生态环境法典"))).toBe(true);
    expect(after.data?.item.benchmark.version).toBe(2);
  });

  it("answers as of a date: no items before the empowerment decision took force", async () => {
    const { data } = await t.gql<{ items: { totalCount: number } }>('{ items(asOf: "2024-01-01") { totalCount } }', {
      as: "cq",
    });
    expect(data?.items.totalCount).toBe(0);
  });
});

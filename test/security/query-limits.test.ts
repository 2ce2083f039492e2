/**
 * Documents built to exhaust the gateway — deep nesting, alias fan-out, huge token counts, directive
 * piles, oversized batches — are refused before anything runs: HTTP 400 GRAPHQL_VALIDATION_FAILED
 * (413 for a batch), no data, nothing written, and an audit entry marked REFUSED.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { expectRefused, latestAudit, MERGE_BENCHMARKS, MERGEABLE_ITEMS, READ_DOMAINS, writtenRows } from "./helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

/** The deepest honest query the schema allows today (depth 7): it has no cycles yet. */
const DEEPEST = "query Deep { items(first: 1) { edges { node { benchmark { tiers { fine { maxYuan } } } } } } }";

/** The schema has no cycles (yet), so a depth bomb nests past its leaves: the depth rule refuses it first. */
function depthBomb(extraLevels: number): string {
  let inner = "x";
  for (let i = 0; i < extraLevels; i++) inner = `x${i} { ${inner} }`;
  return `query DepthBomb { items(first: 1) { edges { node { benchmark { tiers { fine { ${inner} } } } } } } }`;
}

const BOMBS = [
  { name: "depth bomb (depth 26)", query: depthBomb(20), message: /depth limit of 10/ },
  {
    name: "alias bomb (100 aliases)",
    query: `query AliasBomb { ${Array.from({ length: 100 }, (_, i) => `a${i}: domains { code }`).join(" ")} }`,
    message: /Aliases limit of 15/,
  },
  {
    name: "__typename alias bomb (100 aliases)",
    query: `query TypenameBomb { ${Array.from({ length: 100 }, (_, i) => `t${i}: __typename`).join(" ")} }`,
    message: /Aliases limit of 15/,
  },
  {
    name: "huge token count (3000+ tokens)",
    query: `query TokenBomb { domains { ${"code ".repeat(3000)} } }`,
    message: /Token limit of 2000/,
  },
  {
    name: "directive pile (50 @include)",
    query: `query DirectiveBomb { domains ${"@include(if: true) ".repeat(50)} { code } }`,
    message: /Directives limit of 10/,
  },
];

describe("query bombs", () => {
  it.each(BOMBS)("$name → 400 GRAPHQL_VALIDATION_FAILED, audited as REFUSED with the caller", async (bomb) => {
    const result = await t.gql(bomb.query, { as: "cq", subject: "curious-cq" });
    expectRefused(result, 400, "GRAPHQL_VALIDATION_FAILED");
    expect(result.errors?.map((e) => e.message).join("\n")).toMatch(bomb.message);
    expect(await latestAudit(t)).toMatchObject({
      issuer: "cq",
      subject: "curious-cq",
      operationType: "invalid",
      outcome: "REFUSED",
      errorCode: "GRAPHQL_VALIDATION_FAILED",
    });
  });

  it("a bomb without a token is refused the same way, audited without a caller", async () => {
    const result = await t.gql(depthBomb(20));
    expectRefused(result, 400, "GRAPHQL_VALIDATION_FAILED");
    expect(await latestAudit(t)).toMatchObject({
      issuer: null,
      outcome: "REFUSED",
      errorCode: "GRAPHQL_VALIDATION_FAILED",
    });
  });

  it("the same bomb twice is audited twice (validation results are cached, audits are not)", async () => {
    const count = await t.prisma.auditEntry.count();
    await t.gql(depthBomb(20), { as: "sc" });
    await t.gql(depthBomb(20), { as: "sc" });
    await t.services.auditLog.flush();
    expect(await t.prisma.auditEntry.count()).toBe(count + 2);
  });

  it("an unparsable document → 400 GRAPHQL_PARSE_FAILED, audited as REFUSED", async () => {
    expectRefused(await t.gql("{ domains { code ", { as: "cq" }), 400, "GRAPHQL_PARSE_FAILED");
    expect(await latestAudit(t)).toMatchObject({ outcome: "REFUSED", errorCode: "GRAPHQL_PARSE_FAILED" });
  });

  it("a mutation inside a bomb writes nothing", async () => {
    const before = await writtenRows(t.prisma);
    const aliases = Array.from(
      { length: 20 },
      (_, i) => `m${i}: mergeBenchmarks(input: { itemCode: "${MERGEABLE_ITEMS[i % 9]}" }) { merged }`,
    );
    expectRefused(await t.gql(`mutation { ${aliases.join(" ")} }`, { as: "gz" }), 400, "GRAPHQL_VALIDATION_FAILED");
    expect(await writtenRows(t.prisma)).toEqual(before);
  });

  it("a query within the limits passes", async () => {
    const result = await t.gql(DEEPEST, { as: "cq" });
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
  });
});

describe("batching (limit 5)", () => {
  it("a batch of 6 operations is refused whole: 413, nothing executed, nothing written", async () => {
    const before = await writtenRows(t.prisma);
    const batch = MERGEABLE_ITEMS.slice(0, 6).map((code) => ({ query: MERGE_BENCHMARKS, variables: { code } }));
    const response = await t.post(batch, { authorization: `Bearer ${await t.token("gz")}` });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors?: Array<{ message: string }> };
    expect(body.errors?.[0]?.message).toMatch(/limited to 5/);
    expect(await writtenRows(t.prisma)).toEqual(before);
  });

  it("a batch of 5 is answered", async () => {
    const batch = Array.from({ length: 5 }, () => ({ query: READ_DOMAINS }));
    const response = await t.post(batch, { authorization: `Bearer ${await t.token("cq")}` });
    expect(response.status).toBe(200);
    expect((await response.json()) as unknown[]).toHaveLength(5);
  });
});

/**
 * One token per mutation: a mutation claims its token's `jti`; the same token used for a second
 * mutation — later, concurrently, or inside one batch — is refused with 401 TOKEN_REPLAYED and
 * writes nothing. Queries may reuse a token until it expires.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { expectRefused, latestAudit, MERGE_BENCHMARKS, MERGEABLE_ITEMS, READ_DOMAINS, writtenRows } from "./helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

/** unified (gz) benchmark versions of these items: the seed has one each, a merge adds one */
const gzBenchmarks = (...itemCodes: string[]) =>
  t.prisma.benchmark.count({ where: { itemCode: { in: itemCodes }, source: "gz" } });

describe("replayed jti", () => {
  it("a second mutation with the same token → 401 TOKEN_REPLAYED, nothing written, audited", async () => {
    const [first, second] = MERGEABLE_ITEMS as [string, string];
    const token = await t.token("gz", { subject: "replayer" });
    const ok = await t.gql(MERGE_BENCHMARKS, { token, variables: { code: first } });
    expect(ok.errors).toBeUndefined();

    // the replay aims at an item that WOULD be merged: only the replay rule stops it
    const before = await writtenRows(t.prisma);
    const secondBefore = await gzBenchmarks(second);
    const replay = await t.gql(MERGE_BENCHMARKS, { token, variables: { code: second } });
    expectRefused(replay, 401, "UNAUTHENTICATED", "TOKEN_REPLAYED");
    expect(await writtenRows(t.prisma)).toEqual(before);
    expect(await latestAudit(t)).toMatchObject({
      issuer: "gz",
      subject: "replayer",
      operationType: "mutation",
      outcome: "REFUSED",
      errorCode: "TOKEN_REPLAYED",
    });

    // the same mutation with a fresh token goes through
    const fresh = await t.gql(MERGE_BENCHMARKS, { as: "gz", variables: { code: second } });
    expect(fresh.errors).toBeUndefined();
    expect(await gzBenchmarks(second)).toBe(secondBefore + 1);
  });

  it("two concurrent mutations with one token: exactly one runs", async () => {
    const [a, b] = MERGEABLE_ITEMS.slice(2, 4) as [string, string];
    const before = await gzBenchmarks(a, b);
    const token = await t.token("gz");
    const results = await Promise.all([
      t.gql(MERGE_BENCHMARKS, { token, variables: { code: a } }),
      t.gql(MERGE_BENCHMARKS, { token, variables: { code: b } }),
    ]);
    const reasons = results.map((r) => r.errors?.[0]?.extensions?.reason ?? "OK").sort();
    expect(reasons).toEqual(["OK", "TOKEN_REPLAYED"]);
    expect(await gzBenchmarks(a, b)).toBe(before + 1);
  });

  it("two mutations with one token in one batch: the second is refused", async () => {
    const [a, b] = MERGEABLE_ITEMS.slice(4, 6) as [string, string];
    const before = await gzBenchmarks(a, b);
    const response = await t.post(
      [
        { query: MERGE_BENCHMARKS, variables: { code: a } },
        { query: MERGE_BENCHMARKS, variables: { code: b } },
      ],
      { authorization: `Bearer ${await t.token("gz")}` },
    );
    const body = (await response.json()) as Array<{ errors?: Array<{ extensions: { reason?: string } }> }>;
    const reasons = body.map((r) => r.errors?.[0]?.extensions.reason ?? "OK").sort();
    expect(reasons).toEqual(["OK", "TOKEN_REPLAYED"]);
    expect(await gzBenchmarks(a, b)).toBe(before + 1);
  });

  it("queries reuse a token freely, and it still serves one mutation afterwards", async () => {
    const token = await t.token("gz");
    for (let i = 0; i < 3; i++) expect((await t.gql(READ_DOMAINS, { token })).errors).toBeUndefined();
    const item = MERGEABLE_ITEMS[6]!;
    const before = await gzBenchmarks(item);
    expect((await t.gql(MERGE_BENCHMARKS, { token, variables: { code: item } })).errors).toBeUndefined();
    expect(await gzBenchmarks(item)).toBe(before + 1);
  });
});

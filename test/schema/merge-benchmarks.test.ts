import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const MERGE = `mutation($code: String!, $from: Date) {
  mergeBenchmarks(input: { itemCode: $code, effectiveFrom: $from }) {
    merged created conflicts { level code reason }
    benchmark { source version effectiveFrom tiers { level fine { maxYuan minYuan } } }
    provenance { level part bound from }
  }
}`;

type Payload = {
  mergeBenchmarks: {
    merged: boolean;
    created: boolean;
    conflicts: Array<{ level: number; code: string }>;
    benchmark: {
      source: string;
      version: number;
      effectiveFrom: string;
      tiers: Array<{ level: number; fine: { maxYuan: number | null } }>;
    } | null;
    provenance: Array<{ level: number; part: string; bound: string; from: string }>;
  };
};

describe("mergeBenchmarks (有利相对人)", () => {
  it("publishes a new unified version whose every bound is the lower provincial one, with provenance", async () => {
    const before = await t.prisma.benchmark.findMany({ where: { itemCode: "GZ-002" } });
    const cq = before.find((b) => b.source === "cq")!;
    const sc = before.find((b) => b.source === "sc")!;
    const { data, errors } = await t.gql<Payload>(MERGE, {
      as: "gz",
      variables: { code: "GZ-002", from: "2026-12-01" },
    });
    expect(errors).toBeUndefined();
    const payload = data!.mergeBenchmarks;
    expect(payload).toMatchObject({ merged: true, created: true, conflicts: [] });
    expect(payload.benchmark).toMatchObject({ source: "GZ", effectiveFrom: "2026-12-01" });
    const tiersOf = (b: typeof cq) => b.tiers as Array<{ level: number; fine: { maxFen?: number } }>;
    for (const tier of payload.benchmark!.tiers) {
      const cqMax = tiersOf(cq).find((x) => x.level === tier.level)?.fine.maxFen;
      const scMax = tiersOf(sc).find((x) => x.level === tier.level)?.fine.maxFen;
      if (cqMax !== undefined && scMax !== undefined) expect(tier.fine.maxYuan! * 100).toBe(Math.min(cqMax, scMax));
    }
    expect(payload.provenance.some((p) => p.from === "CQ" || p.from === "SC")).toBe(true);
    const events = await t.prisma.changeEvent.findMany({ where: { kind: "benchmark.merged" } });
    expect(events).toHaveLength(1);
  });

  it("is idempotent: merging again publishes nothing new", async () => {
    const { data } = await t.gql<Payload>(MERGE, { as: "gz", variables: { code: "GZ-002", from: "2026-12-01" } });
    expect(data!.mergeBenchmarks).toMatchObject({ merged: true, created: false });
    expect(
      await t.prisma.benchmark.count({
        where: { itemCode: "GZ-002", source: "gz", effectiveFrom: new Date("2026-12-01") },
      }),
    ).toBe(1);
    expect(await t.prisma.changeEvent.count({ where: { kind: "benchmark.merged" } })).toBe(1);
  });

  it("says which tiers cannot be aligned instead of guessing, and writes nothing", async () => {
    const count = await t.prisma.benchmark.count();
    const { data } = await t.gql<Payload>(MERGE, { as: "gz", variables: { code: "GZ-038" } });
    expect(data!.mergeBenchmarks.merged).toBe(false);
    expect(data!.mergeBenchmarks.conflicts.length).toBeGreaterThan(0);
    expect(await t.prisma.benchmark.count()).toBe(count);
  });

  it("is the committee's: a province is refused with FORBIDDEN and nothing changes", async () => {
    const count = await t.prisma.benchmark.count();
    const result = await t.gql<Payload>(MERGE, { as: "cq", variables: { code: "GZ-003" } });
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(result.status).toBe(403);
    expect(await t.prisma.benchmark.count()).toBe(count);
  });

  it("refuses an item without provincial benchmarks with a stable code", async () => {
    const result = await t.gql<Payload>(MERGE, { as: "gz", variables: { code: "GZ-001" } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "NO_PROVINCIAL_BENCHMARK" });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalId } from "../../schema/common/node-access.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { yuan } from "../support/money.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const PUSH = `mutation($input: ReportPenaltyDecisionInput!) {
  reportPenaltyDecision(input: $input) { recordId origin originId version applied }
}`;
const WARNINGS = `query($kind: WarningKind, $origin: Jurisdiction, $after: String) {
  warnings(first: 50, kind: $kind, origin: $origin, after: $after) {
    totalCount
    edges { node { id kind severity message status itemCode createdAt
      record { origin originId version fineYuan }
      match { outcome range { minYuan maxYuan } tier { level } benchmarkVersion } } }
  }
}`;

type Push = { reportPenaltyDecision: { recordId: string; origin: string; version: number; applied: boolean } };
type WarningNode = {
  id: string;
  kind: string;
  status: string;
  record: { origin: string; originId: string; version: number; fineYuan: string | null };
  match: { range: { minYuan: string; maxYuan: string } | null; benchmarkVersion: number } | null;
};
type Warnings = { warnings: { totalCount: number; edges: Array<{ node: WarningNode }> } };

/** GZ-041 (水污染防治法 第83条), facts {} (an ordinary case) → tier 1: 10万–40万 */
const decision = (originId: string, fine: number | null, over: Record<string, unknown> = {}) => ({
  originId,
  version: 1,
  itemCode: "GZ-041",
  occurredAt: "2025-03-01T10:00:00+08:00",
  decidedAt: "2025-04-01T10:00:00+08:00",
  fineYuan: fine === null ? null : yuan(fine),
  facts: {},
  ...over,
});

const push = (input: Record<string, unknown>, as: "cq" | "sc" | "gz" = "cq") =>
  t.gql<Push>(PUSH, { as, variables: { input } });
const warningsOf = (originId: string) =>
  t.prisma.supervisionWarning.findMany({ where: { decision: { path: ["originId"], equals: originId } } });
const raisedEvents = () => t.prisma.changeEvent.count({ where: { kind: "warning.raised" } });

describe("supervision warnings (执法监督预警) on pushed penalty decisions", () => {
  it("refuses an invalid push with every problem and its path (INVALID_INPUT), storing nothing", async () => {
    const records = await t.prisma.enforcementRecord.count();
    const { errors } = await push(decision("  ", 100_000, { version: 0 }));
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_INPUT" });
    const problems = errors?.[0]?.extensions?.problems as { path: string[] }[];
    expect(problems.map((p) => p.path.join(".")).sort()).toEqual(["input.originId", "input.version"]);
    expect(await t.prisma.enforcementRecord.count()).toBe(records);
  });

  it("raises nothing for a fine exactly at either bound", async () => {
    for (const [id, fine] of [
      ["cq-at-min", 100_000],
      ["cq-at-max", 400_000],
    ] as const) {
      const { data, errors } = await push(decision(id, fine));
      expect(errors).toBeUndefined();
      expect(data?.reportPenaltyDecision).toMatchObject({ origin: "CQ", version: 1, applied: true });
      expect(await warningsOf(id)).toHaveLength(0);
    }
    const stored = await t.prisma.enforcementRecord.findUniqueOrThrow({
      where: { originJurisdiction_originId: { originJurisdiction: "cq", originId: "cq-at-max" } },
    });
    expect(stored).toMatchObject({ kind: "PENALTY_DECISION", itemCode: "GZ-041", fineFen: 40_000_000n });
  });

  it("raises exactly one warning one fen outside the range, and stores the decision anyway", async () => {
    const before = await raisedEvents();
    await push(decision("cq-above", 400_000.01));
    await push(decision("cq-below", 99_999.99));
    expect((await warningsOf("cq-above")).map((w) => [w.kind, w.severity])).toEqual([["FINE_ABOVE_RANGE", "HIGH"]]);
    expect((await warningsOf("cq-below")).map((w) => w.kind)).toEqual(["FINE_BELOW_RANGE"]);
    expect(await raisedEvents()).toBe(before + 2);
    expect(await t.prisma.enforcementRecord.count({ where: { originId: { in: ["cq-above", "cq-below"] } } })).toBe(2);
  });

  it("raises nothing new when the same push is replayed, nor for an older version", async () => {
    const before = await raisedEvents();
    const replay = await push(decision("cq-above", 400_000.01));
    expect(replay.data?.reportPenaltyDecision).toMatchObject({ applied: false, version: 1 });
    expect(await warningsOf("cq-above")).toHaveLength(1);
    expect(await raisedEvents()).toBe(before);
  });

  it("supersedes the warning of an older version when a corrected version arrives", async () => {
    const v2 = await push(decision("cq-above", 400_000, { version: 2 }));
    expect(v2.data?.reportPenaltyDecision).toMatchObject({ applied: true, version: 2 });
    const late = await push(decision("cq-above", 999_999, { version: 1 }));
    expect(late.data?.reportPenaltyDecision).toMatchObject({ applied: false, version: 2 });
    const warnings = await warningsOf("cq-above");
    expect(warnings.map((w) => [w.recordVersion, w.status])).toEqual([[1, "SUPERSEDED"]]);
  });

  it("warns ITEM_NOT_EMPOWERED for an act before the item was empowered, and keeps the decision", async () => {
    const { errors } = await push(
      decision("cq-early", 200_000, {
        itemCode: "GZ-066", // empowered from 2025-07-01
        occurredAt: "2025-06-01T09:00:00+08:00",
        decidedAt: "2025-07-15T09:00:00+08:00",
      }),
    );
    expect(errors).toBeUndefined();
    expect((await warningsOf("cq-early")).map((w) => w.kind)).toEqual(["ITEM_NOT_EMPOWERED"]);
    expect(await t.prisma.enforcementRecord.count({ where: { originId: "cq-early" } })).toBe(1);
  });

  it("warns LENIENT_IGNORED when a first violation (首违不罚, 可以) is fined anyway", async () => {
    await push(
      decision("sc-first", 5_000, { itemCode: "GZ-001", facts: { firstViolation: true, harm: "MINOR" } }),
      "sc",
    );
    expect((await warningsOf("sc-first")).map((w) => [w.kind, w.severity])).toEqual([["LENIENT_IGNORED", "LOW"]]);
  });

  it.each([
    ["DECISION_BEFORE_ACT", decision("cq-bad-dates", 100_000, { decidedAt: "2025-02-01T10:00:00+08:00" })],
    ["NOT_A_PENALTY_ITEM", decision("cq-inspection", 100_000, { itemCode: "GZ-017" })],
    ["BAD_AMOUNT", decision("cq-negative", 0, { fineYuan: "-1" })],
  ])("refuses %s and writes nothing", async (reason, input) => {
    const events = await t.prisma.changeEvent.count();
    const result = await push(input);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason });
    expect(await t.prisma.enforcementRecord.count({ where: { originId: input.originId } })).toBe(0);
    expect(await t.prisma.changeEvent.count()).toBe(events);
  });
});

describe("who may push and who may see", () => {
  it("refuses a province pushing for the other's origin, writing nothing of that origin", async () => {
    const result = await push({ ...decision("forged-1", 999_999), origin: "SC" }, "cq");
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await t.prisma.enforcementRecord.count({ where: { originId: "forged-1" } })).toBe(0);
  });

  it("stores a push without an origin under the caller's own", async () => {
    await push(decision("sc-own", 150_000), "sc");
    const record = await t.prisma.enforcementRecord.findFirstOrThrow({ where: { originId: "sc-own" } });
    expect(record.originJurisdiction).toBe("sc");
  });

  it("refuses the committee's token: it has no records:write", async () => {
    const result = await push(decision("gz-1", 150_000), "gz");
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await t.prisma.enforcementRecord.count({ where: { originId: "gz-1" } })).toBe(0);
  });

  it("shows the committee every warning, newest first, with the record and the match", async () => {
    const { data, errors } = await t.gql<Warnings>(WARNINGS, { as: "gz" });
    expect(errors).toBeUndefined();
    const all = data!.warnings;
    expect(all.totalCount).toBe(await t.prisma.supervisionWarning.count());
    const above = all.edges.find((e) => e.node.record.originId === "cq-above")!.node;
    expect(above).toMatchObject({
      kind: "FINE_ABOVE_RANGE",
      status: "SUPERSEDED",
      record: { origin: "CQ", version: 1, fineYuan: yuan(400_000.01) },
      match: { range: { minYuan: yuan(100_000), maxYuan: yuan(400_000) }, benchmarkVersion: 1 },
    });
    const filtered = await t.gql<Warnings>(WARNINGS, {
      as: "gz",
      variables: { kind: "FINE_BELOW_RANGE", origin: "CQ" },
    });
    expect(filtered.data!.warnings.totalCount).toBe(1);
    expect(filtered.data!.warnings.edges[0]!.node.record.originId).toBe("cq-below");
  });

  it.each(["cq", "sc"] as const)("refuses warnings to %s with FORBIDDEN", async (as) => {
    const result = await t.gql<Warnings>(WARNINGS, { as });
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(result.data?.warnings ?? null).toBeNull();
  });

  it("lets the committee acknowledge a warning (supervision:write), once", async () => {
    const [warning] = await warningsOf("cq-below");
    const ACK =
      "mutation($id: ID!) { acknowledgeWarning(input: { warningId: $id }) { warning { id status } acknowledged } }";
    const id = encodeGlobalId("SupervisionWarning", warning!.id);
    const refused = await t.gql(ACK, { as: "cq", variables: { id } });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    type Ack = { acknowledgeWarning: { warning: { status: string }; acknowledged: boolean } };
    const ack = await t.gql<Ack>(ACK, { as: "gz", variables: { id } });
    expect(ack.data?.acknowledgeWarning).toEqual({ warning: { id, status: "ACKNOWLEDGED" }, acknowledged: true });
    const again = await t.gql<Ack>(ACK, { as: "gz", variables: { id } });
    expect(again.data?.acknowledgeWarning).toMatchObject({ warning: { status: "ACKNOWLEDGED" }, acknowledged: false });
    expect(await t.prisma.changeEvent.count({ where: { kind: "warning.acknowledged" } })).toBe(1);
  });
});

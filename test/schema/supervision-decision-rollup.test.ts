/**
 * The decision rollup (SupervisionDecisionDay) kept current by the writes: after a decision pushed, the same pushed
 * again, a correction moving day, item, department and fine, decisions with a range deviation, lenient ones, an
 * ITEM_NOT_EMPOWERED one, a quarantined one fixed and replayed, and reportPenaltyDecision pushes — the rows equal a
 * rebuild, the migration's backfill statement fills the same rows, and every decision figure read from the rollup
 * equals the one computed from the records and warnings, for several periods and scopes. Two transactions
 * refreshing the same key do not lose a decision (meaningful on Postgres: PGlite has one connection).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { writeRecordRows } from "../../schema/records/ingest-service.ts";
import type { RecordRow } from "../../schema/records/rules/record-document.ts";
import { type DecisionFamily, readDecisionFamily } from "../../schema/supervision/decision-reads.ts";
import {
  rebuildSupervisionDecisionDays,
  refreshSupervisionDecisionDays,
} from "../../schema/supervision/decision-rollup.ts";
import type { IndicatorScope } from "../../schema/supervision/indicator-scope.ts";
import {
  benchmarkMatchRate,
  caseDuration,
  fineIncomeGrowth,
  lenientCases,
} from "../../schema/supervision/rules/indicators/decisions.ts";
import type { Period } from "../../schema/supervision/rules/indicators/period.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { runMigrationBackfill } from "../support/migration-backfill.ts";
import { overlappingWrites, recordRow } from "./record-rows.ts";
import { ingest, inspection, type RecordVars } from "./sync-helpers.ts";

let t: TestGateway;
/** two penalty items of different domains */
let first: { code: string; domainCode: string };
let second: { code: string; domainCode: string };

const rows = () =>
  t.prisma.supervisionDecisionDay.findMany({
    orderBy: [{ day: "asc" }, { jurisdiction: "asc" }, { itemCode: "asc" }, { department: "asc" }],
  });

async function pushed(as: "cq" | "sc", records: RecordVars[]) {
  const { data, errors } = await ingest(t, as, { records });
  expect(errors).toBeUndefined();
  return data!.ingestRecords;
}

const decision = (originId: string, overrides: Partial<RecordVars> = {}): RecordVars =>
  inspection(originId, {
    kind: "PENALTY_DECISION",
    itemCode: first.code,
    occurredAt: "2026-03-01T09:00:00+08:00",
    decidedAt: "2026-03-10T15:00:00+08:00",
    fineYuan: "3000",
    result: "罚款",
    findings: null,
    department: "应急管理局",
    ...overrides,
  });

const PUSH = `mutation($input: ReportPenaltyDecisionInput!) { reportPenaltyDecision(input: $input) { recordId applied } }`;
const REPLAY = `mutation($id: ID!, $record: RecordInput!) { replayQuarantined(input: { id: $id, record: $record }) {
  result { outcome code recordId } quarantined { status } } }`;

beforeAll(async () => {
  t = await createTestGateway();
  first = await t.prisma.enforcementItem.findUniqueOrThrow({
    where: { code: "GZ-001" },
    select: { code: true, domainCode: true },
  });
  second = await t.prisma.enforcementItem.findFirstOrThrow({
    where: { kind: "PENALTY", domainCode: { not: first.domainCode } },
    orderBy: { code: "asc" },
    select: { code: true, domainCode: true },
  });
}, 60_000);
afterAll(() => t.dispose());

const PERIODS: Period[] = [
  { from: "2026-01-01", to: "2026-12-31" },
  { from: "2025-01-01", to: "2025-12-31" },
  { from: "2026-04-01", to: "2026-04-30" },
  { from: "2026-05-01", to: "2026-05-31" },
  { from: "2026-03-10", to: "2026-03-10" },
];

/** every decision indicator's figure, from its rows */
const figures = (f: DecisionFamily) => ({
  BENCHMARK_MATCH_RATE: benchmarkMatchRate(f.match, f.deviations),
  LENIENT_CASES: lenientCases(f.lenient),
  FINE_INCOME_GROWTH: fineIncomeGrowth(f.fines),
  CASE_DURATION: caseDuration(f.durations),
});

describe("the decision rollup kept current by the writes", () => {
  it("follows every write: duplicate push, correction, warnings, lenient, not empowered, quarantine, push", async () => {
    const batch = () => [
      decision("CQ-DD-1"),
      // a range deviation: far above any benchmark of the item
      decision("CQ-DD-2", { fineYuan: "500000.00", decidedAt: "2026-03-10T18:00:00+08:00" }),
      // lenient: a kind, and the flag without a kind (UNSPECIFIED); one without a department
      decision("CQ-DD-3", { lenientKind: "LIGHTER", fineYuan: "1000", decidedAt: "2026-04-30T23:30:00+08:00" }),
      decision("CQ-DD-4", {
        fineYuan: null,
        decidedAt: "2026-05-01T00:10:00+08:00",
        department: null,
        payload: { lenientApplied: true },
      }),
      // acted before the item was empowered (2024-08-01): ITEM_NOT_EMPOWERED, measured against nothing
      decision("CQ-DD-5", { occurredAt: "2024-07-01T09:00:00+08:00", decidedAt: "2025-02-01T10:00:00+08:00" }),
      // refused: quarantined until fixed
      decision("CQ-DD-6", { enterpriseUscc: "91500112MAG000014B", decidedAt: "2026-05-20T10:00:00+08:00" }),
    ];
    const before = await rows();
    expect(before).toEqual([]);
    const firstPush = await pushed("cq", batch());
    expect(firstPush.counts).toMatchObject({ applied: 5, refused: 1 });
    const afterFirst = await rows();
    expect(afterFirst.reduce((n, r) => n + r.decisions, 0)).toBe(5);
    const warned = await t.prisma.supervisionWarning.findMany({ select: { kind: true } });
    expect(warned.map((w) => w.kind)).toEqual(expect.arrayContaining(["FINE_ABOVE_RANGE", "ITEM_NOT_EMPOWERED"]));
    expect(afterFirst.reduce((n, r) => n + r.measured, 0)).toBe(4);
    expect(afterFirst.reduce((n, r) => n + r.fineAboveRange, 0)).toBe(1);
    expect(afterFirst.reduce((n, r) => n + r.lighter + r.lenientUnspecified, 0)).toBe(2);

    // the same batch again: nothing changes, nothing is counted twice
    expect((await pushed("cq", batch())).counts).toMatchObject({ applied: 0, unchanged: 5, refused: 1 });
    expect(await rows()).toEqual(afterFirst);

    // a correction moves CQ-DD-1 to another day (across the Beijing midnight of May), item, department and fine
    const oldKey = { day: new Date("2026-03-10"), jurisdiction: "cq", itemCode: first.code, department: "应急管理局" };
    const oldRow = afterFirst.find((r) => r.day.getTime() === oldKey.day.getTime() && r.itemCode === first.code)!;
    expect(oldRow.decisions).toBe(2);
    const corrected = await pushed("cq", [
      decision("CQ-DD-1", {
        version: 2,
        itemCode: second.code,
        department: "生态环境局",
        decidedAt: "2026-05-01T00:05:00+08:00",
        fineYuan: "4500",
      }),
    ]);
    expect(corrected.counts).toMatchObject({ applied: 1 });
    const moved = await t.prisma.supervisionDecisionDay.findUniqueOrThrow({
      where: { day_jurisdiction_itemCode_department: { ...oldKey } },
    });
    expect(moved.decisions).toBe(1);
    expect(
      await t.prisma.supervisionDecisionDay.findUniqueOrThrow({
        where: {
          day_jurisdiction_itemCode_department: {
            day: new Date("2026-05-01"),
            jurisdiction: "cq",
            itemCode: second.code,
            department: "生态环境局",
          },
        },
      }),
    ).toMatchObject({ decisions: 1, fined: 1, fineFen: 450_000n, durations: { "61": 1 } });

    // the quarantined decision, replayed fixed
    const quarantineId = firstPush.results.find((r) => r.originId === "CQ-DD-6")?.quarantineId;
    expect(quarantineId).toBeTruthy();
    const replayed = await t.gql<{ replayQuarantined: { result: { outcome: string } } }>(REPLAY, {
      as: "cq",
      variables: { id: quarantineId, record: decision("CQ-DD-6", { decidedAt: "2026-05-20T10:00:00+08:00" }) },
    });
    expect(replayed.errors).toBeUndefined();
    expect(replayed.data?.replayQuarantined.result.outcome).toBe("APPLIED");

    // an sc decision of the second item, and reportPenaltyDecision: a push, then its correction to another day
    await pushed("sc", [
      decision("SC-DD-1", {
        itemCode: second.code,
        department: "生态环境局",
        occurredAt: "2025-11-20T09:00:00+08:00",
        decidedAt: "2026-01-05T11:00:00+08:00",
        lenientKind: "FIRST_VIOLATION_EXEMPT",
        fineYuan: null,
      }),
      decision("SC-DD-2", { occurredAt: "2025-05-01T09:00:00+08:00", decidedAt: "2025-06-01T11:00:00+08:00" }),
    ]);
    const push = (version: number, decidedAt: string) =>
      t.gql<{ reportPenaltyDecision: { applied: boolean } }>(PUSH, {
        as: "cq",
        variables: {
          input: {
            originId: "CQ-DD-PUSH",
            version,
            itemCode: first.code,
            occurredAt: "2026-02-01T10:00:00+08:00",
            decidedAt,
            fineYuan: "2500",
            lenientApplied: true,
          },
        },
      });
    const pushOne = await push(1, "2026-04-02T10:00:00+08:00");
    expect(pushOne.errors).toBeUndefined();
    const pushedRows = await t.prisma.supervisionDecisionDay.findMany({ where: { day: new Date("2026-04-02") } });
    expect(pushedRows).toMatchObject([{ decisions: 1, lenientUnspecified: 1, fineFen: 250_000n }]);
    const pushTwo = await push(2, "2026-04-03T10:00:00+08:00");
    expect(pushTwo.data?.reportPenaltyDecision.applied).toBe(true);
    expect(await t.prisma.supervisionDecisionDay.count({ where: { day: new Date("2026-04-02") } })).toBe(0);
    expect(await t.prisma.supervisionDecisionDay.count({ where: { day: new Date("2026-04-03") } })).toBe(1);

    // the rows the writes kept are the rows a rebuild computes
    const kept = await rows();
    expect(kept.reduce((n, r) => n + r.decisions, 0)).toBe(
      await t.prisma.enforcementRecord.count({ where: { kind: "PENALTY_DECISION", decidedAt: { not: null } } }),
    );
    await rebuildSupervisionDecisionDays(t.prisma);
    expect(await rows()).toEqual(kept);
  });

  it("reads the same decision figures from the rollup as from the records and warnings", async () => {
    let decisions = 0;
    for (const period of PERIODS) {
      for (const jurisdiction of [null, "cq", "sc"] as const) {
        for (const domain of [null, first.domainCode, second.domainCode]) {
          const scope: IndicatorScope = { period, jurisdiction, domain };
          const rollup = await readDecisionFamily(t.prisma, scope, "rollup");
          const plain = await readDecisionFamily(t.prisma, scope, "plain");
          expect({ scope, family: rollup }).toEqual({ scope, family: plain });
          expect(figures(rollup)).toEqual(figures(plain));
          decisions += rollup.durations.find((d) => d.jurisdiction === "")?.decisions ?? 0;
        }
      }
    }
    // not an empty comparison: 2026 has decisions of both provinces, with fines in both years
    const year = await readDecisionFamily(t.prisma, { period: PERIODS[0]!, jurisdiction: null, domain: null });
    expect(decisions).toBeGreaterThan(20);
    expect(year.match.measured).toBeGreaterThan(year.match.matched);
    expect(year.deviations.map((d) => d.kind)).toContain("FINE_ABOVE_RANGE");
    expect(year.lenient.map((l) => l.kind)).toEqual(
      expect.arrayContaining(["FIRST_VIOLATION_EXEMPT", "LIGHTER", "UNSPECIFIED"]),
    );
    expect(year.fines.some((f) => f.currentFen > 0 && f.previousFen > 0)).toBe(true);
    expect(year.durations.map((d) => d.jurisdiction)).toEqual(["", "cq", "sc"]);
    // the Beijing midnight of May: CQ-DD-3 (04-30 23:30) in April, CQ-DD-4 and the corrected CQ-DD-1 in May
    const april = await readDecisionFamily(t.prisma, { period: PERIODS[2]!, jurisdiction: "cq", domain: null });
    const may = await readDecisionFamily(t.prisma, { period: PERIODS[3]!, jurisdiction: "cq", domain: null });
    expect(april.durations[0]?.decisions).toBe(2); // CQ-DD-3, CQ-DD-PUSH
    expect(may.durations[0]?.decisions).toBe(3); // CQ-DD-4, CQ-DD-1 v2, CQ-DD-6
  });

  it("the migration's backfill fills the rollup of an existing database with the same rows", async () => {
    const kept = await rows();
    await t.prisma.$executeRawUnsafe(`DELETE FROM "SupervisionDecisionDay"`);
    expect(await rows()).toEqual([]);
    await runMigrationBackfill(t.prisma, "20261205000000_supervision_decision_days");
    expect(await rows()).toEqual(kept);
    expect(kept.length).toBeGreaterThan(6);
  });

  it("two transactions writing decisions of the same key both count (each adds under the row's lock)", async () => {
    const row = (originId: string) =>
      recordRow({
        kind: "PENALTY_DECISION",
        originJurisdiction: "sc",
        originId,
        itemCode: second.code,
        occurredAt: new Date("2026-08-01T02:00:00Z"),
        decidedAt: new Date("2026-08-08T02:00:00Z"),
        fineFen: 100_000n,
        department: "生态环境局",
      });
    // the second transaction writes and refreshes the same key while the first is still open
    const write = (originId: string) => async (tx: Prisma.TransactionClient) => {
      const touched = await writeRecordRows(tx, [row(originId)], new Set());
      await refreshSupervisionDecisionDays(tx, touched);
    };
    await overlappingWrites(t.prisma, write("SC-DD-RACE-1"), write("SC-DD-RACE-2"));
    const raced = await t.prisma.supervisionDecisionDay.findUniqueOrThrow({
      where: {
        day_jurisdiction_itemCode_department: {
          day: new Date("2026-08-08"),
          jurisdiction: "sc",
          itemCode: second.code,
          department: "生态环境局",
        },
      },
    });
    expect(raced).toMatchObject({ decisions: 2, fined: 2, fineFen: 200_000n, durations: { "7": 2 } });
    const kept = await rows();
    await rebuildSupervisionDecisionDays(t.prisma);
    expect(await rows()).toEqual(kept);
  });
});

/**
 * The visits' counters (schema/supervision/visit-counters.ts) kept current by deltas: after every kind of write —
 * records pushed by both provinces, a duplicate push, a correction that moves a visit to another enterprise, a
 * record naming an enterprise registered only later, an enterprise whose credit grade and industry change — the
 * counters equal a rebuild from the visits and the register, the migration's backfill fills the same rows, and the
 * visit figures of whole months read from them equal the figures computed from the records (PGlite and Postgres).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IndicatorScope } from "../../schema/supervision/indicator-scope.ts";
import { VISIT_COUNTERS } from "../../schema/supervision/visit-counters.ts";
import { refreshMarkedVisits } from "../../schema/supervision/visit-marks.ts";
import { readVisitFamily } from "../../schema/supervision/visit-reads.ts";
import { rebuildSupervisionVisits } from "../../schema/supervision/visit-rollup.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { runMigrationBackfill } from "../support/migration-backfill.ts";
import { visitCounterRows } from "../support/visit-counter-rows.ts";
import { enterpriseRecord, UPSERT_ENTERPRISES, type UpsertPayload, uscc } from "./libraries-helpers.ts";
import { ingest, inspection, type RecordVars } from "./sync-helpers.ts";

let t: TestGateway;
const DAY = 86_400_000;
const now = Date.now();
const beijingDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) => `${beijingDay(now - n * DAY)}T10:00:00+08:00`;
const year = Number(beijingDay(now).slice(0, 4));
const lastDay = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const monthOf = (daysBack: number): IndicatorScope["period"] => {
  const first = `${beijingDay(now - daysBack * DAY).slice(0, 7)}-01`;
  return { from: first, to: lastDay(first) };
};

const [E1, E2, E3] = [901, 902, 903].map((n) => uscc("511623", n)) as [string, string, string];

const counters = () => visitCounterRows(t.prisma);

/** the counters kept by the writes equal those a rebuild computes from the visits and the register */
async function expectCountersRebuilt(): Promise<Record<string, unknown[]>> {
  const kept = await counters();
  await rebuildSupervisionVisits(t.prisma);
  expect(await counters()).toEqual(kept);
  return kept;
}

/** pushed, and their visits refreshed as the next read of the rollup refreshes them (visit-marks.ts) */
async function pushed(as: "cq" | "sc", records: RecordVars[]) {
  const { errors } = await ingest(t, as, { records });
  expect(errors).toBeUndefined();
  await refreshMarkedVisits(t.prisma);
}

async function registered(records: unknown[]) {
  const { data, errors } = await t.gql<{ upsertEnterprises: UpsertPayload }>(UPSERT_ENTERPRISES, {
    as: "sc",
    variables: { records },
  });
  expect(errors).toBeUndefined();
  expect(data?.upsertEnterprises.counts.refused).toBe(0);
}

beforeAll(async () => {
  t = await createTestGateway();
}, 60_000);
afterAll(() => t.dispose());

describe("the visits' counters kept current by the writes", () => {
  it("follow records, a duplicate push, a correction, a late registration and a change of grade", async () => {
    await registered([
      enterpriseRecord({ uscc: E1, creditGrade: "A", industry: "新材料" }),
      enterpriseRecord({ uscc: E2, creditGrade: "B", industry: "化工" }),
    ]);
    const cq = [
      inspection("CQ-CNT-1", { enterpriseUscc: E1, occurredAt: daysAgo(70), inspectionMode: "RANDOM", onSite: true }),
      inspection("CQ-CNT-2", { enterpriseUscc: E1, occurredAt: daysAgo(3), onSite: true, codeScanned: true }),
      inspection("CQ-CNT-3", { enterpriseUscc: E2, occurredAt: daysAgo(40), inspectionMode: "RANDOM" }),
      inspection("CQ-CNT-4", { enterpriseUscc: E3, occurredAt: daysAgo(10), inspectionMode: "RANDOM" }),
    ];
    await pushed("cq", cq);
    await pushed("sc", [inspection("SC-CNT-1", { enterpriseUscc: E1, occurredAt: daysAgo(5) })]);
    const first = await expectCountersRebuilt();
    expect(first.SupervisionVisitDay!.length).toBeGreaterThan(0);
    // E3 is not in the register yet: none of its visits counts among the enterprises
    const inspected = (rows: unknown[]) =>
      rows.reduce((n: number, r) => n + Number((r as { visits: number }).visits), 0);
    const before = inspected(first.SupervisionFirstVisitMonth!);

    await pushed("cq", cq); // the same records again: nothing moves
    expect(await counters()).toEqual(first);

    // a correction moves CQ-CNT-3's visit from E2 to E1
    await pushed("cq", [{ ...cq[2]!, version: 2, enterpriseUscc: E1 }]);
    await expectCountersRebuilt();

    // E3 registered after its visit: its visit now counts; E1's grade and industry change
    await registered([enterpriseRecord({ uscc: E3, creditGrade: "C", industry: "食品" })]);
    const late = await expectCountersRebuilt();
    expect(inspected(late.SupervisionFirstVisitMonth!)).toBe(before + 1);
    await registered([enterpriseRecord({ uscc: E1, version: 2, creditGrade: "D", industry: "化工" })]);
    const moved = await expectCountersRebuilt();
    const gradeOf = (rows: unknown[], grade: string) =>
      inspected(rows.filter((r) => (r as { creditGrade: string }).creditGrade === grade));
    expect(gradeOf(moved.SupervisionFirstVisitMonth!, "A")).toBe(0);
    expect(gradeOf(moved.SupervisionFirstVisitMonth!, "D")).toBeGreaterThan(0);

    // a record between E1's visits replaces two rows, its own and the next visit's (whose previous visit it now
    // is); the rows before it and the rows after the next are not written again (their row versions stay)
    const versions = async () =>
      new Map(
        (
          await t.prisma.$queryRawUnsafe<Array<{ key: string; version: string }>>(
            `SELECT "key", xmin::text AS version FROM "SupervisionVisit"`,
          )
        ).map((row) => [row.key, row.version]),
      );
    const keyOf = async (originId: string) =>
      `r:${(await t.prisma.enforcementRecord.findFirstOrThrow({ where: { originId } })).id}`;
    const kept = await versions();
    await pushed("cq", [
      inspection("CQ-CNT-5", { enterpriseUscc: E1, occurredAt: daysAgo(4), inspectionMode: "RANDOM" }),
    ]);
    const written = await versions();
    const rewritten = [...written.keys()].filter((key) => kept.get(key) !== written.get(key)).sort();
    expect(rewritten).toEqual([await keyOf("CQ-CNT-5"), await keyOf("CQ-CNT-2")].sort());
    const between = await t.prisma.supervisionVisit.findUniqueOrThrow({ where: { key: await keyOf("CQ-CNT-5") } });
    // its previous visit is SC-CNT-1 (5 days ago, not random); its previous random visit is CQ-CNT-3's (moved to E1
    // above, 40 days ago), not CQ-CNT-1's (70 days ago)
    const moved3 = await t.prisma.supervisionVisit.findUniqueOrThrow({ where: { key: await keyOf("CQ-CNT-3") } });
    expect(between.previousKey).toBe(await keyOf("SC-CNT-1"));
    expect(between.previousRandomAt).toEqual(moved3.at);
    await expectCountersRebuilt();
  });

  it("read the same visit figures for whole months as the records give", async () => {
    const periods = [
      { from: `${year - 1}-01-01`, to: `${year}-12-31` },
      { from: `${year}-01-01`, to: `${year}-12-31` },
      monthOf(3),
      monthOf(40),
      monthOf(70),
    ];
    let inspected = 0;
    let randomlyInspected = 0;
    for (const period of periods) {
      for (const jurisdiction of [null, "cq", "sc"] as const) {
        for (const domain of [null, "EMERGENCY"]) {
          const scope: IndicatorScope = { period, jurisdiction, domain };
          const rollup = await readVisitFamily(t.prisma, scope, undefined, "rollup");
          expect(rollup, JSON.stringify(scope)).toEqual(await readVisitFamily(t.prisma, scope, undefined, "plain"));
          inspected += rollup.grades.reduce((n, g) => n + g.inspected, 0);
          randomlyInspected += rollup.industries.reduce((n, i) => n + i.randomlyInspected, 0);
        }
      }
    }
    // not an empty comparison
    expect(inspected).toBeGreaterThan(0);
    expect(randomlyInspected).toBeGreaterThan(0);
  });

  it("the migration's backfill fills the same rows", async () => {
    const kept = await counters();
    for (const counter of VISIT_COUNTERS) await t.prisma.$executeRawUnsafe(`DELETE FROM "${counter.table}"`);
    await runMigrationBackfill(t.prisma, "20261205030000_supervision_visit_counters", (statement) =>
      statement.startsWith("INSERT INTO"),
    );
    expect(await counters()).toEqual(kept);
    expect(Object.values(kept).every((rows) => rows.length > 0)).toBe(true);
  });

  it("the migration's backfill gives each random visit the previous random visit the writes kept", async () => {
    const visits = () => t.prisma.supervisionVisit.findMany({ orderBy: { key: "asc" } });
    const kept = await visits();
    await t.prisma.$executeRawUnsafe(`UPDATE "SupervisionVisit" SET "previousRandomAt" = NULL`);
    await runMigrationBackfill(t.prisma, "20261205080000_supervision_visit_previous_random");
    expect(await visits()).toEqual(kept);
    expect(kept.filter((visit) => visit.previousRandomAt !== null).length).toBeGreaterThan(0);
  });
});

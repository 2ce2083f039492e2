/**
 * The visit rollup (SupervisionVisit) kept current by the writes: after ingest — a duplicate push, a corrected
 * record that moves to another enterprise, a quarantined bad record fixed later, a joint task answered by
 * records until DONE — the visit figures read from the rollup equal those computed from the records and tasks,
 * the rows equal a rebuild, and the migration's backfill statement fills the same rows. The same for the officer
 * participations (SupervisionParticipation) written with the visits, which OFFICER_LOAD reads: a task's team as its
 * refresh finds it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyOf } from "../../schema/common/node-access.ts";
import type { IndicatorScope } from "../../schema/supervision/indicator-scope.ts";
import { refreshMarkedVisits } from "../../schema/supervision/visit-marks.ts";
import { readVisitFamily, readVisitGaps } from "../../schema/supervision/visit-reads.ts";
import { rebuildSupervisionVisits, refreshSupervisionVisits } from "../../schema/supervision/visit-rollup.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { runMigrationBackfill } from "../support/migration-backfill.ts";
import { visitCounterRows } from "../support/visit-counter-rows.ts";
import { createPlan, DISPATCH, drawFor, inspectionItem, type TaskNode, tasksOf } from "./dispatch-support.ts";
import { ingest, inspection, type RecordVars } from "./sync-helpers.ts";

let t: TestGateway;
let task: TaskNode;
let usccs: string[];
const DAY = 86_400_000;
const now = Date.now();
const beijingDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) => `${beijingDay(now - n * DAY)}T10:00:00+08:00`;
const year = Number(beijingDay(now).slice(0, 4));
const PERIOD = { from: `${year - 1}-01-01`, to: `${year}-12-31` };

const rows = () => t.prisma.supervisionVisit.findMany({ orderBy: { key: "asc" } });
const participations = () =>
  t.prisma.supervisionParticipation.findMany({ orderBy: [{ visitKey: "asc" }, { position: "asc" }] });

/** pushed, and their visits refreshed as the next read of the rollup refreshes them (visit-marks.ts) */
async function pushed(as: "cq" | "sc", records: RecordVars[]) {
  const { data, errors } = await ingest(t, as, { records });
  expect(errors).toBeUndefined();
  await refreshMarkedVisits(t.prisma);
  return data!.ingestRecords;
}

beforeAll(async () => {
  t = await createTestGateway();
  usccs = (await t.prisma.enterprise.findMany({ take: 3, orderBy: { uscc: "asc" }, select: { uscc: true } })).map(
    (e) => e.uscc,
  );
  expect(usccs).toHaveLength(3);
  const item = await inspectionItem(t);
  const second = await t.prisma.enforcementItem.findFirstOrThrow({
    where: { kind: "INSPECTION", domainCode: "EMERGENCY", code: { not: item.code } },
  });
  const today = beijingDay(now);
  const planId = await createPlan(t, {
    itemCodes: [item.code, second.code],
    baseRatioPpm: 100_000,
    excludeInspectedWithinDays: 0,
    visitFrom: today,
    visitTo: beijingDay(now + 2 * DAY),
  });
  const { drawId } = await drawFor(t, planId);
  task = (await tasksOf(t, drawId)).find((x) => x.officers.some((o) => o.homeJurisdiction === "SC"))!;
  expect(task).toBeDefined();
  const dispatched = await t.gql(DISPATCH, { as: "gz", variables: { id: task.id } });
  expect(dispatched.errors).toBeUndefined();
}, 60_000);
afterAll(() => t.dispose());

describe("the visit rollup kept current by the ingest and the tasks", () => {
  const [A, B, C] = [0, 1, 2];
  const cqBatch = () => [
    inspection("CQ-ROLL-1", {
      enterpriseUscc: usccs[A],
      occurredAt: daysAgo(40),
      onSite: true,
      codeScanned: true,
      inspectionMode: "RANDOM",
      resultPublishedAt: daysAgo(39),
    }),
    inspection("CQ-ROLL-2", { enterpriseUscc: usccs[A], occurredAt: daysAgo(20), onSite: true }),
    inspection("CQ-ROLL-3", { enterpriseUscc: usccs[B], occurredAt: daysAgo(10), inspectionMode: "KEY_SUPERVISION" }),
    inspection("CQ-ROLL-4", { enterpriseUscc: "NOT-A-USCC", occurredAt: daysAgo(8) }),
  ];

  it("follows every write: duplicate push, correction, quarantine and its fix, a joint task made DONE", async () => {
    const before = (await rows()).length;
    const first = await pushed("cq", cqBatch());
    expect(first.counts).toMatchObject({ applied: 3, refused: 1 });
    const afterFirst = await rows();
    expect(afterFirst.length).toBe(before + 3);
    const officersAfterFirst = await participations();
    expect(officersAfterFirst.filter((p) => p.visitKey.startsWith("r:")).length).toBeGreaterThanOrEqual(3);

    // the same batch again: nothing changes, nothing is counted twice
    expect((await pushed("cq", cqBatch())).counts).toMatchObject({ applied: 0, unchanged: 3, refused: 1 });
    expect(await rows()).toEqual(afterFirst);
    expect(await participations()).toEqual(officersAfterFirst);

    await pushed("sc", [
      inspection("SC-ROLL-1", { enterpriseUscc: usccs[A], occurredAt: daysAgo(15) }),
      inspection("SC-ROLL-2", { enterpriseUscc: usccs[B], occurredAt: daysAgo(5) }),
    ]);
    // a correction moves CQ-ROLL-3 from B to C, earlier and on site
    const corrected = await pushed("cq", [
      inspection("CQ-ROLL-3", { version: 2, enterpriseUscc: usccs[C], occurredAt: daysAgo(12), onSite: true }),
    ]);
    expect(corrected.counts).toMatchObject({ applied: 1 });
    const moved = await t.prisma.supervisionVisit.findUniqueOrThrow({
      where: { key: `r:${keyOf("EnforcementRecord", corrected.results[0]!.recordId!)}` },
    });
    expect(moved).toMatchObject({ enterpriseUscc: usccs[C], onSite: true, jurisdiction: "cq" });
    // its officers moved with it
    const movedOfficers = await t.prisma.supervisionParticipation.findMany({ where: { visitKey: moved.key } });
    expect(movedOfficers.length).toBeGreaterThan(0);
    expect(movedOfficers.every((p) => p.enterpriseUscc === usccs[C] && p.at.getTime() === moved.at.getTime())).toBe(
      true,
    );
    expect(await t.prisma.supervisionVisit.count({ where: { enterpriseUscc: usccs[B] } })).toBe(
      await t.prisma.enforcementRecord.count({ where: { kind: "INSPECTION", enterpriseUscc: usccs[B] } }),
    );
    // the quarantined record, sent again fixed
    expect(
      (await pushed("cq", [inspection("CQ-ROLL-4", { enterpriseUscc: usccs[B], occurredAt: daysAgo(8) })])).counts,
    ).toMatchObject({ applied: 1 });

    // the joint task: its records are its visit, not visits of their own; DONE when every item is answered
    const sc = task.officers.find((o) => o.homeJurisdiction === "SC")!;
    // inside the task's visit window (from today): a few minutes ago
    const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
    const answer = (originId: string, itemCode: string, minutes: number) =>
      inspection(originId, {
        itemCode,
        enterpriseUscc: task.enterpriseUscc,
        officerCertificates: [sc.certificateNumber],
        occurredAt: minutesAgo(minutes),
        result: "COMPLIANT",
        taskId: task.id,
      });
    const earliest = await pushed("sc", [answer("SC-ROLL-T1", task.itemCodes[0]!, 2)]);
    expect(earliest.results[0]).toMatchObject({ outcome: "APPLIED", code: null });
    const taskKey = `t:${keyOf("InspectionTask", task.id)}`;
    expect(await t.prisma.supervisionVisit.findUnique({ where: { key: taskKey } })).toBeNull();
    const last = await pushed("sc", [answer("SC-ROLL-T2", task.itemCodes[1]!, 1)]);
    expect(last.results[0]).toMatchObject({ outcome: "APPLIED", code: null });
    expect(
      (await t.prisma.inspectionTask.findUniqueOrThrow({ where: { id: keyOf("InspectionTask", task.id) } })).state,
    ).toBe("DONE");
    const joint = await t.prisma.supervisionVisit.findUniqueOrThrow({ where: { key: taskKey } });
    expect(joint).toMatchObject({ jurisdiction: "gz", enterpriseUscc: task.enterpriseUscc, random: true });
    const earliestRecord = await t.prisma.enforcementRecord.findUniqueOrThrow({
      where: { id: keyOf("EnforcementRecord", earliest.results[0]!.recordId!) },
    });
    expect(joint.at).toEqual(earliestRecord.occurredAt);
    expect(
      await t.prisma.supervisionVisit.findUnique({
        where: { key: `r:${keyOf("EnforcementRecord", last.results[0]!.recordId!)}` },
      }),
    ).toBeNull();

    // the joint visit's participations are its team, as `<home jurisdiction>:<certificate>`
    const teamOf = async () =>
      (
        await t.prisma.taskOfficer.findMany({
          where: { taskId: joint.taskId! },
          orderBy: [{ pick: "asc" }, { certificateNumber: "asc" }],
        })
      ).map((o) => `${o.homeJurisdiction}:${o.certificateNumber}`);
    const jointOfficers = async () =>
      (
        await t.prisma.supervisionParticipation.findMany({ where: { visitKey: taskKey }, orderBy: { position: "asc" } })
      ).map((p) => p.officer);
    expect(await jointOfficers()).toEqual(await teamOf());
    expect((await teamOf()).length).toBeGreaterThan(1);

    // the team re-formed smaller (one new officer instead of the whole team), then the task's refresh (what every
    // task update runs): the participations are the new team, none of the old officers left
    const old = await teamOf();
    const [stays] = await t.prisma.taskOfficer.findMany({ where: { taskId: joint.taskId! }, orderBy: { pick: "asc" } });
    await t.prisma.$transaction(async (tx) => {
      await tx.taskOfficer.deleteMany({ where: { taskId: joint.taskId! } });
      await tx.taskOfficer.create({ data: { ...stays!, certificateNumber: `${stays!.certificateNumber}-NEW` } });
      await refreshSupervisionVisits(tx, { usccs: [task.enterpriseUscc] });
    });
    expect(await jointOfficers()).toEqual([`${stays!.homeJurisdiction}:${stays!.certificateNumber}-NEW`]);
    expect(await teamOf()).toHaveLength(1);
    expect(old.length).toBeGreaterThan(1);

    // refreshing again changes nothing (idempotent)
    const keptVisits = await rows();
    const keptOfficers = await participations();
    await t.prisma.$transaction((tx) => refreshSupervisionVisits(tx, { usccs: [...usccs, task.enterpriseUscc] }));
    expect(await rows()).toEqual(keptVisits);
    expect(await participations()).toEqual(keptOfficers);

    // the rows the writes kept are the rows a rebuild computes, and so are the counters the writes moved (records
    // answering the task moved its visit)
    const keptCounters = await visitCounterRows(t.prisma);
    await rebuildSupervisionVisits(t.prisma);
    expect(await rows()).toEqual(keptVisits);
    expect(await participations()).toEqual(keptOfficers);
    expect(await visitCounterRows(t.prisma)).toEqual(keptCounters);
  });

  it("reads the same visit figures and gaps from the rollup as from the records and tasks", async () => {
    const domains = [null, task.domains[0]!];
    let visits = 0;
    let gaps = 0;
    let officers = 0;
    // a period that starts between visits too: A's visit 15 days ago follows one 20 days ago, before the period
    const recent = { from: beijingDay(now - 18 * DAY), to: PERIOD.to };
    for (const [period, jurisdiction, domain] of [PERIOD, recent].flatMap((p) =>
      ([null, "cq", "sc", "gz"] as const).flatMap((j) => domains.map((d) => [p, j, d] as const)),
    )) {
      const scope: IndicatorScope = { period, jurisdiction, domain };
      const rollup = await readVisitFamily(t.prisma, scope, undefined, "rollup");
      expect(rollup).toEqual(await readVisitFamily(t.prisma, scope, undefined, "plain"));
      const repeats = await readVisitGaps(t.prisma, scope, 30, "rollup");
      expect(repeats).toEqual(await readVisitGaps(t.prisma, scope, 30, "plain"));
      visits += rollup.counts.reduce((n, c) => n + c.visits, 0);
      officers += rollup.officers.reduce((n, o) => n + o.participations, 0);
      // OFFICER_LOAD alone reads the participations statement only, with the same figures
      expect(await readVisitFamily(t.prisma, scope, ["officers"], "rollup")).toMatchObject({
        officers: rollup.officers,
      });
      gaps += repeats.length;
    }
    // not an empty comparison: visits of every kind and repeats (A: cq 40 → sc 15 → cq 20 days ago)
    expect(visits).toBeGreaterThan(0);
    expect(gaps).toBeGreaterThan(0);
    expect(officers).toBeGreaterThan(0);
    const all = await readVisitFamily(t.prisma, { period: PERIOD, jurisdiction: null, domain: null });
    expect(all.counts.find((c) => c.jurisdiction === "gz")?.jointVisits).toBe(1);
    // the joint task's officers count in their home jurisdictions beside the records' officers
    const team = await t.prisma.taskOfficer.findMany({ where: { taskId: keyOf("InspectionTask", task.id) } });
    for (const j of new Set(team.map((o) => o.homeJurisdiction))) {
      expect(all.officers.find((o) => o.jurisdiction === j)?.participations).toBeGreaterThan(0);
    }
  });

  it("the migration's backfill fills the rollup of an existing database with the same rows", async () => {
    const kept = await rows();
    await t.prisma.$executeRawUnsafe(`DELETE FROM "SupervisionVisit"`);
    expect(await rows()).toEqual([]);
    await runMigrationBackfill(t.prisma, "20261204220000_supervision_visit_rollup");
    // the later migrations' gap and previous random visit of each visit
    await runMigrationBackfill(t.prisma, "20261205030000_supervision_visit_counters", (statement) =>
      statement.startsWith(`UPDATE "SupervisionVisit"`),
    );
    await runMigrationBackfill(t.prisma, "20261205080000_supervision_visit_previous_random");
    expect(await rows()).toEqual(kept);
    expect(kept.length).toBeGreaterThan(6);
  });

  it("the participations migration's backfill fills them from the visits with the same rows", async () => {
    const kept = await participations();
    await t.prisma.$executeRawUnsafe(`DELETE FROM "SupervisionParticipation"`);
    expect(await participations()).toEqual([]);
    await runMigrationBackfill(t.prisma, "20261205001000_supervision_participations");
    expect(await participations()).toEqual(kept);
    expect(kept.some((p) => p.taskId !== null)).toBe(true);
    expect(kept.some((p) => p.itemCode !== null)).toBe(true);
  });
});

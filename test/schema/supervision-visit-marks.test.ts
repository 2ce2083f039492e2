/**
 * The visits of records written are refreshed after their commit (schema/supervision/visit-marks.ts): the ingest
 * and a task's update only mark what they touched (one mark a write); a refresh takes whole committed marks, a read
 * of the rollup refreshes first, and the gateway refreshes on its own shortly after. Proven here: a read right after
 * an ingest counts its records; a refresh while another write of the same enterprise is open loses nothing (the open
 * write's mark is taken by the next refresh, and its record's visit has the other's as its previous one); a failed
 * refresh keeps its marks; a backlog is taken in transactions within their bounds; concurrent readers share one
 * refresh; the gateway's own refresher takes marks without a read. PGlite and Postgres.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeRecordRows } from "../../schema/records/ingest-service.ts";
import type { RecordRow } from "../../schema/records/rules/record-document.ts";
import { markVisitsStale, REFRESH_BOUNDS, refreshMarkedVisits } from "../../schema/supervision/visit-marks.ts";
import { startVisitRefresher } from "../../schema/supervision/visit-refresher.ts";
import { rebuildSupervisionVisits } from "../../schema/supervision/visit-rollup.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { visitCounterRows } from "../support/visit-counter-rows.ts";
import { recordRow } from "./record-rows.ts";
import { ingest, inspection } from "./sync-helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  // no refresher of its own: each test decides when marks are taken
  t = await createTestGateway({ env: { SUPERVISION_VISIT_REFRESH_MS: "0" } });
}, 60_000);
afterAll(() => t.dispose());

const marks = () => t.prisma.supervisionVisitMark.count();
const visitsOf = (uscc: string) =>
  t.prisma.supervisionVisit.findMany({ where: { enterpriseUscc: uscc }, orderBy: { at: "asc" } });
const year = new Date().getUTCFullYear();

/** one inspection of `uscc` written by writeRecordRows in a transaction of its own (one mark) */
const written = (origin: "cq" | "sc", originId: string, uscc: string | null, day: string) => {
  const record = recordRow({
    originJurisdiction: origin,
    originId,
    enterpriseUscc: uscc,
    occurredAt: new Date(`${year}-${day}T02:00:00Z`),
  });
  return t.prisma.$transaction((tx) => writeRecordRows(tx, [record], new Set())).then(() => record);
};

/** the rollup the refreshes kept is the rollup a rebuild computes from the records, counters included */
async function expectRebuiltAlike() {
  const visits = await t.prisma.supervisionVisit.findMany({ orderBy: { key: "asc" } });
  const counters = await visitCounterRows(t.prisma);
  await rebuildSupervisionVisits(t.prisma);
  expect(await t.prisma.supervisionVisit.findMany({ orderBy: { key: "asc" } })).toEqual(visits);
  expect(await visitCounterRows(t.prisma)).toEqual(counters);
}

describe("the visits of records written, refreshed after the commit", () => {
  it("an ingest marks; the next read of the indicators refreshes first and counts the records", async () => {
    const [one, two] = await t.prisma.enterprise.findMany({ take: 2, orderBy: { uscc: "asc" } });
    const { data: pushed, errors } = await ingest(t, "cq", {
      records: [
        inspection("CQ-MARK-1", { enterpriseUscc: one!.uscc, occurredAt: `${year}-03-02T10:00:00+08:00` }),
        inspection("CQ-MARK-2", { enterpriseUscc: two!.uscc, occurredAt: `${year}-03-03T10:00:00+08:00` }),
        inspection("CQ-MARK-3", { enterpriseUscc: two!.uscc, occurredAt: `${year}-03-04T10:00:00+08:00` }),
      ],
    });
    expect(errors).toBeUndefined();
    expect(pushed?.ingestRecords.counts).toMatchObject({ applied: 3 });
    // one mark for the batch, naming both enterprises (its records are found by them); no visit yet
    expect(await marks()).toBe(1);
    const [mark] = await t.prisma.supervisionVisitMark.findMany();
    expect([...mark!.enterpriseUsccs].sort()).toEqual([one!.uscc, two!.uscc].sort());
    expect(mark!.recordIds).toEqual([]);
    const record = await t.prisma.enforcementRecord.findFirstOrThrow({ where: { originId: "CQ-MARK-2" } });
    expect(await t.prisma.supervisionVisit.count({ where: { key: `r:${record.id}` } })).toBe(0);

    const { data, errors: readErrors } = await t.gql<{ supervisionIndicators: Array<{ numerator: number | null }> }>(
      `query($from: Date!, $to: Date!) { supervisionIndicators(from: $from, to: $to, jurisdiction: CQ, codes: [INSPECTIONS_PER_ENTERPRISE]) { numerator } }`,
      { as: "gz", variables: { from: `${year}-03-01`, to: `${year}-03-31` } },
    );
    expect(readErrors).toBeUndefined();
    // the three inspections are the month's visits
    expect(data?.supervisionIndicators[0]?.numerator).toBe(3);
    expect(await marks()).toBe(0);
    expect(await t.prisma.supervisionVisit.count({ where: { key: `r:${record.id}` } })).toBe(1);
    await expectRebuiltAlike();
  });

  it("the trend and the alerts refresh first too", async () => {
    const mark = (n: number) => written("sc", `SC-VISIT-READS-${n}`, "91510000READSVISIT", `04-0${n}`);
    const period = { from: `${year}-04-01`, to: `${year}-04-30` };
    await mark(1);
    const trend = await t.gql(
      `query($from: Date!, $to: Date!) { supervisionTrend(from: $from, to: $to, code: INSPECTIONS_PER_ENTERPRISE) { value } }`,
      { as: "gz", variables: period },
    );
    expect(trend.errors).toBeUndefined();
    expect(await marks()).toBe(0);
    await mark(2);
    const alerts = await t.gql(
      `mutation($input: EvaluateSupervisionAlertsInput!) { evaluateSupervisionAlerts(input: $input) { raised } }`,
      { as: "gz", variables: { input: period } },
    );
    expect(alerts.errors).toBeUndefined();
    expect(await marks()).toBe(0);
    expect(await visitsOf("91510000READSVISIT")).toHaveLength(2);
  });

  it("a record stored without an enterprise, corrected into one that is no visit: its old visit goes", async () => {
    const stored = await written("cq", "CQ-VISIT-NULL-1", null, "05-01");
    await refreshMarkedVisits(t.prisma);
    expect(await t.prisma.supervisionVisit.count({ where: { key: `r:${stored.id}` } })).toBe(1);
    // version 2: a penalty decision of an enterprise (a decision is no visit)
    const corrected = {
      ...stored,
      version: 2,
      kind: "PENALTY_DECISION" as const,
      enterpriseUscc: "91510000NULLVISIT1",
      decidedAt: stored.occurredAt,
    };
    await t.prisma.$transaction((tx) => writeRecordRows(tx, [corrected], new Set([stored.originId])));
    await refreshMarkedVisits(t.prisma);
    expect(await t.prisma.supervisionVisit.count({ where: { key: `r:${stored.id}` } })).toBe(0);
    await expectRebuiltAlike();
  });

  it("a refresh while a write of the same enterprise is open takes only committed marks: nothing is lost", async () => {
    const uscc = "91510000RACEVISIT1";
    const row = (origin: "cq" | "sc", day: string): RecordRow =>
      recordRow({
        originJurisdiction: origin,
        originId: `${origin.toUpperCase()}-VISIT-RACE-${day}`,
        enterpriseUscc: uscc,
        occurredAt: new Date(`${day}T02:00:00Z`),
        department: "应急管理局",
        onSite: true,
      });
    const earlier = row("cq", `${year}-08-01`);
    const later = row("sc", `${year}-08-05`);
    await t.prisma.$transaction((tx) => writeRecordRows(tx, [earlier], new Set()));
    // sc's write stays open while a refresh runs: on Postgres until the refresh is done; PGlite (one connection)
    // queues the refresh after the commit, so there the write does not wait
    let written!: () => void;
    const isWritten = new Promise<void>((resolve) => {
      written = resolve;
    });
    let refreshed!: () => void;
    const isRefreshed = new Promise<void>((resolve) => {
      refreshed = resolve;
    });
    const open = t.prisma.$transaction(
      async (tx) => {
        await writeRecordRows(tx, [later], new Set());
        written();
        if (t.db.url) await isRefreshed;
      },
      { timeout: 20_000 },
    );
    await isWritten;
    const during = await refreshMarkedVisits(t.prisma);
    refreshed();
    await open;
    if (t.db.url) {
      // Postgres: the open write's record and mark were not seen; its mark waits for the next refresh
      expect(during).toMatchObject({ marks: 1, enterprises: 1, records: 0 });
      expect((await visitsOf(uscc)).map((v) => v.key)).toEqual([`r:${earlier.id}`]);
      expect(await marks()).toBe(1);
    }
    await refreshMarkedVisits(t.prisma);
    expect(await marks()).toBe(0);
    expect((await visitsOf(uscc)).map((v) => [v.key, v.previousKey])).toEqual([
      [`r:${earlier.id}`, null],
      [`r:${later.id}`, `r:${earlier.id}`],
    ]);
    await expectRebuiltAlike();
  });

  it("a refresh that fails keeps its marks; the next one takes them (a record without an enterprise)", async () => {
    const record = recordRow({
      originJurisdiction: "cq",
      originId: "CQ-VISIT-FAIL-1",
      occurredAt: new Date(`${year}-09-01T02:00:00Z`),
    });
    const visitOfRecord = () => t.prisma.supervisionVisit.findMany({ where: { key: `r:${record.id}` } });
    await t.prisma.$transaction((tx) => writeRecordRows(tx, [record], new Set()));
    expect(await marks()).toBe(1);
    // the participations' table gone for a moment: the refresh fails after deleting the marks it took
    await t.prisma.$executeRawUnsafe(`ALTER TABLE "SupervisionParticipation" RENAME TO "SupervisionParticipationAway"`);
    try {
      await expect(refreshMarkedVisits(t.prisma)).rejects.toThrow();
    } finally {
      await t.prisma.$executeRawUnsafe(
        `ALTER TABLE "SupervisionParticipationAway" RENAME TO "SupervisionParticipation"`,
      );
    }
    expect(await marks()).toBe(1);
    expect(await visitOfRecord()).toEqual([]);
    expect(await refreshMarkedVisits(t.prisma)).toMatchObject({ marks: 1, enterprises: 0, records: 1, steps: 1 });
    expect(await visitOfRecord()).toMatchObject([{ enterpriseUscc: null, jurisdiction: "cq" }]);
  });

  it("a backlog is refreshed in transactions within their bounds, each mark taken whole", async () => {
    // three writes of 300 enterprises each (registered nowhere, no records: nothing to recompute, only to take)
    const usccs = (mark: number) =>
      Array.from({ length: 300 }, (_, i) => `BACKLOG-${mark}-${String(i).padStart(3, "0")}`);
    for (const mark of [1, 2, 3]) {
      await t.prisma.$transaction((tx) => markVisitsStale(tx, { usccs: usccs(mark), recordIds: [] }));
    }
    expect(REFRESH_BOUNDS.enterprises).toBeLessThan(600);
    // 300 + 300 is over the bound: one mark a transaction
    expect(await refreshMarkedVisits(t.prisma)).toEqual({ marks: 3, enterprises: 900, records: 0, steps: 3 });
    expect(await marks()).toBe(0);
  });

  it("a backlog of writes naming the same enterprises is one transaction: each history is recomputed once", async () => {
    const usccs = Array.from({ length: 300 }, (_, i) => `SAME-${String(i).padStart(3, "0")}`);
    for (let write = 0; write < 5; write++) {
      await t.prisma.$transaction((tx) => markVisitsStale(tx, { usccs, recordIds: [] }));
    }
    // 5 × 300 is over the bound, 300 distinct within it
    expect(await refreshMarkedVisits(t.prisma)).toEqual({ marks: 5, enterprises: 300, records: 0, steps: 1 });
    expect(await marks()).toBe(0);
  });

  it("readers at once share the process's refresh: one running, one waiting, every reader's marks taken", async () => {
    const uscc = "91510000SHAREVISIT";
    const write = (n: number) => written("cq", `CQ-VISIT-SHARE-${n}`, uscc, `11-0${n}`);
    await write(1);
    await write(2);
    // three readers in the same tick: the first starts a refresh, the next two wait for the one after it
    const first = refreshMarkedVisits(t.prisma);
    const [second, third] = [refreshMarkedVisits(t.prisma), refreshMarkedVisits(t.prisma)];
    expect(second).toBe(third);
    expect(second).not.toBe(first);
    expect((await first).marks).toBe(2);
    expect((await second).marks).toBe(0); // started after the first had taken every mark
    expect(await marks()).toBe(0);
    expect(await visitsOf(uscc)).toHaveLength(2);
  });

  it("the gateway's refresher takes the marks on its own, without a read", async () => {
    const uscc = "91510000LATEVISIT1";
    const record = recordRow({
      originJurisdiction: "sc",
      originId: "SC-VISIT-LATE-1",
      enterpriseUscc: uscc,
      occurredAt: new Date(`${year}-10-01T02:00:00Z`),
    });
    await t.prisma.$transaction((tx) => writeRecordRows(tx, [record], new Set()));
    const refresher = startVisitRefresher({
      prisma: t.prisma,
      config: { ...t.config, supervision: { ...t.config.supervision, visitRefreshMs: 50 } },
      logger: t.services.logger,
    });
    try {
      const deadline = Date.now() + 10_000;
      while ((await marks()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await refresher.stop();
    }
    expect(await marks()).toBe(0);
    expect((await visitsOf(uscc)).map((v) => v.key)).toEqual([`r:${record.id}`]);
  });
});

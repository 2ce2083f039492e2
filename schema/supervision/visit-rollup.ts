/**
 * The visit rollup (SupervisionVisit) kept current by the writes (issue 18 item 5): every write that can change a
 * visit calls `refreshSupervisionVisits` in its own transaction with the enterprises and records it touched —
 *   - records (ingest, quarantine replay, reportPenaltyDecision): `writeRecordRows`, with the enterprises of
 *     the stored versions too (a corrected record may move to another enterprise, or stop being a task's
 *     earliest act);
 *   - joint tasks: every update of an InspectionTask (its state, results and last change decide its visit).
 * The refresh recomputes every visit of those enterprises (and of those records, whatever their enterprise)
 * from the definition (visit-rows.ts) and replaces their rows: idempotent — a re-pushed record or a replayed
 * batch writes the same rows again — and a correction moves its visit. It reads only the enterprises' own rows
 * (indexes by enterprise), never a whole table. The officer participations of those visits
 * (SupervisionParticipation: a record's officers, a DONE task's TaskOfficer rows) are replaced with them, in the
 * same statement as the visit rows they derive from; a task's team is read when its update refreshes it (a team is
 * only re-formed while the task is PLANNED, before it can be a visit: dispatch/task-planner.ts).
 *
 * Concurrency: a recomputation reads with its statement's snapshot, so two transactions writing visits of one
 * enterprise (a cq batch and an sc batch) could each miss the other's uncommitted record and both keep their view —
 * each record's visit without the other as its previous one. Each refresh therefore first takes a transaction-scoped
 * advisory lock per enterprise (in one order: no deadlock between two refreshes) and recomputes in later statements,
 * whose snapshots see whatever a transaction holding the same lock committed.
 */
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { keyOrNull } from "../common/node-access.ts";
import {
  insertVisitCounterRowsSql,
  moveVisitCounters,
  VISIT_COUNTERS,
  visitContributionsOf,
} from "./visit-counters.ts";
import { lockVisitsOf } from "./visit-lock.ts";
import { insertVisitRowsSql } from "./visit-rows.ts";

export interface TouchedVisits {
  /** enterprises whose visits may have changed (null: a record without one — its own key covers it) */
  usccs: ReadonlyArray<string | null | undefined>;
  /** records written (their `r:` visit is replaced even when their enterprise is null) */
  recordIds?: readonly string[];
  /**
   * the earliest act of the records written, stored versions included: no visit before it changes (a record
   * writes its own visit and, at most, a later visit's previous one or a task visit at its time), so the visit
   * counters read only the visits from then on — a write costs its own visits, not the enterprises' history
   */
  since?: Date;
}

type Tx = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

/** THE write-path hook: replaces the rollup rows of the touched enterprises and records, inside `tx` */
export async function refreshSupervisionVisits(tx: Tx, touched: TouchedVisits): Promise<void> {
  const usccs = [...new Set(touched.usccs.filter((u): u is string => typeof u === "string"))].sort();
  const recordIds = [...new Set(touched.recordIds ?? [])];
  if (usccs.length === 0 && recordIds.length === 0) return;
  const keys = recordIds.map((id) => `r:${id}`);
  // one statement takes every enterprise's lock, in the order of their numbers; the recomputation comes after
  await lockVisitsOf(tx, usccs);
  // the tasks these records name, by key or global id: the refresh reads those tasks only (by primary key)
  const refs = await tx.$queryRaw<Array<{ ref: string }>>`SELECT DISTINCT r."payload"->>'taskId' AS ref
    FROM "EnforcementRecord" r
    WHERE (r."enterpriseUscc" = ANY(${usccs}::text[]) OR r."id" = ANY(${recordIds}::text[]))
      AND r."kind" = 'INSPECTION' AND r."payload"->>'taskId' IS NOT NULL`;
  const taskKeys = refs.flatMap(({ ref }) => [ref, keyOrNull("InspectionTask", ref)]).filter((k) => k !== null);
  // the visit counters move by what these visits contribute after the replacement against before (visit-counters.ts)
  const replaced = { usccs, keys, since: await sinceOf(tx, touched.since, taskKeys) };
  const before = await visitContributionsOf(tx, replaced);
  await tx.$executeRaw`DELETE FROM "SupervisionVisit"
    WHERE "enterpriseUscc" = ANY(${usccs}::text[]) OR "key" = ANY(${keys}::text[])`;
  // a participation carries its visit's enterprise and key: the same rows as the visits deleted above
  await tx.$executeRaw`DELETE FROM "SupervisionParticipation"
    WHERE "enterpriseUscc" = ANY(${usccs}::text[]) OR "visitKey" = ANY(${keys}::text[])`;
  // ON CONFLICT: a concurrent refresh of the same enterprise (another origin's batch) may have inserted a row
  // after this transaction's DELETE; this statement's snapshot sees that commit, so replacing it is right
  await tx.$executeRaw(insertVisitRowsSql({ usccs, recordIds, taskKeys }));
  await moveVisitCounters(tx, replaced, before);
}

/** the whole rollup (visits, their participations and counters) again from the records and tasks (tests); the visits' count */
export async function rebuildSupervisionVisits(tx: Tx): Promise<number> {
  await tx.$executeRaw`DELETE FROM "SupervisionParticipation"`;
  await tx.$executeRaw`DELETE FROM "SupervisionVisit"`;
  await tx.$executeRaw(insertVisitRowsSql({ all: true }));
  for (const counter of VISIT_COUNTERS) {
    await tx.$executeRaw(Prisma.raw(`DELETE FROM "${counter.table}"`));
    await tx.$executeRaw(insertVisitCounterRowsSql(counter));
  }
  const [row] = await tx.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "SupervisionVisit"`;
  return Number(row?.n ?? 0);
}

/**
 * `since`, or earlier when a joint visit of a task these records may answer is earlier: a record answering a task
 * moves the task's visit to its act (from its first result or last change, which may be before it)
 */
async function sinceOf(tx: Tx, since: Date | undefined, taskKeys: readonly string[]): Promise<Date | undefined> {
  if (since === undefined || taskKeys.length === 0) return since;
  const [row] = await tx.$queryRaw<Array<{ at: Date | null }>>`SELECT min("at") AS at FROM "SupervisionVisit"
    WHERE "key" = ANY(${taskKeys.map((k) => `t:${k}`)}::text[])`;
  return row?.at && new Date(row.at) < since ? new Date(row.at) : since;
}

/**
 * The visit rollup (SupervisionVisit) kept current by the writes (issue 18 item 5): `refreshSupervisionVisits`
 * brings the visits of the enterprises and records a write touched up to date. The writes mark what they touched
 * and the refresh of the marks (visit-marks.ts) runs this after their commit, for many writes at once, and before
 * every read of the rollup (issue 19 item 3):
 *   - records (ingest, quarantine replay, reportPenaltyDecision): `writeRecordRows`, with the enterprises of
 *     the stored versions too (a corrected record may move to another enterprise, or stop being a task's
 *     earliest act);
 *   - joint tasks: every update of an InspectionTask (its state, results and last change decide its visit).
 * The refresh recomputes every visit of those enterprises (and of those records, whatever their enterprise)
 * from the definition (visit-rows.ts), compares them with the stored rows and replaces only the rows that differ
 * (visit-row-writes.ts): idempotent — a re-pushed record or a replayed batch changes nothing — and a correction
 * moves its visit and the next visit's previous one. Its writes, and the counters' deltas, cost the visits that
 * changed, not the enterprises' history; it reads only the enterprises' own rows (indexes by enterprise), never a
 * whole table. The officer participations of the visits replaced (SupervisionParticipation: a record's officers, a
 * DONE task's TaskOfficer rows) are replaced with them, in the same statement as the visit rows they derive from; a
 * joint task's visit is always replaced, as its team is not on its row (a team is only re-formed while the task is
 * PLANNED, before it can be a visit: dispatch/task-planner.ts, but a refresh does not rely on it).
 *
 * Concurrency: refreshes run one at a time (visit-marks.ts), after the writes they recompute have committed. A
 * register write moves the counters of an enterprise's visits (visit-counters.ts): each refresh first takes a
 * transaction-scoped advisory lock per enterprise (in one order) and recomputes in later statements, whose snapshots
 * see whatever a transaction holding the same lock committed.
 */
import { executeBulk, queryBulk } from "../../gateway/db/bulk-statements.ts";
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { keyOrNull } from "../common/node-access.ts";
import {
  insertVisitCounterRowsSql,
  moveVisitCounters,
  VISIT_COUNTERS,
  visitContributionsOf,
} from "./visit-counters.ts";
import { lockVisitsOf } from "./visit-lock.ts";
import {
  type ChangedVisit,
  changedVisitRowsSql,
  insertAllVisitRowsSql,
  insertGivenVisitRowsSql,
} from "./visit-row-writes.ts";

export interface TouchedVisits {
  /** enterprises whose visits may have changed (null: a record without one — its own key covers it) */
  usccs: ReadonlyArray<string | null | undefined>;
  /** records written (their `r:` visit is replaced even when their enterprise is null) */
  recordIds?: readonly string[];
}

type Tx = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

/** the enterprises (without nulls) and records touched, each once, in order */
export function distinctTouched(touched: TouchedVisits): { usccs: string[]; recordIds: string[] } {
  return {
    usccs: [...new Set(touched.usccs.filter((u): u is string => typeof u === "string"))].sort(),
    recordIds: [...new Set(touched.recordIds ?? [])].sort(),
  };
}

/** brings the rollup rows of the touched enterprises and records up to date, inside `tx` (visit-marks.ts runs it) */
export async function refreshSupervisionVisits(tx: Tx, touched: TouchedVisits): Promise<void> {
  const { usccs, recordIds } = distinctTouched(touched);
  if (usccs.length === 0 && recordIds.length === 0) return;
  // one statement takes every enterprise's lock, in the order of their numbers; the recomputation comes after
  await lockVisitsOf(tx, usccs);
  // the tasks these records name, by key or global id: the refresh reads those tasks only (by primary key)
  // this and every statement below with the touched keys over the transaction's own connection (bulk-statements.ts)
  const refs = await queryBulk<{ ref: string }>(
    tx,
    Prisma.sql`SELECT DISTINCT r."payload"->>'taskId' AS ref
    FROM "EnforcementRecord" r
    WHERE (r."enterpriseUscc" = ANY(${usccs}::text[]) OR r."id" = ANY(${recordIds}::text[]))
      AND r."kind" = 'INSPECTION' AND r."payload"->>'taskId' IS NOT NULL`,
  );
  const taskKeys = refs.flatMap(({ ref }) => [ref, keyOrNull("InspectionTask", ref)]).filter((k) => k !== null);
  const changed = await queryBulk<ChangedVisit>(tx, changedVisitRowsSql({ usccs, recordIds, taskKeys }));
  if (changed.length === 0) return; // a re-pushed record: every row is already right
  // the visit counters move by what the changed visits contribute after the replacement against before
  // (visit-counters.ts): each row holds all its contribution depends on, so the other visits do not move them
  const replaced = { keys: changed.map((visit) => visit.key) };
  const before = await visitContributionsOf(tx, replaced);
  await executeBulk(tx, Prisma.sql`DELETE FROM "SupervisionVisit" WHERE "key" = ANY(${replaced.keys}::text[])`);
  await executeBulk(
    tx,
    Prisma.sql`DELETE FROM "SupervisionParticipation" WHERE "visitKey" = ANY(${replaced.keys}::text[])`,
  );
  const rows = changed.flatMap((visit) => (visit.row ? [visit.row] : []));
  if (rows.length > 0) await executeBulk(tx, insertGivenVisitRowsSql(rows));
  await moveVisitCounters(tx, replaced, before);
}

/** the whole rollup (visits, their participations and counters) again from the records and tasks (tests); the visits' count */
export async function rebuildSupervisionVisits(tx: Tx): Promise<number> {
  await tx.$executeRaw`DELETE FROM "SupervisionParticipation"`;
  await tx.$executeRaw`DELETE FROM "SupervisionVisit"`;
  await tx.$executeRaw(insertAllVisitRowsSql());
  for (const counter of VISIT_COUNTERS) {
    await tx.$executeRaw(Prisma.raw(`DELETE FROM "${counter.table}"`));
    await tx.$executeRaw(insertVisitCounterRowsSql(counter));
  }
  const [row] = await tx.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "SupervisionVisit"`;
  return Number(row?.n ?? 0);
}

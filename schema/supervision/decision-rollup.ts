/**
 * The decision rollup (SupervisionDecisionDay) kept current by the writes (issue 18 item 5), as the visit rollup
 * is (visit-rollup.ts): every write that can change a penalty decision's contribution refreshes the keys it touched
 * in its own transaction, AFTER the decision's warnings are written (they decide measured / matched / deviations):
 *   - ingest and quarantine replay (`ingestInTransaction`) and `reportPenaltyDecision`: `writeRecordRows` reads the
 *     keys of the stored versions before it overwrites them (`decisionDaysBefore`); once the warnings of the new
 *     versions are written, `refreshSupervisionDecisionDays` takes those keys and the keys of the records as now
 *     stored — a correction that moves a decision's day, item, department or fine refreshes both rows.
 * The refresh recomputes those keys' rows from the definition (decision-day-rows.ts) and replaces them: idempotent
 * (a re-pushed record or a replayed batch writes the same rows again). It reads only those keys' decisions (the
 * records' index on (itemCode, decidedAt)), never a whole table.
 *
 * Concurrency: the rows are recomputed, never incremented, but a recomputation reads with its statement's snapshot,
 * so two transactions writing decisions of the same key could each miss the other's uncommitted decision and the
 * later commit would win with a stale count. Each refresh therefore first takes a transaction-scoped advisory lock
 * per key (in one order: no deadlock between two refreshes) and computes in a later statement, whose snapshot sees
 * whatever a transaction holding the same lock committed. Two ingest batches of one origin are serialized already
 * (the ingest lock); the key's origin keeps two origins apart; the lock orders a `reportPenaltyDecision` against an
 * ingest batch of the same origin.
 */
import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { type DecisionDayKey, decisionDayKeysOfSql, insertDecisionDayRowsSql } from "./decision-day-rows.ts";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

/** pg_advisory_xact_lock(int, int) key space of the decision rollup ("decd"); the second key hashes the row's key */
const DECISION_DAY_LOCK = 0x64656364;

export interface TouchedDecisionDays {
  /** keys the records had before the write (their stored versions) */
  before: readonly DecisionDayKey[];
  /** records written: their keys as stored now are refreshed too */
  recordIds: readonly string[];
}

/** the keys these records have as stored now: read before a write overwrites them */
export async function decisionDaysOf(tx: Tx, recordIds: readonly string[]): Promise<DecisionDayKey[]> {
  if (recordIds.length === 0) return [];
  return tx.$queryRaw<DecisionDayKey[]>(decisionDayKeysOfSql(recordIds));
}

const keyText = (k: DecisionDayKey) => `${k.day}|${k.jurisdiction}|${k.itemCode}|${k.department}`;

/** THE write-path hook: replaces the rollup rows of the touched keys, inside `tx`, after the warnings are written */
export async function refreshSupervisionDecisionDays(tx: Tx, touched: TouchedDecisionDays): Promise<void> {
  const now = await decisionDaysOf(tx, touched.recordIds);
  const keys = [...new Map([...touched.before, ...now].map((k) => [keyText(k), k])).values()];
  if (keys.length === 0) return;
  const texts = keys.map(keyText);
  // one statement takes every lock, in the order of their numbers; the recomputation below is a later statement
  await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(${DECISION_DAY_LOCK}::int, h)) AS locked
    FROM (SELECT DISTINCT hashtext(t) AS h FROM unnest(${texts}::text[]) AS t ORDER BY 1) x`;
  await tx.$executeRaw`DELETE FROM "SupervisionDecisionDay" s
    USING unnest(${keys.map((k) => k.day)}::date[], ${keys.map((k) => k.jurisdiction)}::text[],
      ${keys.map((k) => k.itemCode)}::text[], ${keys.map((k) => k.department)}::text[]) AS k(day, j, item, dept)
    WHERE s."day" = k.day AND s."jurisdiction" = k.j AND s."itemCode" = k.item AND s."department" = k.dept`;
  await tx.$executeRaw(insertDecisionDayRowsSql({ keys }));
}

/** the whole rollup again from the records and warnings (tests; after data loaded straight into the tables) */
export async function rebuildSupervisionDecisionDays(tx: Tx): Promise<number> {
  await tx.$executeRaw`DELETE FROM "SupervisionDecisionDay"`;
  return tx.$executeRaw(insertDecisionDayRowsSql({ all: true }));
}

/**
 * The visit rollup of records, refreshed after their write (issue 19 item 3). Recomputing an enterprise's visits
 * costs its whole history (visit-row-writes.ts `changedVisitRowsSql`): inside every ingest transaction it was over
 * half of Postgres's work for a batch (bench/README.md, "ingest: where a batch's time goes"). A record write now
 * only marks what it touched (`markVisitsStale`, in its own transaction); `refreshMarkedVisits` takes the marks and
 * recomputes their visits in one transaction, for many batches at once. It runs
 *   - in the gateway process, shortly after marks appear (visit-refresher.ts), and
 *   - before every read of the rollup (indicators, trends, alerts, the records behind a figure): a read always sees
 *     the records committed before it, as when the refresh ran inside the write.
 *
 * Nothing is lost: a mark commits with the records it names, so a refresh that sees the mark sees the records; the
 * refresh deletes exactly the marks it read, in the transaction that writes their visits, so a failed refresh
 * leaves them for the next. Marks are never deduplicated when written (an insert that skipped a conflicting mark
 * could see it taken by a refresh that cannot see the new records); a refresh deduplicates what it takes.
 * One refresh at a time (a transaction-scoped advisory lock): a read waits for a refresh under way, then finishes
 * what is left.
 */
import type { Prisma, PrismaClient } from "../../gateway/db/generated/prisma/client.ts";
import { refreshSupervisionVisits, type TouchedVisits } from "./visit-rollup.ts";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

/** pg_advisory_xact_lock(int, int) of the refresh of marks ("vmrk", 0): apart from the enterprises' locks (visit-lock.ts) */
const REFRESH_LOCK = [0x766d726b, 0] as const;

/** marks taken by one refresh transaction: bounds its time (a long outage's backlog is refreshed in several) */
export const MARKS_PER_REFRESH = 20_000;

/**
 * Marks the visits a record write may have changed, inside its transaction: every enterprise touched (before and
 * after a correction), and each record without an enterprise (its own `r:` visit; one with an enterprise is
 * recomputed with that enterprise's visits, wherever its row was before).
 */
export async function markVisitsStale(
  tx: Tx,
  touched: { usccs: TouchedVisits["usccs"]; recordsWithoutEnterprise: readonly string[] },
): Promise<void> {
  const usccs = [...new Set(touched.usccs.filter((u): u is string => typeof u === "string"))].sort();
  const recordIds = [...new Set(touched.recordsWithoutEnterprise)].sort();
  if (usccs.length === 0 && recordIds.length === 0) return;
  await tx.$executeRaw`INSERT INTO "SupervisionVisitMark" ("enterpriseUscc", "recordId")
    SELECT u, NULL FROM unnest(${usccs}::text[]) AS u
    UNION ALL SELECT NULL, r FROM unnest(${recordIds}::text[]) AS r`;
}

export interface MarkedRefresh {
  /** marks taken */
  marks: number;
  /** enterprises and records whose visits were recomputed */
  enterprises: number;
  records: number;
}

/**
 * Refreshes the visits of every mark committed when it starts (those written later are the next refresh's), in
 * transactions of at most MARKS_PER_REFRESH marks. Returns what it took; nothing when no mark is pending.
 */
export async function refreshMarkedVisits(prisma: PrismaClient): Promise<MarkedRefresh> {
  const total: MarkedRefresh = { marks: 0, enterprises: 0, records: 0 };
  const [last] = await prisma.$queryRaw<
    Array<{ id: bigint | null }>
  >`SELECT max("id") AS id FROM "SupervisionVisitMark"`;
  if (last?.id == null) return total;
  for (;;) {
    const step = await prisma.$transaction((tx) => refreshMarksUpTo(tx, last.id!), {
      timeout: 300_000,
      maxWait: 60_000,
    });
    total.marks += step.marks;
    total.enterprises += step.enterprises;
    total.records += step.records;
    if (step.marks < MARKS_PER_REFRESH) return total;
  }
}

async function refreshMarksUpTo(tx: Tx, lastId: bigint): Promise<MarkedRefresh> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK[0]}::int, ${REFRESH_LOCK[1]}::int)`;
  const taken = await tx.$queryRaw<Array<{ uscc: string | null; recordId: string | null }>>`
    DELETE FROM "SupervisionVisitMark" WHERE "id" IN (
      SELECT "id" FROM "SupervisionVisitMark" WHERE "id" <= ${lastId} ORDER BY "id" LIMIT ${MARKS_PER_REFRESH}
    ) RETURNING "enterpriseUscc" AS uscc, "recordId"`;
  const usccs = [...new Set(taken.flatMap((m) => (m.uscc === null ? [] : [m.uscc])))];
  const recordIds = [...new Set(taken.flatMap((m) => (m.recordId === null ? [] : [m.recordId])))];
  await refreshSupervisionVisits(tx, { usccs, recordIds });
  return { marks: taken.length, enterprises: usccs.length, records: recordIds.length };
}

/**
 * The visit rollup refreshed after the writes that change it (issue 19 item 3). Recomputing an enterprise's visits
 * costs its whole history (visit-row-writes.ts `changedVisitRowsSql`): inside every ingest transaction it was over
 * half of Postgres's work for a batch (bench/README.md, "ingest: where a batch's time goes"). A write — a batch of
 * records (writeRecordRows), a joint task's update — now only marks what it touched (`markVisitsStale`, one row in
 * its own transaction); `refreshMarkedVisits` takes whole marks and recomputes their visits in one transaction, for
 * many writes at once. It runs
 *   - in the gateway process, shortly after marks appear (visit-refresher.ts), and
 *   - before every read of the rollup (indicators, trends, alerts, the records behind a figure): a read always sees
 *     the writes committed before it, as when the refresh ran inside the write.
 *
 * Nothing is lost: a mark commits with the writes it names, so a refresh that sees the mark sees them; the refresh
 * deletes exactly the marks it read, in the transaction that writes their visits, so a failed refresh leaves them
 * for the next. Marks are never deduplicated when written (an insert that skipped a conflicting mark could see it
 * taken by a refresh that cannot see the new records). A mark is one write's whole set, always taken whole: the
 * visit of a record corrected from one enterprise to another is recomputed with both locked.
 *
 * One refresh at a time: across processes by a transaction-scoped advisory lock, within a process by sharing —
 * a caller that arrives while one runs waits for the next one, which starts when it ends and covers the caller's
 * marks (at most one running and one waiting per process, whatever the number of readers). Every refresh of visits
 * runs here, so two refreshes never replace the same visit at once.
 */
import { executeBulk } from "../../gateway/db/bulk-statements.ts";
import { Prisma, type PrismaClient } from "../../gateway/db/generated/prisma/client.ts";
import { marksInStep } from "./rules/refresh-steps.ts";
import { distinctTouched, refreshSupervisionVisits, type TouchedVisits } from "./visit-rollup.ts";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

/** pg_advisory_xact_lock(int, int) of the refresh of marks ("vmrk", 0): apart from the enterprises' locks (visit-lock.ts) */
const REFRESH_LOCK = [0x766d726b, 0] as const;

/**
 * What one refresh transaction takes at most, distinct (beyond its first mark, always taken whole; rules/refresh-steps.ts):
 * each enterprise is an advisory lock held to its commit (Postgres's shared lock table holds ~6,400 with the default
 * settings), and the recomputation reads every record of each.
 */
export const REFRESH_BOUNDS = { enterprises: 500, records: 20_000 } as const;

/** Marks the visits a write may have changed, inside its transaction: the enterprises (before and after) and records */
export async function markVisitsStale(tx: Tx, touched: TouchedVisits): Promise<void> {
  const { usccs, recordIds } = distinctTouched(touched);
  if (usccs.length === 0 && recordIds.length === 0) return;
  await executeBulk(
    tx,
    Prisma.sql`INSERT INTO "SupervisionVisitMark" ("enterpriseUsccs", "recordIds")
    VALUES (${usccs}::text[], ${recordIds}::text[])`,
  );
}

export interface MarkedRefresh {
  /** marks taken */
  marks: number;
  /** distinct enterprises and records of each transaction, summed */
  enterprises: number;
  records: number;
  /** refresh transactions */
  steps: number;
}

interface Refreshing {
  current: Promise<MarkedRefresh>;
  next: Promise<MarkedRefresh> | null;
}
const refreshing = new WeakMap<PrismaClient, Refreshing>();

/**
 * Refreshes the visits of every mark committed before the call (those written later are the next refresh's), in
 * transactions within REFRESH_BOUNDS. Shares the process's refresh: see above.
 */
export function refreshMarkedVisits(prisma: PrismaClient): Promise<MarkedRefresh> {
  const state = refreshing.get(prisma);
  if (!state) return begin(prisma);
  state.next ??= state.current.then(settle, settle).then(() => begin(prisma));
  return state.next;
}

const settle = () => undefined;

function begin(prisma: PrismaClient): Promise<MarkedRefresh> {
  const run = refreshEveryMark(prisma).finally(() => {
    const state = refreshing.get(prisma);
    if (state?.current === run && state.next === null) refreshing.delete(prisma);
  });
  refreshing.set(prisma, { current: run, next: null });
  return run;
}

/** the newest mark's id (null: no mark left) */
export async function newestMark(prisma: Pick<PrismaClient, "$queryRaw">): Promise<bigint | null> {
  const [last] = await prisma.$queryRaw<
    Array<{ id: bigint | null }>
  >`SELECT max("id") AS id FROM "SupervisionVisitMark"`;
  return last?.id == null ? null : BigInt(last.id);
}

async function refreshEveryMark(prisma: PrismaClient): Promise<MarkedRefresh> {
  const total: MarkedRefresh = { marks: 0, enterprises: 0, records: 0, steps: 0 };
  const last = await newestMark(prisma);
  if (last === null) return total;
  for (;;) {
    const step = await prisma.$transaction((tx) => refreshMarksUpTo(tx, last), {
      timeout: 300_000,
      maxWait: 60_000,
    });
    if (step.marks === 0) return total;
    total.marks += step.marks;
    total.enterprises += step.enterprises;
    total.records += step.records;
    total.steps += 1;
  }
}

/** the most marks one refresh transaction reads to choose its step (their sets are held in memory) */
const MARKS_READ = 1_000;

/** one transaction: the oldest whole marks up to `lastId` within REFRESH_BOUNDS (at least one), their visits recomputed */
async function refreshMarksUpTo(tx: Tx, lastId: bigint): Promise<Omit<MarkedRefresh, "steps">> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK[0]}::int, ${REFRESH_LOCK[1]}::int)`;
  // under the refresh's lock no other refresh takes marks: those read here are deleted below as they were read
  const oldest = await tx.$queryRaw<Array<{ id: bigint; usccs: string[] | null; recordIds: string[] | null }>>`
    SELECT "id", "enterpriseUsccs" AS usccs, "recordIds" FROM "SupervisionVisitMark"
    WHERE "id" <= ${lastId} ORDER BY "id" LIMIT ${MARKS_READ}`;
  const taken = oldest.slice(0, marksInStep(oldest, REFRESH_BOUNDS));
  if (taken.length === 0) return { marks: 0, enterprises: 0, records: 0 };
  await tx.$executeRaw`DELETE FROM "SupervisionVisitMark" WHERE "id" = ANY(${taken.map((mark) => String(mark.id))}::bigint[])`;
  const { usccs, recordIds } = distinctTouched({
    usccs: taken.flatMap((mark) => mark.usccs ?? []),
    recordIds: taken.flatMap((mark) => mark.recordIds ?? []),
  });
  await refreshSupervisionVisits(tx, { usccs, recordIds });
  return { marks: taken.length, enterprises: usccs.length, records: recordIds.length };
}

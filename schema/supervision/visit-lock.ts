/**
 * The per-enterprise lock of the visit rollup: a transaction-scoped advisory lock per enterprise, taken before
 * anything that reads an enterprise's visits to replace them or their counters — the visit refresh
 * (visit-rollup.ts) and a register write that moves the counters of an enterprise's grades or industry
 * (visit-counters.ts). Taken in one statement in the order of the locks' numbers, so two holders of several never
 * deadlock; the statements after it see whatever a transaction that held one of them committed.
 */
import { queryBulk } from "../../gateway/db/bulk-statements.ts";
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";

type Tx = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

/** pg_advisory_xact_lock(int, int) key space of the visit rollup ("visi"); the second key hashes the USCC */
const VISIT_LOCK = 0x76697369;

export async function lockVisitsOf(tx: Tx, usccs: readonly string[]): Promise<void> {
  if (usccs.length === 0) return;
  // over the transaction's own connection, as the refresh's other statements with an array of its size
  await queryBulk(
    tx,
    Prisma.sql`SELECT count(pg_advisory_xact_lock(${VISIT_LOCK}::int, h)) AS locked
    FROM (SELECT DISTINCT hashtext(u) AS h FROM unnest(${[...usccs]}::text[]) AS u ORDER BY 1) x`,
  );
}

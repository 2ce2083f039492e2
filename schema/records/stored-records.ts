/**
 * The stored versions of a batch's records, read in ONE statement over the transaction's own connection
 * (gateway/db/bulk-statements.ts): the ORM's `findMany` sent 1,000 ids as 1,000 parameters and mapped every row
 * through its runtime (~9% of the gateway's busy time in the ingest bench, bench/README.md). Rows come back as
 * the RecordRow the ingest path compares and overwrites; the fine travels as text (node-postgres and Prisma's raw
 * path would otherwise answer an int8 differently) and is read back as fen.
 */
import { queryBulk } from "../../gateway/db/bulk-statements.ts";
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import type { Jurisdiction } from "../common/jurisdiction.ts";
import type { RecordRow } from "./rules/record-document.ts";

type StoredRow = Omit<RecordRow, "fineFen"> & { fineFen: string | null };

export async function storedRecords(
  tx: Prisma.TransactionClient,
  origin: Jurisdiction,
  originIds: readonly string[],
): Promise<RecordRow[]> {
  if (originIds.length === 0) return [];
  const rows = await queryBulk<StoredRow>(
    tx,
    Prisma.sql`
    SELECT "id", "kind"::text AS "kind", "originJurisdiction", "originId", "version", "itemCode", "enterpriseUscc",
      "officerCertificates", "occurredAt", "decidedAt", "fineFen"::text AS "fineFen", "result", "payload",
      "department", "inspectionMode"::text AS "inspectionMode", "onSite", "resultPublishedAt", "codeScanned",
      "lenientKind"::text AS "lenientKind"
    FROM "EnforcementRecord"
    WHERE "originJurisdiction" = ${origin} AND "originId" = ANY(${[...originIds]}::text[])`,
  );
  return rows.map((row) => ({ ...row, fineFen: row.fineFen === null ? null : BigInt(row.fineFen) }));
}

/**
 * The stored versions of a batch's records, read in ONE statement over the transaction's own connection
 * (gateway/db/bulk-statements.ts): the ORM's `findMany` sent 1,000 ids as 1,000 parameters and mapped every row
 * through its runtime (~9% of the gateway's busy time in the ingest bench, bench/README.md). Rows come back as
 * the RecordRow the ingest path compares and overwrites; the fine travels as text (node-postgres and Prisma's raw
 * path would otherwise answer an int8 differently) and is read back as fen. Each record is looked up by its own key
 * (rows-by-keys.ts): a table filled faster than it is analyzed had every batch filter all the origin's rows.
 */
import { queryBulk } from "../../gateway/db/bulk-statements.ts";
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { rowsByKeys } from "../../gateway/db/rows-by-keys.ts";
import type { Jurisdiction } from "../common/jurisdiction.ts";
import type { RecordRow } from "./rules/record-document.ts";

type StoredRow = Omit<RecordRow, "fineFen"> & { fineFen: string | null };

export async function storedRecords(
  tx: Prisma.TransactionClient,
  origin: Jurisdiction,
  originIds: readonly string[],
): Promise<RecordRow[]> {
  if (originIds.length === 0) return [];
  const rows = await queryBulk<StoredRow>(tx, storedRecordsSql(origin, originIds));
  return rows.map((row) => ({ ...row, fineFen: row.fineFen === null ? null : BigInt(row.fineFen) }));
}

/** the statement of `storedRecords` (tests read its plan) */
export const storedRecordsSql = (origin: Jurisdiction, originIds: readonly string[]): Prisma.Sql => {
  const byOriginId = (key: Prisma.Sql) => Prisma.sql`t."originJurisdiction" = ${origin} AND t."originId" = ${key}`;
  return Prisma.sql`
    SELECT r."id", r."kind"::text AS "kind", r."originJurisdiction", r."originId", r."version", r."itemCode",
      r."enterpriseUscc", r."officerCertificates", r."occurredAt", r."decidedAt", r."fineFen"::text AS "fineFen",
      r."result", r."payload", r."department", r."inspectionMode"::text AS "inspectionMode", r."onSite",
      r."resultPublishedAt", r."codeScanned", r."lenientKind"::text AS "lenientKind"
    FROM ${rowsByKeys(originIds, "EnforcementRecord", byOriginId, "r")}`;
};

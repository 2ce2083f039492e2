/**
 * Writes a batch of EnforcementRecord rows in one raw statement each for the new and the changed rows: the batch
 * travels as ONE jsonb parameter expanded by `jsonb_to_recordset`. The ORM's createMany/update spent ~0.3 s of
 * CPU per 500 rows on query building and parameter mapping (the ingest bench's profile), the statement below
 * ~15 ms. Column types are those of the migrations (init, supervision_indicators); test/schema/ingest.test.ts reads the rows back through
 * Prisma.
 */
import { executeBulk } from "../../gateway/db/bulk-statements.ts";
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import type { RecordRow } from "./rules/record-document.ts";

const BATCH_COLUMNS = Prisma.raw(`"id" text, "kind" text, "originJurisdiction" text, "originId" text, "version" int,
  "itemCode" text, "enterpriseUscc" text, "officerCertificates" text[], "occurredAt" timestamptz,
  "decidedAt" timestamptz, "fineFen" bigint, "result" text, "payload" jsonb, "department" text,
  "inspectionMode" text, "onSite" boolean, "resultPublishedAt" timestamptz, "codeScanned" boolean, "lenientKind" text`);

/** the rows as one JSON array: times ISO 8601 (with their offset), the fine as a string of fen */
const batchJson = (rows: readonly RecordRow[]) =>
  JSON.stringify(rows.map((row) => ({ ...row, fineFen: row.fineFen === null ? null : row.fineFen.toString() })));

export async function insertRecordRows(tx: Prisma.TransactionClient, rows: readonly RecordRow[]): Promise<void> {
  if (rows.length === 0) return;
  await executeBulk(
    tx,
    Prisma.sql`
    INSERT INTO "EnforcementRecord" ("id", "kind", "originJurisdiction", "originId", "version", "itemCode",
      "enterpriseUscc", "officerCertificates", "occurredAt", "decidedAt", "fineFen", "result", "payload",
      "department", "inspectionMode", "onSite", "resultPublishedAt", "codeScanned", "lenientKind", "updatedAt")
    SELECT r."id", r."kind"::"RecordKind", r."originJurisdiction", r."originId", r."version", r."itemCode",
      r."enterpriseUscc", r."officerCertificates", r."occurredAt", r."decidedAt", r."fineFen", r."result", r."payload",
      r."department", r."inspectionMode"::"InspectionMode", r."onSite", r."resultPublishedAt", r."codeScanned",
      r."lenientKind"::"LenientKind", now()
    FROM jsonb_to_recordset(${batchJson(rows)}::jsonb) AS r(${BATCH_COLUMNS})`,
  );
}

/** Replaces every field of rows that exist (by id); origin and originId never change. */
export async function updateRecordRows(tx: Prisma.TransactionClient, rows: readonly RecordRow[]): Promise<void> {
  if (rows.length === 0) return;
  await executeBulk(
    tx,
    Prisma.sql`
    UPDATE "EnforcementRecord" AS e SET
      "kind" = r."kind"::"RecordKind", "version" = r."version", "itemCode" = r."itemCode",
      "enterpriseUscc" = r."enterpriseUscc", "officerCertificates" = r."officerCertificates",
      "occurredAt" = r."occurredAt", "decidedAt" = r."decidedAt", "fineFen" = r."fineFen", "result" = r."result",
      "payload" = r."payload", "department" = r."department", "inspectionMode" = r."inspectionMode"::"InspectionMode",
      "onSite" = r."onSite", "resultPublishedAt" = r."resultPublishedAt", "codeScanned" = r."codeScanned",
      "lenientKind" = r."lenientKind"::"LenientKind", "updatedAt" = now()
    FROM jsonb_to_recordset(${batchJson(rows)}::jsonb) AS r(${BATCH_COLUMNS})
    WHERE e."id" = r."id"`,
  );
}

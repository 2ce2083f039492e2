/**
 * How a canonical record is kept and published. The table has columns for what the gateway queries
 * (origin, item, enterprise, officers, dates, fine); `findings`, `taskId` and the adapter's extra
 * fields live in the JSON `payload` column as `{ findings, taskId, extra }`. The change event's
 * payload (`recordChangePayload`) has the same field names as the GraphQL `EnforcementRecord` type.
 */

import { stableJson } from "../../../gateway/util/stable-json.ts";
import { yuanTextFromFen } from "../../common/money.ts";
import type { CanonicalRecord, RecordKind, SupervisionFields } from "./record-input.ts";

export interface StoredDocument {
  findings: string | null;
  taskId: string | null;
  extra: Record<string, unknown>;
}

/** The columns of an EnforcementRecord row this module reads. */
export interface RecordRow extends SupervisionFields {
  id: string;
  kind: RecordKind;
  originJurisdiction: string;
  originId: string;
  version: number;
  itemCode: string | null;
  enterpriseUscc: string | null;
  officerCertificates: string[];
  occurredAt: Date;
  decidedAt: Date | null;
  fineFen: bigint | null;
  result: string | null;
  payload: unknown;
}

export function storedDocument(record: CanonicalRecord): StoredDocument {
  return { findings: record.findings, taskId: record.taskId, extra: record.extra };
}

/** Reads the payload column; a row written without the `{ findings, taskId, extra }` shape (by
 * `reportPenaltyDecision` before it wrote this shape too) keeps its whole payload as the extra fields. */
export function documentOf(row: Pick<RecordRow, "payload">): StoredDocument {
  const { findings, taskId, extra, ...rest } = (row.payload ?? {}) as Partial<StoredDocument> & Record<string, unknown>;
  return { findings: findings ?? null, taskId: taskId ?? null, extra: extra ?? rest };
}

/** The document's task and findings, as `documentOf` reads them, without copying its extra fields. */
export function taskFieldsOf(row: Pick<RecordRow, "payload">): Pick<StoredDocument, "taskId" | "findings"> {
  const { findings, taskId } = (row.payload ?? {}) as Partial<StoredDocument>;
  return { taskId: taskId ?? null, findings: findings ?? null };
}

/** The row a canonical record becomes (without timestamps). */
export function rowOf(id: string, origin: string, record: CanonicalRecord): RecordRow {
  return {
    id,
    kind: record.kind,
    originJurisdiction: origin,
    originId: record.originId,
    version: record.version,
    itemCode: record.itemCode,
    enterpriseUscc: record.enterpriseUscc,
    officerCertificates: record.officerCertificates,
    occurredAt: record.occurredAt,
    decidedAt: record.decidedAt,
    fineFen: record.fineFen,
    result: record.result,
    payload: storedDocument(record),
    department: record.department,
    inspectionMode: record.inspectionMode,
    onSite: record.onSite,
    resultPublishedAt: record.resultPublishedAt,
    codeScanned: record.codeScanned,
    lenientKind: record.lenientKind,
  };
}

/** The `record.upserted` change payload: JSON only (times ISO 8601, money as strings). */
export function recordChangePayload(row: RecordRow) {
  const doc = documentOf(row);
  return {
    id: row.id,
    origin: row.originJurisdiction,
    originId: row.originId,
    version: row.version,
    kind: row.kind,
    itemCode: row.itemCode,
    enterpriseUscc: row.enterpriseUscc,
    officerCertificates: row.officerCertificates,
    occurredAt: row.occurredAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    fineYuan: row.fineFen === null ? null : yuanTextFromFen(row.fineFen),
    result: row.result,
    findings: doc.findings,
    taskId: doc.taskId,
    payload: doc.extra,
    department: row.department,
    inspectionMode: row.inspectionMode,
    onSite: row.onSite,
    resultPublishedAt: row.resultPublishedAt?.toISOString() ?? null,
    codeScanned: row.codeScanned,
    lenientKind: row.lenientKind,
  };
}

/** Same content? (decides whether an equal version is an honest replay or a source conflict) */
export function sameContent(a: RecordRow, b: RecordRow): boolean {
  const { id: _a, ...left } = recordChangePayload(a);
  const { id: _b, ...right } = recordChangePayload(b);
  return stableJson(left) === stableJson(right);
}

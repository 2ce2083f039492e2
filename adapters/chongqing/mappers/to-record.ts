/** Chongqing record → the gateway's canonical RecordInput. Pure, field by field. */

import { yuanTextFromFen } from "../../../schema/common/money.ts";
import {
  type ItemCodes,
  type MapResult,
  type RecordInput,
  type RecordKind,
  SOURCE_UPDATED_AT,
  unmappable,
} from "../../core/canonical.ts";
import type { CQ_CHECK_MODES, CQ_LENIENT_TYPES, CqRecord } from "../types.ts";

const KINDS: Record<CqRecord["recordType"], RecordKind> = { INSPECTION: "INSPECTION", PENALTY: "PENALTY_DECISION" };
const CHECK_MODES: Record<(typeof CQ_CHECK_MODES)[number], RecordInput["inspectionMode"]> = {
  DOUBLE_RANDOM: "RANDOM",
  KEY: "KEY_SUPERVISION",
  COMPLAINT: "COMPLAINT",
  OTHER: "OTHER",
};
const LENIENT_TYPES: Record<(typeof CQ_LENIENT_TYPES)[number], RecordInput["lenientKind"]> = {
  SWBF: "FIRST_VIOLATION_EXEMPT",
  BYCF: "NOT_PUNISHED",
  CQ: "LIGHTER",
  JQ: "MITIGATED",
};

/** epoch milliseconds → ISO 8601 (UTC, `Z`) */
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function cqRecordToInput(record: CqRecord, items: ItemCodes): MapResult {
  const itemCode = items.toUnified(record.itemCode);
  if (itemCode === null) {
    return unmappable(
      record,
      record.recordId,
      record.version,
      "UNMAPPED_ITEM_CODE",
      `Chongqing item code ${record.itemCode} is not in the shared catalog`,
    );
  }
  return {
    ok: true,
    record: {
      originId: record.recordId,
      version: record.version,
      kind: KINDS[record.recordType],
      itemCode,
      enterpriseUscc: record.enterpriseCreditCode ?? null,
      officerCertificates: [...record.officerCertNos],
      occurredAt: iso(record.occurredAt),
      decidedAt: iso(record.decidedAt ?? null),
      fineYuan: record.fineAmountFen === null ? null : yuanTextFromFen(record.fineAmountFen),
      result: record.result ?? null,
      findings: record.findings ?? null,
      taskId: record.taskId ?? null,
      payload: { [SOURCE_UPDATED_AT]: iso(record.updatedAt), ...(record.deleted ? { deleted: true } : {}) },
      department: record.deptName ?? null,
      inspectionMode: record.checkMode ? CHECK_MODES[record.checkMode] : null,
      onSite: record.onSite ?? null,
      resultPublishedAt: iso(record.publicityAt ?? null),
      codeScanned: record.scanned ?? null,
      lenientKind: record.lenientType ? LENIENT_TYPES[record.lenientType] : null,
    },
  };
}

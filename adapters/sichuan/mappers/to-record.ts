/** Sichuan record → the gateway's canonical RecordInput. Pure, field by field; money exact (no floats). */

import { fenFromYuanText, yuanTextFromFen } from "../../../schema/common/money.ts";
import {
  type CanonicalResult,
  type ItemCodes,
  type MapResult,
  type RecordInput,
  SOURCE_UPDATED_AT,
  unmappable,
} from "../../core/canonical.ts";
import {
  parseBeijingTime,
  type SC_CHECK_WAYS,
  type SC_LENIENT_TYPES,
  type SC_RESULTS,
  type ScRecord,
} from "../types.ts";

const CHECK_WAYS: Record<(typeof SC_CHECK_WAYS)[number], RecordInput["inspectionMode"]> = {
  双随机: "RANDOM",
  重点监管: "KEY_SUPERVISION",
  投诉举报: "COMPLAINT",
  其他: "OTHER",
};
const LENIENT_TYPES: Record<(typeof SC_LENIENT_TYPES)[number], RecordInput["lenientKind"]> = {
  首违不罚: "FIRST_VIOLATION_EXEMPT",
  不予处罚: "NOT_PUNISHED",
  从轻处罚: "LIGHTER",
  减轻处罚: "MITIGATED",
};
/** 0 / 1 → false / true; absent → null */
const flag = (value: 0 | 1 | null | undefined): boolean | null => (value == null ? null : value === 1);

export const SC_TO_CANONICAL_RESULT: Record<(typeof SC_RESULTS)[number], CanonicalResult> = {
  待定: "PENDING",
  合格: "COMPLIANT",
  不合格: "NON_COMPLIANT",
  已决定: "DECIDED",
};

/** "YYYY-MM-DD HH:mm:ss" Beijing time → ISO 8601 with its +08:00 offset kept */
export function beijingToIso(text: string | null): string | null {
  if (text === null) return null;
  return parseBeijingTime(text) === null ? null : `${text.replace(" ", "T")}+08:00`;
}

export function scRecordToInput(record: ScRecord, items: ItemCodes): MapResult {
  const refuse = (code: string, reason: string) => unmappable(record, record.record_no, record.rev, code, reason);
  const itemCode = items.toUnified(record.item_code);
  if (itemCode === null)
    return refuse("UNMAPPED_ITEM_CODE", `Sichuan item code ${record.item_code} is not in the shared catalog`);
  const fen = record.fine_yuan === null ? null : fenFromYuanText(record.fine_yuan);
  if (record.fine_yuan !== null && fen === null)
    return refuse("BAD_FINE", `fine_yuan ${record.fine_yuan} is not a yuan amount`);
  return {
    ok: true,
    record: {
      originId: record.record_no,
      version: record.rev,
      kind: record.record_kind === "处罚" ? "PENALTY_DECISION" : "INSPECTION",
      itemCode,
      enterpriseUscc: record.uscc ?? null,
      officerCertificates: [...record.officer_cert_nos],
      occurredAt: beijingToIso(record.happened_at),
      decidedAt: beijingToIso(record.decided_at ?? null),
      fineYuan: fen === null ? null : yuanTextFromFen(fen),
      result: SC_TO_CANONICAL_RESULT[record.result] ?? null,
      findings: record.findings ?? null,
      taskId: record.task_id ?? null,
      payload: {
        [SOURCE_UPDATED_AT]: beijingToIso(record.updated_at),
        ...(record.is_deleted === 1 ? { deleted: true } : {}),
      },
      department: record.dept_name ?? null,
      inspectionMode: record.check_way ? CHECK_WAYS[record.check_way] : null,
      onSite: flag(record.on_site),
      resultPublishedAt: beijingToIso(record.publicity_time ?? null),
      codeScanned: flag(record.scan_flag),
      lenientKind: record.lenient_type ? LENIENT_TYPES[record.lenient_type] : null,
    },
  };
}

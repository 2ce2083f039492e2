/** Sichuan record → the gateway's canonical RecordInput. Pure, field by field; money exact (no floats). */

import { fenFromYuanText, yuanTextFromFen } from "../../../schema/common/money.ts";
import {
  type CanonicalResult,
  type ItemCodes,
  type MapResult,
  SOURCE_UPDATED_AT,
  unmappable,
} from "../../core/canonical.ts";
import { parseBeijingTime, type SC_RESULTS, type ScRecord } from "../types.ts";

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
    },
  };
}

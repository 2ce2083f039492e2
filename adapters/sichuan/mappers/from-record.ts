/** A canonical record from the change stream → Sichuan's shared-record shape. Pure; money exact. */

import { fenFromYuanText, yuanTextFromFen } from "../../../schema/common/money.ts";
import { type ItemCodes, type RecordChange, sourceUpdatedAt } from "../../core/canonical.ts";
import { formatBeijingTime, type ScSharedRecord } from "../types.ts";
import { SC_TO_CANONICAL_RESULT } from "./to-record.ts";

const TO_SC_RESULT = Object.fromEntries(
  Object.entries(SC_TO_CANONICAL_RESULT).map(([sc, canonical]) => [canonical, sc]),
) as Record<string, ScSharedRecord["result"]>;

/** ISO 8601 → "YYYY-MM-DD HH:mm:ss" Beijing time (Sichuan keeps whole seconds) */
const beijing = (iso: string) => formatBeijingTime(Date.parse(iso));

/** null when the item has no Sichuan code, or the fine is not an exact fen amount */
export function recordToScShared(record: RecordChange, items: ItemCodes): ScSharedRecord | null {
  const itemCode = record.itemCode === null ? null : items.fromUnified(record.itemCode);
  if (itemCode === null || record.enterpriseUscc === null) return null;
  if (record.origin !== "cq" && record.origin !== "gz") return null;
  const fen = record.fineYuan === null ? null : fenFromYuanText(record.fineYuan);
  if (record.fineYuan !== null && fen === null) return null;
  return {
    origin: record.origin,
    origin_id: record.originId,
    rev: record.version,
    record_kind: record.kind === "PENALTY_DECISION" ? "处罚" : "检查",
    item_code: itemCode,
    uscc: record.enterpriseUscc,
    officer_cert_nos: [...record.officerCertificates],
    happened_at: beijing(record.occurredAt),
    decided_at: record.decidedAt === null ? null : beijing(record.decidedAt),
    fine_yuan: fen === null ? null : yuanTextFromFen(fen),
    result: TO_SC_RESULT[record.result ?? ""] ?? "待定",
    findings: record.findings ?? null,
    task_id: record.taskId ?? null,
    updated_at: beijing(sourceUpdatedAt(record)),
  };
}

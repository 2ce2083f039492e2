/** A canonical record from the change stream → Chongqing's shared-record shape. Pure. */

import { fenFromYuanText } from "../../../schema/common/money.ts";
import { type ItemCodes, type RecordChange, sourceUpdatedAt } from "../../core/canonical.ts";
import { CQ_RESULTS, type CqSharedRecord } from "../types.ts";

const ms = (iso: string) => Date.parse(iso);

/** null when the item has no Chongqing code (or the record is not one Chongqing can hold) */
export function recordToCqShared(record: RecordChange, items: ItemCodes): CqSharedRecord | null {
  const itemCode = record.itemCode === null ? null : items.fromUnified(record.itemCode);
  if (itemCode === null || record.enterpriseUscc === null) return null;
  if (record.origin !== "sc" && record.origin !== "gz") return null;
  const fen = record.fineYuan === null ? null : fenFromYuanText(record.fineYuan);
  if (record.fineYuan !== null && fen === null) return null;
  const result = (CQ_RESULTS as readonly string[]).includes(record.result ?? "")
    ? (record.result as CqSharedRecord["result"])
    : "PENDING";
  return {
    origin: record.origin,
    originId: record.originId,
    version: record.version,
    recordType: record.kind === "PENALTY_DECISION" ? "PENALTY" : "INSPECTION",
    itemCode,
    enterpriseCreditCode: record.enterpriseUscc,
    officerCertNos: [...record.officerCertificates],
    occurredAt: ms(record.occurredAt),
    decidedAt: record.decidedAt === null ? null : ms(record.decidedAt),
    fineAmountFen: fen === null ? null : Number(fen),
    result,
    findings: record.findings ?? null,
    taskId: record.taskId ?? null,
    updatedAt: ms(sourceUpdatedAt(record)),
  };
}

/**
 * A quarantined record read back as the record the province sent: the ingest path keeps a refused record as
 * JSON (dates as ISO text, `fineYuan` as yuan text, see ingest-service `keptOf`); this is the inverse, so the
 * committee can run it again unchanged. Null when the row does not hold such a record (an adapter's own
 * vendor shape from `quarantineRecords`, or a field not kept because it was over its limit): only the province
 * can correct and replay that one.
 */
import { fenFromYuanText } from "../../common/money.ts";
import type { RecordInput } from "./record-input.ts";

const KINDS = new Set(["INSPECTION", "PENALTY_DECISION"]);
const NOT_KEPT = "[not kept";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const text = (value: unknown): string | null | undefined =>
  typeof value === "string" ? value : value == null ? (value as null | undefined) : undefined;

function date(value: unknown): Date | null | undefined {
  if (value == null) return value as null | undefined;
  if (typeof value !== "string") return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

export function keptRecord(payload: unknown): RecordInput | null {
  if (!isObject(payload)) return null;
  if (Object.values(payload).some((v) => typeof v === "string" && v.startsWith(NOT_KEPT))) return null;
  const { originId, version, kind } = payload;
  if (typeof originId !== "string" || typeof version !== "number" || typeof kind !== "string" || !KINDS.has(kind)) {
    return null;
  }
  const fine = text(payload.fineYuan);
  const fineYuan = fine == null ? fine : fenFromYuanText(fine);
  const officers = payload.officerCertificates;
  const certificates =
    officers == null
      ? null
      : Array.isArray(officers) && officers.every((c) => typeof c === "string")
        ? officers
        : undefined;
  const fields = {
    itemCode: text(payload.itemCode),
    enterpriseUscc: text(payload.enterpriseUscc),
    occurredAt: date(payload.occurredAt),
    decidedAt: date(payload.decidedAt),
    result: text(payload.result),
    findings: text(payload.findings),
    taskId: text(payload.taskId),
  };
  // a value of the wrong type was not written by the ingest path: not a record it kept
  if (Object.entries(fields).some(([field, value]) => value === undefined && payload[field] !== undefined)) return null;
  if (certificates === undefined || (fine != null && fineYuan === null)) return null;
  return {
    originId,
    version,
    kind: kind as RecordInput["kind"],
    ...fields,
    officerCertificates: certificates,
    fineYuan: fineYuan ?? null,
    payload: payload.payload ?? null,
  };
}

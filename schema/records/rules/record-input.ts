/**
 * Checks one pushed enforcement record (执法记录) and turns it into the canonical record. Pure: the
 * catalog lookup and the clock are passed in. A record that fails is quarantined with the `code`
 * below, never silently dropped (docs/sync.md); codes are stable SCREAMING_SNAKE strings.
 */
import { checkJsonSize, checkTextSize, limitOf, type SizeProblem } from "../../common/rules/field-limits.ts";
import { findUnsafeText } from "../../common/rules/text-safety.ts";
import { validateUscc } from "../../libraries/rules/uscc.ts";

export type RecordKind = "INSPECTION" | "PENALTY_DECISION";

/** 检查方式 — how an inspection was chosen: 双随机 / 重点监管 / 投诉举报 / 其他 */
export type InspectionMode = "RANDOM" | "KEY_SUPERVISION" | "COMPLAINT" | "OTHER";
/** 免罚轻罚 applied: 首违不罚 / 不予处罚 (行政处罚法 第33条), 从轻 / 减轻 (第32条) */
export type LenientKind = "FIRST_VIOLATION_EXEMPT" | "NOT_PUNISHED" | "LIGHTER" | "MITIGATED";

/** 监督字段 — optional fields the supervision indicators read (docs/supervision.md); null: not given */
export interface SupervisionFields {
  /** 执法部门, as the platform names it */
  department: string | null;
  inspectionMode: InspectionMode | null;
  /** 现场检查 */
  onSite: boolean | null;
  /** 结果公示时间 */
  resultPublishedAt: Date | null;
  /** 扫码入企: the enterprise scanned the code on the province's own platform */
  codeScanned: boolean | null;
  lenientKind: LenientKind | null;
}

/** What an adapter sends, after mapping its province's dialect (GraphQL `RecordInput`). */
export interface RecordInput {
  originId: string;
  version: number;
  kind: RecordKind;
  itemCode?: string | null;
  enterpriseUscc?: string | null;
  officerCertificates?: readonly string[] | null;
  occurredAt?: Date | null;
  decidedAt?: Date | null;
  /** fen: the `Yuan` scalar has parsed the decimal yuan already */
  fineYuan?: bigint | null;
  result?: string | null;
  findings?: string | null;
  taskId?: string | null;
  payload?: unknown;
  department?: string | null;
  inspectionMode?: InspectionMode | null;
  onSite?: boolean | null;
  resultPublishedAt?: Date | null;
  codeScanned?: boolean | null;
  lenientKind?: LenientKind | null;
}

/** The record as the gateway stores and publishes it. */
export interface CanonicalRecord extends SupervisionFields {
  originId: string;
  version: number;
  kind: RecordKind;
  itemCode: string;
  enterpriseUscc: string;
  officerCertificates: string[];
  occurredAt: Date;
  decidedAt: Date | null;
  fineFen: bigint | null;
  result: string | null;
  findings: string | null;
  taskId: string | null;
  /** the adapter's extra fields, a JSON object */
  extra: Record<string, unknown>;
}

export type QuarantineCode =
  | "MISSING_FIELD"
  | "INVALID_ORIGIN_ID"
  | "INVALID_VERSION"
  | "UNKNOWN_ITEM"
  | "BAD_USCC"
  | "BAD_DATES"
  | "INVALID_TEXT"
  | "INVALID_PAYLOAD"
  | SizeProblem["code"];

export type RecordCheck =
  | { ok: true; record: CanonicalRecord }
  /** `oversized`: the field over its limit, which the quarantine does not keep */
  | { ok: false; code: QuarantineCode; message: string; oversized?: keyof RecordInput };

export interface CheckContext {
  /** true when `code` is a unified item code of the catalog */
  itemExists: (code: string) => boolean;
  now: Date;
}

/** A source clock a little ahead of ours is normal; an act further in the future is a data error. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;
const ORIGIN_ID = /^[\w.:-]{1,100}$/;

const fail = (code: QuarantineCode, message: string): RecordCheck => ({ ok: false, code, message });

export function checkRecord(input: RecordInput, ctx: CheckContext): RecordCheck {
  if (!ORIGIN_ID.test(input.originId)) {
    return fail("INVALID_ORIGIN_ID", "originId must be 1–100 letters, digits or . _ : -");
  }
  if (!Number.isSafeInteger(input.version) || input.version < 1) {
    return fail("INVALID_VERSION", `version must be a positive integer, got ${input.version}`);
  }
  // before anything else: such a value cannot even be stored in the quarantine as it is
  const unsafe = findUnsafeText(input);
  if (unsafe) return fail("INVALID_TEXT", unsafe.message);
  const oversized = sizeProblem(input);
  if (oversized) {
    const { code, message } = oversized.problem;
    return { ok: false, code, message, oversized: oversized.field };
  }
  const officers = (input.officerCertificates ?? []).map((c) => c.trim()).filter(Boolean);
  const missing: string[] = (["itemCode", "enterpriseUscc", "occurredAt"] as const).filter((field) => !input[field]);
  if (officers.length === 0) missing.push("officerCertificates");
  if (missing.length > 0) return fail("MISSING_FIELD", `missing: ${missing.join(", ")}`);
  const itemCode = (input.itemCode as string).trim();
  const uscc = (input.enterpriseUscc as string).trim().toUpperCase();
  const occurredAt = input.occurredAt as Date;

  if (input.payload != null && !isPlainObject(input.payload)) {
    return fail("INVALID_PAYLOAD", "payload must be a JSON object of extra fields");
  }
  if (!ctx.itemExists(itemCode)) {
    return fail("UNKNOWN_ITEM", `${itemCode} is not a unified item code of the catalog (map provincial codes first)`);
  }
  const usccCheck = validateUscc(uscc);
  if (!usccCheck.ok) return fail("BAD_USCC", `${usccCheck.code}: ${usccCheck.message}`);

  if (occurredAt.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) {
    return fail("BAD_DATES", `occurredAt ${occurredAt.toISOString()} is in the future`);
  }
  if (input.decidedAt && input.decidedAt < occurredAt) {
    return fail("BAD_DATES", "decidedAt is before occurredAt");
  }

  return {
    ok: true,
    record: {
      originId: input.originId,
      version: input.version,
      kind: input.kind,
      itemCode,
      enterpriseUscc: uscc,
      officerCertificates: officers,
      occurredAt,
      decidedAt: input.decidedAt ?? null,
      fineFen: input.fineYuan ?? null,
      result: input.result ?? null,
      findings: input.findings ?? null,
      taskId: input.taskId ?? null,
      extra: (input.payload as Record<string, unknown> | null | undefined) ?? {},
      department: input.department?.trim() || null,
      inspectionMode: input.inspectionMode ?? null,
      onSite: input.onSite ?? null,
      resultPublishedAt: input.resultPublishedAt ?? null,
      codeScanned: input.codeScanned ?? null,
      lenientKind: input.lenientKind ?? null,
    },
  };
}

const TEXT_FIELDS = ["findings", "result", "taskId", "itemCode", "enterpriseUscc", "department"] as const;

/** The first field over its limit (docs/limits.md). */
function sizeProblem(input: RecordInput): { field: keyof RecordInput; problem: SizeProblem } | null {
  for (const field of TEXT_FIELDS) {
    const value = input[field];
    const problem = value == null ? null : checkTextSize(value, field, limitOf(`RecordInput.${field}`));
    if (problem) return { field, problem };
  }
  const payload = checkJsonSize(input.payload, "payload", limitOf("RecordInput.payload"));
  return payload ? { field: "payload", problem: payload } : null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

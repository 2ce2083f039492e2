/**
 * Size limits of what comes in, one table: the per-record checks (records, officers, enterprises) and
 * the edge check of every other argument (gateway/plugins/use-input-safety.ts) read it, and
 * docs/limits.md shows it (test/rules/field-limits.test.ts fails when the two differ). Keys are schema
 * coordinates: `InputType.field` or `Type.field(argument:)`. Text is counted in characters (code
 * points), JSON in bytes of its UTF-8 serialisation.
 *
 * Why limits at all: a 1 MiB `findings` or a 5 MiB `payload` was stored, read back on every page and sent
 * to the other province; an oversized value in an indexed column fails its whole batch (54000).
 */

export interface FieldLimit {
  /** at most this many characters (text) or bytes (JSON) */
  max: number;
  unit: "characters" | "bytes";
}

export const DEFAULT_TEXT_LIMIT: FieldLimit = { max: 1_000, unit: "characters" };
export const DEFAULT_JSON_LIMIT: FieldLimit = { max: 65_536, unit: "bytes" };
/** JSON nested deeper than this is refused (PAYLOAD_TOO_DEEP): no record needs it, and walking it costs stack */
export const MAX_JSON_DEPTH = 32;

const text = (max: number): FieldLimit => ({ max, unit: "characters" });
const bytes = (max: number): FieldLimit => ({ max, unit: "bytes" });

export const FIELD_LIMITS: Readonly<Record<string, FieldLimit>> = {
  // 执法记录
  "RecordInput.findings": text(10_000),
  "RecordInput.result": text(500),
  "RecordInput.payload": bytes(65_536),
  "RecordInput.taskId": text(100),
  "RecordInput.department": text(100),
  "RecordInput.itemCode": text(64),
  "RecordInput.enterpriseUscc": text(18),
  "IngestRecordsInput.cursor": text(500),
  "IngestRecordsInput.follows": text(500),
  "QuarantineItemInput.reason": text(2_000),
  "QuarantineItemInput.payload": bytes(262_144),
  "ReportPenaltyDecisionInput.originId": text(100),
  "DiscardQuarantinedInput.reason": text(2_000),
  "ReportSyncErrorInput.message": text(2_000),
  // 人员库 / 对象库
  "OfficerInput.name": text(50),
  "OfficerInput.unit": text(200),
  "OfficerInput.homeAddress": text(300),
  "EnterpriseInput.name": text(200),
  "EnterpriseInput.legalRepresentative": text(50),
  "EnterpriseInput.address": text(300),
  "EnterpriseInput.park": text(100),
  "EnterpriseInput.town": text(100),
  "EnterpriseInput.industry": text(100),
  // 联合检查
  "TaskItemResultInput.findings": text(10_000),
  "CancelTaskInput.reason": text(500),
  "RevokeInspectionCodeInput.reason": text(500),
  "DeclareConflictInput.reason": text(500),
  // 未亮码检查反映 (schema/supervision/rules/unshown-code-report.ts has the same numbers for the page)
  "UnshownCodeReportInput.department": text(100),
  "UnshownCodeReportInput.description": text(1_000),
  "InspectionPlanInput.name": text(100),
  "Query.verifyInspection(code:)": text(2_048),
  // 目录
  "ItemChangesInput.name": text(200),
  "ItemChangesInput.note": text(2_000),
  "LegalBasisInput.summary": text(2_000),
  "LegalBasisInput.note": text(2_000),
  "TrainingSessionInput.title": text(200),
  // searches
  "Query.officers(name:)": text(50),
  "Query.enterprises(search:)": text(200),
  "Query.items(search:)": text(200),
};

export function limitOf(coordinate: string, fallback: FieldLimit = DEFAULT_TEXT_LIMIT): FieldLimit {
  return Object.hasOwn(FIELD_LIMITS, coordinate) ? (FIELD_LIMITS[coordinate] as FieldLimit) : fallback;
}

export type SizeProblemCode = "FIELD_TOO_LONG" | "PAYLOAD_TOO_LARGE" | "PAYLOAD_TOO_DEEP";

export interface SizeProblem {
  code: SizeProblemCode;
  /** the field, e.g. `findings` or `records[3].payload` */
  path: string;
  limit: number;
  message: string;
}

/** Characters as people count them: a CJK character outside the BMP is one. */
function characters(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

export function checkTextSize(value: string, path: string, limit: FieldLimit): SizeProblem | null {
  // a string shorter in UTF-16 units than the limit cannot hold more characters: the usual case, free
  if (value.length <= limit.max) return null;
  const length = characters(value);
  if (length <= limit.max) return null;
  return {
    code: "FIELD_TOO_LONG",
    path,
    limit: limit.max,
    message: `${path} holds ${length} characters; at most ${limit.max} are accepted`,
  };
}

function depthOf(value: unknown, limit: number, depth = 1): number {
  if (depth > limit || value === null || typeof value !== "object") return depth;
  let deepest = depth;
  for (const field of Object.values(value)) {
    deepest = Math.max(deepest, depthOf(field, limit, depth + 1));
    if (deepest > limit) break;
  }
  return deepest;
}

export function checkJsonSize(value: unknown, path: string, limit: FieldLimit): SizeProblem | null {
  if (value === null || value === undefined) return null;
  if (depthOf(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return {
      code: "PAYLOAD_TOO_DEEP",
      path,
      limit: MAX_JSON_DEPTH,
      message: `${path} is nested more than ${MAX_JSON_DEPTH} levels deep`,
    };
  }
  const size = Buffer.byteLength(JSON.stringify(value), "utf8");
  if (size <= limit.max) return null;
  return {
    code: "PAYLOAD_TOO_LARGE",
    path,
    limit: limit.max,
    message: `${path} is ${size} bytes as JSON; at most ${limit.max} are accepted`,
  };
}

/**
 * 监督字段 — the optional record fields the supervision indicators read (docs/supervision.md), as GraphQL:
 * their enums, and the same six fields on RecordInput (in), EnforcementRecord and ChangedRecord (out).
 */
import { builder } from "../builder.ts";
import type { InspectionMode, LenientKind } from "./rules/record-input.ts";

export const INSPECTION_MODES = [
  "RANDOM",
  "KEY_SUPERVISION",
  "COMPLAINT",
  "OTHER",
] as const satisfies readonly InspectionMode[];
export const LENIENT_KINDS = [
  "FIRST_VIOLATION_EXEMPT",
  "NOT_PUNISHED",
  "LIGHTER",
  "MITIGATED",
] as const satisfies readonly LenientKind[];

export const InspectionModeEnum = builder.enumType("InspectionMode", {
  description: "检查方式 — how an inspection was chosen",
  values: {
    RANDOM: { description: "双随机抽查 — a random draw (counts in 双随机抽查比例 and 结果公示率)" },
    KEY_SUPERVISION: { description: "重点监管 — key supervision of a high-risk enterprise" },
    COMPLAINT: { description: "投诉举报 — prompted by a complaint or a report" },
    OTHER: { description: "其他 — any other reason" },
  } as const,
});

export const LenientKindEnum = builder.enumType("LenientKind", {
  description: "免罚轻罚 — which lenient rule a penalty decision applied",
  values: {
    FIRST_VIOLATION_EXEMPT: {
      description: "首违不罚 — 行政处罚法 第33条第1款 (a first, slight violation corrected in time)",
    },
    NOT_PUNISHED: { description: "不予处罚 — 行政处罚法 第33条 (minor and corrected, or no fault)" },
    LIGHTER: { description: "从轻处罚 — 行政处罚法 第32条 (within the range, toward its lower end)" },
    MITIGATED: { description: "减轻处罚 — 行政处罚法 第32条 (below the range's lower bound)" },
  } as const,
});

/** the descriptions the three types share */
export const SUPERVISION_FIELD_DESCRIPTIONS = {
  department: "执法部门 — the department that acted, as the platform names it (e.g. 应急管理局); null: not given",
  inspectionMode: "检查方式 — inspections: 双随机 / 重点监管 / 投诉举报 / 其他; null: not given",
  onSite: "现场检查 — inspections: true when on site (the denominator of 扫码入企率); null: not given",
  resultPublishedAt: "结果公示时间 — inspections: when the result was published; null: not (yet) published",
  codeScanned: "扫码入企 — inspections: the enterprise scanned the officers' code on the province's own platform",
  lenientKind: "免罚轻罚 — penalty decisions: the lenient rule applied (首违不罚 / 不予处罚 / 从轻 / 减轻); null: none",
} as const;

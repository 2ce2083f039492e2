/** Chinese labels of breakdown keys: one place, so every indicator names a jurisdiction or a kind alike. */
import { isJurisdiction, JURISDICTION_NAMES } from "../../../common/jurisdiction.ts";

/** `cq` → 重庆; joint tasks are the committee's (`gz`: 高竹新区管委会（综合查一次）) */
export const jurisdictionLabel = (key: string) => (isJurisdiction(key) ? JURISDICTION_NAMES[key] : key);

export const LENIENT_KIND_LABELS: Readonly<Record<string, string>> = {
  FIRST_VIOLATION_EXEMPT: "首违不罚",
  NOT_PUNISHED: "不予处罚",
  LIGHTER: "从轻处罚",
  MITIGATED: "减轻处罚",
  /** a decision that said `lenientApplied` without naming which */
  UNSPECIFIED: "已适用（未注明类型）",
};

export const DEVIATION_KIND_LABELS: Readonly<Record<string, string>> = {
  FINE_ABOVE_RANGE: "罚款高于上限",
  FINE_BELOW_RANGE: "罚款低于下限",
  LENIENT_IGNORED: "未适用四张清单",
};

export const RISK_COLOUR_LABELS: Readonly<Record<string, string>> = { RED: "红", YELLOW: "黄", GREEN: "绿" };

/** an empty key (a record without a department, an enterprise without an industry) */
export const UNKNOWN_LABEL = "未注明";

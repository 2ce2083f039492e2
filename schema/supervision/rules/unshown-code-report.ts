/**
 * 未亮码检查反映 — an enterprise reports that officers inspected it without showing a 执法码. Pure: what a
 * report must hold before it is stored. The committee asks it of every joint inspection (检查须亮码, the
 * committee's own rule for 跨省联合执法; the text of an article requiring it is not known to us), and this
 * report is how an enterprise says it was not done.
 *
 * - 统一社会信用代码: GB 32100 checksum (schema/libraries/rules/uscc.ts); that the enterprise is in the
 *   library is checked by the mutation (I/O), not here.
 * - 检查日期: a real calendar day (schema/common/rules/calendar.ts), a Beijing day, not after today.
 * - 检查部门 and 情况说明: required, at most DEPARTMENT_MAX / DESCRIPTION_MAX characters, storable text.
 * Once per (USCC, day, department): the unique key of UnshownCodeReport, kept by the service.
 */
import { parseIsoDate } from "../../common/rules/calendar.ts";
import { limitOf } from "../../common/rules/field-limits.ts";
import { validateUscc } from "../../libraries/rules/uscc.ts";
import { freeTextProblem, trimmedOrNull } from "./free-text.ts";

/** 检查部门 at most this many characters (the one table, docs/limits.md), as RecordInput.department */
export const UNSHOWN_REPORT_DEPARTMENT_MAX = limitOf("UnshownCodeReportInput.department").max;
/** 情况说明 at most this many characters (the one table, docs/limits.md) */
export const UNSHOWN_REPORT_DESCRIPTION_MAX = limitOf("UnshownCodeReportInput.description").max;

export interface UnshownCodeReportInput {
  uscc: string;
  /** YYYY-MM-DD, a Beijing calendar day */
  occurredOn: string;
  department: string;
  description: string;
}

export type UnshownCodeReportProblemCode =
  | "REPORT_ANSWER_MISSING"
  | "USCC_INVALID"
  | "BAD_DATE"
  | "OCCURRED_ON_IN_FUTURE"
  | "REPORT_TEXT_TOO_LONG"
  | "INVALID_TEXT";

export interface UnshownCodeReportProblem {
  code: UnshownCodeReportProblemCode;
  field: keyof UnshownCodeReportInput;
  /** what the enterprise reads */
  zh: string;
}

const LABELS: Record<keyof UnshownCodeReportInput, string> = {
  uscc: "统一社会信用代码",
  occurredOn: "检查日期",
  department: "检查部门",
  description: "情况说明",
};

/** USCC upper case, text trimmed: what is checked and stored */
export function normaliseUnshownCodeReport(input: UnshownCodeReportInput): UnshownCodeReportInput {
  return {
    uscc: input.uscc.trim().toUpperCase(),
    occurredOn: input.occurredOn.trim(),
    department: trimmedOrNull(input.department) ?? "",
    description: trimmedOrNull(input.description) ?? "",
  };
}

/**
 * Every problem of a (normalised) report, in the form's order; [] when it can be stored.
 * `today`: the Beijing calendar day now, YYYY-MM-DD (schema/common/effective-dates.ts beijingDate).
 */
export function unshownCodeReportProblems(input: UnshownCodeReportInput, today: string): UnshownCodeReportProblem[] {
  const problems: UnshownCodeReportProblem[] = [];
  const missing = (field: keyof UnshownCodeReportInput) =>
    problems.push({ code: "REPORT_ANSWER_MISSING", field, zh: `请填写${LABELS[field]}。` });

  if (input.uscc === "") missing("uscc");
  else if (!validateUscc(input.uscc).ok)
    problems.push({
      code: "USCC_INVALID",
      field: "uscc",
      zh: "统一社会信用代码不正确（应为 18 位，且校验位相符），请核对营业执照。",
    });

  if (input.occurredOn === "") missing("occurredOn");
  else if (parseIsoDate(input.occurredOn) === null)
    problems.push({ code: "BAD_DATE", field: "occurredOn", zh: "检查日期不是有效的日期（格式：2026-12-04）。" });
  // YYYY-MM-DD strings of real days compare as the days do
  else if (input.occurredOn > today)
    problems.push({ code: "OCCURRED_ON_IN_FUTURE", field: "occurredOn", zh: "检查日期不能晚于今天。" });

  for (const [field, max] of [
    ["department", UNSHOWN_REPORT_DEPARTMENT_MAX],
    ["description", UNSHOWN_REPORT_DESCRIPTION_MAX],
  ] as const) {
    const text = input[field];
    if (text === "") {
      missing(field);
      continue;
    }
    const problem = freeTextProblem(text, max);
    if (problem === "TOO_LONG")
      problems.push({ code: "REPORT_TEXT_TOO_LONG", field, zh: `${LABELS[field]}最多 ${max} 个字。` });
    else if (problem === "INVALID_TEXT")
      problems.push({ code: "INVALID_TEXT", field, zh: `${LABELS[field]}含有无法保存的字符，请删除后重试。` });
  }
  return problems;
}

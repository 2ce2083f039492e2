/**
 * 检查情况反馈表 — the inspected enterprise's feedback on one joint task, as Yongchuan asks of every inspected
 * enterprise (docs/public-pages.md). Pure: when the form is open, and what a submission must hold.
 *
 * The form opens after the visit: the enterprise's code check (两码互核, schema/dispatch/rules/inspection-code.ts)
 * passed the signature and the USCC, and the visit window has begun — the code is valid now, or the task is
 * done (COMPLETED), or its window has ended (EXPIRED). Before the window (NOT_YET_VALID), for a revoked code,
 * an unknown task or another enterprise's code, it stays shut.
 */
import type { InspectionCodeCheck } from "../../dispatch/rules/inspection-code.ts";
import { freeTextProblem, trimmedOrNull } from "./free-text.ts";

/** 意见建议 at most this many characters (docs/limits.md) */
export const FEEDBACK_COMMENTS_MAX = 500;
/** 检查用时 at most one day, in minutes */
export const FEEDBACK_DURATION_MAX = 1_440;

/** 满意度 1 很不满意 … 5 很满意, in order */
export const SATISFACTION_LABELS = ["很不满意", "不满意", "一般", "满意", "很满意"] as const;

/** refusals after the visit window began, for the task's own enterprise (checked after signature and USCC) */
export const FEEDBACK_OPEN_REFUSALS: readonly string[] = ["COMPLETED", "EXPIRED"];

/** the task whose feedback form this check opens, or null when it stays shut */
export function feedbackTaskOf(check: InspectionCodeCheck): string | null {
  if (check.valid) return check.task.taskId;
  return FEEDBACK_OPEN_REFUSALS.includes(check.reason) ? (check.taskId ?? null) : null;
}

export interface FeedbackAnswers {
  codeShown: boolean;
  teamMatched: boolean;
  durationMinutes: number | null;
  satisfaction: number;
  comments: string | null;
}

export type FeedbackProblemCode =
  | "FEEDBACK_ANSWER_MISSING"
  | "FEEDBACK_SATISFACTION_OUT_OF_RANGE"
  | "FEEDBACK_DURATION_OUT_OF_RANGE"
  | "FEEDBACK_COMMENTS_TOO_LONG"
  | "INVALID_TEXT";

export interface FeedbackProblem {
  code: FeedbackProblemCode;
  field: keyof FeedbackAnswers;
  /** what the enterprise reads */
  zh: string;
}

/** what the form sent, as text (form-urlencoded): "yes"/"no", digits, free text */
export type FeedbackForm = Partial<Record<keyof FeedbackAnswers, string>>;

const yesNo = (value: string | undefined): boolean | null => (value === "yes" ? true : value === "no" ? false : null);

const wholeNumber = (value: string | undefined): number | null | "bad" => {
  const trimmed = (value ?? "").trim();
  if (trimmed === "") return null;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : "bad";
};

/** the problems of typed answers (GraphQL input, or a parsed form), in the form's order; [] when good */
export function feedbackProblems(answers: FeedbackAnswers): FeedbackProblem[] {
  const problems: FeedbackProblem[] = [];
  const { durationMinutes: duration, satisfaction } = answers;
  if (duration !== null && (!Number.isInteger(duration) || duration < 1 || duration > FEEDBACK_DURATION_MAX))
    problems.push({
      code: "FEEDBACK_DURATION_OUT_OF_RANGE",
      field: "durationMinutes",
      zh: `检查用时应为 1 至 ${FEEDBACK_DURATION_MAX} 分钟的整数，或不填。`,
    });
  if (!Number.isInteger(satisfaction) || satisfaction < 1 || satisfaction > SATISFACTION_LABELS.length)
    problems.push({
      code: "FEEDBACK_SATISFACTION_OUT_OF_RANGE",
      field: "satisfaction",
      zh: "满意度应为 1（很不满意）至 5（很满意）。",
    });
  const comments = freeTextProblem(answers.comments ?? "", FEEDBACK_COMMENTS_MAX);
  if (comments === "TOO_LONG")
    problems.push({
      code: "FEEDBACK_COMMENTS_TOO_LONG",
      field: "comments",
      zh: `意见建议最多 ${FEEDBACK_COMMENTS_MAX} 个字。`,
    });
  else if (comments === "INVALID_TEXT")
    problems.push({ code: "INVALID_TEXT", field: "comments", zh: "意见建议含有无法保存的字符，请删除后重试。" });
  return problems;
}

/** comments trimmed, blank as null: what is stored */
export const normaliseFeedback = (answers: FeedbackAnswers): FeedbackAnswers => ({
  ...answers,
  comments: trimmedOrNull(answers.comments),
});

/** the form's answers (form-urlencoded text), or every problem with them in the form's order */
export function readFeedbackForm(
  form: FeedbackForm,
): { ok: true; answers: FeedbackAnswers } | { ok: false; problems: FeedbackProblem[] } {
  const missing: FeedbackProblem[] = [];
  const codeShown = yesNo(form.codeShown);
  if (codeShown === null)
    missing.push({ code: "FEEDBACK_ANSWER_MISSING", field: "codeShown", zh: "请选择是否出示了执法码。" });
  const teamMatched = yesNo(form.teamMatched);
  if (teamMatched === null)
    missing.push({ code: "FEEDBACK_ANSWER_MISSING", field: "teamMatched", zh: "请选择检查人员与执法码所列是否一致。" });
  const duration = wholeNumber(form.durationMinutes);
  const satisfaction = wholeNumber(form.satisfaction);
  if (satisfaction === null)
    missing.push({ code: "FEEDBACK_ANSWER_MISSING", field: "satisfaction", zh: "请选择满意度。" });
  const answers = normaliseFeedback({
    codeShown: codeShown ?? false,
    teamMatched: teamMatched ?? false,
    durationMinutes: duration === "bad" ? Number.NaN : duration,
    satisfaction: satisfaction === "bad" ? Number.NaN : (satisfaction ?? 1),
    comments: form.comments ?? null,
  });
  const problems = [...missing, ...feedbackProblems(answers)].filter(
    (p) => !(p.field === "satisfaction" && satisfaction === null && p.code !== "FEEDBACK_ANSWER_MISSING"),
  );
  const order: (keyof FeedbackAnswers)[] = ["codeShown", "teamMatched", "durationMinutes", "satisfaction", "comments"];
  problems.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}

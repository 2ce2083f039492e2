/**
 * 检查情况反馈表 on `/v/<code>`: the form (shown after the visit to the task's own enterprise), the answer
 * page after a POST, and the refusals, in plain Chinese with their stable codes. The check is the
 * gateway's (submitInspectionFeedback); this only draws it.
 */
import {
  FEEDBACK_COMMENTS_MAX,
  FEEDBACK_DURATION_MAX,
  FEEDBACK_OPEN_REFUSALS,
  type FeedbackForm,
  type FeedbackProblem,
  SATISFACTION_LABELS,
} from "../../schema/supervision/rules/feedback.ts";
import { type Html, html, page } from "./layout.ts";
import type { CodeCheckResult } from "./operations.ts";

/** the form opens when the check passed or the task is done or past its window (the gateway checks again) */
export const feedbackOpens = (result: CodeCheckResult) =>
  result.valid || FEEDBACK_OPEN_REFUSALS.includes(result.reason ?? "");

const yesNo = (name: string, label: string, chosen: string | undefined) => html`<fieldset>
    <legend>${label}</legend>
    <label class="inline"><input type="radio" name="${name}" value="yes" required ${chosen === "yes" ? html`checked` : ""}> 是</label>
    <label class="inline"><input type="radio" name="${name}" value="no" ${chosen === "no" ? html`checked` : ""}> 否</label>
  </fieldset>`;

export function feedbackForm(
  code: string,
  uscc: string,
  form: FeedbackForm = {},
  problems: FeedbackProblem[] = [],
): Html {
  return html`<section id="feedback">
  <h2>检查情况反馈表</h2>
  <p class="muted">检查结束后，请如实填写。每家企业对每次检查只能提交一次；反馈仅供高竹新区管委会执法监督使用。</p>
  ${problems.length > 0 ? html`<ul class="bad" id="feedback-problems">${problems.map((p) => html`<li data-code="${p.code}">${p.zh}</li>`)}</ul>` : ""}
  <form method="post" action="/v/${encodeURIComponent(code)}">
    <input type="hidden" name="uscc" value="${uscc}">
    ${yesNo("codeShown", "检查人员是否出示了执法码？", form.codeShown)}
    ${yesNo("teamMatched", "检查人员与执法码所列是否一致？", form.teamMatched)}
    <label for="durationMinutes">检查用时（分钟，可不填）：</label>
    <input type="text" inputmode="numeric" id="durationMinutes" name="durationMinutes" value="${form.durationMinutes ?? ""}" maxlength="4">
    <fieldset>
      <legend>满意度</legend>
      ${SATISFACTION_LABELS.map(
        (label, i) =>
          html`<label class="inline"><input type="radio" name="satisfaction" value="${i + 1}" required ${form.satisfaction === String(i + 1) ? html`checked` : ""}> ${label}</label>`,
      )}
    </fieldset>
    <label for="comments">意见建议（可不填，最多 ${FEEDBACK_COMMENTS_MAX} 字）：</label>
    <textarea id="comments" name="comments" maxlength="${FEEDBACK_COMMENTS_MAX}" rows="4">${form.comments ?? ""}</textarea>
    <button type="submit">提交反馈</button>
  </form>
  <p class="muted">检查用时须为 1 至 ${FEEDBACK_DURATION_MAX} 分钟。</p>
</section>`;
}

export function renderFeedbackProblems(code: string, uscc: string, form: FeedbackForm, problems: FeedbackProblem[]) {
  return page("检查情况反馈表 — 请补充", html`${feedbackForm(code, uscc, form, problems)}`);
}

export function renderFeedbackReceived(alreadyReceived: boolean) {
  return page(
    "检查情况反馈表 — 已收到",
    html`<section>
  <h1>检查情况反馈表</h1>
  <p class="verdict ok" data-received="${alreadyReceived ? "ALREADY" : "NEW"}">已收到</p>
  <p>${alreadyReceived ? "贵企业已经提交过对这次检查的反馈，我们已收到，本次提交不再重复保存。" : "感谢贵企业的反馈。管委会将用于执法监督，不会告知检查人员贵企业的具体意见。"}</p>
</section>`,
  );
}

/**
 * `/report/unshown-code` — 未亮码检查反映: an enterprise reports officers who inspected it without showing a
 * 执法码. The form (GET), the answer after a POST, and the refusals, in plain Chinese with their stable codes.
 * The check is the gateway's (reportUnshownCodeInspection); this only draws it.
 */
import {
  UNSHOWN_REPORT_DEPARTMENT_MAX,
  UNSHOWN_REPORT_DESCRIPTION_MAX,
  type UnshownCodeReportInput,
  type UnshownCodeReportProblem,
} from "../../schema/supervision/rules/unshown-code-report.ts";
import { html, page } from "./layout.ts";

export const UNSHOWN_CODE_REPORT_PATH = "/report/unshown-code";
const TITLE = "未亮码检查反映";

export function renderUnshownCodeReportForm(
  form: Partial<UnshownCodeReportInput> = {},
  problems: UnshownCodeReportProblem[] = [],
  today = "",
): string {
  return page(
    problems.length > 0 ? `${TITLE} — 请补充` : TITLE,
    html`<section id="unshown-code-report">
  <h1>${TITLE}</h1>
  <p class="muted">跨省联合执法检查须出示执法码。检查人员未出示执法码的，请在此如实反映；同一企业对同一天同一部门的检查只保存一次。反映仅供高竹新区管委会执法监督使用。</p>
  ${problems.length > 0 ? html`<ul class="bad" id="report-problems">${problems.map((p) => html`<li data-code="${p.code}">${p.zh}</li>`)}</ul>` : ""}
  <form method="post" action="${UNSHOWN_CODE_REPORT_PATH}">
    <label for="uscc">贵企业的统一社会信用代码（18 位）：</label>
    <input type="text" id="uscc" name="uscc" value="${form.uscc ?? ""}" maxlength="18" autocomplete="off" autocapitalize="characters" required>
    <label for="occurredOn">检查日期：</label>
    <input type="date" id="occurredOn" name="occurredOn" value="${form.occurredOn ?? ""}" ${today ? html`max="${today}"` : ""} required>
    <label for="department">检查人员自称的部门：</label>
    <input type="text" id="department" name="department" value="${form.department ?? ""}" maxlength="${UNSHOWN_REPORT_DEPARTMENT_MAX}" required>
    <label for="description">情况说明（时间、地点、人数、检查了什么，最多 ${UNSHOWN_REPORT_DESCRIPTION_MAX} 字）：</label>
    <textarea id="description" name="description" maxlength="${UNSHOWN_REPORT_DESCRIPTION_MAX}" rows="6" required>${form.description ?? ""}</textarea>
    <button type="submit">提交反映</button>
  </form>
</section>`,
  );
}

export function renderUnshownCodeReportReceived(alreadyReceived: boolean): string {
  return page(
    `${TITLE} — 已收到`,
    html`<section>
  <h1>${TITLE}</h1>
  <p class="verdict ok" data-received="${alreadyReceived ? "ALREADY" : "NEW"}">已收到</p>
  <p>${alreadyReceived ? "贵企业已经反映过这一天这个部门的检查，我们已收到，本次提交不再重复保存。" : "感谢贵企业的反映。管委会将核查，不会把贵企业的反映内容告知检查人员。"}</p>
</section>`,
  );
}

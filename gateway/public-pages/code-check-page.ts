/**
 * `/v/<code>` — where a 执法码's QR code leads (两码互核). The enterprise enters its 统一社会信用代码 and reads in
 * plain Chinese whether the visit at its door is a real joint task for it, now; when it is, the team's
 * certificate numbers (to compare with the officers' 执法证) and the items to be checked.
 */
import { feedbackForm, feedbackOpens } from "./feedback-form.ts";
import { type Html, html, page } from "./layout.ts";
import type { CodeCheckResult } from "./operations.ts";
import { UNSHOWN_CODE_REPORT_PATH } from "./unshown-code-report-page.ts";

/** verifyInspection's refusal reasons as an enterprise reads them: a verdict and what to do */
export const REFUSAL_TEXT: Record<string, { verdict: string; explanation: string }> = {
  MALFORMED: { verdict: "无效", explanation: "这不是一个完整的执法码，请核对二维码或向执法人员索取正确的执法码。" },
  BAD_SIGNATURE: {
    verdict: "无效",
    explanation: "执法码的签名不符，它不是高竹新区管委会签发的。请勿配合检查，并向管委会核实。",
  },
  UNKNOWN_TASK: { verdict: "无效", explanation: "没有与此执法码对应的检查任务。请向管委会核实。" },
  WRONG_ENTERPRISE: {
    verdict: "非本企业",
    explanation: "此执法码不是发给贵企业的：请核对输入的统一社会信用代码；代码无误则此次检查不是针对贵企业的。",
  },
  NOT_YET_VALID: { verdict: "尚未生效", explanation: "检查时段还没有开始，请核对检查日期。" },
  EXPIRED: { verdict: "已过期", explanation: "检查时段已经结束，此执法码不再有效。" },
  REVOKED: { verdict: "已撤销", explanation: "管委会已撤销此执法码或取消了该检查任务。" },
  COMPLETED: { verdict: "已完成", explanation: "该检查任务已经完成，此执法码不能再用于检查。" },
};

const dateTime = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "";

function form(code: string, uscc: string): Html {
  return html`<section>
  <form method="get" action="/v/${encodeURIComponent(code)}">
    <label for="uscc">请输入贵企业的统一社会信用代码（18 位）进行核对：</label>
    <input type="text" id="uscc" name="uscc" value="${uscc}" maxlength="18" autocomplete="off" autocapitalize="characters" required>
    <button type="submit">核验执法码</button>
  </form>
</section>`;
}

function verdictSection(result: CodeCheckResult): Html {
  if (!result.valid) {
    const text = REFUSAL_TEXT[result.reason ?? ""] ?? { verdict: "无效", explanation: "执法码未通过核验。" };
    return html`<section>
  <p class="verdict bad" data-verdict="${result.reason}">${text.verdict}</p>
  <p>${text.explanation}</p>
</section>`;
  }
  return html`<section>
  <p class="verdict ok" data-verdict="VALID">有效</p>
  <p>这是高竹新区管委会签发给 <strong>${result.enterpriseName ?? result.enterpriseUscc}</strong> 的联合检查任务，现在有效。</p>
  <dl>
    <dt>有效期</dt><dd>${dateTime(result.validFrom)} 至 ${dateTime(result.validTo)}</dd>
  </dl>
</section>
<section>
  <h2>执法人员（请核对执法证号）</h2>
  <ul>${result.officers.map((o) => html`<li class="mono">${o}</li>`)}</ul>
</section>
<section>
  <h2>检查事项</h2>
  <ul>${result.visitItems.map((i) => html`<li>${i.name}（<span class="mono">${i.code}</span>）</li>`)}</ul>
</section>`;
}

/** on every /v/ page: where to go when the officers showed no code at all */
const unshownCodeLink = html`<section>
  <p><a id="unshown-code-link" href="${UNSHOWN_CODE_REPORT_PATH}">检查人员未出示执法码？点此反映</a></p>
</section>`;

export interface CodeCheckPage {
  code: string;
  uscc: string;
  /** null: no check yet (the form only) */
  result: CodeCheckResult | null;
  /** the first look at the code, before any USCC: a code that is no 执法码 at all is 无效 at once */
  notACode?: boolean;
  tooManyRequests?: boolean;
}

export function renderCodeCheckPage({ code, uscc, result, notACode, tooManyRequests }: CodeCheckPage): string {
  const intro = html`<section>
  <h1>执法码核验</h1>
  <p class="muted">两码互核：执法人员出示的执法码须与贵企业的统一社会信用代码相符，才是针对贵企业的有效检查。</p>
</section>`;
  if (tooManyRequests) {
    return page(
      "执法码核验",
      html`${intro}<section><p class="verdict warn">查询过于频繁</p><p>请一分钟后再试。</p></section>${unshownCodeLink}`,
    );
  }
  if (notACode) {
    return page(
      "执法码核验 — 无效",
      html`${intro}${verdictSection(result ?? refusedAs("MALFORMED"))}${unshownCodeLink}`,
    );
  }
  return page(
    result
      ? `执法码核验 — ${result.valid ? "有效" : (REFUSAL_TEXT[result.reason ?? ""]?.verdict ?? "无效")}`
      : "执法码核验",
    html`${intro}${result ? verdictSection(result) : ""}${form(code, uscc)}${
      result && uscc && feedbackOpens(result) ? feedbackForm(code, uscc) : ""
    }${unshownCodeLink}`,
  );
}

export const refusedAs = (reason: string): CodeCheckResult => ({
  valid: false,
  reason,
  enterpriseName: null,
  enterpriseUscc: null,
  officers: [],
  visitItems: [],
  validFrom: null,
  validTo: null,
});

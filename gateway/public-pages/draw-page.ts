/**
 * `/draws/<id>` — a 双随机 draw as published (一公开): the commitment (seed hash, candidate list hash) made
 * before the draw, the seed revealed after it, the count per stratum, the selection with public fields only,
 * and how anyone recomputes it (docs/draw-verification.md, `npm run draw:verify`).
 */
import { verifySeed } from "../../schema/dispatch/rules/draw-seed.ts";
import { html, page } from "./layout.ts";
import type { PublicDrawResult } from "./operations.ts";

const dateTime = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—";

export function renderDrawPage(draw: PublicDrawResult): string {
  const revealed = draw.seed !== null;
  const seedMatches = draw.seed !== null && verifySeed(draw.seed, draw.seedHash);
  const percent = (draw.plan.baseRatioPpm / 10_000).toLocaleString("zh-CN", { maximumFractionDigits: 4 });
  const body = html`<section>
  <h1>双随机抽查公示</h1>
  <p><strong>${draw.plan.name}</strong></p>
  <dl>
    <dt>状态</dt><dd data-status="${draw.status}">${revealed ? "已揭晓" : "已承诺，尚未揭晓"}</dd>
    <dt>抽取日</dt><dd>${draw.drawDay}</dd>
    <dt>检查时段</dt><dd>${draw.plan.visitFrom} 至 ${draw.plan.visitTo}</dd>
    <dt>检查事项</dt><dd class="mono">${draw.plan.itemCodes.join("、")}</dd>
    <dt>基准比例</dt><dd>${percent}%（每层至少 1 家）</dd>
    <dt>候选企业</dt><dd>${draw.candidateCount} 家</dd>
    <dt>承诺时间</dt><dd>${dateTime(draw.committedAt)}</dd>
    <dt>揭晓时间</dt><dd>${dateTime(draw.revealedAt)}</dd>
  </dl>
</section>
<section>
  <h2>承诺（抽取前公布）</h2>
  <dl>
    <dt>种子哈希</dt><dd class="mono" id="seed-hash">${draw.seedHash}</dd>
    <dt>候选名单哈希</dt><dd class="mono" id="candidate-list-hash">${draw.candidateListHash}</dd>
  </dl>
</section>
<section>
  <h2>种子（抽取后揭晓）</h2>
  ${
    revealed
      ? html`<p class="mono" id="seed">${draw.seed}</p>
  <p class="${seedMatches ? "ok" : "bad"}">${seedMatches ? "SHA-256(种子) 与抽取前公布的种子哈希一致。" : "SHA-256(种子) 与公布的种子哈希不一致！"}</p>`
      : html`<p class="muted">种子在抽取后揭晓；届时任何人都可核对它与上面的种子哈希是否一致。</p>`
  }
</section>
${
  revealed
    ? html`<section>
  <h2>分层与抽取数量</h2>
  <div class="scroll"><table>
    <thead><tr><th>行业</th><th>风险等级</th><th>可抽</th><th>排除</th><th>抽取</th></tr></thead>
    <tbody>${draw.strata.map(
      (s) =>
        html`<tr><td>${s.industry}</td><td>${s.riskClass}</td><td>${s.population}</td><td>${s.excluded}</td><td>${s.count}</td></tr>`,
    )}</tbody>
  </table></div>
  ${draw.atYearlyCap.length > 0 ? html`<p class="muted">已达年度检查上限而未纳入：${draw.atYearlyCap.length} 家</p>` : ""}
</section>
<section>
  <h2>抽中企业（${draw.selectedCandidates.length} 家）</h2>
  <div class="scroll"><table id="selected">
    <thead><tr><th>统一社会信用代码</th><th>企业名称</th><th>行业</th><th>风险等级</th><th>园区 / 镇街</th></tr></thead>
    <tbody>${draw.selectedCandidates.map(
      (c) =>
        html`<tr><td class="mono">${c.uscc}</td><td>${c.name}</td><td>${c.industry}</td><td>${c.riskClass}</td><td>${[c.park, c.town].filter(Boolean).join(" / ")}</td></tr>`,
    )}</tbody>
  </table></div>
</section>`
    : ""
}
<section>
  <h2>如何自行核算</h2>
  <ol>
    <li>种子是 32 字节（64 位十六进制）；SHA-256(种子字节) 必须等于种子哈希。</li>
    <li>候选名单按统一社会信用代码排序，逐行写成 JSON 数组 <code>[uscc,name,park,town,industry,riskClass,excluded]</code> 加换行；整个名单的 SHA-256 必须等于候选名单哈希。</li>
    <li>每个（行业, 风险等级）层抽取 <code>k = min(n, ⌈n × 基准比例 × 风险系数⌉)</code> 家，n 为未被排除的企业数。</li>
    <li>层内按 <code>SHA-256(种子字节 ‖ 统一社会信用代码)</code> 从小到大排序，取前 k 家。</li>
  </ol>
  <p class="muted">完整算法与示例见仓库中的 <code>docs/draw-verification.md</code>；也可运行 <code>npm run draw:verify -- ${draw.id}</code> 自动核算。</p>
</section>`;
  return page(`双随机抽查公示 — ${draw.plan.name}`, body);
}

export function renderDrawNotFound(id: string): string {
  return page("双随机抽查公示", html`<section><h1>没有这次抽取</h1><p class="mono">${id}</p></section>`);
}

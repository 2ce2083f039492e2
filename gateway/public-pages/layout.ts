/**
 * The frame of the public pages (no sign-in): plain HTML with its own small stylesheet, readable on a phone,
 * no script, no font or asset from another host (intranets, 政务外网).
 */

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** a tagged template whose interpolations are escaped unless they are already `Html` */
export class Html {
  constructor(readonly text: string) {}
  toString() {
    return this.text;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += renderValue(value) + (strings[i + 1] ?? "");
  });
  return new Html(out);
}

function renderValue(value: unknown): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(renderValue).join("");
  return escapeHtml(String(value));
}

const STYLE = `
  *{box-sizing:border-box}
  body{margin:0;font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;line-height:1.6;color:#1f1f1f;background:#f5f5f5}
  header{background:#14306b;color:#fff;padding:12px 16px;font-size:15px}
  main{max-width:860px;margin:0 auto;padding:16px}
  section{background:#fff;border-radius:8px;padding:16px;margin-bottom:16px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
  h1{font-size:22px;margin:0 0 8px}
  h2{font-size:17px;margin:0 0 8px}
  .verdict{font-size:26px;font-weight:700;margin:4px 0}
  .ok{color:#237804}.bad{color:#a8071a}.warn{color:#ad6800}
  label{display:block;margin-bottom:6px}
  input[type=text]{width:100%;font-size:18px;padding:10px;border:1px solid #bbb;border-radius:6px;letter-spacing:1px}
  fieldset{border:0;padding:0;margin:12px 0}
  legend{padding:0;margin-bottom:4px}
  label.inline{display:inline-block;margin:0 16px 6px 0;font-size:16px}
  textarea{width:100%;font-size:16px;padding:8px;border:1px solid #bbb;border-radius:6px;font-family:inherit}
  button{margin-top:12px;width:100%;font-size:18px;padding:10px;border:0;border-radius:6px;background:#14306b;color:#fff}
  table{border-collapse:collapse;width:100%;font-size:14px}
  th,td{border-bottom:1px solid #eee;padding:6px 4px;text-align:left;vertical-align:top}
  .scroll{overflow-x:auto}
  code,.mono{font-family:ui-monospace,"Noto Sans Mono CJK SC",monospace;word-break:break-all;font-size:13px}
  dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:0}
  dt{color:#595959}dd{margin:0}
  .muted{color:#595959;font-size:14px}
`;

export function page(title: string, body: Html): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header>川渝高竹新区 · 跨省联合执法</header>
<main>
${body.text}
</main>
</body>
</html>`;
}

/** a refused submission on a public page: what the enterprise reads and the stable code */
export function renderRefused(title: string, code: string, zh: string): string {
  return page(
    `${title} — 未提交`,
    html`<section>
  <h1>${title}</h1>
  <p class="verdict bad" data-code="${code}">未提交</p>
  <p>${zh}</p>
  <p class="muted">错误代码：<span class="mono">${code}</span></p>
</section>`,
  );
}

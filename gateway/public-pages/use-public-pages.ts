/**
 * The public pages, no sign-in: `/v/<code>` (执法码 check) and `/draws/<id>` (一公开). Each runs its GraphQL
 * operation (./operations.ts) through the gateway itself with the visitor's own connection, so resolvers, the
 * per-address rate limit and the audit trail are those of any client without a token.
 */
import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import { beijingDate } from "../../schema/common/effective-dates.ts";
import { readFeedbackForm } from "../../schema/supervision/rules/feedback.ts";
import {
  normaliseUnshownCodeReport,
  unshownCodeReportProblems,
} from "../../schema/supervision/rules/unshown-code-report.ts";
import { renderCodeCheckPage } from "./code-check-page.ts";
import { renderDrawNotFound, renderDrawPage } from "./draw-page.ts";
import { renderFeedbackProblems, renderFeedbackReceived } from "./feedback-form.ts";
import { renderRefused } from "./layout.ts";
import {
  CHECK_CODE,
  type CodeCheckResult,
  type FeedbackReceipt,
  PUBLISHED_DRAW,
  type PublicDrawResult,
  REPORT_UNSHOWN_CODE,
  SUBMIT_FEEDBACK,
  type UnshownCodeReceipt,
} from "./operations.ts";
import {
  renderUnshownCodeReportForm,
  renderUnshownCodeReportReceived,
  UNSHOWN_CODE_REPORT_PATH,
} from "./unshown-code-report-page.ts";

export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** runs an operation through the gateway as the visitor (their server context: address, socket) */
export type RunAsVisitor = <T>(
  operation: { query: string; variables: Record<string, unknown> },
  visitor: { request: Request; serverContext: Record<string, unknown> },
) => Promise<GraphQLAnswer<T>>;

const HTML_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'",
};

const rateLimited = (answer: GraphQLAnswer<unknown>) =>
  answer.errors?.some((e) => e.extensions?.code === "RATE_LIMITED") ?? false;

export function usePublicPages(run: RunAsVisitor): Plugin {
  return {
    async onRequest({ url, request, endResponse, fetchAPI, serverContext }) {
      if (request.method !== "GET" && request.method !== "POST") return;
      const respond = (body: string, status = 200) =>
        // a fresh object each time: the Response keeps the one it is given and adds its Content-Length to it
        endResponse(new fetchAPI.Response(body, { status, headers: { ...HTML_HEADERS } }));
      // only the visitor's address: handing the inner request the real socket lets it end that connection
      // (a keep-alive socket's next response was cut short)
      const remoteAddress = (serverContext as { req?: IncomingMessage } | undefined)?.req?.socket?.remoteAddress;
      const visitor = { request, serverContext: { req: { socket: { remoteAddress } } } };

      if (url.pathname === UNSHOWN_CODE_REPORT_PATH) {
        if (request.method === "GET") return respond(renderUnshownCodeReportForm({}, [], beijingDate(new Date())));
        const answer = await submitUnshownCodeReport(run, request, visitor);
        return respond(answer.body, answer.status);
      }

      const code = matchPath(url.pathname, "/v/");
      if (code !== null && request.method === "POST") {
        const answer = await submitFeedback(run, code, request, visitor);
        return respond(answer.body, answer.status);
      }
      if (request.method !== "GET") return;
      if (code !== null) {
        const uscc = (url.searchParams.get("uscc") ?? "").trim().toUpperCase();
        // with no USCC yet, the check against an empty one still tells a forged or garbled code (无效) at once
        const answer = await run<{ verifyInspection: CodeCheckResult }>(
          { query: CHECK_CODE, variables: { code, uscc } },
          visitor,
        );
        if (rateLimited(answer))
          return respond(renderCodeCheckPage({ code, uscc, result: null, tooManyRequests: true }), 429);
        const result = answer.data?.verifyInspection ?? null;
        if (!result) throw new Error(`verifyInspection answered nothing: ${JSON.stringify(answer.errors)}`);
        const notACode = !result.valid && ["MALFORMED", "BAD_SIGNATURE", "UNKNOWN_TASK"].includes(result.reason ?? "");
        return respond(renderCodeCheckPage({ code, uscc, result: uscc || notACode ? result : null, notACode }));
      }

      const drawId = matchPath(url.pathname, "/draws/");
      if (drawId !== null) {
        const answer = await run<{ draw: PublicDrawResult | null }>(
          { query: PUBLISHED_DRAW, variables: { id: drawId } },
          visitor,
        );
        if (rateLimited(answer)) return respond(renderDrawNotFound(drawId), 429);
        const draw = answer.data?.draw;
        return draw ? respond(renderDrawPage(draw)) : respond(renderDrawNotFound(drawId), 404);
      }
    },
  };
}

/** the largest form a POST may send: a feedback's 500 characters of comments or a report's 1000 of 情况说明 and 100 of 部门, URL-encoded (9 bytes a character), and the rest */
const MAX_FORM_BYTES = 16_384;

const REFUSALS: Record<string, string> = {
  FEEDBACK_NOT_OPEN:
    "此执法码不能为贵企业提交反馈：请核对统一社会信用代码；检查开始前、执法码被撤销或不是发给贵企业的，均不能反馈。",
  FORM_TOO_LARGE: "提交的内容过长。",
  ENTERPRISE_UNKNOWN: "该统一社会信用代码不在高竹新区企业库中，请核对营业执照上的代码。",
};

type Answered = { body: string; status: number };

/** a POSTed form's fields, or null when it is larger than any form of these pages may be */
async function postedForm(request: Request): Promise<((name: string) => string | undefined) | null> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_FORM_BYTES) return null;
  const fields = new URLSearchParams(text);
  return (name) => fields.get(name) ?? undefined;
}

/** a submission the gateway did not store: the refusal page with its stable code and Chinese text */
function refused(title: string, answer: GraphQLAnswer<unknown>, forbiddenReasons: string[] = []): Answered {
  if (rateLimited(answer))
    return { body: renderRefused(title, "RATE_LIMITED", "提交过于频繁，请一分钟后再试。"), status: 429 };
  const error = answer.errors?.[0] as { extensions?: { code?: string; reason?: string } } | undefined;
  const reason = error?.extensions?.reason ?? error?.extensions?.code ?? "INTERNAL_SERVER_ERROR";
  const zh = REFUSALS[reason] ?? `${title}未能提交，请核对后重试。`;
  return { body: renderRefused(title, reason, zh), status: forbiddenReasons.includes(reason) ? 403 : 400 };
}

const tooLarge = (title: string): Answered => ({
  body: renderRefused(title, "FORM_TOO_LARGE", REFUSALS.FORM_TOO_LARGE ?? ""),
  status: 413,
});

/** 检查情况反馈表: read the form, then let the gateway check the code and the USCC again and store it */
async function submitFeedback(
  run: RunAsVisitor,
  code: string,
  request: Request,
  visitor: Parameters<RunAsVisitor>[1],
): Promise<Answered> {
  const value = await postedForm(request);
  if (!value) return tooLarge("检查情况反馈表");
  const uscc = (value("uscc") ?? "").trim().toUpperCase();
  const form = {
    codeShown: value("codeShown"),
    teamMatched: value("teamMatched"),
    durationMinutes: value("durationMinutes"),
    satisfaction: value("satisfaction"),
    comments: value("comments"),
  };
  const read = readFeedbackForm(form);
  if (!read.ok) return { body: renderFeedbackProblems(code, uscc, form, read.problems), status: 400 };
  const answer = await run<{ submitInspectionFeedback: FeedbackReceipt | null }>(
    { query: SUBMIT_FEEDBACK, variables: { code, uscc, answers: read.answers } },
    visitor,
  );
  const receipt = answer.data?.submitInspectionFeedback;
  if (receipt) return { body: renderFeedbackReceived(receipt.alreadyReceived), status: 200 };
  return refused("检查情况反馈表", answer, ["FEEDBACK_NOT_OPEN"]);
}

/** 未亮码检查反映: the form's problems shown with the form; the gateway checks again (and the library) and stores */
async function submitUnshownCodeReport(
  run: RunAsVisitor,
  request: Request,
  visitor: Parameters<RunAsVisitor>[1],
): Promise<Answered> {
  const value = await postedForm(request);
  if (!value) return tooLarge("未亮码检查反映");
  const form = {
    uscc: value("uscc") ?? "",
    occurredOn: value("occurredOn") ?? "",
    department: value("department") ?? "",
    description: value("description") ?? "",
  };
  const today = beijingDate(new Date());
  const problems = unshownCodeReportProblems(normaliseUnshownCodeReport(form), today);
  if (problems.length > 0) return { body: renderUnshownCodeReportForm(form, problems, today), status: 400 };
  const answer = await run<{ reportUnshownCodeInspection: UnshownCodeReceipt | null }>(
    { query: REPORT_UNSHOWN_CODE, variables: { input: normaliseUnshownCodeReport(form) } },
    visitor,
  );
  const receipt = answer.data?.reportUnshownCodeInspection;
  if (receipt) return { body: renderUnshownCodeReportReceived(receipt.alreadyReceived), status: 200 };
  return refused("未亮码检查反映", answer);
}

/** `/v/abc` → "abc" for prefix "/v/"; null when the path is not under it or names nothing */
function matchPath(pathname: string, prefix: string): string | null {
  if (!pathname.startsWith(prefix)) return null;
  const rest = pathname.slice(prefix.length);
  if (rest === "" || rest.includes("/")) return null;
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}

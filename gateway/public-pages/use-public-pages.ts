/**
 * The public pages, no sign-in: `/v/<code>` (执法码 check) and `/draws/<id>` (一公开). Each runs its GraphQL
 * operation (./operations.ts) through the gateway itself with the visitor's own connection, so resolvers, the
 * per-address rate limit and the audit trail are those of any client without a token.
 */
import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import { readFeedbackForm } from "../../schema/supervision/rules/feedback.ts";
import { renderCodeCheckPage } from "./code-check-page.ts";
import { renderDrawNotFound, renderDrawPage } from "./draw-page.ts";
import { renderFeedbackProblems, renderFeedbackReceived, renderFeedbackRefused } from "./feedback-form.ts";
import {
  CHECK_CODE,
  type CodeCheckResult,
  type FeedbackReceipt,
  PUBLISHED_DRAW,
  type PublicDrawResult,
  SUBMIT_FEEDBACK,
} from "./operations.ts";

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

/** the largest form a feedback POST may send (500 characters of comments, URL-encoded, and the rest) */
const MAX_FORM_BYTES = 16_384;

const REFUSALS: Record<string, string> = {
  FEEDBACK_NOT_OPEN:
    "此执法码不能为贵企业提交反馈：请核对统一社会信用代码；检查开始前、执法码被撤销或不是发给贵企业的，均不能反馈。",
  FORM_TOO_LARGE: "提交的内容过长。",
};

/** 检查情况反馈表: read the form, then let the gateway check the code and the USCC again and store it */
async function submitFeedback(
  run: RunAsVisitor,
  code: string,
  request: Request,
  visitor: Parameters<RunAsVisitor>[1],
): Promise<{ body: string; status: number }> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_FORM_BYTES)
    return { body: renderFeedbackRefused("FORM_TOO_LARGE", REFUSALS.FORM_TOO_LARGE ?? ""), status: 413 };
  const fields = new URLSearchParams(text);
  const value = (name: string) => fields.get(name) ?? undefined;
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
  if (rateLimited(answer))
    return { body: renderFeedbackRefused("RATE_LIMITED", "提交过于频繁，请一分钟后再试。"), status: 429 };
  const error = answer.errors?.[0] as { extensions?: { code?: string; reason?: string } } | undefined;
  const reason = error?.extensions?.reason ?? error?.extensions?.code ?? "INTERNAL_SERVER_ERROR";
  const zh = REFUSALS[reason] ?? "反馈未能提交，请核对后重试。";
  return { body: renderFeedbackRefused(reason, zh), status: reason === "FEEDBACK_NOT_OPEN" ? 403 : 400 };
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

/**
 * The public pages, no sign-in: `/v/<code>` (执法码 check) and `/draws/<id>` (一公开). Each runs its GraphQL
 * operation (./operations.ts) through the gateway itself with the visitor's own connection, so resolvers, the
 * per-address rate limit and the audit trail are those of any client without a token.
 */
import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import { renderCodeCheckPage } from "./code-check-page.ts";
import { renderDrawNotFound, renderDrawPage } from "./draw-page.ts";
import { CHECK_CODE, type CodeCheckResult, PUBLISHED_DRAW, type PublicDrawResult } from "./operations.ts";

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
      if (request.method !== "GET") return;
      const respond = (body: string, status = 200) =>
        // a fresh object each time: the Response keeps the one it is given and adds its Content-Length to it
        endResponse(new fetchAPI.Response(body, { status, headers: { ...HTML_HEADERS } }));
      // only the visitor's address: handing the inner request the real socket lets it end that connection
      // (a keep-alive socket's next response was cut short)
      const remoteAddress = (serverContext as { req?: IncomingMessage } | undefined)?.req?.socket?.remoteAddress;
      const visitor = { request, serverContext: { req: { socket: { remoteAddress } } } };

      const code = matchPath(url.pathname, "/v/");
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

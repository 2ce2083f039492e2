/**
 * The audit's backstop: when a response to /graphql (or a refused /metrics) goes out, every operation of the request
 * that has no audit entry gets one — a request refused before any hook of useAudit could see it: a body that is not
 * JSON or not a GraphQL request, a wrong method, content type or Accept, a batch over its limit or empty, a
 * mutation sent as GET, a body over its limit, an element of a batch refused on its own, a plugin that failed before
 * execution. The entry says REFUSED (4xx) or ERROR (5xx) with the code the answer gives (its first error's code, or
 * one for its HTTP status), attributed to the token's caller when the token verifies. @whatwg-node/server awaits
 * `onResponse`, so the entry is appended before the answer leaves. A CORS preflight carries no credentials and runs
 * nothing: it is not an access (docs/security.md).
 */
import type { Plugin } from "graphql-yoga";
import { type AuditRecord, unnamedOperationRecord } from "../audit/audit-log.ts";
import { noteOperations, unauditedOperations } from "../audit/request-tally.ts";
import type { GatewayContext } from "../context.ts";
import { type AuditServices, outcomeOf } from "./use-audit.ts";

/** the code of an answer without one, by HTTP status */
const STATUS_CODES: Record<number, string> = {
  400: "BAD_REQUEST",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  406: "NOT_ACCEPTABLE",
  413: "REQUEST_ENTITY_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_LIMITED",
};

/** the longest answer read back for its code (an early refusal is a few hundred bytes) */
const MAX_READ_BYTES = 64 * 1024;

type Errors = ReadonlyArray<{ extensions?: Record<string, unknown> }>;

/** the errors of an answer: a JSON result, or a batch of them; none when it is not such JSON */
async function errorsOf(response: Response): Promise<Errors> {
  const type = response.headers.get("content-type") ?? "";
  const length = Number(response.headers.get("content-length") ?? Number.NaN);
  if (!type.includes("json") || !(length <= MAX_READ_BYTES)) return [];
  try {
    const body = (await response.clone().json()) as unknown;
    const results = Array.isArray(body) ? body : [body];
    return results.flatMap((result) => (result as { errors?: Errors } | null)?.errors ?? []);
  } catch {
    return [];
  }
}

/**
 * The entry's outcome and code for an answer whose operation never ran (pure): an operation that runs is audited by
 * useAudit, so one the backstop writes for was refused (ERROR for a 5xx, or an internal error's code) — whatever
 * the HTTP status, as a malformed body answered over an event stream is 200.
 */
export function backstopOutcome(status: number, errors: Errors): Pick<AuditRecord, "outcome" | "errorCode"> {
  const statusCode = STATUS_CODES[status] ?? (status >= 500 ? "INTERNAL_SERVER_ERROR" : "NOT_EXECUTED");
  const coded = errors.find((e) => typeof e.extensions?.code === "string");
  const reason = errors.find((e) => typeof e.extensions?.reason === "string")?.extensions?.reason;
  const code = coded ? String(coded.extensions?.code) : statusCode;
  const failed = status >= 500 || (coded !== undefined && outcomeOf([coded]).outcome === "ERROR");
  return { outcome: failed ? "ERROR" : "REFUSED", errorCode: String(reason ?? code) };
}

export interface BackstopOptions {
  graphqlEndpoint: string;
  /** a batch of more operations is refused whole: one access attempt, one entry */
  batchLimit: number;
}

export function useAuditBackstop(services: AuditServices, options: BackstopOptions): Plugin<GatewayContext> {
  const endpoint = options.graphqlEndpoint;
  /** yoga's own test of a GraphQL request (graphql-yoga's useUnhandledRoute): the URL ends with the endpoint */
  const isGraphqlRequest = (request: Request, pathname: string) =>
    request.url.endsWith(endpoint) ||
    request.url.endsWith(`${endpoint}/`) ||
    pathname === endpoint ||
    pathname === `${endpoint}/`;
  return {
    onRequestParse({ request }) {
      return {
        onRequestParseDone({ requestParserResult }) {
          const batch = Array.isArray(requestParserResult) ? requestParserResult.length : 1;
          noteOperations(request, batch >= 1 && batch <= options.batchLimit ? batch : 1);
        },
      };
    },
    async onResponse({ request, response }) {
      // first, as it is the common case: every operation of the request has its entry
      const missing = unauditedOperations(request);
      if (missing === 0 || request.method === "OPTIONS") return;
      const { pathname } = new URL(request.url);
      // a refused scrape of metrics is audited; a served one reads counters, not records
      const refusedScrape = pathname === "/metrics" && response.status >= 400;
      if (!refusedScrape && !isGraphqlRequest(request, pathname)) return;
      // a page (GraphiQL in development), not a GraphQL answer
      if ((response.headers.get("content-type") ?? "").startsWith("text/html")) return;
      const outcome = backstopOutcome(response.status, await errorsOf(response));
      const caller = await services.authenticator.authenticate(request).catch(() => null);
      const record = unnamedOperationRecord(caller, outcome);
      for (let i = 0; i < missing; i++) await services.auditLog.append(record).catch(() => {});
    },
  };
}

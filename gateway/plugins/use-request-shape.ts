/**
 * What an HTTP request must look like before it is parsed as GraphQL:
 *
 * - a POST body is `application/json` (UTF-8), the one media type GraphQL-over-HTTP requires. Yoga
 *   would also run `application/x-www-form-urlencoded`, `multipart/form-data` and
 *   `application/graphql` bodies — the first two are what a cross-site HTML form can send without a
 *   CORS preflight, so a page elsewhere could post a mutation. Anything else: 415
 *   `UNSUPPORTED_MEDIA_TYPE`, nothing parsed. (Queries may still come as GET.)
 * - a batch holds at least one operation: `[]` is 400 `BAD_REQUEST`, reason `EMPTY_BATCH` (yoga
 *   answered 200 `[]`).
 * - a GET's `variables` and `extensions` are JSON: anything else is 400 `BAD_REQUEST`, reason
 *   `PARAMETER_NOT_JSON` (yoga answered 500).
 * - a client that accepts none of the response types gets 406 with a JSON body and code
 *   `NOT_ACCEPTABLE` — before anything runs: yoga decides the media type after execution, so a
 *   mutation sent with `Accept: text/html` was applied and then answered with an empty 406.
 */
import { createGraphQLError, type Plugin } from "graphql-yoga";

/** `application/json`, optionally with `charset=utf-8` (JSON is UTF-8: RFC 8259 §8.1) */
export function isJsonMediaType(contentType: string | null): boolean {
  if (!contentType) return false;
  const [type, ...parameters] = contentType.split(";").map((part) => part.trim().toLowerCase());
  if (type !== "application/json") return false;
  return parameters.every((parameter) => !parameter.startsWith("charset=") || /^charset="?utf-8"?$/.test(parameter));
}

/** What the gateway can answer in (yoga's result processors), and the wildcards that cover them. */
const SERVED = new Set([
  "application/graphql-response+json",
  "application/json",
  "text/event-stream",
  "multipart/mixed",
  "*/*",
  "application/*",
  "text/*",
  "multipart/*",
]);

/** No Accept header means anything (RFC 9110 §12.5.1); a type with q=0 is one the client refuses. */
export function acceptsAnyServedType(accept: string | null): boolean {
  if (accept === null || accept.trim() === "") return true;
  return accept.split(",").some((range) => {
    const [type, ...parameters] = range.split(";").map((part) => part.trim().toLowerCase());
    const refused = parameters.some((parameter) => /^q=0(\.0{0,3})?$/.test(parameter));
    return !refused && SERVED.has(type ?? "");
  });
}

const notAcceptable = () =>
  createGraphQLError(
    "None of the media types in Accept can be served: accept application/graphql-response+json or application/json",
    { extensions: { code: "NOT_ACCEPTABLE", http: { status: 406 } } },
  );

/** a GET's `variables` and `extensions` are JSON text: anything else is the client's error (400), not ours (yoga: 500) */
function refuseUnparsableParameters(search: URLSearchParams): void {
  for (const name of ["variables", "extensions"]) {
    const text = search.get(name);
    if (text === null) continue;
    try {
      JSON.parse(text);
    } catch {
      throw createGraphQLError(`The GET parameter "${name}" is not JSON`, {
        extensions: { code: "BAD_REQUEST", reason: "PARAMETER_NOT_JSON", http: { status: 400 } },
      });
    }
  }
}

export function useRequestShape(): Plugin {
  return {
    onRequestParse({ request }) {
      if (!acceptsAnyServedType(request.headers.get("accept"))) throw notAcceptable();
      if (request.method === "POST" && !isJsonMediaType(request.headers.get("content-type"))) {
        throw createGraphQLError('A POST body must be "Content-Type: application/json" (UTF-8)', {
          extensions: {
            code: "UNSUPPORTED_MEDIA_TYPE",
            http: { status: 415, headers: { "Accept-Post": "application/json" } },
          },
        });
      }
      if (request.method === "GET") refuseUnparsableParameters(new URL(request.url).searchParams);
      return {
        onRequestParseDone({ requestParserResult }) {
          if (Array.isArray(requestParserResult) && requestParserResult.length === 0) {
            throw createGraphQLError("An empty batch: send at least one operation", {
              extensions: { code: "BAD_REQUEST", reason: "EMPTY_BATCH", http: { status: 400 } },
            });
          }
        },
      };
    },
    onResponse({ response, setResponse, fetchAPI }) {
      // what still reaches yoga's own 406 (e.g. a subscription to a client that accepts only JSON)
      if (response.status !== 406 || response.headers.get("content-type")) return;
      const { message, extensions } = notAcceptable();
      // JSON although the client did not ask for it: RFC 9110 §15.5.7 allows it, and it says why
      const body = { errors: [{ message, extensions: { code: extensions.code } }] };
      setResponse(fetchAPI.Response.json(body, { status: 406, headers: response.headers }));
    },
  };
}

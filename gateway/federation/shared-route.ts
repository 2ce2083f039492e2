/**
 * Which server answers a GraphQL request, decided before anything parses it (./shared-first-router.ts).
 *
 * An operation that selects no province field is planned by the runtime as one fetch from the shared
 * subgraph, which runs in this process (./shared-fast-path.ts does exactly that inside the runtime). Such a
 * request can be answered by the shared schema's own yoga and skip the runtime's request pipeline. This rule
 * must never send the shared yoga an operation it cannot answer as the supergraph would, so it errs one way
 * only: when the text does not prove the operation stays in the shared subgraph, the runtime answers.
 *
 * Proof, from the raw text (a JSON body or a GET's decoded `query`):
 * - no province field's name appears in it at all (a field is selected by its name, aliases included, and
 *   fragments are in the same document); a name that appears in a string or a comment costs only the
 *   runtime's path;
 * - no JSON escape (`\u0061tSichuan` spells a field the check above would not see);
 * - no introspection of the schema (`__schema`, `__type(…)`): the supergraph's API schema is the one to show,
 *   not the shared subgraph's (`__typename` is answered alike by both);
 * - no federation field of the subgraph (`_service`, `_entities`): they are the runtime's way into a subgraph, not
 *   part of the supergraph's API. Answered by the shared yoga, `_service { sdl }` gave anyone with a token the
 *   shared schema's whole text where introspection is refused (production).
 */
import { RUNTIME_FIELD_NAMES } from "./shared-fast-path.ts";

const JSON_ESCAPE = "\\u";
/** `__schema` or `__type`, but not `__typename` */
const SCHEMA_INTROSPECTION = /__(?:schema|type)(?![A-Za-z0-9_])/;

export type GraphQLServer = "shared" | "supergraph";

/** true only when the text certainly selects nothing outside the shared subgraph and asks no introspection */
export function certainlySharedOnly(text: string): boolean {
  if (text.includes(JSON_ESCAPE)) return false;
  for (const name of RUNTIME_FIELD_NAMES) if (text.includes(name)) return false;
  return !SCHEMA_INTROSPECTION.test(text);
}

export interface GraphQLRequestShape {
  method: string | undefined;
  /** path and query string, as in a request line (`/graphql?query=…`) */
  target: string;
  contentType: string | null | undefined;
  /** a POST's whole body as text; absent when it was not read (too large, chunked, not JSON) */
  body?: string;
}

/**
 * The server for a request to the GraphQL endpoint. Anything but a GET with a `query` or a JSON POST whose
 * body was read goes to the supergraph (multipart, form bodies, GraphiQL's page, a body read as a stream):
 * the runtime serves every request correctly; the shared yoga only the ones proven above.
 */
export function serverFor(request: GraphQLRequestShape, endpoint: string): GraphQLServer {
  const queryAt = request.target.indexOf("?");
  const pathname = queryAt < 0 ? request.target : request.target.slice(0, queryAt);
  if (pathname !== endpoint) return "supergraph";
  if (request.method === "GET" && queryAt >= 0) {
    const query = new URLSearchParams(request.target.slice(queryAt + 1)).get("query");
    return query !== null && certainlySharedOnly(query) ? "shared" : "supergraph";
  }
  if (request.method === "POST" && request.body !== undefined && isJson(request.contentType)) {
    return certainlySharedOnly(request.body) ? "shared" : "supergraph";
  }
  return "supergraph";
}

function isJson(contentType: string | null | undefined): boolean {
  return contentType?.toLowerCase().startsWith("application/json") ?? false;
}

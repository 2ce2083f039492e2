/**
 * The lane of repeated catalog reads over HTTP: a POST that the read cache can answer is answered here, before
 * yoga, with what yoga would send — the same bytes, status and headers — and everything yoga would do for it:
 * the token verified (the same verifier and cache), the durable audit entry (the same record, awaited before the
 * answer), the request's metrics and log line. Under the read load, yoga's request pipeline (a fetch Request and
 * Response per request, a dozen plugins' hooks, the promise helpers) was most of the gateway's CPU for an answer
 * it already had (bench/README.md, issue 19).
 *
 * The lane never refuses and never decides anything yoga would decide differently: whatever is not plainly a hit
 * — another path or media type, an Origin (CORS), a DPoP token, a token that does not verify, a batch, extensions,
 * an unknown Accept, a miss, an audit write that failed — is handed on untouched (`false`), and yoga answers it as
 * before, refusals, audit of the refusal and all. A hit exists only for a document yoga parsed, validated (depth,
 * cost, aliases, tokens, input safety: all decided by the document and variables, which the key holds) and executed
 * without error for a caller of the same issuer and scopes on the same day and catalog version.
 *
 * Keep it in step with the plugins (../app.ts): a plugin that changes a successful read's answer or adds work to every
 * request (a header, a log field, a limit that depends on more than the document) must be applied here too, or must
 * make the lane hand the request on; test/gateway/read-cache-lane.test.ts compares the two answers.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GatewayServices } from "../context.ts";
import { auditRecordFor, describeRequest } from "../plugins/use-audit.ts";
import { reportRequest, requestIdOf } from "../plugins/use-request-report.ts";
import { isJsonMediaType } from "../plugins/use-request-shape.ts";
import { type ReadAnswers, readAnswerKey } from "./read-answers.ts";

export type LaneServices = Pick<
  GatewayServices,
  "authenticator" | "auditLog" | "catalog" | "clock" | "logger" | "metrics"
>;

/** answers the request and resolves true, or writes nothing and resolves false (the caller hands it on) */
export type ReadCacheLane = (req: IncomingMessage, res: ServerResponse, body: unknown) => Promise<boolean>;

/**
 * The media type yoga answers a regular result with, for the Accept headers clients here send (checked against
 * yoga in test/gateway/read-cache-lane.test.ts); any other Accept goes to yoga's own negotiation.
 */
const ANSWERED_MEDIA_TYPES = new Map<string | undefined, string>([
  [undefined, "application/json"],
  ["", "application/json"],
  ["*/*", "application/json"],
  ["application/json", "application/json"],
  ["application/graphql-response+json", "application/graphql-response+json"],
  ["application/graphql-response+json, application/json", "application/graphql-response+json"],
]);

interface PlainParams {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** a single operation with nothing but a query, its variables and its name (no batch, no extensions) */
function plainParamsOf(body: unknown): PlainParams | null {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return null;
  const { query, variables, operationName, ...rest } = body as Record<string, unknown>;
  if (typeof query !== "string" || Object.keys(rest).length > 0) return null;
  if (variables != null && (typeof variables !== "object" || Array.isArray(variables))) return null;
  if (operationName != null && typeof operationName !== "string") return null;
  return body as PlainParams;
}

export function createReadCacheLane(options: {
  answers: ReadAnswers;
  services: LaneServices;
  graphqlEndpoint: string;
}): ReadCacheLane {
  const { answers, services, graphqlEndpoint } = options;
  return async (req, res, body) => {
    const started = performance.now();
    const { headers } = req;
    const mediaType = ANSWERED_MEDIA_TYPES.get(headers.accept?.trim());
    const params = plainParamsOf(body);
    const authorization = headers.authorization;
    if (
      req.method !== "POST" ||
      req.url !== graphqlEndpoint ||
      !mediaType ||
      !params ||
      !authorization ||
      headers.origin !== undefined ||
      headers.dpop !== undefined ||
      !isJsonMediaType(headers["content-type"] ?? null)
    ) {
      return false;
    }
    const caller = await services.authenticator.bearerCaller(authorization).catch(() => null);
    const version = caller && (await services.catalog.snapshot().catch(() => null));
    if (!caller || !version) return false;
    const audit = describeRequest(params);
    const key = readAnswerKey({
      caller,
      now: services.clock(),
      operationName: params.operationName,
      documentHash: audit.documentHash!,
      variablesHash: audit.variablesHash,
    });
    const answer = answers.get(version, key);
    if (!answer) return false;
    audit.operationType = "query";
    audit.operationName = answer.operationName;
    try {
      await services.auditLog.append(auditRecordFor({ caller, audit }, undefined));
    } catch {
      // nothing was written (a batch commits whole or not at all): yoga tries again, and answers a failure its way
      return false;
    }
    const requestId = requestIdOf(headers["x-request-id"] as string | undefined);
    const bytes = answer.bytes();
    res.writeHead(200, {
      "content-type": `${mediaType}; charset=utf-8`,
      "content-length": bytes.length,
      "x-request-id": requestId,
    });
    res.end(bytes);
    const line = {
      requestId,
      method: "POST",
      path: graphqlEndpoint,
      status: 200,
      issuer: caller.issuer,
      subject: caller.subject,
      operationType: "query",
      operationName: answer.operationName,
      errors: undefined,
    };
    reportRequest(services, line, (performance.now() - started) / 1000, []);
    return true;
  };
}

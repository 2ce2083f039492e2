import { randomUUID } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import type { Caller, GatewayContext } from "../context.ts";
import { errorCode, errorLabel, type LabelledError } from "../logging/error-labels.ts";
import type { Logger } from "../logging/logger.ts";
import type { GatewayMetrics } from "../metrics/metrics.ts";

export interface RequestReportOptions {
  logger: Logger;
  metrics: GatewayMetrics;
}

/** A caller's own `x-request-id` is kept when it is a plain token (no spaces, no control characters). */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

interface InFlight {
  requestId: string;
  started: number;
  operationType: string;
  operationName: string | null;
  caller: Caller | null;
  /** the errors' codes and labels (`CODE/reason`), each once */
  codes: Set<string>;
  labels: Set<string>;
}

/** the fields of a request's log line (docs/observability.md) */
export interface RequestLine {
  requestId: string;
  method: string;
  path: string;
  status: number;
  issuer: string | null;
  subject: string | null;
  operationType: string;
  operationName: string | null;
  durationMs: number;
  errors: string[] | undefined;
}

/** the line in words: `POST /graphql 200 12.3 ms sc/sc-adapter-platform mutation IngestRecords [id]` */
function describe(line: RequestLine): string {
  const who = line.issuer ? `${line.issuer}/${line.subject}` : "no caller";
  const what = line.operationType === "none" ? "" : ` ${line.operationType} ${line.operationName ?? "(anonymous)"}`;
  const errors = line.errors ? ` ${line.errors.join(", ")}` : "";
  return `${line.method} ${line.path} ${line.status} ${line.durationMs} ms ${who}${what}${errors} [${line.requestId}]`;
}

/**
 * Every answered GraphQL request is reported once, when its response head is ready (for a change
 * stream: when the stream opened): one log line and the request metrics.
 *
 * The line says who (issuer and subject of a verified token), what (operation type and name), how it
 * ended (HTTP status, error codes and reasons) and how long it took, under the request id that the
 * response returns in `x-request-id` (the caller's own when it sent a usable one). It never holds
 * the document, the variables, the result, error messages or headers: those may carry tokens and
 * personal data.
 *
 * Registered after useHealth and useMetrics: probes and scrapes are answered before they get here.
 */
export function useRequestReport({ logger, metrics }: RequestReportOptions): Plugin<GatewayContext> {
  const inFlight = new WeakMap<Request, InFlight>();
  const seen = (context: GatewayContext, type: string, name: string | null) => {
    // yoga's context holds the request (GatewayContext does not declare it)
    const entry = inFlight.get((context as unknown as { request: Request }).request);
    if (!entry) return;
    entry.operationType = type;
    entry.operationName = name;
    entry.caller = context.caller;
  };
  return {
    onRequest({ request }) {
      inFlight.set(request, {
        requestId: requestIdOf(request.headers.get("x-request-id")),
        started: performance.now(),
        operationType: "none",
        operationName: null,
        caller: null,
        codes: new Set(),
        labels: new Set(),
      });
    },
    onExecute({ args }) {
      // useAudit (registered before) has named the operation
      const ctx = args.contextValue as GatewayContext;
      seen(ctx, ctx.audit.operationType, ctx.audit.operationName);
    },
    onSubscribe({ args }) {
      const ctx = args.contextValue as GatewayContext;
      seen(ctx, "subscription", ctx.audit.operationName);
    },
    onResultProcess({ request, result }) {
      const entry = inFlight.get(request);
      if (!entry || Symbol.asyncIterator in result) return;
      for (const one of Array.isArray(result) ? result : [result]) {
        for (const error of (one.errors as readonly LabelledError[] | undefined) ?? []) {
          entry.codes.add(errorCode(error));
          entry.labels.add(errorLabel(error));
        }
      }
    },
    onResponse({ request, response }) {
      const entry = inFlight.get(request);
      if (!entry) return;
      inFlight.delete(request);
      response.headers.set("x-request-id", entry.requestId);
      const line = {
        requestId: entry.requestId,
        method: request.method,
        path: new URL(request.url).pathname,
        status: response.status,
        issuer: entry.caller?.issuer ?? null,
        subject: entry.caller?.subject ?? null,
        operationType: entry.operationType,
        operationName: entry.operationName,
        errors: entry.labels.size > 0 ? [...entry.labels] : undefined,
      };
      reportRequest({ logger, metrics }, line, (performance.now() - entry.started) / 1000, [...entry.codes]);
    },
  };
}

/** The request's id: the caller's own `x-request-id` when it is a plain token, else a new one. */
export function requestIdOf(offered: string | null | undefined): string {
  return offered && REQUEST_ID.test(offered) ? offered : randomUUID();
}

/**
 * A finished request in the metrics and in the log (one line; error level when it failed). Also used by the read
 * lane (../read-cache/read-cache-lane.ts), which answers before yoga: one report whichever answered.
 */
export function reportRequest(
  { logger, metrics }: RequestReportOptions,
  line: Omit<RequestLine, "durationMs">,
  seconds: number,
  codes: readonly string[],
): void {
  metrics.observeRequest(line.operationType, line.status, seconds, codes);
  const failed = line.status >= 500 || codes.includes("INTERNAL_SERVER_ERROR");
  // written out, not spread: a spread followed by an added property costs ~2 µs on Node 20, on every request
  const whole: RequestLine = {
    requestId: line.requestId,
    method: line.method,
    path: line.path,
    status: line.status,
    issuer: line.issuer,
    subject: line.subject,
    operationType: line.operationType,
    operationName: line.operationName,
    durationMs: Math.round(seconds * 10_000) / 10,
    errors: line.errors,
  };
  logger[failed ? "error" : "info"](whole, describe(whole));
}

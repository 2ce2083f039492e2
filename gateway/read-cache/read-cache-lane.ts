/**
 * The read lane over HTTP: a plain query POST is answered here, before yoga, with what yoga would send — the same
 * bytes, status and headers — and everything yoga would do for it: the token verified (the same verifier and
 * cache), the durable audit entry (the same record, awaited before the answer), the request's metrics and log line.
 * Its answer comes from one of two places:
 *   - a hit of the read cache (a repeated catalog read): the answer yoga kept;
 *   - a prepared query (./prepared-queries.ts: a document yoga parsed, validated and executed as a query without
 *     an error), executed here on the same schema with the same context, after the same input safety check of its
 *     variables — as graphql-jit compiled it (./compiled-queries.ts: only where it answers as graphql-js does), or by
 *     graphql-js's executor where it could not. Under load, yoga's request pipeline (a fetch Request and Response
 *     per request, a dozen plugins' hooks, the promise helpers) cost more than matching a case's discretion itself
 *     (bench/README.md, issue 19).
 *
 * The lane never refuses and never decides anything yoga would decide differently: whatever is not plainly one of
 * those — another path or media type, an Origin (CORS), a DPoP token, a token that does not verify, a batch,
 * extensions, an unknown Accept, a catalog read the cache has not kept (yoga keeps it), an unprepared document, a
 * mutation, variables that fail the input safety check, an audit write that failed — is handed on untouched
 * (`false`), and yoga answers it as before, refusals, audit of the refusal and all. A result with errors, and a
 * result whose audit entry could not be written, is handed on with the request: yoga answers it as its own
 * execution's result (the operation ran once), errors its way.
 *
 * Keep it in step with the plugins (../app.ts): a plugin that changes a successful read's answer or adds work to every
 * request (a header, a log field, a limit that depends on more than the document) must be applied here too, or must
 * make the lane hand the request on; test/gateway/read-cache-lane.test.ts compares the two answers.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { normalizedExecutor } from "@graphql-tools/executor";
import { type DocumentNode, type ExecutionResult, getOperationAST, type OperationDefinitionNode } from "graphql";
import { releaseRequestCaches } from "../../schema/common/request-caches.ts";
import type { Caller, GatewayContext, GatewayServices, RequestAudit } from "../context.ts";
import { auditRecordFor, describeRequest } from "../plugins/use-audit.ts";
import type { InputSafetyCheck } from "../plugins/use-input-safety.ts";
import { answersFrom } from "../plugins/use-read-cache.ts";
import { reportRequest, requestIdOf } from "../plugins/use-request-report.ts";
import { isJsonMediaType } from "../plugins/use-request-shape.ts";
import { type CompiledSurface, createCompiledQueries } from "./compiled-queries.ts";
import type { PreparedQueries } from "./prepared-queries.ts";
import { type ReadAnswers, readAnswerKey } from "./read-answers.ts";

export type LaneServices = Pick<
  GatewayServices,
  "authenticator" | "auditLog" | "catalog" | "clock" | "logger" | "metrics"
>;

/**
 * answers the request and resolves true, or writes nothing and resolves false (the caller hands it on);
 * `text`: the body as it came, `body`: the same parsed
 */
export type ReadCacheLane = (
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  text: string,
) => Promise<boolean>;

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

export interface ReadCacheLaneOptions {
  answers: ReadAnswers;
  services: LaneServices;
  graphqlEndpoint: string;
  /** the catalog read fields the read cache keeps (a miss of one goes to yoga, which keeps its answer) */
  cachedFields: ReadonlySet<string>;
  prepared: PreparedQueries;
  /** what of the prepared queries graphql-jit executes (./compiled-queries.ts); the rest, graphql-js */
  compiledSurface: CompiledSurface;
  /** the input safety check yoga runs (../plugins/use-input-safety.ts) */
  inputProblemOf: InputSafetyCheck;
  /** the context yoga's resolvers get, for this caller and request (../app.ts) */
  contextFor(caller: Caller, audit: RequestAudit, req: IncomingMessage): GatewayContext;
  /** does the server yoga would hand this body to execute on `prepared.schema`? (federated: the shared-only rule) */
  servedByPreparedSchema(text: string): boolean;
}

/** what the lane answers with: the result's bytes and the operation's name as the audit names it */
interface LaneAnswer {
  bytes: Buffer;
  operationName: string | null;
}

export function createReadCacheLane(options: ReadCacheLaneOptions): ReadCacheLane {
  const { answers, services, graphqlEndpoint, prepared } = options;
  const compiledQueries = createCompiledQueries(prepared.schema, options.compiledSurface);

  /** the read cache's answer, its entry audited; or null: a miss, or an audit write that failed */
  const cachedAnswer = async (caller: Caller, params: PlainParams, audit: RequestAudit) => {
    const version = await services.catalog.snapshot().catch(() => null);
    const key = readAnswerKey({
      caller,
      now: services.clock(),
      operationName: params.operationName,
      documentHash: audit.documentHash!,
      variablesHash: audit.variablesHash(),
    });
    const answer = version && answers.get(version, key);
    if (!answer) return null;
    audit.operationType = "query";
    audit.operationName = answer.operationName;
    try {
      await services.auditLog.append(auditRecordFor({ caller, audit }, undefined));
    } catch {
      // nothing was written (a batch commits whole or not at all): yoga tries again, and answers a failure its way
      return null;
    }
    return { bytes: answer.bytes(), operationName: answer.operationName };
  };

  /** the result handed to yoga with the request: yoga answers it as its own execution's (errors its way) */
  const handOn = (req: IncomingMessage, audit: RequestAudit, result: ExecutionResult) => {
    prepared.handOn(req, { ...audit, variablesHash: audit.variablesHash(), result });
    return null;
  };

  /**
   * The prepared query executed, as the bytes of its answer; or null: variables the input safety check refuses, or
   * handed on with its result (errors; a result that does not serialize)
   */
  const executedBytes = async (
    req: IncomingMessage,
    caller: Caller,
    params: PlainParams,
    audit: RequestAudit,
    { document, operation }: { document: DocumentNode; operation: OperationDefinitionNode },
  ): Promise<Buffer | null> => {
    if (options.inputProblemOf(prepared.schema, document, params.variables)) return null;
    audit.operationType = "query";
    audit.operationName ??= operation.name?.value ?? null;
    const contextValue = options.contextFor(caller, audit, req);
    const compiled = compiledQueries.of(document, operation);
    const result = compiled
      ? await compiled.execute(contextValue, params.variables)
      : ((await normalizedExecutor({
          schema: prepared.schema,
          document,
          variableValues: params.variables ?? undefined,
          operationName: params.operationName ?? undefined,
          contextValue,
        })) as ExecutionResult);
    // nothing of the request executes any more (no stream: the lane's queries have no @defer or @stream)
    if (!(result && Symbol.asyncIterator in result)) releaseRequestCaches(contextValue);
    // variables the compiled operation refused, or errors: yoga executes it again (side-effect-free fields only) and
    // answers its own way
    if (!result) return null;
    if (Symbol.asyncIterator in result || result.errors?.length) return handOn(req, audit, result);
    try {
      // a result that does not serialize (a JSON value yoga would refuse) is yoga's to answer
      return Buffer.from(JSON.stringify(result), "utf8");
    } catch {
      return handOn(req, audit, result);
    }
  };

  /**
   * The prepared query executed and its entry audited; or null (see executedBytes). The result itself is not kept
   * while the entry waits for its batch: the requests in flight would carry theirs through every scavenge
   * (bench/README.md, "match: what a request's caches kept alive"). Should the write fail, yoga is handed the same
   * result read back from its bytes (JSON values only, so it serializes to the same bytes).
   */
  const executedAnswer = async (
    req: IncomingMessage,
    caller: Caller,
    params: PlainParams,
    audit: RequestAudit,
    executable: { document: DocumentNode; operation: OperationDefinitionNode },
  ): Promise<LaneAnswer | null> => {
    const bytes = await executedBytes(req, caller, params, audit, executable);
    if (!bytes) return null;
    try {
      // a query that wrote its entry in its own transaction (schema/common/write.ts) needs none here, as in useAudit
      if (!audit.writtenInTransaction) await services.auditLog.append(auditRecordFor({ caller, audit }, undefined));
    } catch {
      return handOn(req, audit, JSON.parse(bytes.toString("utf8")) as ExecutionResult);
    }
    return { bytes, operationName: audit.operationName };
  };

  /** the prepared query the lane executes for this request, if any (a catalog read is the read cache's) */
  const executableOf = (text: string, params: PlainParams, audit: RequestAudit) => {
    const document = prepared.get(audit.documentHash!);
    // the operation yoga's executor would run: none for several operations without a name, or for the name ""
    // (chosenOperation, the audit's, takes the first there; the executor refuses the request, and yoga answers that)
    const operation = document && (getOperationAST(document, params.operationName ?? undefined) ?? undefined);
    if (!document || operation?.operation !== "query" || answersFrom(operation, options.cachedFields)) return null;
    return options.servedByPreparedSchema(text) ? { document, operation } : null;
  };

  return async (req, res, body, text) => {
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
    if (!caller) return false;
    const audit = describeRequest(params);
    if (!audit.documentHash) return false;
    const executable = executableOf(text, params, audit);
    const answer = executable
      ? await executedAnswer(req, caller, params, audit, executable)
      : await cachedAnswer(caller, params, audit);
    if (!answer) return false;
    const requestId = requestIdOf(headers["x-request-id"] as string | undefined);
    res.writeHead(200, {
      "content-type": `${mediaType}; charset=utf-8`,
      "content-length": answer.bytes.length,
      "x-request-id": requestId,
    });
    res.end(answer.bytes);
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

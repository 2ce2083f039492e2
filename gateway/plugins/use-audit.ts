import { type DocumentNode, getOperationAST, Kind, type OperationDefinitionNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { AuditRecord } from "../audit/audit-log.ts";
import { hashDocument, hashVariables } from "../audit/chain.ts";
import { noteAudited } from "../audit/request-tally.ts";
import type { GatewayContext, GatewayServices, RequestAudit } from "../context.ts";

/** the HTTP request of a yoga context (yoga's initial context holds it); none for the read lane's own context */
const requestOf = (ctx: object) => (ctx as { request?: Request }).request;

/** Codes that mean "refused" rather than "failed". */
const REFUSAL_CODES = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "RATE_LIMITED",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "OPERATION_RESOLUTION_FAILURE",
  // what the HTTP request itself was refused for, before any operation ran (use-audit-backstop.ts)
  "BAD_REQUEST",
  "METHOD_NOT_ALLOWED",
  "NOT_ACCEPTABLE",
  "UNSUPPORTED_MEDIA_TYPE",
  "REQUEST_ENTITY_TOO_LARGE",
]);

type Errors = ReadonlyArray<{ extensions?: Record<string, unknown> }> | undefined;

export function outcomeOf(errors: Errors): Pick<AuditRecord, "outcome" | "errorCode"> {
  if (!errors || errors.length === 0) return { outcome: "OK", errorCode: null };
  const codes = errors.map((e) => String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR"));
  const refusal = codes.find((code) => REFUSAL_CODES.has(code));
  const reason = errors.find((e) => e.extensions?.reason)?.extensions?.reason;
  return { outcome: refusal ? "REFUSED" : "ERROR", errorCode: reason ? String(reason) : (refusal ?? codes[0] ?? null) };
}

export function auditRecordFor(ctx: Pick<GatewayContext, "caller" | "audit">, errors: Errors): AuditRecord {
  return {
    issuer: ctx.caller?.issuer ?? null,
    subject: ctx.caller?.subject ?? null,
    operationName: ctx.audit.operationName,
    operationType: ctx.audit.operationType,
    documentHash: ctx.audit.documentHash,
    variablesHash: ctx.audit.variablesHash,
    recordIds: [...ctx.audit.recordIds],
    ...outcomeOf(errors),
  };
}

export function describeRequest(params: {
  query?: string;
  variables?: unknown;
  operationName?: string | null;
}): RequestAudit {
  const { variables } = params;
  let variablesHash: string | null | undefined = variables ? undefined : null;
  return {
    operationName: params.operationName ?? null,
    operationType: "unknown",
    documentHash: params.query ? hashDocument(params.query) : null,
    variablesHash() {
      if (variablesHash === undefined) variablesHash = hashVariables(variables);
      return variablesHash;
    },
    recordIds: new Set(),
    writtenInTransaction: false,
  };
}

/** What the audit plugin needs from the gateway's long-lived services. */
export type AuditServices = Pick<GatewayServices, "auditLog" | "authenticator">;

/**
 * Every operation leaves an audit entry: queries and mutations when they finish (with the outcome),
 * subscriptions when they start, and documents refused before execution — unparsable, or refused by
 * validation (depth, aliases, tokens, cost, introspection in production).
 * Mutations that committed write their entry in their own transaction (schema/common/write.ts).
 *
 * Parsing and validation run BEFORE the context factory (yoga's order), so at that point the context
 * holds only the request and its params: early refusals are noted here and written once the result
 * is known (`onExecutionResult`, which may await), attributed to the token's caller when it verifies.
 */
export function useAudit(services: AuditServices): Plugin<GatewayContext> {
  const earlyRefusals = new WeakMap<object, Errors>();
  /** a request refused before execution: who tried it (when the token is good), and why */
  const appendRefusal = async (context: object, errors: Errors) => {
    const { request, params } = context as unknown as {
      request: Request;
      params: Parameters<typeof describeRequest>[0];
    };
    noteAudited(request); // at once: the backstop must not write a second entry while this one is on its way
    const audit = { ...describeRequest(params ?? {}), operationType: "invalid" };
    // a bad token is the lesser news here
    const caller = await services.authenticator.authenticate(request).catch(() => null);
    await services.auditLog.append(auditRecordFor({ caller, audit }, errors)).catch(() => {});
  };
  return {
    onParse({ context }) {
      return ({ result }) => {
        if (!(result instanceof Error)) {
          // a document without the operation asked for (an unknown name; several operations and no name): yoga
          // refuses it right after parsing (OPERATION_RESOLUTION_FAILURE), before any hook that sees a result
          const operationName = (context as { params?: { operationName?: string | null } }).params?.operationName;
          if (result && !getOperationAST(result, operationName)) {
            void appendRefusal(context, [{ extensions: { code: "OPERATION_RESOLUTION_FAILURE" } }]);
          }
          return;
        }
        const extensions = (result as { extensions?: Record<string, unknown> }).extensions;
        earlyRefusals.set(context, [{ extensions: { code: "GRAPHQL_PARSE_FAILED", ...extensions } }]);
      };
    },
    onValidate({ context }) {
      return ({ valid, result }) => {
        if (valid) return;
        earlyRefusals.set(
          context,
          result.map((e) => ({ extensions: { code: "GRAPHQL_VALIDATION_FAILED", ...e.extensions } })),
        );
      };
    },
    async onExecutionResult({ context }) {
      const errors = earlyRefusals.get(context);
      if (!errors) return;
      earlyRefusals.delete(context);
      await appendRefusal(context, errors);
    },
    onExecute({ args }) {
      const ctx = args.contextValue as GatewayContext;
      const operation = chosenOperation(args.document, args.operationName);
      ctx.audit.operationType = operation?.operation ?? "unknown";
      ctx.audit.operationName ??= operation?.name?.value ?? null;
      return {
        async onExecuteDone({ result }) {
          const errors = "errors" in result ? (result.errors as Errors) : undefined;
          noteAudited(requestOf(ctx));
          // a committed mutation wrote its entry in its transaction; failures still need one here
          if (ctx.audit.writtenInTransaction && !errors?.length) return;
          await services.auditLog.append(auditRecordFor(ctx, errors));
        },
      };
    },
    onSubscribe({ args }) {
      const ctx = args.contextValue as GatewayContext;
      ctx.audit.operationType = "subscription";
      ctx.audit.operationName ??= chosenOperation(args.document, args.operationName)?.name?.value ?? null;
      return {
        onSubscribeResult({ result }) {
          const errors = result && "errors" in result ? (result.errors as Errors) : undefined;
          noteAudited(requestOf(ctx));
          void services.auditLog.append(auditRecordFor(ctx, errors)).catch(() => {});
        },
      };
    },
  };
}

/** The operation that runs: the named one, or the document's first. Its name is audited even when the client sent none. */
export function chosenOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  return operationName ? operations.find((d) => d.name?.value === operationName) : operations[0];
}

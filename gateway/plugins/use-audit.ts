import type { Plugin } from "graphql-yoga";
import type { AuditRecord } from "../audit/audit-log.ts";
import { hashDocument, hashVariables } from "../audit/chain.ts";
import type { GatewayContext, RequestAudit } from "../context.ts";

/** Codes that mean "refused" rather than "failed". */
const REFUSAL_CODES = new Set(["UNAUTHENTICATED", "FORBIDDEN", "RATE_LIMITED", "GRAPHQL_VALIDATION_FAILED"]);

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

export function describeRequest(params: { query?: string; variables?: unknown; operationName?: string }): RequestAudit {
  return {
    operationName: params.operationName ?? null,
    operationType: "unknown",
    documentHash: params.query ? hashDocument(params.query) : null,
    variablesHash: params.variables ? hashVariables(params.variables) : null,
    recordIds: new Set(),
    writtenInTransaction: false,
  };
}

/**
 * Every operation leaves an audit entry: queries and mutations when they finish (with the outcome),
 * subscriptions when they start, and documents refused by validation (depth, aliases, cost…).
 * Mutations that committed write their entry in their own transaction (schema/common/write.ts).
 */
export function useAudit(): Plugin<GatewayContext> {
  return {
    onValidate({ context }) {
      return ({ valid, result }) => {
        if (valid) return;
        const ctx = context as GatewayContext;
        ctx.audit.operationType = "invalid";
        void ctx.services.auditLog
          .append(
            auditRecordFor(
              ctx,
              result.map((e) => ({ extensions: { code: "GRAPHQL_VALIDATION_FAILED", ...e.extensions } })),
            ),
          )
          .catch(() => {});
      };
    },
    onExecute({ args }) {
      const ctx = args.contextValue as GatewayContext;
      ctx.audit.operationType = operationTypeOf(args.document, args.operationName);
      ctx.audit.operationName ??= args.operationName ?? null;
      return {
        async onExecuteDone({ result }) {
          const errors = "errors" in result ? (result.errors as Errors) : undefined;
          // a committed mutation wrote its entry in its transaction; failures still need one here
          if (ctx.audit.writtenInTransaction && !errors?.length) return;
          await ctx.services.auditLog.append(auditRecordFor(ctx, errors));
        },
      };
    },
    onSubscribe({ args }) {
      const ctx = args.contextValue as GatewayContext;
      ctx.audit.operationType = "subscription";
      ctx.audit.operationName ??= args.operationName ?? null;
      return {
        onSubscribeResult({ result }) {
          const errors = result && "errors" in result ? (result.errors as Errors) : undefined;
          void ctx.services.auditLog.append(auditRecordFor(ctx, errors)).catch(() => {});
        },
      };
    },
  };
}

function operationTypeOf(
  document: { definitions: ReadonlyArray<{ kind: string; operation?: string; name?: { value: string } }> },
  operationName: string | null | undefined,
): string {
  const operations = document.definitions.filter((d) => d.kind === "OperationDefinition");
  const chosen = operationName ? operations.find((d) => d.name?.value === operationName) : operations[0];
  return chosen?.operation ?? "unknown";
}

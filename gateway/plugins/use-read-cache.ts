import type { DocumentNode, ExecutionResult, OperationDefinitionNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import { beijingDay } from "../../schema/common/effective-dates.ts";
import type { GatewayContext } from "../context.ts";

export interface ReadCacheOptions {
  /** root query fields whose answers depend only on the version below, the arguments, the day and who asks */
  fields: ReadonlySet<string>;
  /** the data those fields answer from: a new object whenever it changes (the previous answers are then dropped) */
  version(ctx: GatewayContext): Promise<object>;
  /** answers kept per version @default 1000 (the oldest goes first) */
  maxEntries?: number;
}

/**
 * Answers repeated reads of `fields` without executing them again: the result of an error-free query whose
 * root fields are all in `fields` is kept per data version, keyed by what can change the answer — the document,
 * the operation, the variables, the caller's issuer and scopes (all that field authorization looks at) and the
 * Beijing day (the default `asOf`). Everything else still runs per request: token verification, limits, the audit
 * entry (this plugin stops only execution, so it must come after useAudit and useMetrics in the plugin list).
 * Results are shared between requests: nothing may modify them — which also lets each be serialized once (see
 * `withSerializedOnce`).
 */
export function useReadCache(options: ReadCacheOptions): Plugin<GatewayContext> {
  const maxEntries = options.maxEntries ?? 1000;
  const byVersion = new WeakMap<object, Map<string, ExecutionResult>>();
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as GatewayContext;
      const document = args.document as DocumentNode;
      const operation = document.definitions.find(
        (d): d is OperationDefinitionNode =>
          d.kind === "OperationDefinition" && (!args.operationName || d.name?.value === args.operationName),
      );
      if (!operation || !ctx.caller || !ctx.audit.documentHash || !answersFrom(operation, options.fields)) return;
      const version = await options.version(ctx);
      const answers = byVersion.get(version) ?? new Map<string, ExecutionResult>();
      if (!byVersion.has(version)) byVersion.set(version, answers);
      const key = [
        ctx.caller.issuer,
        [...ctx.caller.scopes].sort().join(" "),
        beijingDay(ctx.now).toISOString(),
        args.operationName ?? "",
        ctx.audit.documentHash,
        ctx.audit.variablesHash ?? "",
      ].join("\n");
      const known = answers.get(key);
      if (known) return setResultAndStopExecution(known);
      return {
        onExecuteDone({ result }) {
          const plain = result as ExecutionResult;
          if ("errors" in plain && plain.errors?.length) return;
          if (ctx.audit.recordIds.size > 0 || Symbol.asyncIterator in result) return;
          if (answers.size >= maxEntries) answers.delete(answers.keys().next().value!);
          answers.set(key, withSerializedOnce(plain));
        },
      };
    },
  };
}

/** A query whose root selections are all plain fields in `fields` (no fragments at the root). */
function answersFrom(operation: OperationDefinitionNode, fields: ReadonlySet<string>): boolean {
  return (
    operation.operation === "query" &&
    operation.selectionSet.selections.every(
      (s) => s.kind === "Field" && (fields.has(s.name.value) || s.name.value === "__typename"),
    )
  );
}

/**
 * The result with its JSON text computed on first use and then reused: graphql-yoga serializes a result with its
 * own `stringify` when it has one (result-processor/stringify.js). JSON.stringify of the same cached answer on
 * every hit was the gateway's busiest frame under the read bench (~11% of its CPU). A function property is not
 * part of the JSON.
 */
export function withSerializedOnce(result: ExecutionResult): ExecutionResult {
  let json: string | undefined;
  const shared: ExecutionResult & { stringify?: (value: unknown) => string } = { ...result };
  // yoga passes a copy instead when it has something to strip (errors, extensions.http): that one is serialized anew
  shared.stringify = (value) => {
    if (value !== shared) return JSON.stringify(value);
    json ??= JSON.stringify(value);
    return json;
  };
  return shared;
}

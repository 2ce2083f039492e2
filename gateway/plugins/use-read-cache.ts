import type { DocumentNode, ExecutionResult, OperationDefinitionNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { GatewayContext } from "../context.ts";
import { type ReadAnswers, readAnswerKey } from "../read-cache/read-answers.ts";
import { chosenOperation } from "./use-audit.ts";

export interface ReadCacheOptions {
  /** root query fields whose answers depend only on the version below, the arguments, the day and who asks */
  fields: ReadonlySet<string>;
  /** the data those fields answer from: a new object whenever it changes (the previous answers are then dropped) */
  version(ctx: GatewayContext): Promise<object>;
  /** where answers are kept: shared with the lane that answers hits before yoga (../read-cache/read-cache-lane.ts) */
  answers: ReadAnswers;
}

/**
 * Answers repeated reads of `fields` without executing them again: the result of an error-free query whose
 * root fields are all in `fields` is kept per data version, keyed by what can change the answer
 * (`readAnswerKey`). Everything else still runs per request: token verification, limits, the audit entry (this
 * plugin stops only execution, so it must come after useAudit and useMetrics in the plugin list). Over HTTP, a
 * repeated read is usually answered before yoga by the lane, from the same answers.
 */
export function useReadCache(options: ReadCacheOptions): Plugin<GatewayContext> {
  const { answers } = options;
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as GatewayContext;
      const document = args.document as DocumentNode;
      const operation = chosenOperation(document, args.operationName);
      if (!operation || !ctx.caller || !ctx.audit.documentHash || !answersFrom(operation, options.fields)) return;
      const version = await options.version(ctx);
      const key = readAnswerKey({
        caller: ctx.caller,
        now: ctx.now,
        operationName: args.operationName,
        documentHash: ctx.audit.documentHash,
        variablesHash: ctx.audit.variablesHash(),
      });
      const known = answers.get(version, key);
      if (known) return setResultAndStopExecution(known.result);
      return {
        onExecuteDone({ result }) {
          const plain = result as ExecutionResult;
          if ("errors" in plain && plain.errors?.length) return;
          if (ctx.audit.recordIds.size > 0 || Symbol.asyncIterator in result) return;
          // useAudit named the operation before execution (the document's name when the client sent none)
          answers.set(version, key, { result: plain, operationName: ctx.audit.operationName });
        },
      };
    },
  };
}

/** A query whose root selections are all plain fields in `fields` (no fragments at the root). */
export function answersFrom(operation: OperationDefinitionNode, fields: ReadonlySet<string>): boolean {
  return (
    operation.operation === "query" &&
    operation.selectionSet.selections.every(
      (s) => s.kind === "Field" && (fields.has(s.name.value) || s.name.value === "__typename"),
    )
  );
}

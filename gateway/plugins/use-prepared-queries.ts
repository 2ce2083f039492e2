import type { IncomingMessage } from "node:http";
import type { DocumentNode, ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { GatewayContext } from "../context.ts";
import { needsTheRuntime } from "../federation/shared-fast-path.ts";
import type { PreparedQueries } from "../read-cache/prepared-queries.ts";
import { chosenOperation } from "./use-audit.ts";

/** the longest document text prepared (64 Ki characters): the documents are kept in memory, 1,000 of them at most */
const MAX_PREPARED_QUERY_LENGTH = 64 * 1024;

/**
 * Yoga's side of the prepared queries (../read-cache/prepared-queries.ts). It prepares a document that yoga
 * executed as a query on the lane's schema without an error, and it gives yoga the result the lane already
 * executed for this request, in place of executing it again. Last in the plugin list, as the read cache: input
 * safety and the replay guard decide before it, the audit, metrics and error codes see its result.
 */
export function usePreparedQueries(prepared: PreparedQueries): Plugin<GatewayContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      // yoga's context also holds the Node request (`req`) and the request's GraphQL parameters
      const ctx = args.contextValue as GatewayContext & { req?: IncomingMessage; params?: { query?: string } };
      const { documentHash, operationName } = ctx.audit;
      const executed = ctx.req && prepared.takeHandedOn(ctx.req);
      if (
        executed &&
        executed.documentHash === documentHash &&
        executed.variablesHash === ctx.audit.variablesHash() &&
        executed.operationName === operationName
      ) {
        for (const id of executed.recordIds) ctx.audit.recordIds.add(id);
        return setResultAndStopExecution(executed.result);
      }
      const document = args.document as DocumentNode;
      // only for a caller with a token (the lane answers no other) and a document of a sensible size (kept in memory)
      if (
        !documentHash ||
        !ctx.caller ||
        (ctx.params?.query?.length ?? Infinity) > MAX_PREPARED_QUERY_LENGTH ||
        args.schema !== prepared.schema ||
        chosenOperation(document, args.operationName)?.operation !== "query" ||
        needsTheRuntime(document)
      ) {
        return;
      }
      return {
        onExecuteDone({ result }) {
          const plain = result as ExecutionResult;
          if (Symbol.asyncIterator in result || plain.errors?.length) return;
          prepared.prepare(documentHash, document);
        },
      };
    },
  };
}

/**
 * Every refusal carries a stable `extensions.code` (docs/errors.md). Our own errors come from
 * gateway/errors.ts with their codes; this plugin gives one to the few errors libraries raise without
 * one, before anything else (audit, metrics) reads them:
 * - Pothos' argument errors (an undecodable or forged cursor, `before` with `first`, …) → 400
 *   BAD_USER_INPUT with reason BAD_CURSOR or BAD_PAGE_ARGUMENTS;
 * - anything else without a code → INTERNAL_SERVER_ERROR (yoga masks its message outside development).
 * It only touches results that have errors, so it costs nothing on the successful path.
 */
import { PothosValidationError } from "@pothos/core";
import type { ExecutionResult, GraphQLError } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { ReasonOf } from "../error-catalogue.ts";

function withCode(error: GraphQLError): GraphQLError {
  if (error.extensions?.code) return error;
  const original = error.originalError;
  if (original instanceof PothosValidationError) {
    const reason: ReasonOf<"BAD_USER_INPUT"> = /cursor/i.test(original.message) ? "BAD_CURSOR" : "BAD_PAGE_ARGUMENTS";
    return createGraphQLError(original.message, {
      nodes: error.nodes,
      path: error.path,
      originalError: original,
      extensions: { code: "BAD_USER_INPUT", reason, http: { status: 400 } },
    });
  }
  if (original && (original as { extensions?: { code?: unknown } }).extensions?.code) return error;
  return createGraphQLError(error.message, {
    nodes: error.nodes,
    path: error.path,
    originalError: original ?? undefined,
    extensions: { ...error.extensions, code: "INTERNAL_SERVER_ERROR" },
  });
}

function coded(result: ExecutionResult): ExecutionResult | null {
  if (!result.errors?.length || result.errors.every((e) => e.extensions?.code)) return null;
  return { ...result, errors: result.errors.map(withCode) };
}

export function useErrorCodes(): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone({ result, setResult }) {
        if (!("errors" in result)) return;
        const replaced = coded(result as ExecutionResult);
        if (replaced) setResult(replaced);
      },
    }),
    onSubscribe: () => ({
      onSubscribeResult({ result, setResult }) {
        if (!result || !("errors" in result)) return;
        const replaced = coded(result as ExecutionResult);
        if (replaced) setResult(replaced);
      },
    }),
  };
}

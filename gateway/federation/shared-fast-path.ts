/**
 * Most requests read or write only what the gateway itself holds: for them the supergraph's query plan
 * is one fetch from the shared subgraph, which runs in this process. Such an operation is executed
 * directly on the shared subgraph's schema — the plan the runtime would make, without re-projecting
 * the answer through the stitching layer. Its errors, nulls and HTTP statuses are then exactly those of
 * the shared schema (a refused non-null field nulls the answer, 401/403 as documented, a bad Date literal
 * refused by validation), and it costs
 * what a request cost before federation.
 *
 * An operation that selects a province's field (`Enterprise.atChongqing`, `.atSichuan`, the only fields
 * the provinces' subgraphs add to the shared graph: schema/federation/province-subgraph.ts) goes through the
 * runtime's planner, which fetches the provinces' parts (./province-calls.ts). So does one that names the shared
 * subgraph's federation fields (`_service`, `_entities`): they are the runtime's way into a subgraph, not part of
 * the supergraph's API, which refuses them; run here, `_service { sdl }` gave the whole schema's text to any token
 * where introspection is refused.
 */
import { normalizedExecutor } from "@graphql-tools/executor";
import { type DocumentNode, type execute, type GraphQLSchema, Kind, type subscribe, validate, visit } from "graphql";
import type { Plugin } from "graphql-yoga";
import { PROVINCE_FIELD } from "../../schema/federation/province-subgraph.ts";

/** the fields only the runtime may plan: the provinces', and the subgraph's federation fields */
export const RUNTIME_FIELD_NAMES: readonly string[] = [...Object.values(PROVINCE_FIELD), "_service", "_entities"];
const RUNTIME_FIELDS: ReadonlySet<string> = new Set(RUNTIME_FIELD_NAMES);

/** per parsed document: yoga's parser cache hands the same DocumentNode to every request of one query */
const verdicts = new WeakMap<DocumentNode, boolean>();

/** does the document select a field only the runtime may plan (a province's, `_service`, `_entities`)? (fragments included) */
export function needsTheRuntime(document: DocumentNode): boolean {
  let verdict = verdicts.get(document);
  if (verdict === undefined) {
    verdict = findsRuntimeField(document);
    verdicts.set(document, verdict);
  }
  return verdict;
}

function findsRuntimeField(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD](node) {
      if (RUNTIME_FIELDS.has(node.name.value)) {
        found = true;
        return false;
      }
      return undefined;
    },
  });
  return found;
}

export function useSharedFastPath(sharedSubgraph: GraphQLSchema): Plugin {
  return {
    // validated against the shared schema too: its scalars (Date, DateTime, Yuan, JSON) refuse a bad literal
    // as a validation error with its own code, where the supergraph's scalars would let it through
    onValidate({ params, setValidationFn }) {
      if (!needsTheRuntime(params.documentAST)) {
        setValidationFn((_schema, document, rules, options, typeInfo) =>
          validate(sharedSubgraph, document, rules, options, typeInfo),
        );
      }
    },
    onExecute({ args, setExecuteFn }) {
      // yoga's own executor, as the shared yoga runs it (a variable that does not coerce is a 400)
      if (!needsTheRuntime(args.document)) {
        setExecuteFn((a) => normalizedExecutor({ ...a, schema: sharedSubgraph }) as ReturnType<typeof execute>);
      }
    },
    onSubscribe({ args, setSubscribeFn }) {
      if (!needsTheRuntime(args.document)) {
        setSubscribeFn((a) => normalizedExecutor({ ...a, schema: sharedSubgraph }) as ReturnType<typeof subscribe>);
      }
    },
  };
}

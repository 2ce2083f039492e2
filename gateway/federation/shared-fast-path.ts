/**
 * Most requests read or write only what the gateway itself holds: for them the supergraph's query plan
 * is one fetch from the shared subgraph, which runs in this process. Such an operation is executed
 * directly on the shared subgraph's schema — the plan the runtime would make, without re-projecting
 * the answer through the stitching layer. Its errors, nulls and HTTP statuses are then exactly those of
 * the shared schema (a refused non-null field nulls the answer, 401/403 as documented), and it costs
 * what a request cost before federation.
 *
 * An operation that selects a province's field (`Enterprise.atChongqing`, `.atSichuan`, the only fields
 * the provinces' subgraphs add to the shared graph: schema/federation/province-subgraph.ts) goes through the
 * runtime's planner, which fetches the provinces' parts (./province-calls.ts).
 */
import { type DocumentNode, execute, type GraphQLSchema, Kind, subscribe, visit } from "graphql";
import type { Plugin } from "graphql-yoga";
import { PROVINCE_FIELD } from "../../schema/federation/province-subgraph.ts";

const PROVINCE_FIELDS: ReadonlySet<string> = new Set(Object.values(PROVINCE_FIELD));

/** does the document select a field only a province's subgraph serves? (fragments included) */
export function selectsProvinceFields(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD](node) {
      if (PROVINCE_FIELDS.has(node.name.value)) {
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
    onExecute({ args, setExecuteFn }) {
      if (!selectsProvinceFields(args.document)) setExecuteFn((a) => execute({ ...a, schema: sharedSubgraph }));
    },
    onSubscribe({ args, setSubscribeFn }) {
      if (!selectsProvinceFields(args.document)) setSubscribeFn((a) => subscribe({ ...a, schema: sharedSubgraph }));
    },
  };
}

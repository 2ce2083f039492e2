/**
 * Typed GraphQL for the console: every operation (src/operations/) is checked against schema.graphql by
 * gql.tada (`npm run typecheck` regenerates src/graphql-env.d.ts first), so a contract change breaks the check.
 */
import { initGraphQLTada } from "gql.tada";
import type { introspection } from "./graphql-env.d.ts";

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; Date: string; JSON: unknown; BigInt: string; Yuan: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from "gql.tada";
export { readFragment } from "gql.tada";

/**
 * The gateway's own schema as a Federation v2 subgraph, named `shared` in the supergraph: the same
 * types, fields, access rules and masking as the public schema (schema/index.ts), plus the federation
 * fields `_entities` / `_service` and the entity keys of shared-entities.ts. docs/federation.md.
 *
 * Why not Pothos's `builder.toSubGraphSchema`: it prints the subgraph's SDL with @apollo/subgraph, whose
 * federation-internals (2.14) does not know `@oneOf` (DispatchTasksInput, InspectionPlanPreviewInput)
 * and throws. So the same steps are done here with graphql-tools' printer, which keeps `@oneOf`
 * (@theguild/federation-composition composes it); the `_entities` resolver is still @apollo/subgraph's,
 * calling the `resolveReference` each entity registers with the federation plugin.
 */
import { EntityType, entitiesField, serviceField } from "@apollo/subgraph/dist/types.js";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { hasResolvableKey } from "@pothos/plugin-federation";
import { GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLUnionType, isObjectType } from "graphql";
import { builder } from "../builder.ts";
import { sortSchemaKeepingEnumOrder } from "../sort-schema.ts";
import "../index.ts";

/** the name of the gateway's subgraph in the supergraph */
export const SHARED_SUBGRAPH = "shared";

const FEDERATION_LINK = {
  name: "link",
  args: { url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"] },
};

/** the public schema's types, with the entities' `@key`s and the federation `@link` */
const base = sortSchemaKeepingEnumOrder(
  builder.toSchema({ sortSchema: false, extensions: { directives: [FEDERATION_LINK] } }),
);

const sdl = printSchemaWithDirectives(base);

/** The shared subgraph's SDL, federation directives included (what `_service { sdl }` answers). */
export function sharedSubgraphSdl(): string {
  return sdl;
}

function withFederationFields(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (!query) throw new Error("the shared schema has no Query type");
  const entities = new GraphQLUnionType({
    ...EntityType.toConfig(),
    types: Object.values(schema.getTypeMap()).filter(isObjectType).filter(hasResolvableKey),
  });
  const config = query.toConfig();
  const federatedQuery = new GraphQLObjectType({
    ...config,
    fields: {
      _entities: { ...entitiesField, type: new GraphQLNonNull(new GraphQLList(entities)) },
      _service: { ...serviceField, resolve: () => ({ sdl }) },
      ...config.fields,
    },
  });
  const types = Object.values(schema.getTypeMap()).filter((type) => type !== query);
  return new GraphQLSchema({ ...schema.toConfig(), query: federatedQuery, types: [...types, federatedQuery] });
}

/** The shared subgraph as an executable schema: serve it at the gateway's subgraph endpoint, or in process. */
export const sharedSubgraphSchema: GraphQLSchema = withFederationFields(base);

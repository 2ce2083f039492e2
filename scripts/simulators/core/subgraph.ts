/**
 * The province's federation subgraph (schema/federation/province-subgraph.graphql, docs/federation.md),
 * served at POST /subgraph: one implementation for both provinces, the province's field named by the
 * contract. Faulted like every platform route (router.ts), so a test can make the province slow or
 * down. Counts the operations and the `_entities` calls it answers, so tests can check batching.
 */
import { buildSubgraphSchema } from "@apollo/subgraph";
import { type DocumentNode, Kind, parse } from "graphql";
import { createYoga, type Plugin } from "graphql-yoga";
import { PROVINCE_FIELD, provinceSubgraphSdl } from "../../../schema/federation/province-subgraph.ts";
import type { Province } from "./model.ts";
import { provincialFile } from "./provincial-file.ts";
import type { SimReply, SimRequest } from "./router.ts";

export const SUBGRAPH_PATH = "/subgraph";

export interface SubgraphStats {
  /** GraphQL operations executed */
  operations: number;
  /** operations that asked for `_entities` (the gateway batches: one per request it serves) */
  entitiesCalls: number;
  /** representations asked for in all `_entities` calls */
  representations: number;
}

export interface ProvinceSubgraph {
  handle(req: SimRequest): Promise<SimReply>;
  stats: SubgraphStats;
}

function entitiesCallsIn(document: DocumentNode): number {
  let n = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind === Kind.FIELD && selection.name.value === "_entities") n += 1;
    }
  }
  return n;
}

export function createProvinceSubgraph(province: Province, now: () => number = Date.now): ProvinceSubgraph {
  const field = PROVINCE_FIELD[province];
  const schema = buildSubgraphSchema({
    typeDefs: parse(provinceSubgraphSdl(province)),
    resolvers: {
      Enterprise: {
        __resolveReference: (reference: { uscc: string }) => ({ uscc: reference.uscc }),
        [field]: (enterprise: { uscc: string }) => provincialFile(province, enterprise.uscc, now()),
      },
    },
  });
  const stats: SubgraphStats = { operations: 0, entitiesCalls: 0, representations: 0 };
  const counting: Plugin = {
    onExecute({ args }) {
      stats.operations += 1;
      const calls = entitiesCallsIn(args.document);
      stats.entitiesCalls += calls;
      const representations = (args.variableValues as { representations?: unknown[] } | undefined)?.representations;
      if (calls > 0 && Array.isArray(representations)) stats.representations += representations.length;
    },
  };
  const yoga = createYoga({
    schema,
    graphqlEndpoint: SUBGRAPH_PATH,
    landingPage: false,
    graphiql: false,
    logging: false,
    plugins: [counting],
  });
  return {
    stats,
    async handle(req) {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers.set(name, value);
      }
      const response = await yoga.fetch(`http://platform${SUBGRAPH_PATH}`, {
        method: "POST",
        headers,
        body: new Uint8Array(req.rawBody),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
  };
}

/**
 * The province's federation subgraph (schema/federation/province-subgraph.graphql, docs/federation.md),
 * served at POST /subgraph: one implementation for both provinces, the province's field named by the
 * contract. Faulted like every platform route (router.ts), so a test can make the province slow or
 * down. Counts the operations and the `_entities` calls it answers, so tests can check batching.
 *
 * Only the gateway may call it: every request carries the gateway's token for that very request,
 * checked with the gateway's public keys (gateway/federation/subgraph-token.ts); without them
 * (GATEWAY_JWKS unset) the subgraph answers nobody.
 */
import { buildSubgraphSchema } from "@apollo/subgraph";
import { type DocumentNode, Kind, parse } from "graphql";
import { createYoga, type Plugin } from "graphql-yoga";
import type { JSONWebKeySet } from "jose";
import { AuthError } from "../../../gateway/auth/auth-error.ts";
import {
  createSubgraphTokenVerifier,
  type ForwardedCaller,
  type SubgraphRequest,
} from "../../../gateway/federation/subgraph-token.ts";
import {
  PROVINCE_FIELD,
  PROVINCE_SUBGRAPH,
  provinceSubgraphSdl,
} from "../../../schema/federation/province-subgraph.ts";
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
  /** requests refused for want of a valid gateway token */
  refused: number;
  /** the caller the gateway forwarded with the last accepted request */
  lastCaller: ForwardedCaller | null;
}

export interface ProvinceSubgraphOptions {
  /** the gateway's public keys; absent → every request refused */
  gatewayJwks?: JSONWebKeySet | null;
  now?: () => number;
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

const refusal = (status: number, code: string, message: string, reason?: string): SimReply => ({
  status,
  body: { errors: [{ message, extensions: { code, ...(reason ? { reason } : {}) } }] },
});

/** the GraphQL request in the body, for the token's request hash; null when it is not one */
function graphqlRequestOf(rawBody: Buffer): SubgraphRequest | null {
  try {
    const body = JSON.parse(rawBody.toString("utf8")) as { query?: unknown; variables?: unknown };
    if (typeof body.query !== "string") return null;
    const variables = body.variables && typeof body.variables === "object" ? body.variables : null;
    return { query: body.query, variables: variables as SubgraphRequest["variables"] };
  } catch {
    return null;
  }
}

export function createProvinceSubgraph(province: Province, options: ProvinceSubgraphOptions = {}): ProvinceSubgraph {
  const now = options.now ?? Date.now;
  const verify = options.gatewayJwks
    ? createSubgraphTokenVerifier({ gatewayJwks: options.gatewayJwks, subgraph: PROVINCE_SUBGRAPH[province], now })
    : null;
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
  const stats: SubgraphStats = { operations: 0, entitiesCalls: 0, representations: 0, refused: 0, lastCaller: null };
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
      if (!verify) {
        stats.refused += 1;
        return refusal(503, "FEDERATION_NOT_CONFIGURED", "this platform has no gateway key (GATEWAY_JWKS)");
      }
      const request = graphqlRequestOf(req.rawBody);
      if (!request) return refusal(400, "BAD_REQUEST", "expected a JSON body with a GraphQL query");
      try {
        stats.lastCaller = await verify(req.headers.authorization, request);
      } catch (error) {
        if (!(error instanceof AuthError)) throw error;
        stats.refused += 1;
        return refusal(401, "UNAUTHENTICATED", `not a request from the gateway: ${error.message}`, error.reason);
      }
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

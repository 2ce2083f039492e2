/**
 * The gateway as a federation gateway (docs/federation.md): the Hive Gateway runtime serving the
 * composed supergraph (supergraph.graphql, `npm run supergraph`) with the same context and plugins as
 * the shared schema alone — tokens, limits, audit, metrics, the read cache all apply to the whole graph.
 *
 * - `shared`, the gateway's own subgraph, executes in this process: its executor runs the shared
 *   schema with the request's own context (caller, database, audit), no socket and no serialization.
 * - the provinces' subgraphs are called over HTTP, each call governed by ./province-calls.ts: signed
 *   per request, bounded in time, SUBGRAPH_UNAVAILABLE when it fails, masked, audited.
 * - entity fetches are batched by the runtime: one `_entities` call per subgraph per request level.
 * - an operation that selects no province's field runs on the shared schema at once (./shared-fast-path.ts);
 *   most such requests do not even reach the runtime (./shared-first-router.ts).
 */
import { createGatewayRuntime, type GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { createDefaultExecutor } from "@graphql-mesh/transport-common";
import type { GraphQLSchema } from "graphql";
import type { Plugin, YogaInitialContext } from "graphql-yoga";
import { SHARED_SUBGRAPH } from "../../schema/federation/shared-subgraph.ts";
import type { SigningKey } from "../auth/keys.ts";
import type { GatewayContext } from "../context.ts";
import type { HealthDetail } from "../plugins/use-health.ts";
import { federationHealth } from "./federation-health.ts";
import { type ProvinceSubgraphEndpoint, useProvinceCalls } from "./province-calls.ts";
import { useSharedFastPath } from "./shared-fast-path.ts";

/** the transport kind of the subgraph that runs inside the gateway */
const IN_PROCESS = "in-process";
/** health probes answer within this, whatever FEDERATION_TIMEOUT_MS (the health plugin gives up at 2 s) */
const HEALTH_PROBE_MS = 1_500;

export interface FederationDeps {
  /** the composed supergraph SDL */
  supergraphSdl: string;
  /** the shared subgraph's executable schema (with `_entities` and `_service`) */
  sharedSubgraph: GraphQLSchema;
  /** the gateway's signing key for its calls to the provinces */
  key: SigningKey;
  endpoints: readonly ProvinceSubgraphEndpoint[];
  timeoutMs: number;
}

export interface FederatedGatewayOptions {
  federation: FederationDeps;
  /** the HTTP options the shared yoga has too (endpoint, GraphiQL, masking, batching) */
  http: {
    graphqlEndpoint: string;
    landingPage: boolean;
    graphiql: false | { title: string };
    renderGraphiQL: () => string;
    maskedErrors: boolean;
    batching: { limit: number };
  };
  context: (initial: YogaInitialContext) => Promise<GatewayContext>;
  plugins: ReadonlyArray<Plugin | Plugin<GatewayContext>>;
}

export function federationHealthOf(federation: FederationDeps): HealthDetail {
  return federationHealth(federation.endpoints, federation.key, Math.min(federation.timeoutMs, HEALTH_PROBE_MS));
}

/** builds the gateway's context as the shared yoga does, for the runtime that has no `context` option */
function useGatewayContext(context: FederatedGatewayOptions["context"]): Plugin {
  return {
    async onContextBuilding({ context: initial, extendContext }) {
      extendContext((await context(initial as YogaInitialContext)) as never);
    },
  };
}

/**
 * The runtime's own logger (@graphql-hive/logger) validates LOG_LEVEL from the environment whenever one is
 * made, and knows no `silent`: it throws. The gateway logs through pino (`logging: false` below), so a
 * silent gateway lets the runtime's internal loggers keep to errors. Read once by gateway/config.ts before.
 */
function keepRuntimeLoggerQuiet(env: NodeJS.ProcessEnv): void {
  if (env.LOG_LEVEL === "silent") env.LOG_LEVEL = "error";
}

export function createFederatedGateway({ federation, http, context, plugins }: FederatedGatewayOptions) {
  keepRuntimeLoggerQuiet(process.env);
  const sharedExecutor = createDefaultExecutor(federation.sharedSubgraph);
  const transportEntries: Record<string, { kind?: string; location?: string }> = {
    [SHARED_SUBGRAPH]: { kind: IN_PROCESS },
  };
  for (const endpoint of federation.endpoints) transportEntries[endpoint.name] = { location: endpoint.url };
  const provinceCalls: GatewayPlugin = useProvinceCalls({
    key: federation.key,
    endpoints: federation.endpoints,
    timeoutMs: federation.timeoutMs,
  });
  return createGatewayRuntime({
    supergraph: federation.supergraphSdl,
    ...http,
    logging: false,
    // the gateway reports its own request ids (gateway/plugins/use-request-report.ts)
    requestId: false,
    transportEntries,
    transports: (kind: string) =>
      kind === IN_PROCESS ? { getSubgraphExecutor: () => sharedExecutor } : import("@graphql-mesh/transport-http"),
    // the runtime's plugin type is a union of yoga's, envelop's and its own: ours are yoga plugins
    plugins: () =>
      [
        useGatewayContext(context),
        // first: it chooses the execute function, which later plugins (tracing) then wrap
        useSharedFastPath(federation.sharedSubgraph),
        ...plugins,
        provinceCalls,
      ] as GatewayPlugin[],
  });
}

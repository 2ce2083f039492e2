/**
 * The gateway as a server: schema, context, plugins. No listening socket here (server.ts), so tests drive it
 * in-process with `gateway.fetch`. Federated (the default), it is the front door of
 * ./federation/shared-first-router.ts before two yoga servers with one context and one set of plugins: the
 * shared schema's own, and the Hive Gateway runtime serving the supergraph.
 */
import type { IncomingMessage } from "node:http";
import type { GraphQLSchema } from "graphql";
import { createYoga, type Plugin, type YogaInitialContext } from "graphql-yoga";
import { COMPILED_QUERY_SURFACE } from "../schema/benchmarks/discretion-query.ts";
import { CATALOG_READ_FIELDS } from "../schema/catalog/catalog-read-model.ts";
import { requestCacheKey } from "../schema/common/request-caches.ts";
import { schema } from "../schema/index.ts";
import { syncHealth } from "../schema/sync/status-service.ts";
import { noteAudited } from "./audit/request-tally.ts";
import { clientAddressOf } from "./client-address.ts";
import { useConsole } from "./console/use-console.ts";
import type { Caller, GatewayContext, GatewayServices, RequestAudit } from "./context.ts";
import type { Database } from "./db/client.ts";
import { createFederatedGateway, type FederationDeps, federationHealthOf } from "./federation/federated-gateway.ts";
import { createSharedFirstRouter } from "./federation/shared-first-router.ts";
import { certainlySharedOnly } from "./federation/shared-route.ts";
import { createFrontDoor, type GatewayServer } from "./front-door.ts";
import { EXAMPLE_OPERATIONS } from "./graphiql-examples.ts";
import { renderGraphiQLPage, useGraphiQLAssets } from "./graphiql-page.ts";
import { yogaLogger } from "./logging/yoga-logger.ts";
import { auditRecordFor, describeRequest, useAudit } from "./plugins/use-audit.ts";
import { useAuditBackstop } from "./plugins/use-audit-backstop.ts";
import { DEFAULT_MAX_BODY_BYTES, useBodyLimit } from "./plugins/use-body-limit.ts";
import { useErrorCodes } from "./plugins/use-error-codes.ts";
import { useHardening } from "./plugins/use-hardening.ts";
import { type HealthDetail, useHealth } from "./plugins/use-health.ts";
import { inputSafetyCheck, useInputSafety } from "./plugins/use-input-safety.ts";
import { useIntrospectionGate } from "./plugins/use-introspection-gate.ts";
import { useMetrics } from "./plugins/use-metrics.ts";
import { usePreparedQueries } from "./plugins/use-prepared-queries.ts";
import { useReadCache } from "./plugins/use-read-cache.ts";
import { useReplayGuard } from "./plugins/use-replay-guard.ts";
import { useRequestCaches } from "./plugins/use-request-caches.ts";
import { useRequestReport } from "./plugins/use-request-report.ts";
import { useRequestShape } from "./plugins/use-request-shape.ts";
import { type RunAsVisitor, usePublicPages } from "./public-pages/use-public-pages.ts";
import { createPreparedQueries } from "./read-cache/prepared-queries.ts";
import { createReadAnswers } from "./read-cache/read-answers.ts";
import { createReadCacheLane } from "./read-cache/read-cache-lane.ts";

/** operations in one batched request (yoga refuses more with 413) */
const BATCH_LIMIT = 5;
export interface GatewayDeps extends GatewayServices {
  db: Database;
  /** development only: a token GraphiQL starts with, so a newcomer can try queries at once */
  graphiqlToken?: string;
  /** TRACING=true: the operation spans of gateway/tracing/tracing.ts */
  tracingPlugin?: Plugin;
  /** the supergraph to serve (gateway/federation/); absent: the shared schema alone, as before federation */
  federation?: FederationDeps;
}

/** the front door (./front-door.ts) before one yoga, or before two when federated (./federation/shared-first-router.ts) */
export type Gateway = GatewayServer;

const GRAPHIQL_TITLE = "高竹新区执法数据网关 GraphiQL";

/** batch inputs whose resolvers refuse one record and store the others (with the same rules) */
const PER_RECORD_INPUTS = ["RecordInput", "OfficerInput", "EnterpriseInput", "QuarantineItemInput"];

export function createGateway(deps: GatewayDeps): Gateway {
  const { config, db, graphiqlToken, tracingPlugin, federation, ...rest } = deps;
  const services: GatewayServices = { config, ...rest };
  // GraphiQL and introspection: on in development (GRAPHIQL=false turns them off), never in production
  const explorable = config.graphiql && config.env !== "production";
  // the public pages run their operations through this very gateway, as the visitor
  const runAsVisitor: RunAsVisitor = async (operation, { request, serverContext }) => {
    const forwarded = request.headers.get("x-forwarded-for");
    const response = await gateway.fetch(
      new URL("/graphql", request.url),
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
          ...(forwarded ? { "x-forwarded-for": forwarded } : {}),
        },
        body: JSON.stringify(operation),
      },
      serverContext,
    );
    return response.json();
  };
  /** what the resolvers get, whoever executes: yoga (below) or the read lane (./read-cache/read-cache-lane.ts) */
  const contextFor = (
    caller: Caller | null,
    audit: RequestAudit,
    forwardedFor: string | null | undefined,
    req: IncomingMessage | undefined,
  ): GatewayContext => {
    const clientAddress = clientAddressOf(forwardedFor, req, config.trustProxy);
    return {
      prisma: db.prisma,
      caller,
      now: services.clock(),
      services,
      audit,
      clientAddress,
      // released when the request has executed (./plugins/use-request-caches.ts, and the read lane)
      ...requestCacheKey(),
    };
  };
  const context = async (initial: YogaInitialContext): Promise<GatewayContext> => {
    const { request, params } = initial;
    const audit = describeRequest(params);
    try {
      const caller = await services.authenticator.authenticate(request);
      const req = (initial as { req?: IncomingMessage }).req;
      return contextFor(caller, audit, request.headers.get("x-forwarded-for"), req);
    } catch (error) {
      // a refused token is an access attempt too: audit it before answering 401
      const extensions = (error as { extensions?: Record<string, unknown> }).extensions;
      if (extensions?.code === "UNAUTHENTICATED") {
        noteAudited(request);
        await services.auditLog.append(auditRecordFor({ caller: null, audit }, [{ extensions }])).catch(() => {});
      }
      throw error;
    }
  };
  const details: Record<string, HealthDetail> = {
    sync: () => syncHealth(db.prisma, { now: services.clock(), ...config.sync }),
  };
  if (federation) details.federation = federationHealthOf(federation);
  const readAnswers = createReadAnswers();
  const inputProblemOf = inputSafetyCheck({ perRecord: PER_RECORD_INPUTS });
  // the schema yoga executes on, and so the read lane: the shared subgraph's, when federated
  const prepared = createPreparedQueries(federation ? federation.sharedSubgraph : schema);
  // a repeated catalog read over HTTP is answered before these, by the read lane (./read-cache/read-cache-lane.ts),
  // which does what they do for it: a plugin that changes a successful read's answer must be applied there too
  const plugins = [
    useHealth({ readiness: { database: () => db.ping(), bus: () => services.bus.ping() }, details }),
    ...(explorable ? [useGraphiQLAssets()] : []),
    usePublicPages(runAsVisitor),
    useConsole({ config, auditLog: services.auditLog }),
    useBodyLimit(),
    useRequestShape(),
    ...useHardening(),
    useIntrospectionGate({ allowed: explorable }),
    ...(tracingPlugin ? [tracingPlugin] : []),
    // before useAudit and the metrics: they record the code it gives to uncoded library errors
    useErrorCodes(),
    useAudit(services),
    // every operation of a request without an entry when its answer goes out: the refusals no other hook sees
    useAuditBackstop(services, { graphqlEndpoint: "/graphql", batchLimit: BATCH_LIMIT }),
    useMetrics({
      metrics: services.metrics,
      public: config.metricsPublic,
      authenticate: (request) => services.authenticator.authenticate(request),
    }),
    // after useAudit (it reads the operation useAudit names) and useMetrics (scrapes are not reported)
    useRequestReport({ logger: services.logger, metrics: services.metrics }),
    // before the replay guard: a refused argument does not use up the token's one mutation
    useInputSafety(inputProblemOf),
    useReplayGuard(),
    // a request's Pothos caches die young once it has executed (../schema/common/request-caches.ts)
    useRequestCaches(),
    // last: it stops execution of a repeated catalog read, after the audit and metrics plugins have seen it
    useReadCache({
      fields: CATALOG_READ_FIELDS,
      version: (ctx) => ctx.services.catalog.snapshot(),
      answers: readAnswers,
    }),
    // last too: it prepares what yoga executed, for the read lane, and takes the lane's results it is handed
    usePreparedQueries(prepared),
  ];
  const http = {
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: explorable ? { title: GRAPHIQL_TITLE } : false,
    // assets from node_modules, the examples in the editor, this run's token (./graphiql-page.ts)
    renderGraphiQL: () =>
      renderGraphiQLPage({ title: GRAPHIQL_TITLE, examples: EXAMPLE_OPERATIONS, token: graphiqlToken }),
    maskedErrors: !(config.env === "development"),
    batching: { limit: BATCH_LIMIT },
  } as const;
  const yogaServing = (served: GraphQLSchema): Gateway =>
    createYoga<Record<string, unknown>, GatewayContext>({
      schema: served,
      ...http,
      // by Content-Length instead (./plugins/use-body-limit.ts)
      maxRequestBodySize: false,
      logging: yogaLogger(services.logger.child({ component: "yoga" })),
      context,
      plugins,
    }) as unknown as Gateway;
  // spans are made by yoga's plugins: with tracing on, every request goes through them
  const lane = tracingPlugin
    ? undefined
    : createReadCacheLane({
        answers: readAnswers,
        services,
        graphqlEndpoint: http.graphqlEndpoint,
        cachedFields: CATALOG_READ_FIELDS,
        prepared,
        compiledSurface: COMPILED_QUERY_SURFACE,
        inputProblemOf,
        contextFor: (caller, audit, req) => {
          const forwarded = req.headers["x-forwarded-for"];
          return contextFor(caller, audit, Array.isArray(forwarded) ? forwarded.join(",") : forwarded, req);
        },
        // the rule the federated front door chooses the shared yoga by (./federation/shared-route.ts)
        servedByPreparedSchema: federation ? certainlySharedOnly : () => true,
      });
  const front = { graphqlEndpoint: http.graphqlEndpoint, maxBodyBytes: DEFAULT_MAX_BODY_BYTES, lane };
  const alone = (yoga: Gateway) =>
    createFrontDoor({
      choose: () => yoga,
      fetch: (input, init, ...rest) => yoga.fetch(input, init, ...rest),
      dispose: async () => yoga.dispose(),
      ...front,
    });
  const gateway: Gateway = federation
    ? createSharedFirstRouter({
        // the shared subgraph's schema, as the runtime's fast path validates and executes on it
        shared: yogaServing(federation.sharedSubgraph),
        supergraph: createFederatedGateway({ federation, http, context, plugins }) as unknown as Gateway,
        ...front,
      })
    : alone(yogaServing(schema));
  return gateway;
}

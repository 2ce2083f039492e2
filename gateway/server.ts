/**
 * Assembles the gateway's long-lived parts from config and serves them over HTTP.
 * Used by `npm start` (scripts/start.ts, with the embedded defaults) and scripts/serve.ts (production).
 */
import type { Server } from "node:http";
import { Redis } from "ioredis";
import { createCatalogReadModel } from "../schema/catalog/catalog-read-model.ts";
import { startAlertSchedule } from "../schema/supervision/alert-schedule.ts";
import { startVisitRefresher } from "../schema/supervision/visit-refresher.ts";
import { createGateway, type Gateway } from "./app.ts";
import { createAuditLog } from "./audit/audit-log.ts";
import { parserRefusalAudit } from "./audit/parser-refusal-audit.ts";
import { createPgAuditBatchWriter } from "./audit/pg-audit-batch-writer.ts";
import { createAuthenticator } from "./auth/authenticator.ts";
import { type Bus, createBus } from "./bus/index.ts";
import type { GatewayConfig } from "./config.ts";
import type { GatewayServices } from "./context.ts";
import { createDatabase, type Database } from "./db/client.ts";
import { loadFederation } from "./federation/load-federation.ts";
import { createHttpServer } from "./http-server.ts";
import { createLogger, type Logger } from "./logging/logger.ts";
import { createMetrics } from "./metrics/metrics.ts";
import { createRateLimiter } from "./rate-limit.ts";
import { startTracing, type TracingOptions } from "./tracing/tracing.ts";
import { connectedWithin } from "./util/connected-within.ts";

export interface RunningGateway {
  url: string;
  gateway: Gateway;
  db: Database;
  services: GatewayServices;
  close(): Promise<void>;
}

export interface AssembleOptions {
  /** an already-open database (tests); otherwise opened from config */
  db?: Database;
  graphiqlToken?: string;
  clock?: () => Date;
  /** an already-open bus (tests: two replicas sharing one in-process bus); the caller closes it */
  bus?: Bus;
  /** instead of one from config.log (tests read what the gateway logs) */
  logger?: Logger;
  /** when config.tracing is on (tests: an in-memory span exporter) */
  tracing?: TracingOptions;
}

/** how long the gateway waits for Redis at start before it serves without it */
const REDIS_CONNECT_WAIT_MS = 5_000;

/** Everything but the socket: used by the server below and by tests through `gateway.fetch`. */
export async function assembleGateway(config: GatewayConfig, options: AssembleOptions = {}) {
  const logger = options.logger ?? createLogger("gateway", config.log);
  // before the database opens, so that its first queries are traced too
  const tracing = await startTracing(config.tracing, {
    logger: logger.child({ component: "tracing" }),
    ...options.tracing,
  });
  const db =
    options.db ?? (await createDatabase({ databaseUrl: config.database.url, pgliteDir: config.database.pgliteDir }));
  const bus = options.bus ?? createBus(config.redis);
  const redis = config.redis.url
    ? new Redis(config.redis.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false })
    : undefined;
  redis?.on("error", () => {}); // readiness and fail-closed mutations report it
  // the first requests find Redis connected: without an offline queue, a command sent while it connects fails, and
  // the rate limit would count it in memory while the next ones count in Redis (a down Redis: readiness says so)
  if (redis && !(await connectedWithin(redis, REDIS_CONNECT_WAIT_MS))) {
    logger.warn(`Redis not reachable after ${REDIS_CONNECT_WAIT_MS / 1000} s: serving without it while it connects`);
  }
  const authenticator = await createAuthenticator(config.auth, {
    redis,
    redisPrefix: config.redis.prefix,
    logger: logger.child({ component: "auth" }),
  });
  // on Postgres, read audits group-commit over a connection of their own, in two round trips a batch
  const auditWriter = db.url ? createPgAuditBatchWriter(db.url) : undefined;
  const services: GatewayServices = {
    config,
    bus,
    authenticator,
    auditLog: createAuditLog(db.prisma, { writeBatch: auditWriter?.write }),
    clock: options.clock ?? (() => new Date()),
    logger,
    metrics: createMetrics(db.prisma, config.sync),
    publicRateLimit: createRateLimiter({
      pointsPerMinute: config.publicRateLimitPerMinute,
      keyPrefix: `${config.redis.prefix}public-rate:`,
      redis,
    }),
    catalog: createCatalogReadModel(db.prisma, bus),
  };
  const gateway = createGateway({
    ...services,
    db,
    graphiqlToken: options.graphiqlToken,
    tracingPlugin: tracing?.plugin,
    federation: config.federation.enabled ? await loadFederation(config) : undefined,
  });
  const alertSchedule = startAlertSchedule({
    prisma: db.prisma,
    bus,
    config,
    clock: services.clock,
    logger: logger.child({ component: "supervision-alerts" }),
  });
  const visitRefresher = startVisitRefresher({
    prisma: db.prisma,
    config,
    logger: logger.child({ component: "visit-refresh" }),
  });
  const close = async () => {
    await alertSchedule.stop();
    await visitRefresher.stop();
    await gateway.dispose();
    await services.auditLog.flush().catch(() => {});
    await auditWriter?.close();
    await authenticator.close();
    await services.catalog.close();
    redis?.disconnect();
    if (!options.bus) await bus.close();
    if (!options.db) await db.close();
    await tracing?.shutdown();
  };
  return { gateway, db, services, tracing, close };
}

export async function startGateway(config: GatewayConfig, options: AssembleOptions = {}): Promise<RunningGateway> {
  const assembled = await assembleGateway(config, options);
  const server: Server = createHttpServer(assembled.gateway, parserRefusalAudit(assembled.services.auditLog));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.http.port, config.http.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.http.port;
  return {
    url: `http://${["0.0.0.0", "127.0.0.1", "::"].includes(config.http.host) ? "localhost" : config.http.host}:${port}`,
    gateway: assembled.gateway,
    db: assembled.db,
    services: assembled.services,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await assembled.close();
    },
  };
}

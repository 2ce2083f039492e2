/**
 * What every resolver receives. `caller` is the verified token's principal (null without a token:
 * only public fields then resolve). Built per request by gateway/app.ts.
 */

import type { CatalogReadModel } from "../schema/catalog/catalog-read-model.ts";
import type { Jurisdiction } from "../schema/common/jurisdiction.ts";
import type { AuditLog } from "./audit/audit-log.ts";
import type { Authenticator } from "./auth/authenticator.ts";
import type { Bus } from "./bus/index.ts";
import type { GatewayConfig } from "./config.ts";
import type { PrismaClient } from "./db/generated/prisma/client.ts";
import type { Logger } from "./logging/logger.ts";
import type { GatewayMetrics } from "./metrics/metrics.ts";
import type { RateLimiter } from "./rate-limit.ts";

export interface Caller {
  issuer: Jurisdiction;
  subject: string;
  /** effective scopes (gateway/auth/scopes.ts decides defaults) */
  scopes: ReadonlySet<string>;
  jti: string;
  /** `exp`, seconds since the epoch */
  expiresAt: number;
  /**
   * a DPoP-bound token (RFC 9449) whose key this request proved; null for a bearer token.
   * `replayChecked` is false when the replay store could not record the proof's jti (then mutations
   * are refused, reads go on).
   */
  dpop: { boundKey: string; replayChecked: boolean } | null;
}

/** Long-lived parts shared by all requests. */
export interface GatewayServices {
  config: GatewayConfig;
  auditLog: AuditLog;
  bus: Bus;
  authenticator: Authenticator;
  clock: () => Date;
  /** the gateway's structured log (gateway/logging/logger.ts); never personal data or tokens */
  logger: Logger;
  /** Prometheus metrics served at /metrics */
  metrics: GatewayMetrics;
  /** calls without a token (the 执法码 check) per client address */
  publicRateLimit: RateLimiter;
  /** the catalog in memory, kept fresh by the outbox's catalog changes */
  catalog: CatalogReadModel;
}

/** What the audit entry of this request will say; resolvers add the ids of records they touch. */
export interface RequestAudit {
  operationName: string | null;
  operationType: string;
  documentHash: string | null;
  /**
   * the variables' hash (gateway/audit/chain.ts `hashVariables`), worked out on the first call and kept: the read
   * cache's key needs it on the request's path; an executed answer's audit entry only once its batch is written
   */
  variablesHash(): string | null;
  recordIds: Set<string>;
  /** a mutation wrote its entry inside its own transaction: the plugin must not write another */
  writtenInTransaction: boolean;
}

export interface GatewayContext {
  prisma: PrismaClient;
  caller: Caller | null;
  /** the request's clock, so that one request sees one "now" */
  now: Date;
  services: GatewayServices;
  audit: RequestAudit;
  /** the client's address (the first X-Forwarded-For hop when TRUST_PROXY is set), for rate limits */
  clientAddress: string;
}

/** The context of a field whose scopes admit only a verified token (Pothos `withAuth`): `caller` is set. */
export type SignedInContext = GatewayContext & { caller: Caller };

/**
 * Configuration, parsed once at start-up from the environment. Nothing else in the gateway reads
 * `process.env`: every part receives the piece of `GatewayConfig` it needs.
 * Every problem is reported at once (not just the first), then the process exits with code 1.
 */
import path from "node:path";
import { z } from "zod";
import { DEFAULT_MAX_LIFETIME_SECONDS } from "./auth/token-policy.ts";
import { createLogger, LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from "./logging/logger.ts";

const optionalUrl = (protocols: readonly string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => value === undefined || protocols.some((p) => value.startsWith(`${p}://`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(" or ")}`,
    });

const boolean = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

/** The log settings, the same variables for every process (gateway, adapters, simulators, scripts). */
export const LOG_ENV = {
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  /** json: one object a line; pretty: one readable line; auto: pretty on a terminal; @default auto */
  LOG_FORMAT: z.enum(LOG_FORMATS).default("auto"),
};

/** "https://a.example, http://b.example:8080" → their normalised origins; anything with a path, query or credentials is a problem */
function parseOrigins(value: string | undefined, ctx: z.RefinementCtx): readonly string[] | null {
  const parts = (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const origins: string[] = [];
  for (const part of parts) {
    const url = URL.canParse(part) ? new URL(part) : null;
    const bare = url && /^https?:$/.test(url.protocol) && `${url.origin}/` === url.href.replace(/\/?$/, "/");
    if (!url || !bare) ctx.addIssue({ code: "custom", message: `"${part}" is not an origin like https://host[:port]` });
    else origins.push(url.origin);
  }
  return origins;
}

/** at least a minute (clients mint ahead), at most 30 days */
const lifetime = (fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 86_400)
    .default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** @default 4000 */
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** @default "127.0.0.1" — set 0.0.0.0 behind a load balancer */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** Postgres; absent → embedded PGlite in PGLITE_DIR */
  DATABASE_URL: optionalUrl(["postgres", "postgresql"]),
  /** @default ".data/pglite" */
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  /** Redis for the bus, replay cache and rate limits; absent → in-process */
  REDIS_URL: optionalUrl(["redis", "rediss"]),
  /** key prefix in Redis, so that several deployments (or test runs) can share one server */
  REDIS_PREFIX: z.string().default("gz:"),
  /** demo keys: `<issuer>.private.jwk.json` and `<issuer>.jwks.json`; @default ".keys" */
  KEYS_DIR: z.string().min(1).default(".keys"),
  /** per-issuer JWKS: a file path or an https URL; default `${KEYS_DIR}/<issuer>.jwks.json` */
  JWKS_CQ: z.string().optional(),
  JWKS_SC: z.string().optional(),
  JWKS_GZ: z.string().optional(),
  /** the one algorithm accepted per issuer (asymmetric only); @default ES256 */
  JWT_ALG_CQ: z.enum(["ES256", "EdDSA"]).default("ES256"),
  JWT_ALG_SC: z.enum(["ES256", "EdDSA"]).default("ES256"),
  JWT_ALG_GZ: z.enum(["ES256", "EdDSA"]).default("ES256"),
  /** @default "gaozhu-gateway" */
  JWT_AUDIENCE: z.string().min(1).default("gaozhu-gateway"),
  /** leeway for exp/nbf/iat; @default 30 */
  JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  /** the longest lifetime (exp − iat) accepted per issuer, seconds; @default cq, sc 86400 (24 h), gz 43200 (12 h) */
  JWT_MAX_LIFETIME_SECONDS_CQ: lifetime(DEFAULT_MAX_LIFETIME_SECONDS.cq),
  JWT_MAX_LIFETIME_SECONDS_SC: lifetime(DEFAULT_MAX_LIFETIME_SECONDS.sc),
  JWT_MAX_LIFETIME_SECONDS_GZ: lifetime(DEFAULT_MAX_LIFETIME_SECONDS.gz),
  /** DPoP (RFC 9449): a proof's `iat` is accepted this many seconds either side of the gateway's clock; @default 60 */
  DPOP_PROOF_WINDOW_SECONDS: z.coerce.number().int().min(5).max(600).default(60),
  /**
   * the origin(s) clients address the gateway by, comma-separated (e.g. behind a load balancer
   * "https://gateway.gaozhu.example"); a DPoP proof's `htu` must name one of them. Absent → the
   * request's own URL as the gateway received it.
   */
  PUBLIC_ORIGIN: z
    .string()
    .optional()
    .transform((value, ctx) => parseOrigins(value, ctx)),
  /**
   * federation (docs/federation.md): where each province's platform serves its subgraph; the defaults
   * are the simulators `npm start` runs (SIM_CQ_PORT 4101, SIM_SC_PORT 4102)
   */
  /** false: serve the shared schema alone, without the provinces' subgraphs; @default true */
  FEDERATION: boolean.default(true),
  FEDERATION_CHONGQING_URL: z.url().default("http://127.0.0.1:4101/subgraph"),
  FEDERATION_SICHUAN_URL: z.url().default("http://127.0.0.1:4102/subgraph"),
  /** a province's subgraph that has not answered within this long is reported SUBGRAPH_UNAVAILABLE; @default 3000 */
  FEDERATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  /** change stream: heartbeat after this long without an event; @default 15000 */
  STREAM_HEARTBEAT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  /** change stream: read the outbox at least this often when no bus wake-up comes (bus down); @default 2000 */
  STREAM_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),
  /**
   * an adapter direction without a report (heartbeat, ingest, acknowledgement) for longer than this
   * is STALE in syncStatus, /healthz/sync and metrics; above the adapters' 10 s heartbeat and the
   * stream's 15 s heartbeat with room for a few missed ones; @default 60
   */
  SYNC_STALE_AFTER_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
  /**
   * 重复检查 (扰企): a visit to an enterprise at most this many Beijing days after its previous visit is a
   * repeat (supervisionIndicators REPEATED_INSPECTIONS, docs/supervision.md); @default 30
   */
  SUPERVISION_REPEAT_WINDOW_DAYS: z.coerce.number().int().min(1).max(366).default(30),
  /**
   * supervision alerts (docs/supervision.md): evaluate the current Beijing month this often in the gateway
   * process; 0 = never (evaluateSupervisionAlerts still runs on demand); @default 10
   */
  SUPERVISION_ALERT_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
  /**
   * the visit rollup of records written (schema/supervision/visit-marks.ts): refreshed in the gateway process this
   * long after the last refresh, when records were written; 0 = only before reads (which always refresh first); @default 1000
   */
  SUPERVISION_VISIT_REFRESH_MS: z.coerce.number().int().min(0).max(3_600_000).default(1000),
  /** FINE_INCOME_SURGE: fine income up more than this percent on the previous period; @default 50 */
  SUPERVISION_FINE_SURGE_PERCENT: z.coerce.number().min(0).max(100_000).default(50),
  /** FINE_INCOME_SURGE: only from a previous period's fines of at least this many yuan; @default 10000 */
  SUPERVISION_FINE_SURGE_MIN_BASE_YUAN: z.coerce.number().min(0).max(1e12).default(10_000),
  /** A_GRADE_OVER_INSPECTED: A-grade enterprises inspected above this percent; @default 3 */
  SUPERVISION_A_GRADE_MAX_PERCENT: z.coerce.number().min(0).max(100).default(3),
  /** calls without a token (the public 执法码 check) per client address per minute; @default 30 */
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  /** behind a load balancer: take the client address from the first X-Forwarded-For hop; @default false */
  TRUST_PROXY: boolean.default(false),
  /** serve /metrics without a token; @default true */
  METRICS_PUBLIC: boolean.default(true),
  /** GraphiQL and introspection; default on outside production */
  GRAPHIQL: boolean.optional(),
  /** the console's sign-in in production: the committee's OpenID Connect issuer (docs/console.md) */
  CONSOLE_OIDC_ISSUER: optionalUrl(["https", "http"]),
  /** the console's public client id at that issuer (authorization code + PKCE, no secret) */
  CONSOLE_OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** @default "openid" — what the console asks the issuer for */
  CONSOLE_OIDC_SCOPE: z.string().min(1).default("openid"),
  ...LOG_ENV,
  /** OpenTelemetry traces of GraphQL operations and Prisma queries, sent over OTLP/HTTP; @default false */
  TRACING: boolean.default(false),
  /** where the traces go (an OpenTelemetry collector, Jaeger, Tempo …) */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalUrl(["http", "https"]),
  /** @default "gaozhu-gateway" */
  OTEL_SERVICE_NAME: z.string().min(1).default("gaozhu-gateway"),
});

const DEFAULT_OTLP_TRACES_URL = "http://127.0.0.1:4318/v1/traces";

export interface GatewayConfig {
  env: "development" | "test" | "production";
  http: { port: number; host: string };
  database: { url: string | undefined; pgliteDir: string };
  redis: { url: string | undefined; prefix: string };
  auth: {
    keysDir: string;
    audience: string;
    clockToleranceSeconds: number;
    jwks: { cq: string; sc: string; gz: string };
    algorithms: { cq: "ES256" | "EdDSA"; sc: "ES256" | "EdDSA"; gz: "ES256" | "EdDSA" };
    /** `exp − iat` accepted per issuer, seconds */
    maxLifetimeSeconds: { cq: number; sc: number; gz: number };
    /** sender-constrained tokens (docs/security.md, DPoP) */
    dpop: { proofWindowSeconds: number; publicOrigins: readonly string[] | null };
  };
  graphiql: boolean;
  /** the console at /console/ (gateway/console/); oidc null: no production sign-in configured */
  console: { oidc: { issuer: string; clientId: string; scope: string } | null };
  metricsPublic: boolean;
  publicRateLimitPerMinute: number;
  trustProxy: boolean;
  /** the change stream's timing (schema/sync/change-stream.ts) */
  stream: { heartbeatMs: number; pollMs: number };
  /** when an adapter's figures are too old to trust (schema/sync/rules/staleness.ts) */
  sync: { staleAfterSeconds: number };
  /** the provinces' subgraphs (gateway/federation/): their URLs by subgraph name, and how long to wait */
  federation: { enabled: boolean; subgraphUrls: { chongqing: string; sichuan: string }; timeoutMs: number };
  /** the supervision indicators' settings (schema/supervision/indicator-service.ts) */
  supervision: {
    repeatWindowDays: number;
    /** 0: no scheduled evaluation */
    alertIntervalMinutes: number;
    /** 0: the visits of records written are refreshed only before reads */
    visitRefreshMs: number;
    fineSurgePercent: number;
    fineSurgeMinBaseYuan: number;
    aGradeMaxPercent: number;
  };
  log: { level: LogLevel; format: LogFormat };
  /** off by default; gateway/tracing/tracing.ts */
  tracing: { enabled: boolean; otlpTracesUrl: string; serviceName: string };
}

export type ConfigResult = { ok: true; config: GatewayConfig } | { ok: false; problems: string[] };

/** Pure: environment in, config or the full list of problems out. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${issue.path.join(".") || "(env)"}: ${issue.message}`),
    };
  }
  const e = parsed.data;
  const jwksFor = (explicit: string | undefined, issuer: string) =>
    explicit ?? path.join(e.KEYS_DIR, `${issuer}.jwks.json`);
  return {
    ok: true,
    config: {
      env: e.NODE_ENV,
      http: { port: e.PORT, host: e.HOST },
      database: { url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR },
      redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
      auth: {
        keysDir: e.KEYS_DIR,
        audience: e.JWT_AUDIENCE,
        clockToleranceSeconds: e.JWT_CLOCK_TOLERANCE_SECONDS,
        jwks: { cq: jwksFor(e.JWKS_CQ, "cq"), sc: jwksFor(e.JWKS_SC, "sc"), gz: jwksFor(e.JWKS_GZ, "gz") },
        algorithms: { cq: e.JWT_ALG_CQ, sc: e.JWT_ALG_SC, gz: e.JWT_ALG_GZ },
        maxLifetimeSeconds: {
          cq: e.JWT_MAX_LIFETIME_SECONDS_CQ,
          sc: e.JWT_MAX_LIFETIME_SECONDS_SC,
          gz: e.JWT_MAX_LIFETIME_SECONDS_GZ,
        },
        dpop: { proofWindowSeconds: e.DPOP_PROOF_WINDOW_SECONDS, publicOrigins: e.PUBLIC_ORIGIN },
      },
      graphiql: e.GRAPHIQL ?? e.NODE_ENV !== "production",
      console: {
        oidc:
          e.CONSOLE_OIDC_ISSUER && e.CONSOLE_OIDC_CLIENT_ID
            ? { issuer: e.CONSOLE_OIDC_ISSUER, clientId: e.CONSOLE_OIDC_CLIENT_ID, scope: e.CONSOLE_OIDC_SCOPE }
            : null,
      },
      metricsPublic: e.METRICS_PUBLIC,
      publicRateLimitPerMinute: e.PUBLIC_RATE_LIMIT_PER_MINUTE,
      trustProxy: e.TRUST_PROXY,
      stream: { heartbeatMs: e.STREAM_HEARTBEAT_MS, pollMs: e.STREAM_POLL_MS },
      sync: { staleAfterSeconds: e.SYNC_STALE_AFTER_SECONDS },
      federation: {
        enabled: e.FEDERATION,
        subgraphUrls: { chongqing: e.FEDERATION_CHONGQING_URL, sichuan: e.FEDERATION_SICHUAN_URL },
        timeoutMs: e.FEDERATION_TIMEOUT_MS,
      },
      supervision: {
        repeatWindowDays: e.SUPERVISION_REPEAT_WINDOW_DAYS,
        alertIntervalMinutes: e.SUPERVISION_ALERT_INTERVAL_MINUTES,
        visitRefreshMs: e.SUPERVISION_VISIT_REFRESH_MS,
        fineSurgePercent: e.SUPERVISION_FINE_SURGE_PERCENT,
        fineSurgeMinBaseYuan: e.SUPERVISION_FINE_SURGE_MIN_BASE_YUAN,
        aGradeMaxPercent: e.SUPERVISION_A_GRADE_MAX_PERCENT,
      },
      log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT },
      tracing: {
        enabled: e.TRACING,
        otlpTracesUrl: e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? DEFAULT_OTLP_TRACES_URL,
        serviceName: e.OTEL_SERVICE_NAME,
      },
    },
  };
}

/** The one place that reads `process.env`: report every problem, then exit 1. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const result = parseConfig(env);
  if (result.ok) return result.config;
  exitWithProblems(result.problems);
}

/** The log settings alone (simulators and scripts that need no more of the configuration). */
export function loadLogSettingsOrExit(env: Record<string, string | undefined> = process.env): GatewayConfig["log"] {
  const parsed = z.object(LOG_ENV).safeParse(env);
  if (!parsed.success)
    exitWithProblems(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  return { level: parsed.data.LOG_LEVEL, format: parsed.data.LOG_FORMAT };
}

function exitWithProblems(problems: string[]): never {
  // the configured log settings are unknown here: the defaults, on stderr
  createLogger("config", { to: "stderr" }).fatal(
    { problems },
    `configuration problems (fix all, then start again): ${problems.join("; ")}`,
  );
  process.exit(1);
}

/**
 * A whole gateway in-process for schema and security tests: its own database (test/support/database.ts),
 * optionally seeded, demo keys in a temporary directory, and the real plugins. Requests go through
 * `gateway.fetch`, exactly as HTTP requests would. With REDIS_URL set, the bus and replay guard use Redis
 * under a key prefix of their own, removed on dispose.
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { type DpopKey, signDpopProof } from "../../gateway/auth/dpop-proof.ts";
import { loadPrivateKey } from "../../gateway/auth/keys.ts";
import { signToken } from "../../gateway/auth/sign-token.ts";
import { type GatewayConfig, parseConfig } from "../../gateway/config.ts";
import { type AssembleOptions, assembleGateway } from "../../gateway/server.ts";
import { seedDatabase } from "../../prisma/seed/seed.ts";
import type { Jurisdiction } from "../../schema/common/jurisdiction.ts";
import { createTestDatabase } from "./database.ts";
import { createTestKeys } from "./keys.ts";

export interface TokenOptions {
  scopes?: string[];
  subject?: string;
  ttlSeconds?: number;
  /** bind the token to this key's thumbprint (`cnf.jkt`, DPoP) */
  boundKey?: string;
}

/** The URL tests send to (`gateway.fetch`): a DPoP proof's `htu` names it. */
export const TEST_GRAPHQL_URL = "http://gateway.test/graphql";

/** `Authorization: Bearer <token>`, or with `dpop` `Authorization: DPoP <token>` and a fresh proof for this request */
export async function authorizationHeaders(
  token: string | null,
  dpop?: DpopKey,
  request: { method: string; url: string } = { method: "POST", url: TEST_GRAPHQL_URL },
): Promise<Record<string, string>> {
  if (!token) return {};
  if (!dpop) return { authorization: `Bearer ${token}` };
  return { authorization: `DPoP ${token}`, dpop: await signDpopProof(dpop, { ...request, accessToken: token }) };
}

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors:
    | Array<{ message: string; path?: string[]; extensions?: { code?: string; reason?: string; [k: string]: unknown } }>
    | undefined;
}

/** A Redis key prefix of a test's own (removed on dispose). */
export const testRedisPrefix = () => `gz-test-${randomBytes(4).toString("hex")}:`;

/** The configuration of a test gateway: quiet, these keys, Redis under `redisPrefix` when REDIS_URL is set. */
export function testConfig(keysDir: string, redisPrefix: string, env: Record<string, string> = {}): GatewayConfig {
  const parsed = parseConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    KEYS_DIR: keysDir,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    ...env,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  return parsed.config;
}

export async function createTestGateway(
  options: { seed?: boolean; env?: Record<string, string> } & Pick<AssembleOptions, "logger" | "tracing"> = {},
) {
  const database = await createTestDatabase();
  if (options.seed !== false) await seedDatabase(database.prisma);
  const keys = await createTestKeys();
  const redisPrefix = testRedisPrefix();
  const config = testConfig(keys.dir, redisPrefix, options.env);
  const assembled = await assembleGateway(config, {
    db: database.db,
    logger: options.logger,
    tracing: options.tracing,
  });

  async function token(issuer: Jurisdiction, opts: TokenOptions = {}): Promise<string> {
    const key = await loadPrivateKey(keys.dir, issuer);
    return signToken({
      privateKey: key.key,
      kid: key.kid,
      alg: key.alg,
      issuer,
      audience: config.auth.audience,
      subject: opts.subject ?? `${issuer}-tester`,
      scopes: opts.scopes,
      ttlSeconds: opts.ttlSeconds ?? 600,
      boundKey: opts.boundKey,
    });
  }

  async function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return assembled.gateway.fetch(TEST_GRAPHQL_URL, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...headers,
      },
      body: JSON.stringify(body),
    });
  }

  /**
   * One GraphQL request. `as` mints a fresh token of that issuer; `token` sends a given one. With
   * `dpop` the token goes as `Authorization: DPoP` with a fresh proof signed by that key.
   */
  async function gql<T = Record<string, unknown>>(
    query: string,
    opts: {
      variables?: Record<string, unknown>;
      as?: Jurisdiction;
      token?: string | null;
      scopes?: string[];
      subject?: string;
      dpop?: DpopKey;
    } = {},
  ): Promise<GqlResult<T>> {
    const bearer =
      opts.token !== undefined
        ? opts.token
        : opts.as
          ? await token(opts.as, { scopes: opts.scopes, subject: opts.subject, boundKey: opts.dpop?.thumbprint })
          : null;
    const response = await post({ query, variables: opts.variables }, await authorizationHeaders(bearer, opts.dpop));
    const json = (await response.json()) as { data?: T | null; errors?: GqlResult["errors"] };
    return { status: response.status, data: json.data, errors: json.errors };
  }

  return {
    gateway: assembled.gateway,
    prisma: database.prisma,
    /** the database this gateway uses, for a second replica on it (`assembleGateway(config, { db })`) */
    db: database.db,
    services: assembled.services,
    /** with TRACING=true: the tracer (flush() before reading an in-memory exporter) */
    tracing: assembled.tracing,
    config,
    keys,
    token,
    gql,
    post,
    async dispose() {
      await assembled.close();
      await database.dispose();
      await keys.cleanup();
      if (config.redis.url) await deleteRedisPrefix(config.redis.url, redisPrefix);
    },
  };
}

export type TestGateway = Awaited<ReturnType<typeof createTestGateway>>;

/** Removes a test's Redis keys (its prefix). */
export async function deleteRedisPrefix(url: string, prefix: string) {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

/**
 * The request-facing side of authentication: Authorization header → Caller, or a 401 with a stable
 * reason. Built once from config: the trust registry (one JWKS per issuer), the verifier with its
 * cache of verified tokens, and the replay guard that mutations claim their `jti` from.
 */
import type { Redis } from "ioredis";
import type { GatewayConfig } from "../config.ts";
import type { Caller } from "../context.ts";
import { unauthenticated } from "../errors.ts";
import { AuthError } from "./auth-error.ts";
import { ISSUERS } from "./issuers.ts";
import { createMemoryReplayGuard, createRedisReplayGuard, type ReplayGuard } from "./replay-guard.ts";
import { createTrustRegistry, type TrustRegistry } from "./trust-registry.ts";
import { bearerToken, createTokenVerifier, type TokenVerifier } from "./verify-token.ts";

export interface Authenticator {
  /** null without an Authorization header; throws a 401 GraphQLError (extensions.reason) for a bad token */
  authenticate(authorization: string | null): Promise<Caller | null>;
  /** mutations only: first use of the token's jti, or a 401 TOKEN_REPLAYED (fails closed) */
  claimForMutation(caller: Caller): Promise<void>;
  registry: TrustRegistry;
  verifier: TokenVerifier;
  close(): Promise<void>;
}

export async function createAuthenticator(
  auth: GatewayConfig["auth"],
  options: { redis?: Redis; redisPrefix?: string; logger?: { warn(...args: unknown[]): void } } = {},
): Promise<Authenticator> {
  const registry = await createTrustRegistry({
    issuers: ISSUERS.map((issuer) => ({ issuer, jwks: auth.jwks[issuer], algorithms: [auth.algorithms[issuer]] })),
    logger: options.logger,
  });
  const verifier = createTokenVerifier({
    registry,
    audience: auth.audience,
    clockToleranceSeconds: auth.clockToleranceSeconds,
  });
  // the guard keeps an entry until exp + tolerance, which must cover the verifier's leeway
  const toleranceSeconds = Math.max(60, auth.clockToleranceSeconds);
  const replayGuard: ReplayGuard = options.redis
    ? createRedisReplayGuard(options.redis, { keyPrefix: `${options.redisPrefix ?? ""}jti:`, toleranceSeconds })
    : createMemoryReplayGuard({ toleranceSeconds });

  return {
    registry,
    verifier,
    async authenticate(authorization) {
      if (authorization === null || authorization.trim() === "") return null;
      try {
        const principal = await verifier.verify(bearerToken(authorization));
        return {
          issuer: principal.issuer,
          subject: principal.subject,
          scopes: principal.scopes,
          jti: principal.jti,
          expiresAt: principal.expiresAt,
        };
      } catch (error) {
        if (error instanceof AuthError) throw unauthenticated(error.message, error.reason);
        throw error;
      }
    },
    async claimForMutation(caller) {
      const first = await replayGuard.claim(caller.jti, caller.issuer, caller.expiresAt);
      if (!first) throw unauthenticated("This token was already used for a mutation: mint a new one", "TOKEN_REPLAYED");
    },
    async close() {
      registry.close();
      await replayGuard.close?.();
    },
  };
}

/**
 * The request-facing side of authentication: a request's `Authorization` (and `DPoP`) headers →
 * Caller, or a 401 with a stable reason and a `WWW-Authenticate` challenge. Built once from config:
 * the trust registry (one JWKS per issuer), the verifier with its cache of verified tokens, and the
 * replay guard that mutations claim their token's `jti` from and DPoP proofs their own `jti`.
 *
 * Two kinds of token (docs/security.md):
 * - a bearer token (`Authorization: Bearer`): whoever holds it may use it, so a mutation consumes its
 *   `jti` — one mutation per token; queries reuse it;
 * - a DPoP-bound token (`cnf.jkt`, `Authorization: DPoP` + a `DPoP` proof per request, RFC 9449):
 *   only the holder of the bound key can use it, so it serves any number of requests until it
 *   expires; each proof's `jti` is accepted once.
 */
import type { Redis } from "ioredis";
import { JURISDICTIONS } from "../../schema/common/jurisdiction.ts";
import type { GatewayConfig } from "../config.ts";
import type { Caller } from "../context.ts";
import { unauthenticated } from "../errors.ts";
import { AuthError } from "./auth-error.ts";
import { verifyDpopProof } from "./dpop.ts";
import { createMemoryReplayGuard, createRedisReplayGuard, type ReplayGuard } from "./replay-guard.ts";
import { createTrustRegistry, type TrustRegistry } from "./trust-registry.ts";
import {
  type Credentials,
  createTokenVerifier,
  credentialsOf,
  type Principal,
  type TokenVerifier,
} from "./verify-token.ts";

export interface Authenticator {
  /**
   * null without an Authorization header; throws a 401 GraphQLError (extensions.reason) for a bad
   * token or proof. Decided once per request (a batch's operations share it, a proof is claimed once).
   */
  authenticate(request: Request): Promise<Caller | null>;
  /**
   * The caller of an `Authorization: Bearer <token>` header, verified as `authenticate` does (a DPoP-bound token
   * is refused as there); for the read lane, which has no Request to prove a key with.
   */
  bearerCaller(authorization: string): Promise<Caller>;
  /** mutations only: a bearer token's first use of its jti, or a 401 TOKEN_REPLAYED (fails closed) */
  claimForMutation(caller: Caller): Promise<void>;
  registry: TrustRegistry;
  verifier: TokenVerifier;
  close(): Promise<void>;
}

export async function createAuthenticator(
  auth: GatewayConfig["auth"],
  options: {
    redis?: Redis;
    redisPrefix?: string;
    logger?: { warn(...args: unknown[]): void };
    /** @default Date.now — milliseconds since the epoch */
    now?: () => number;
  } = {},
): Promise<Authenticator> {
  const now = options.now ?? Date.now;
  const registry = await createTrustRegistry({
    issuers: JURISDICTIONS.map((issuer) => ({
      issuer,
      jwks: auth.jwks[issuer],
      algorithms: [auth.algorithms[issuer]],
    })),
    logger: options.logger,
  });
  const verifier = createTokenVerifier({
    registry,
    audience: auth.audience,
    clockToleranceSeconds: auth.clockToleranceSeconds,
    maxLifetimeSeconds: auth.maxLifetimeSeconds,
    now,
  });
  // the guard keeps an entry until exp + tolerance, which must cover the verifier's leeway
  const toleranceSeconds = Math.max(60, auth.clockToleranceSeconds);
  const replayGuard: ReplayGuard = options.redis
    ? createRedisReplayGuard(options.redis, { keyPrefix: `${options.redisPrefix ?? ""}jti:`, toleranceSeconds })
    : createMemoryReplayGuard({ toleranceSeconds });
  const decided = new WeakMap<Request, Promise<Caller | null>>();

  /** the bound key proven by this request's DPoP proof, its jti claimed once */
  async function proveBoundKey(request: Request, token: string, boundKey: string): Promise<Caller["dpop"]> {
    const proof = await verifyDpopProof(
      { proof: request.headers.get("dpop"), method: request.method, url: request.url, accessToken: token, boundKey },
      { windowSeconds: auth.dpop.proofWindowSeconds, publicOrigins: auth.dpop.publicOrigins, now: now() },
    );
    let first: boolean;
    try {
      // scoped by key: nobody can use up another key's jti; kept as long as the proof could be accepted
      first = await replayGuard.claim(proof.jti, `dpop:${boundKey}`, proof.issuedAt + auth.dpop.proofWindowSeconds);
    } catch {
      // the store is down: reads go on (a replayed proof repeats a read its token allows anyway);
      // a mutation is refused with 503 (claimForMutation)
      return { boundKey, replayChecked: false };
    }
    if (!first)
      throw new AuthError("DPOP_PROOF_REPLAYED", "This DPoP proof was already used: sign a new one per request");
    return { boundKey, replayChecked: true };
  }

  async function decide(request: Request): Promise<Caller | null> {
    const authorization = request.headers.get("authorization");
    if (authorization === null || authorization.trim() === "") return null;
    let credentials: Credentials | null = null;
    try {
      credentials = credentialsOf(authorization);
      const principal = await verifier.verify(credentials.token);
      return callerOf(principal, await boundKeyProof(request, credentials, principal));
    } catch (error) {
      if (error instanceof AuthError) throw unauthenticated(error.message, error.reason, credentials?.scheme ?? null);
      throw error;
    }
  }

  async function boundKeyProof(request: Request, credentials: Credentials, principal: Principal) {
    if (credentials.scheme === "Bearer") {
      refuseKeyBoundAsBearer(principal);
      return null;
    }
    if (principal.boundKey === null) {
      throw new AuthError("DPOP_TOKEN_NOT_BOUND", 'This token is not DPoP-bound (no "cnf.jkt"): send it as Bearer');
    }
    return proveBoundKey(request, credentials.token, principal.boundKey);
  }

  return {
    registry,
    verifier,
    async bearerCaller(authorization) {
      const credentials = credentialsOf(authorization);
      if (credentials.scheme !== "Bearer") throw new AuthError("MALFORMED_TOKEN", "Not a Bearer token");
      const principal = await verifier.verify(credentials.token);
      refuseKeyBoundAsBearer(principal);
      return callerOf(principal, null);
    },
    authenticate(request) {
      let decision = decided.get(request);
      if (!decision) {
        decision = decide(request);
        decided.set(request, decision);
      }
      return decision;
    },
    async claimForMutation(caller) {
      if (caller.dpop) {
        // the request proved the key and its proof's jti was claimed; without the store it could not be
        if (!caller.dpop.replayChecked) throw new Error("the replay store did not answer for the DPoP proof");
        return;
      }
      const first = await replayGuard.claim(caller.jti, caller.issuer, caller.expiresAt);
      if (!first) {
        throw unauthenticated("This token was already used for a mutation: mint a new one", "TOKEN_REPLAYED", "Bearer");
      }
    },
    async close() {
      registry.close();
      await replayGuard.close?.();
    },
  };
}

/** a token bound to a key (`cnf.jkt`) must come with a proof of that key, never as a plain Bearer token */
function refuseKeyBoundAsBearer(principal: Principal): void {
  if (principal.boundKey !== null) {
    throw new AuthError(
      "DPOP_BOUND_TOKEN_AS_BEARER",
      'This token is bound to a key: send it as "Authorization: DPoP <token>" with a "DPoP" proof',
    );
  }
}

function callerOf(principal: Principal, dpop: Caller["dpop"]): Caller {
  return {
    issuer: principal.issuer,
    subject: principal.subject,
    scopes: principal.scopes,
    jti: principal.jti,
    expiresAt: principal.expiresAt,
    dpop,
  };
}

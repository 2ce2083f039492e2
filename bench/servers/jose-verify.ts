/**
 * What the peers (Apollo Server, Mercurius) do per request to match the gateway's security: a jose ES256
 * verification of the bearer token against the same JWKS file the gateway trusts, with the same verified-token
 * cache as the gateway's (gateway/auth/verify-token.ts): a verified token is kept in the same bounded LRU
 * (10,000 entries) until its `exp`, and concurrent requests with the same new token share one verification.
 * `BENCH_PEER_TOKEN_CACHE=0` verifies every request (the peers' default configuration, for comparison).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createLocalJWKSet, type JWTPayload, jwtVerify } from "jose";
import { LruCache } from "../../gateway/auth/lru-cache.ts";
import { DEFAULT_AUDIENCE } from "../../gateway/auth/token-policy.ts";

export type RequestVerifier = (authorization: string | undefined | null) => Promise<JWTPayload>;

/** the gateway's default (TokenVerifierOptions.cacheSize) */
const CACHED_TOKENS = 10_000;

/** Verifies Chongqing's tokens (the `read` scenarios' caller). */
export async function createJoseVerifier(keysDir: string): Promise<RequestVerifier> {
  const jwks = createLocalJWKSet(JSON.parse(await readFile(path.join(keysDir, "cq.jwks.json"), "utf8")));
  const verifyToken = async (token: string) => {
    const { payload } = await jwtVerify(token, jwks, {
      issuer: "cq",
      audience: DEFAULT_AUDIENCE,
      algorithms: ["ES256"],
    });
    return payload;
  };
  const cached = process.env.BENCH_PEER_TOKEN_CACHE === "0" ? null : cachedUntilExpiry(verifyToken);
  return async (authorization) => {
    const token = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1];
    if (!token) throw new Error("No bearer token");
    return (cached ?? verifyToken)(token);
  };
}

/** `verify` behind the gateway's cache policy: kept until `exp`, one verification in flight per token. */
function cachedUntilExpiry(verify: (token: string) => Promise<JWTPayload>) {
  const cache = new LruCache<string, JWTPayload>(CACHED_TOKENS);
  const inFlight = new Map<string, Promise<JWTPayload>>();
  const live = (payload: JWTPayload) => payload.exp !== undefined && payload.exp * 1000 > Date.now();
  return (token: string): Promise<JWTPayload> => {
    const hit = cache.get(token);
    if (hit && live(hit)) return Promise.resolve(hit);
    if (hit) cache.delete(token);
    let pending = inFlight.get(token);
    if (!pending) {
      pending = verify(token)
        .then((payload) => {
          if (live(payload)) cache.set(token, payload);
          return payload;
        })
        .finally(() => inFlight.delete(token));
      inFlight.set(token, pending);
    }
    return pending;
  };
}

export function keysDirFromEnv(): string {
  const dir = process.env.BENCH_KEYS_DIR;
  if (!dir) throw new Error("BENCH_KEYS_DIR is not set");
  return dir;
}

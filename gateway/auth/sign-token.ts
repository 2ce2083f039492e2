/**
 * Mints a compact JWT the way the gateway expects it. Used by `npm run token`, the adapters (each
 * with its own province's key) and the tests.
 */
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { formatScopes } from "./scopes.ts";
import { DEFAULT_AUDIENCE } from "./token-policy.ts";

export interface SignTokenOptions {
  privateKey: CryptoKey;
  kid: string;
  alg: string;
  issuer: string;
  /** @default "gaozhu-gateway" */
  audience?: string;
  subject: string;
  /** omitted → no `scope` claim (the issuer's default rights, see scopes.ts) */
  scopes?: readonly string[];
  /** @default 900 (15 minutes) */
  ttlSeconds?: number;
  /** @default a random UUID — a mutation with a bearer token refuses a `jti` it has seen before, so use one per request */
  jti?: string;
  /** @default Date.now() — milliseconds since the epoch */
  now?: number;
  /**
   * bind the token to a key (DPoP, RFC 9449): the key's RFC 7638 SHA-256 thumbprint, sent as
   * `cnf.jkt`. Such a token serves any number of requests, each with a proof signed by that key.
   */
  boundKey?: string;
  /** further private claims (the gateway's token to a subgraph carries the caller's issuer and a request hash) */
  claims?: Readonly<Record<string, unknown>>;
}

export const DEFAULT_TTL_SECONDS = 900;

export async function signToken(options: SignTokenOptions): Promise<string> {
  const issuedAt = Math.floor((options.now ?? Date.now()) / 1000);
  const ttl = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  if (!Number.isFinite(ttl) || ttl <= 0) throw new RangeError(`ttlSeconds must be positive, got ${ttl}`);
  const claims = {
    ...options.claims,
    ...(options.scopes === undefined ? {} : { scope: formatScopes(options.scopes) }),
    ...(options.boundKey === undefined ? {} : { cnf: { jkt: options.boundKey } }),
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg, kid: options.kid, typ: "JWT" })
    .setIssuer(options.issuer)
    .setAudience(options.audience ?? DEFAULT_AUDIENCE)
    .setSubject(options.subject)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(issuedAt + Math.round(ttl))
    .setJti(options.jti ?? randomUUID())
    .sign(options.privateKey);
}

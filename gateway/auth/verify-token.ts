/**
 * Token verification. The unverified header and `iss` are read only to choose the issuer; the
 * signature is then checked against ONLY that issuer's keys with ONLY its pinned algorithms, so a
 * token claiming `iss: "sc"` verifies with Sichuan's keys or not at all. Verified tokens are
 * cached until their `exp` (docs/performance-notes.md: an ES256 verify costs ~110–140 µs, a cache hit
 * a map lookup); a change of the issuer's key set drops what was cached under the old one.
 */
import { decodeJwt, decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from "jose";
import type { Jurisdiction } from "../../schema/common/jurisdiction.ts";
import { AuthError, type AuthFailureReason } from "./auth-error.ts";
import { LruCache } from "./lru-cache.ts";
import { effectiveScopes, parseScopeClaim, type Scope } from "./scopes.ts";
import { DEFAULT_AUDIENCE, DEFAULT_MAX_LIFETIME_SECONDS, isSupportedAlgorithm } from "./token-policy.ts";
import type { TrustRegistry } from "./trust-registry.ts";

export { AuthError, type AuthFailureReason, toUnauthenticated } from "./auth-error.ts";

/** Who is calling, as proven by a verified token. Shared between requests: never mutate it. */
export interface Principal {
  issuer: Jurisdiction;
  subject: string;
  /** effective scopes (scopes.ts decides the defaults) */
  scopes: ReadonlySet<Scope>;
  /** the `scope` claim as sent; null when the token has none */
  requestedScopes: readonly string[] | null;
  jti: string;
  /** `iat`, seconds since the epoch */
  issuedAt: number;
  /** `exp`, seconds since the epoch */
  expiresAt: number;
  keyId: string | undefined;
  /** `cnf.jkt` (RFC 9449): the thumbprint of the key every request must prove; null for a plain bearer token */
  boundKey: string | null;
}

export interface TokenVerifierOptions {
  registry: TrustRegistry;
  /** @default "gaozhu-gateway" */
  audience?: string;
  /** leeway for `exp`, `nbf` and `iat`; @default 30 */
  clockToleranceSeconds?: number;
  /** the longest `exp − iat` accepted per issuer; @default DEFAULT_MAX_LIFETIME_SECONDS */
  maxLifetimeSeconds?: Readonly<Record<Jurisdiction, number>>;
  /** verified tokens kept; 0 disables the cache; @default 10_000 */
  cacheSize?: number;
  /** @default Date.now — milliseconds since the epoch */
  now?: () => number;
}

export interface TokenVerifier {
  /** Resolves the principal or rejects with an AuthError. Any other rejection is a server-side
   *  failure (e.g. a remote JWKS unreachable) and must not be reported as a bad token. */
  verify(token: string | null | undefined): Promise<Principal>;
  stats(): { cacheHits: number; verifications: number; cached: number };
}

/** Longer than any token we issue by far; refusing early bounds the work an attacker can cause. */
const MAX_TOKEN_LENGTH = 8192;

export interface Credentials {
  /** `Bearer` (RFC 6750) or `DPoP` (RFC 9449: the token is bound to a key the request proves) */
  scheme: "Bearer" | "DPoP";
  token: string;
}

/** The scheme and token of an `Authorization: Bearer <token>` or `Authorization: DPoP <token>` header. */
export function credentialsOf(authorization: string | null | undefined): Credentials {
  if (!authorization?.trim()) throw new AuthError("MISSING_TOKEN", "No bearer token");
  const match = /^(Bearer|DPoP)[ ]+([^ ]+)[ ]*$/i.exec(authorization);
  if (!match?.[1] || !match[2]) {
    throw new AuthError("MALFORMED_TOKEN", 'Expected "Authorization: Bearer <token>" or "Authorization: DPoP <token>"');
  }
  return { scheme: match[1].toLowerCase() === "dpop" ? "DPoP" : "Bearer", token: match[2] };
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const { registry } = options;
  const audience = options.audience ?? DEFAULT_AUDIENCE;
  const tolerance = options.clockToleranceSeconds ?? 30;
  const maxLifetime = options.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS;
  const now = options.now ?? Date.now;
  const cache = new LruCache<string, { principal: Principal; keySetVersion: number }>(options.cacheSize ?? 10_000);
  const inFlight = new Map<string, Promise<Principal>>();
  let cacheHits = 0;
  let verifications = 0;

  async function verifySignedToken(token: string): Promise<Principal> {
    verifications += 1;
    const { alg, kid, issuer } = chooseIssuer(token, registry);
    const keySetVersion = registry.keySetVersion(issuer);
    const nowMs = now();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, registry.getKeyResolver(issuer), {
        issuer,
        audience,
        algorithms: [alg],
        clockTolerance: tolerance,
        currentDate: new Date(nowMs),
        requiredClaims: ["sub", "iat", "exp", "jti"],
      }));
    } catch (error) {
      // A kid from another issuer's key set: the token is signed with a key that is not its issuer's.
      if (error instanceof errors.JWKSNoMatchingKey && kid !== undefined && registry.issuerOfKey(kid) !== undefined) {
        throw new AuthError("BAD_SIGNATURE", "Signature verification failed");
      }
      throw fromJoseError(error);
    }
    const principal = toPrincipal(payload, issuer, kid, nowMs / 1000 + tolerance);
    if (principal.expiresAt - principal.issuedAt > maxLifetime[issuer]) {
      throw new AuthError(
        "TOKEN_LIFETIME_TOO_LONG",
        `A ${issuer} token may live at most ${maxLifetime[issuer]} s (exp − iat): mint a shorter one`,
      );
    }
    if (principal.expiresAt * 1000 > now()) cache.set(token, { principal, keySetVersion });
    return principal;
  }

  return {
    async verify(token) {
      if (typeof token !== "string" || token.trim() === "") throw new AuthError("MISSING_TOKEN", "No bearer token");
      const hit = cache.get(token);
      if (hit) {
        const { principal, keySetVersion } = hit;
        if (principal.expiresAt * 1000 > now() && registry.keySetVersion(principal.issuer) === keySetVersion) {
          cacheHits += 1;
          return principal;
        }
        cache.delete(token);
      }
      // Concurrent requests with the same new token share one verification.
      let pending = inFlight.get(token);
      if (!pending) {
        pending = verifySignedToken(token).finally(() => inFlight.delete(token));
        inFlight.set(token, pending);
      }
      return pending;
    },
    stats: () => ({ cacheHits, verifications, cached: cache.size }),
  };
}

/** Reads the unverified header and `iss`, only to pick the issuer whose keys must have signed it. */
function chooseIssuer(
  token: string,
  registry: TrustRegistry,
): { alg: string; kid: string | undefined; issuer: Jurisdiction } {
  if (token.length > MAX_TOKEN_LENGTH || token.split(".").length !== 3) {
    throw new AuthError("MALFORMED_TOKEN", "Not a compact JWS");
  }
  let alg: unknown;
  let kid: unknown;
  let crit: unknown;
  let iss: unknown;
  try {
    ({ alg, kid, crit } = decodeProtectedHeader(token));
    ({ iss } = decodeJwt(token));
  } catch {
    throw new AuthError("MALFORMED_TOKEN", "The token cannot be decoded");
  }
  // RFC 7515 §4.1.11: an extension the gateway does not understand makes the token unusable — a
  // malformed token for this gateway, whatever its algorithm (jose would call it "not supported")
  if (crit !== undefined)
    throw new AuthError("MALFORMED_TOKEN", 'The token has a "crit" header this gateway does not understand');
  if (!isSupportedAlgorithm(alg)) throw new AuthError("UNSUPPORTED_ALGORITHM", "Signature algorithm not accepted");
  if (kid !== undefined && typeof kid !== "string") throw new AuthError("MALFORMED_TOKEN", '"kid" must be a string');
  if (!registry.has(iss)) throw new AuthError("UNKNOWN_ISSUER", "Unknown token issuer");
  if (!registry.algorithms(iss).includes(alg)) {
    throw new AuthError("UNSUPPORTED_ALGORITHM", "Signature algorithm not accepted for this issuer");
  }
  return { alg, kid, issuer: iss };
}

function toPrincipal(
  payload: JWTPayload,
  issuer: Jurisdiction,
  kid: string | undefined,
  latestIssuedAt: number,
): Principal {
  const { sub, jti, iat, exp } = payload;
  if (typeof sub !== "string" || sub === "") throw new AuthError("MISSING_CLAIM", 'The token has no "sub"');
  if (typeof jti !== "string" || jti === "") throw new AuthError("MISSING_JTI", 'The token has no "jti"');
  if (typeof iat !== "number" || typeof exp !== "number") throw new AuthError("MISSING_CLAIM", "iat/exp missing");
  if (iat > latestIssuedAt) throw new AuthError("TOKEN_NOT_YET_VALID", "The token is issued in the future");
  let requestedScopes: readonly string[] | null;
  try {
    requestedScopes = parseScopeClaim(payload.scope);
  } catch {
    throw new AuthError("MALFORMED_TOKEN", '"scope" must be a space-separated string');
  }
  return Object.freeze({
    boundKey: boundKeyOf(payload.cnf),
    issuer,
    subject: sub,
    scopes: effectiveScopes({ issuer, requestedScopes }),
    requestedScopes: requestedScopes && Object.freeze([...requestedScopes]),
    jti,
    issuedAt: iat,
    expiresAt: exp,
    keyId: kid,
  });
}

/** `cnf` absent → a bearer token; `{ jkt }` with a SHA-256 thumbprint → bound to that key; anything else is malformed */
function boundKeyOf(cnf: unknown): string | null {
  if (cnf === undefined) return null;
  const jkt = typeof cnf === "object" && cnf !== null ? (cnf as { jkt?: unknown }).jkt : undefined;
  if (typeof jkt !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(jkt)) {
    throw new AuthError("MALFORMED_TOKEN", '"cnf" must be { "jkt": <base64url SHA-256 JWK thumbprint> }');
  }
  return jkt;
}

const CLAIM_REASONS: Record<string, AuthFailureReason> = {
  aud: "WRONG_AUDIENCE",
  nbf: "TOKEN_NOT_YET_VALID",
  iss: "UNKNOWN_ISSUER",
};

/** jose's errors as reasons. Anything not caused by the token itself is rethrown unchanged. */
export function fromJoseError(error: unknown): unknown {
  if (error instanceof AuthError) return error;
  if (error instanceof errors.JWTExpired) return new AuthError("TOKEN_EXPIRED", "The token has expired");
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === "missing") {
      return error.claim === "jti"
        ? new AuthError("MISSING_JTI", 'The token has no "jti"')
        : error.claim === "aud"
          ? new AuthError("WRONG_AUDIENCE", 'The token has no "aud"')
          : new AuthError("MISSING_CLAIM", `The token has no "${error.claim}"`);
    }
    const reason = error.reason === "check_failed" ? CLAIM_REASONS[error.claim] : undefined;
    return new AuthError(reason ?? "MALFORMED_TOKEN", `Claim "${error.claim}" refused`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new AuthError("BAD_SIGNATURE", "Signature verification failed");
  }
  if (error instanceof errors.JWKSNoMatchingKey) return new AuthError("UNKNOWN_KEY", "No key of this issuer matches");
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new AuthError("UNSUPPORTED_ALGORITHM", "Signature algorithm not accepted");
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new AuthError("MALFORMED_TOKEN", "The token is malformed");
  }
  return error;
}

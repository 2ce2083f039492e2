/**
 * Why a token was refused. The reason travels to the client as `extensions.reason` beside the code
 * UNAUTHENTICATED and HTTP 401 (gateway/errors.ts `unauthenticated(message, reason)`).
 */

/** The DPoP proof, not the token, was refused (`WWW-Authenticate: DPoP error="invalid_dpop_proof"`). */
export const DPOP_PROOF_REASONS = [
  /** `Authorization: DPoP <token>` without a `DPoP` proof header */
  "DPOP_PROOF_MISSING",
  /** the proof is not one compact JWS of `typ` dpop+jwt, signed ES256/EdDSA by the public `jwk` it carries, with jti, htm, htu and iat */
  "DPOP_PROOF_INVALID",
  /** the proof's key is not the one the token's `cnf.jkt` names */
  "DPOP_BINDING_MISMATCH",
  /** `htm` is not this request's method */
  "DPOP_HTM_MISMATCH",
  /** `htu` is not this request's URL (the configured public origin behind a proxy) */
  "DPOP_HTU_MISMATCH",
  /** `iat` further than the proof window from the gateway's clock */
  "DPOP_PROOF_IAT_OUT_OF_WINDOW",
  /** `ath` is not the hash of the token sent */
  "DPOP_ATH_MISMATCH",
  /** the proof's `jti` was already used */
  "DPOP_PROOF_REPLAYED",
] as const;

export const AUTH_FAILURE_REASONS = [
  "MISSING_TOKEN",
  "MALFORMED_TOKEN",
  /** `alg` none, HS*, or an algorithm not pinned for the token's issuer */
  "UNSUPPORTED_ALGORITHM",
  "UNKNOWN_ISSUER",
  /** the `kid` is in no trusted JWKS (e.g. a retired key) */
  "UNKNOWN_KEY",
  /** not signed by any of the issuer's keys: another issuer's key (whatever the `kid`), a tampered payload */
  "BAD_SIGNATURE",
  "TOKEN_EXPIRED",
  /** `nbf`, or `iat`, later than now plus the clock tolerance */
  "TOKEN_NOT_YET_VALID",
  "WRONG_AUDIENCE",
  "MISSING_JTI",
  /** a mutation with a `jti` already used */
  "TOKEN_REPLAYED",
  /** `sub`, `iat` or `exp` absent (without `iat` a token's lifetime cannot be measured) */
  "MISSING_CLAIM",
  /** `exp − iat` longer than the issuer's cap (JWT_MAX_LIFETIME_SECONDS_<ISSUER>) */
  "TOKEN_LIFETIME_TOO_LONG",
  /** the gateway's token to a subgraph was minted for another query or other variables (docs/federation.md) */
  "REQUEST_MISMATCH",
  // DPoP (RFC 9449, gateway/auth/dpop.ts): sender-constrained tokens
  /** a token carrying `cnf` sent as `Bearer`: a bound token is only good with its proof */
  "DPOP_BOUND_TOKEN_AS_BEARER",
  /** `Authorization: DPoP` with a token that carries no `cnf.jkt` */
  "DPOP_TOKEN_NOT_BOUND",
  ...DPOP_PROOF_REASONS,
] as const;

export type AuthFailureReason = (typeof AUTH_FAILURE_REASONS)[number];

export class AuthError extends Error {
  constructor(
    readonly reason: AuthFailureReason,
    message: string = reason,
  ) {
    super(message);
    this.name = "AuthError";
  }
}

export interface UnauthenticatedDetails {
  code: "UNAUTHENTICATED";
  reason: AuthFailureReason;
  httpStatus: 401;
  message: string;
}

/** What the API tells the client. The message names the rule, never a key or the expected value. */
export function toUnauthenticated(error: AuthError): UnauthenticatedDetails {
  return { code: "UNAUTHENTICATED", reason: error.reason, httpStatus: 401, message: error.message };
}

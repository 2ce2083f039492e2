/**
 * Why a token was refused. The reason travels to the client as `extensions.reason` beside the code
 * UNAUTHENTICATED and HTTP 401 (gateway/errors.ts `unauthenticated(message, reason)`).
 */
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
  /** `sub`, `iat` or `exp` absent */
  "MISSING_CLAIM",
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

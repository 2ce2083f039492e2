/**
 * The `WWW-Authenticate` header of a 401 (RFC 9110 §11.6.1): which schemes the gateway accepts and,
 * when a credential was refused, why — `Bearer error="invalid_token"` (RFC 6750 §3.1) or
 * `DPoP error="invalid_token" | "invalid_dpop_proof"` (RFC 9449 §7.1). Clients read the finer
 * reason from `extensions.reason`; the header is what generic HTTP clients understand.
 */
import { type AuthFailureReason, DPOP_PROOF_REASONS } from "./auth-error.ts";
import { DPOP_ALGORITHMS } from "./dpop.ts";

const DPOP = `DPoP algs="${DPOP_ALGORITHMS.join(" ")}"`;

const PROOF_REASONS: ReadonlySet<AuthFailureReason> = new Set(DPOP_PROOF_REASONS);

/** a quoted-string may not hold `"` or `\` unescaped (RFC 9110 §5.6.4) */
const quoted = (text: string) => `"${text.replace(/["\\]/g, "\\$&")}"`;

/**
 * @param scheme the scheme the client used (null: no credential at all)
 */
export function challengeFor(scheme: "Bearer" | "DPoP" | null, reason: AuthFailureReason, message: string): string {
  if (scheme === null || reason === "MISSING_TOKEN") return `Bearer, ${DPOP}`;
  const description = `error_description=${quoted(message)}`;
  if (PROOF_REASONS.has(reason)) return `${DPOP}, error="invalid_dpop_proof", ${description}`;
  // a bound token sent as Bearer: tell the client which scheme it needs
  if (scheme === "DPoP" || reason === "DPOP_BOUND_TOKEN_AS_BEARER") {
    return `${DPOP}, error="invalid_token", ${description}`;
  }
  return `Bearer error="invalid_token", ${description}`;
}

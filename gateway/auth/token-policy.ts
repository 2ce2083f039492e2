/**
 * Token policy: the audience every token must name, the longest each issuer's tokens may live, the signature
 * algorithms accepted. The issuers themselves are the three jurisdictions (schema/common/jurisdiction.ts).
 */
import type { Jurisdiction } from "../../schema/common/jurisdiction.ts";

/** The `aud` every token must carry unless configured otherwise. */
export const DEFAULT_AUDIENCE = "gaozhu-gateway";

/**
 * The longest a token may live (`exp − iat`), per issuer, unless configured otherwise
 * (JWT_MAX_LIFETIME_SECONDS_<ISSUER>). A province's tokens: one day — its adapter mints 15-minute
 * tokens, and a day covers an officer's shift, night shifts included. The committee's: a working day
 * — its tokens can carry the widest rights (dispatch, catalog, pii:read, audit:read). Longer-lived
 * access is a matter of minting again, never of a token that outlives the person's day.
 */
export const DEFAULT_MAX_LIFETIME_SECONDS: Readonly<Record<Jurisdiction, number>> = {
  cq: 86_400,
  sc: 86_400,
  gz: 43_200,
};

/**
 * Signature algorithms the gateway can be configured to accept. Asymmetric only: with a symmetric
 * algorithm (HS*) anyone holding the verification secret could mint tokens, and the gateway holds
 * only public keys, so an HS* token would have to be "verified" with a public — i.e. known — key.
 */
export const SUPPORTED_ALGORITHMS = ["ES256", "ES384", "EdDSA", "Ed25519"] as const;
export type SigningAlgorithm = (typeof SUPPORTED_ALGORITHMS)[number];

export function isSupportedAlgorithm(value: unknown): value is SigningAlgorithm {
  return typeof value === "string" && (SUPPORTED_ALGORITHMS as readonly string[]).includes(value);
}

/**
 * The three token issuers the gateway trusts are the three jurisdictions (schema/common/jurisdiction.ts).
 */
import { isJurisdiction, JURISDICTIONS, type Jurisdiction } from "../../schema/common/jurisdiction.ts";

export const ISSUERS = JURISDICTIONS;
export type Issuer = Jurisdiction;

/** The `aud` every token must carry unless configured otherwise. */
export const DEFAULT_AUDIENCE = "gaozhu-gateway";

export const isIssuer = isJurisdiction;

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

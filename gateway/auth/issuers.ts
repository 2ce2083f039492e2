/**
 * The three token issuers the gateway trusts (glossary: jurisdiction). The names are part of the
 * outside contract: `iss` claims, key file names and `npm run token -- --as <issuer>` use them verbatim.
 */
export const ISSUERS = ["cq", "sc", "gz"] as const;

/** 重庆 `cq` / 四川 `sc` / 高竹新区管委会 `gz` */
export type Issuer = (typeof ISSUERS)[number];

/** The `aud` every token must carry unless configured otherwise. */
export const DEFAULT_AUDIENCE = "gaozhu-gateway";

export function isIssuer(value: unknown): value is Issuer {
  return typeof value === "string" && (ISSUERS as readonly string[]).includes(value);
}

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

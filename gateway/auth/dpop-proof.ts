/**
 * DPoP (RFC 9449), the client side: a key pair whose private half never leaves the process (not
 * extractable), and a proof per request. Used by the adapters and the tests; a browser does the same
 * with WebCrypto (docs/security.md shows the shape).
 */
import { randomUUID } from "node:crypto";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { accessTokenHash } from "./dpop.ts";

export interface DpopKey {
  privateKey: CryptoKey;
  /** what goes into each proof's `jwk` header */
  publicJwk: JWK;
  alg: "ES256" | "EdDSA";
  /** RFC 7638 SHA-256 thumbprint: the `cnf.jkt` a token bound to this key carries */
  thumbprint: string;
}

export async function generateDpopKey(alg: DpopKey["alg"] = "ES256"): Promise<DpopKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: false });
  const publicJwk = await exportJWK(publicKey);
  return { privateKey, publicJwk, alg, thumbprint: await calculateJwkThumbprint(publicJwk, "sha256") };
}

export interface ProofTarget {
  /** the HTTP method, e.g. "POST" */
  method: string;
  /** the URL requested; query and fragment are left out of `htu` */
  url: string;
  /** the DPoP-bound access token sent with the proof */
  accessToken: string;
  /** @default Date.now() — milliseconds since the epoch */
  now?: number;
}

export function signDpopProof(key: DpopKey, target: ProofTarget): Promise<string> {
  const url = new URL(target.url);
  return new SignJWT({
    htm: target.method.toUpperCase(),
    htu: `${url.origin}${url.pathname}`,
    ath: accessTokenHash(target.accessToken),
  })
    .setProtectedHeader({ typ: "dpop+jwt", alg: key.alg, jwk: key.publicJwk })
    .setJti(randomUUID())
    .setIssuedAt(Math.floor((target.now ?? Date.now()) / 1000))
    .sign(key.privateKey);
}

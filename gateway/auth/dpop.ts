/**
 * DPoP proofs (RFC 9449), the server side. A DPoP-bound token carries `cnf.jkt`, the SHA-256
 * thumbprint (RFC 7638) of a public key; each request that uses it carries, in the `DPoP` header, a
 * fresh JWT signed by that key's private half, naming the request (`htm`, `htu`), the moment (`iat`),
 * the token (`ath`) and itself (`jti`). A captured token is useless without the key; a captured
 * proof only repeats the one request it names, within the window, and its `jti` is refused the second
 * time (the authenticator claims it in the replay store).
 *
 * Everything here is checked without I/O; the `jti` claim is the authenticator's.
 */
import { createHash } from "node:crypto";
import { base64url, calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, type JWK, jwtVerify } from "jose";
import { AuthError } from "./auth-error.ts";

/** What a proof may be signed with: ES256 is what a browser's WebCrypto makes; EdDSA (Ed25519) also. */
export const DPOP_ALGORITHMS = ["ES256", "EdDSA"] as const;

/** A proof is a few hundred bytes; anything this long is not one. */
const MAX_PROOF_LENGTH = 4096;
const MAX_JTI_LENGTH = 256;

export interface DpopRequest {
  /** the `DPoP` header as received (null when absent) */
  proof: string | null;
  /** the HTTP method */
  method: string;
  /** the request URL as the gateway received it */
  url: string;
  /** the access token the proof must name in `ath` */
  accessToken: string;
  /** the token's `cnf.jkt`: the proof must be signed by this key */
  boundKey: string;
}

export interface DpopOptions {
  /** `iat` is accepted this many seconds either side of now */
  windowSeconds: number;
  /** the origins clients use (behind a proxy); null → the request URL's own origin */
  publicOrigins: readonly string[] | null;
  /** milliseconds since the epoch */
  now: number;
}

export interface VerifiedProof {
  jti: string;
  /** seconds since the epoch */
  issuedAt: number;
}

/** `ath`: base64url of the SHA-256 of the token's ASCII text (RFC 9449 §4.2) */
export function accessTokenHash(token: string): string {
  return base64url.encode(createHash("sha256").update(token, "ascii").digest());
}

/**
 * The `htu` values that name this request: its origin (or each configured public origin) and its
 * path, without query and fragment. `new URL` normalises case and default ports (RFC 3986 §6.2.2–3).
 */
export function acceptedTargets(requestUrl: string, publicOrigins: readonly string[] | null): string[] {
  const url = new URL(requestUrl);
  return (publicOrigins ?? [url.origin]).map((origin) => `${origin}${url.pathname}`);
}

function normalisedTarget(htu: string): string | null {
  if (!URL.canParse(htu)) return null;
  const url = new URL(htu);
  return `${url.origin}${url.pathname}`;
}

const invalid = (message: string) => new AuthError("DPOP_PROOF_INVALID", message);

export async function verifyDpopProof(request: DpopRequest, options: DpopOptions): Promise<VerifiedProof> {
  const { proof } = request;
  if (proof === null || proof.trim() === "") {
    throw new AuthError("DPOP_PROOF_MISSING", 'A DPoP-bound token needs a "DPoP" proof header on every request');
  }
  // several DPoP headers arrive joined by ", " — a compact JWS has no comma (RFC 9449 §4.3: exactly one)
  if (proof.length > MAX_PROOF_LENGTH || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(proof)) {
    throw invalid("The DPoP header must hold exactly one compact JWS");
  }
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(proof);
  } catch {
    throw invalid("The DPoP proof cannot be decoded");
  }
  if (header.typ !== "dpop+jwt") throw invalid('The DPoP proof\'s "typ" must be "dpop+jwt"');
  if (!(DPOP_ALGORITHMS as readonly unknown[]).includes(header.alg)) {
    throw invalid(`The DPoP proof must be signed with ${DPOP_ALGORITHMS.join(" or ")}`);
  }
  if (header.crit !== undefined) throw invalid('The DPoP proof has a "crit" header this gateway does not understand');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(proof, EmbeddedJWK, {
      typ: "dpop+jwt",
      algorithms: [...DPOP_ALGORITHMS],
      requiredClaims: ["jti", "htm", "htu", "iat"],
      // iat is checked below, against the window (jose checks it only with maxTokenAge)
      currentDate: new Date(options.now),
    }));
  } catch {
    // a private key in `jwk`, a bad signature, a missing claim: all the same to the client
    throw invalid("The DPoP proof does not verify with the public key it carries, or lacks jti, htm, htu or iat");
  }
  const { jti, htm, htu, iat, ath } = payload;
  if (typeof jti !== "string" || jti === "" || jti.length > MAX_JTI_LENGTH) {
    throw invalid(`The DPoP proof's "jti" must be a string of 1 to ${MAX_JTI_LENGTH} characters`);
  }
  if (typeof iat !== "number" || !Number.isFinite(iat)) throw invalid('The DPoP proof\'s "iat" must be a number');

  const thumbprint = await calculateJwkThumbprint(header.jwk as JWK, "sha256");
  if (thumbprint !== request.boundKey) {
    throw new AuthError("DPOP_BINDING_MISMATCH", "The DPoP proof is signed by a key the token is not bound to");
  }
  if (htm !== request.method) {
    throw new AuthError(
      "DPOP_HTM_MISMATCH",
      `The DPoP proof's "htm" must be this request's method (${request.method})`,
    );
  }
  const target = typeof htu === "string" ? normalisedTarget(htu) : null;
  if (target === null || !acceptedTargets(request.url, options.publicOrigins).includes(target)) {
    throw new AuthError("DPOP_HTU_MISMATCH", "The DPoP proof's \"htu\" must be this request's URL (no query)");
  }
  const nowSeconds = options.now / 1000;
  if (Math.abs(iat - nowSeconds) > options.windowSeconds) {
    throw new AuthError(
      "DPOP_PROOF_IAT_OUT_OF_WINDOW",
      `The DPoP proof's "iat" must be within ${options.windowSeconds} s of the gateway's clock (see the Date header)`,
    );
  }
  if (ath !== accessTokenHash(request.accessToken)) {
    throw new AuthError("DPOP_ATH_MISMATCH", 'The DPoP proof\'s "ath" must be the SHA-256 of this access token');
  }
  return { jti, issuedAt: iat };
}

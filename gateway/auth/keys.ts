/**
 * Key files of the issuers, as the demo setup and the adapters keep them:
 *   `<keysDir>/<issuer>.private.jwk.json` — the signing key (a private JWK carrying `kid` and `alg`), mode 0600;
 *   `<keysDir>/<issuer>.jwks.json`        — the public keys the gateway trusts for that issuer.
 * In production the gateway holds only the JWKS files (or URLs); each private key stays with its
 * province's adapter.
 */
import { randomBytes } from "node:crypto";
import { access, mkdir } from "node:fs/promises";
import path from "node:path";
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK } from "jose";
import { JURISDICTIONS, type Jurisdiction } from "../../schema/common/jurisdiction.ts";

/**
 * Who holds a key pair: the three token issuers, and the gateway itself, which signs the short-lived
 * token it sends with every request to a province's subgraph (gateway/federation/subgraph-token.ts).
 */
export type KeyOwner = Jurisdiction | "gateway";

import { readJson, readJwksFile, writeJsonAtomic } from "./jwks-file.ts";
import { isSupportedAlgorithm, type SigningAlgorithm } from "./token-policy.ts";

const PRIVATE_FILE_MODE = 0o600;
const PUBLIC_FILE_MODE = 0o644;

export const privateKeyPath = (keysDir: string, issuer: KeyOwner) => path.join(keysDir, `${issuer}.private.jwk.json`);
export const jwksPath = (keysDir: string, issuer: KeyOwner) => path.join(keysDir, `${issuer}.jwks.json`);

export interface SigningKey {
  key: CryptoKey;
  kid: string;
  alg: SigningAlgorithm;
}

export interface GeneratedKey {
  issuer: KeyOwner;
  kid: string;
  alg: SigningAlgorithm;
}

export interface KeyOptions {
  /** @default "ES256" */
  alg?: SigningAlgorithm;
  /** @default new Date() — only the date part goes into the kid */
  now?: Date;
}

/** `cq-20250601-9f3a1c2e`: readable in logs, sortable by date, unique through the random part. */
function newKid(issuer: KeyOwner, now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  return `${issuer}-${day}-${randomBytes(4).toString("hex")}`;
}

async function newKeyPair(issuer: KeyOwner, options: KeyOptions): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const alg = options.alg ?? "ES256";
  const kid = newKid(issuer, options.now ?? new Date());
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" },
  };
}

/** The public half of a private JWK (EC and OKP keys: everything but `d`). */
function publicPart(privateJwk: JWK): JWK {
  const { d: _secret, key_ops: _ops, ext: _ext, ...rest } = privateJwk;
  return { ...rest, use: "sig" };
}

async function exists(filePath: string): Promise<boolean> {
  return access(filePath).then(
    () => true,
    () => false,
  );
}

/** Creates a fresh key pair for `issuer`, replacing both files. */
export async function generateIssuerKeys(
  keysDir: string,
  issuer: KeyOwner,
  options: KeyOptions = {},
): Promise<GeneratedKey> {
  await mkdir(keysDir, { recursive: true });
  const { privateJwk, publicJwk } = await newKeyPair(issuer, options);
  await writeJsonAtomic(privateKeyPath(keysDir, issuer), privateJwk, PRIVATE_FILE_MODE);
  await writeJsonAtomic(jwksPath(keysDir, issuer), { keys: [publicJwk] } satisfies JSONWebKeySet, PUBLIC_FILE_MODE);
  return { issuer, kid: publicJwk.kid as string, alg: publicJwk.alg as SigningAlgorithm };
}

export type EnsureStatus =
  /** both files were missing and have been created */
  | "created"
  /** both files exist and were left untouched */
  | "kept"
  /** the private key existed, its JWKS was missing and has been derived from it */
  | "jwks-restored"
  /** only the JWKS exists: the gateway can verify but nothing here can sign for this issuer */
  | "public-only";

export interface EnsureResult {
  issuer: Jurisdiction;
  status: EnsureStatus;
  kid?: string;
}

/** Creates what is missing for cq, sc and gz; never overwrites an existing file. */
export async function ensureDemoKeys(keysDir: string, options: KeyOptions = {}): Promise<EnsureResult[]> {
  await mkdir(keysDir, { recursive: true });
  const results: EnsureResult[] = [];
  for (const issuer of JURISDICTIONS) {
    const hasPrivate = await exists(privateKeyPath(keysDir, issuer));
    const hasJwks = await exists(jwksPath(keysDir, issuer));
    if (!hasPrivate && !hasJwks) {
      const { kid } = await generateIssuerKeys(keysDir, issuer, options);
      results.push({ issuer, status: "created", kid });
    } else if (hasPrivate && !hasJwks) {
      const privateJwk = await readPrivateJwk(keysDir, issuer);
      await writeJsonAtomic(jwksPath(keysDir, issuer), { keys: [publicPart(privateJwk)] }, PUBLIC_FILE_MODE);
      results.push({ issuer, status: "jwks-restored", kid: privateJwk.kid as string });
    } else if (hasPrivate) {
      results.push({ issuer, status: "kept", kid: (await readPrivateJwk(keysDir, issuer)).kid as string });
    } else {
      results.push({ issuer, status: "public-only" });
    }
  }
  return results;
}

/**
 * The gateway's own key pair (`gateway.private.jwk.json`, `gateway.jwks.json`): created when missing,
 * never overwritten. Each province's platform is given `gateway.jwks.json` to check the gateway's
 * tokens (docs/federation.md).
 */
export async function ensureGatewayKey(
  keysDir: string,
  options: KeyOptions = {},
): Promise<{ kid: string; created: boolean }> {
  if (await exists(privateKeyPath(keysDir, "gateway"))) {
    if (!(await exists(jwksPath(keysDir, "gateway")))) {
      const privateJwk = await readPrivateJwk(keysDir, "gateway");
      await writeJsonAtomic(jwksPath(keysDir, "gateway"), { keys: [publicPart(privateJwk)] }, PUBLIC_FILE_MODE);
    }
    return { kid: (await readPrivateJwk(keysDir, "gateway")).kid as string, created: false };
  }
  const { kid } = await generateIssuerKeys(keysDir, "gateway", options);
  return { kid, created: true };
}

/**
 * Rotation without downtime: the new public key is appended to the JWKS (tokens signed with the
 * old key keep verifying until they expire) and the private key is replaced, so new tokens use the
 * new `kid`. Retire the old public key later with `retireIssuerKey`.
 */
export async function rotateIssuerKey(
  keysDir: string,
  issuer: KeyOwner,
  options: KeyOptions = {},
): Promise<GeneratedKey> {
  const current = await readPrivateJwk(keysDir, issuer);
  const jwks = await readJwksFile(jwksPath(keysDir, issuer));
  const alg = options.alg ?? (isSupportedAlgorithm(current.alg) ? current.alg : "ES256");
  const { privateJwk, publicJwk } = await newKeyPair(issuer, { ...options, alg });
  // JWKS first: a token signed with the new key must never reach a gateway that cannot verify it.
  await writeJsonAtomic(jwksPath(keysDir, issuer), { keys: [...jwks.keys, publicJwk] }, PUBLIC_FILE_MODE);
  await writeJsonAtomic(privateKeyPath(keysDir, issuer), privateJwk, PRIVATE_FILE_MODE);
  return { issuer, kid: publicJwk.kid as string, alg };
}

/** Removes an old public key from the JWKS: tokens signed with it are refused from then on. */
export async function retireIssuerKey(keysDir: string, issuer: KeyOwner, kid: string): Promise<{ removed: boolean }> {
  if ((await exists(privateKeyPath(keysDir, issuer))) && (await readPrivateJwk(keysDir, issuer)).kid === kid) {
    throw new Error(`${kid} is ${issuer}'s current signing key; rotate first, then retire the old key`);
  }
  const jwks = await readJwksFile(jwksPath(keysDir, issuer));
  const keys = jwks.keys.filter((key) => key.kid !== kid);
  if (keys.length === jwks.keys.length) return { removed: false };
  await writeJsonAtomic(jwksPath(keysDir, issuer), { keys }, PUBLIC_FILE_MODE);
  return { removed: true };
}

async function readPrivateJwk(keysDir: string, issuer: KeyOwner): Promise<JWK> {
  const filePath = privateKeyPath(keysDir, issuer);
  const jwk = (await readJson(filePath)) as JWK | null;
  if (typeof jwk !== "object" || jwk === null || typeof jwk.d !== "string") {
    throw new Error(`${filePath}: not a private JWK`);
  }
  if (typeof jwk.kid !== "string" || !jwk.kid) throw new Error(`${filePath}: the private JWK has no "kid"`);
  if (!isSupportedAlgorithm(jwk.alg)) throw new Error(`${filePath}: "alg" must be one of ES256, ES384, EdDSA, Ed25519`);
  return jwk;
}

/** The issuer's current signing key, ready for `signToken`. */
export async function loadPrivateKey(keysDir: string, issuer: KeyOwner): Promise<SigningKey> {
  const jwk = await readPrivateJwk(keysDir, issuer);
  const alg = jwk.alg as SigningAlgorithm;
  const key = await importJWK(jwk, alg);
  if (key instanceof Uint8Array) throw new Error(`${privateKeyPath(keysDir, issuer)}: symmetric keys are not allowed`);
  return { key, kid: jwk.kid as string, alg };
}

/** The issuer's public JWKS as stored (for tests and tools; the gateway reads it via the trust registry). */
export async function loadPublicJwks(keysDir: string, issuer: KeyOwner): Promise<JSONWebKeySet> {
  return readJwksFile(jwksPath(keysDir, issuer));
}

/**
 * Key-making helpers for the auth tests: demo keys for cq, sc, gz in a temporary directory, a trust
 * registry over them, and ways to sign honest tokens or forge dishonest ones.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { base64url, type JWTPayload, SignJWT } from "jose";
import { generateIssuerKeys, jwksPath, loadPrivateKey, type SigningKey } from "../../gateway/auth/keys.ts";
import { DEFAULT_AUDIENCE, type SigningAlgorithm } from "../../gateway/auth/token-policy.ts";
import { createTrustRegistry, type TrustRegistry, type WarnLogger } from "../../gateway/auth/trust-registry.ts";
import { JURISDICTIONS, type Jurisdiction } from "../../schema/common/jurisdiction.ts";

export async function makeTempDir(prefix = "gaozhu-keys-"): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface TestKeys {
  dir: string;
  registry: TrustRegistry;
  /** each issuer's current signing key, as `npm run token` would load it */
  signingKey(issuer: Jurisdiction): Promise<SigningKey>;
  /** the claims an honest token of `issuer` carries, overridable (an `undefined` value removes a claim) */
  claims(issuer: Jurisdiction, overrides?: Record<string, unknown>): JWTPayload;
  /** signs `payload` with `signer`'s current key; header fields overridable (`kid: undefined` drops it) */
  sign(signer: Jurisdiction, payload: JWTPayload, header?: Record<string, unknown>): Promise<string>;
  /** an honest token of `issuer` with optional claim overrides */
  token(issuer: Jurisdiction, overrides?: Record<string, unknown>): Promise<string>;
  cleanup(): Promise<void>;
}

export interface TestKeysOptions {
  algorithms?: Partial<Record<Jurisdiction, SigningAlgorithm>>;
  logger?: WarnLogger;
  /** clock of the claims made by `claims()`; @default Date.now */
  now?: () => number;
}

export async function createTestKeys(options: TestKeysOptions = {}): Promise<TestKeys> {
  const { dir, cleanup } = await makeTempDir();
  const now = options.now ?? Date.now;
  for (const issuer of JURISDICTIONS)
    await generateIssuerKeys(dir, issuer, { alg: options.algorithms?.[issuer] ?? "ES256" });
  // the gateway's own key: it signs its calls to the provinces' subgraphs (docs/federation.md)
  await generateIssuerKeys(dir, "gateway");
  const registry = await createTrustRegistry({
    issuers: JURISDICTIONS.map((issuer) => ({
      issuer,
      jwks: jwksPath(dir, issuer),
      algorithms: [options.algorithms?.[issuer] ?? "ES256"],
    })),
    logger: options.logger ?? { warn() {} },
    pollIntervalMs: 60_000,
  });

  const claims = (issuer: Jurisdiction, overrides: Record<string, unknown> = {}): JWTPayload => {
    const iat = Math.floor(now() / 1000);
    const base: Record<string, unknown> = {
      iss: issuer,
      aud: DEFAULT_AUDIENCE,
      sub: `${issuer}-test`,
      iat,
      nbf: iat,
      exp: iat + 900,
      jti: randomUUID(),
    };
    return withoutUndefined({ ...base, ...overrides });
  };
  const sign = async (signer: Jurisdiction, payload: JWTPayload, header: Record<string, unknown> = {}) => {
    const { key, kid, alg } = await loadPrivateKey(dir, signer);
    const protectedHeader = withoutUndefined({ alg, kid, typ: "JWT", ...header }) as { alg: string };
    return new SignJWT(payload).setProtectedHeader(protectedHeader).sign(key);
  };
  return {
    dir,
    registry,
    signingKey: (issuer) => loadPrivateKey(dir, issuer),
    claims,
    sign,
    token: (issuer, overrides) => sign(issuer, claims(issuer, overrides)),
    async cleanup() {
      registry.close();
      await cleanup();
    },
  };
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const encodeJson = (value: unknown) => base64url.encode(JSON.stringify(value));

/** A compact JWS with arbitrary header and payload and the given (possibly empty) signature. */
export function rawToken(header: unknown, payload: unknown, signature = ""): string {
  return `${encodeJson(header)}.${encodeJson(payload)}.${signature}`;
}

/** Replaces the payload of a signed token, keeping its header and signature. */
export function withPayload(token: string, payload: unknown): string {
  const [header, , signature] = token.split(".");
  return `${header}.${encodeJson(payload)}.${signature}`;
}

export function decodePart<T = Record<string, unknown>>(token: string, index: 0 | 1): T {
  return JSON.parse(new TextDecoder().decode(base64url.decode(token.split(".")[index] as string))) as T;
}

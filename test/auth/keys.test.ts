/** Demo key files: created once, never overwritten, private keys readable by the owner only. */
import { readFile, rm, stat } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ensureDemoKeys,
  jwksPath,
  loadPrivateKey,
  loadPublicJwks,
  privateKeyPath,
  rotateIssuerKey,
} from "../../gateway/auth/keys.ts";
import { makeTempDir } from "../support/keys.ts";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
});
afterEach(() => cleanup());

describe("demo keys", () => {
  it("creates a key pair per issuer: private JWK with kid and alg (0600), public JWKS", async () => {
    const results = await ensureDemoKeys(dir);
    expect(results.map((result) => [result.issuer, result.status])).toEqual([
      ["cq", "created"],
      ["sc", "created"],
      ["gz", "created"],
    ]);
    const privateJwk = JSON.parse(await readFile(privateKeyPath(dir, "cq"), "utf8"));
    expect(privateJwk).toMatchObject({
      kty: "EC",
      crv: "P-256",
      alg: "ES256",
      kid: results[0]?.kid,
      d: expect.any(String),
    });
    expect((await stat(privateKeyPath(dir, "cq"))).mode & 0o777).toBe(0o600);
    const jwks = await loadPublicJwks(dir, "cq");
    expect(jwks.keys).toEqual([expect.objectContaining({ kid: results[0]?.kid, alg: "ES256", use: "sig" })]);
    expect(jwks.keys[0]).not.toHaveProperty("d");
  });

  it("never overwrites existing keys, and restores a missing JWKS from the private key", async () => {
    const first = await ensureDemoKeys(dir);
    await rm(jwksPath(dir, "sc"));
    const second = await ensureDemoKeys(dir);
    expect(second.map((result) => result.status)).toEqual(["kept", "jwks-restored", "kept"]);
    expect(second.map((result) => result.kid)).toEqual(first.map((result) => result.kid));
    expect((await loadPublicJwks(dir, "sc")).keys[0]?.kid).toBe(first[1]?.kid);
  });

  it("reports an issuer with only a JWKS as public-only and creates nothing for it", async () => {
    await ensureDemoKeys(dir);
    await rm(privateKeyPath(dir, "gz"));
    expect((await ensureDemoKeys(dir))[2]).toEqual({ issuer: "gz", status: "public-only" });
    await expect(stat(privateKeyPath(dir, "gz"))).rejects.toThrow();
  });

  it("rotates: the JWKS keeps the old public key and gains the new one; signing uses the new kid", async () => {
    const [cq] = await ensureDemoKeys(dir);
    const rotated = await rotateIssuerKey(dir, "cq");
    expect((await loadPublicJwks(dir, "cq")).keys.map((key) => key.kid)).toEqual([cq?.kid, rotated.kid]);
    expect((await loadPrivateKey(dir, "cq")).kid).toBe(rotated.kid);
    expect((await stat(privateKeyPath(dir, "cq"))).mode & 0o777).toBe(0o600);
  });
});

/** Keys rotate without downtime: both kids verify after a rotation, a retired key stops at once. */
import { readFile, writeFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { jwksPath, retireIssuerKey, rotateIssuerKey } from "../../gateway/auth/keys.ts";
import { createTrustRegistry } from "../../gateway/auth/trust-registry.ts";
import { AuthError, createTokenVerifier, type TokenVerifier } from "../../gateway/auth/verify-token.ts";
import { createTestKeys, type TestKeys } from "../support/keys.ts";

let keys: TestKeys;
let verifier: TokenVerifier;

beforeEach(async () => {
  keys = await createTestKeys();
  verifier = createTokenVerifier({ registry: keys.registry });
});
afterEach(() => keys.cleanup());

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ACCEPTED",
    (error: unknown) => (error instanceof AuthError ? error.reason : `unexpected: ${String(error)}`),
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("key rotation", () => {
  it("accepts tokens of the old and the new kid after a rotation", async () => {
    const oldToken = await keys.token("cq");
    const { kid } = await rotateIssuerKey(keys.dir, "cq");
    await keys.registry.checkNow();
    const newToken = await keys.token("cq");
    expect((await keys.signingKey("cq")).kid).toBe(kid);
    await expect(verifier.verify(newToken)).resolves.toMatchObject({ issuer: "cq", keyId: kid });
    await expect(verifier.verify(oldToken)).resolves.toMatchObject({ issuer: "cq" });
  });

  it("picks up a new kid when a token names it, without waiting for the periodic check", async () => {
    await sleep(1100); // unknown kids re-read the file at most once a second
    await rotateIssuerKey(keys.dir, "sc");
    await expect(verifier.verify(await keys.token("sc"))).resolves.toMatchObject({ issuer: "sc" });
  });

  it("refuses a token of a retired key, even one verified (and cached) before", async () => {
    const oldToken = await keys.token("cq");
    const oldKid = (await keys.signingKey("cq")).kid;
    await verifier.verify(oldToken);
    await rotateIssuerKey(keys.dir, "cq");
    await retireIssuerKey(keys.dir, "cq", oldKid);
    await keys.registry.checkNow();
    expect(await reasonOf(verifier.verify(oldToken))).toBe("UNKNOWN_KEY");
    await expect(verifier.verify(await keys.token("cq"))).resolves.toBeTruthy();
  });

  it("refuses to retire the current signing key", async () => {
    const { kid } = await keys.signingKey("gz");
    await expect(retireIssuerKey(keys.dir, "gz", kid)).rejects.toThrow(/current signing key/);
  });

  it("notices a JWKS file edited in place on its periodic check", async () => {
    const registry = await createTrustRegistry({
      issuers: [{ issuer: "gz", jwks: jwksPath(keys.dir, "gz"), algorithms: ["ES256"] }],
      pollIntervalMs: 20,
      logger: { warn() {} },
    });
    try {
      const polling = createTokenVerifier({ registry });
      const token = await keys.token("gz");
      await polling.verify(token);
      await writeFile(jwksPath(keys.dir, "gz"), JSON.stringify({ keys: [] }));
      await expect.poll(() => reasonOf(polling.verify(token)), { timeout: 2000 }).toBe("UNKNOWN_KEY");
    } finally {
      registry.close();
    }
  });

  it("keeps the last good keys, and warns, when the JWKS file becomes unreadable", async () => {
    const warnings: string[] = [];
    const registry = await createTrustRegistry({
      issuers: [{ issuer: "cq", jwks: jwksPath(keys.dir, "cq"), algorithms: ["ES256"] }],
      logger: { warn: (message) => warnings.push(message) },
    });
    try {
      const strictVerifier = createTokenVerifier({ registry, cacheSize: 0 });
      const good = await readFile(jwksPath(keys.dir, "cq"), "utf8");
      await writeFile(jwksPath(keys.dir, "cq"), `${good.slice(0, 40)}`);
      await registry.checkNow();
      await registry.checkNow();
      await expect(strictVerifier.verify(await keys.token("cq"))).resolves.toBeTruthy();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/could not be re-read, keeping the previous keys/);
    } finally {
      registry.close();
    }
  });
});

/**
 * `npm run token`: with `--dpop-jwk` a token bound to the public key given (inline or as a file), as
 * `cnf.jkt` — a private key is refused, so that it never ends up in a shell history; `--ttl` within
 * the gateway's default lifetime cap.
 */
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { calculateJwkThumbprint, decodeJwt, exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../support/keys.ts";

const run = promisify(execFile);
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await makeTempDir());
});
afterAll(() => cleanup());

const token = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", "scripts/token.ts", "--as", "gz", ...args], {
    env: { ...process.env, KEYS_DIR: dir },
  });

describe("npm run token", () => {
  it("binds the token to the public key, given inline or as a file", async () => {
    const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const file = path.join(dir, "console.public.jwk.json");
    await writeFile(file, JSON.stringify(publicJwk));
    const expected = await calculateJwkThumbprint(publicJwk, "sha256");
    for (const source of [JSON.stringify(publicJwk), file]) {
      const { stdout, stderr } = await token("--dpop-jwk", source);
      const claims = decodeJwt(stdout.trim().split("\n").at(-1)!);
      expect(claims.cnf).toEqual({ jkt: expected });
      expect(stderr).toMatch(/DPoP-bound/);
    }
    const refused = await token("--dpop-jwk", JSON.stringify(await exportJWK(privateKey))).catch((e) => e);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/PUBLIC key/);
  }, 30_000);

  it("refuses a --ttl beyond what the gateway accepts by default for the issuer", async () => {
    const refused = await token("--ttl", "13h").catch((e) => e);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/at most 12h for gz/);
  }, 30_000);
});

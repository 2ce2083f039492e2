/**
 * Reading and writing the key files. Writes are atomic (temporary file + rename) so that a gateway
 * watching a JWKS file never reads half of one while `npm run keys -- --rotate` rewrites it.
 */
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import type { JSONWebKeySet, JWK } from "jose";

/** Members that only a private or a symmetric key has: a trusted JWKS must never carry them. */
const SECRET_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "k", "priv"] as const;

/**
 * Checks that `value` is a JWKS of public signature keys. Throws with `source` in the message,
 * because the caller is an operator looking at a configuration file.
 */
export function parsePublicJwks(value: unknown, source: string): JSONWebKeySet {
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new Error(`${source}: not a JWKS (expected {"keys": [...]})`);
  keys.forEach((key: unknown, index) => {
    if (typeof key !== "object" || key === null) throw new Error(`${source}: keys[${index}] is not an object`);
    const jwk = key as JWK;
    if (jwk.kty === "oct") throw new Error(`${source}: keys[${index}] is a symmetric key (kty "oct"), refused`);
    const secret = SECRET_MEMBERS.find((member) => member in jwk);
    if (secret) throw new Error(`${source}: keys[${index}] contains private key material ("${secret}"), refused`);
    if (jwk.use !== undefined && jwk.use !== "sig") throw new Error(`${source}: keys[${index}] has use "${jwk.use}"`);
  });
  return { keys: keys as JWK[] };
}

export async function readJson(filePath: string): Promise<unknown> {
  const text = await readFile(filePath, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${filePath}: invalid JSON (${(error as Error).message})`);
  }
}

export async function readJwksFile(filePath: string): Promise<JSONWebKeySet> {
  return parsePublicJwks(await readJson(filePath), filePath);
}

export async function writeJsonAtomic(filePath: string, value: unknown, mode: number): Promise<void> {
  const temporary = `${filePath}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode, flag: "wx" });
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * An issuer's JWKS kept in a file. Read at start (a missing or invalid file stops the start), then
 * checked for changes on a timer by the registry (stat: mtime, size, inode — `fs.watch` misses
 * atomic renames on some platforms, a stat every few seconds does not) and at once when a token
 * names a `kid` that is not there yet. A broken file after a change keeps the last good keys and
 * logs a warning.
 */
import { stat } from "node:fs/promises";
import { createLocalJWKSet, errors, type JSONWebKeySet } from "jose";
import { readJwksFile } from "./jwks-file.ts";
import { type KeySource, kidsOf, onceLogger, type WarnLogger } from "./key-source.ts";

/** a token with an unknown kid triggers at most one re-read per this many ms */
const MISS_RECHECK_MS = 1000;

export async function createFileKeySource(filePath: string, logger: WarnLogger): Promise<KeySource> {
  const warnings = onceLogger(logger);
  let fingerprint = await fileFingerprint(filePath);
  let jwks: JSONWebKeySet = await readJwksFile(filePath);
  let local = createLocalJWKSet(jwks);
  let content = JSON.stringify(jwks.keys);
  let version = 1;
  let lastRefreshAt = Date.now();
  let lastCheckAt = lastRefreshAt;
  let pending: Promise<void> | null = null;

  async function reload(): Promise<void> {
    lastCheckAt = Date.now();
    try {
      const current = await fileFingerprint(filePath);
      if (current === fingerprint) return;
      const next = await readJwksFile(filePath);
      fingerprint = current;
      lastRefreshAt = Date.now();
      warnings.clear();
      const nextContent = JSON.stringify(next.keys);
      if (nextContent === content) return;
      jwks = next;
      local = createLocalJWKSet(next);
      content = nextContent;
      version += 1;
    } catch (error) {
      warnings.warn(`JWKS ${filePath} could not be re-read, keeping the previous keys: ${(error as Error).message}`);
    }
  }

  function check(): Promise<void> {
    pending ??= reload().finally(() => {
      pending = null;
    });
    return pending;
  }

  return {
    async resolve(header, token) {
      try {
        return await local(header, token);
      } catch (error) {
        if (!(error instanceof errors.JWKSNoMatchingKey) || Date.now() - lastCheckAt < MISS_RECHECK_MS) throw error;
        await check();
        return local(header, token);
      }
    },
    version: () => version,
    check,
    status: () => ({ source: filePath, kind: "file", kids: kidsOf(jwks.keys), lastRefreshAt, stale: false }),
  };
}

async function fileFingerprint(filePath: string): Promise<string> {
  const info = await stat(filePath);
  return `${info.ino}:${info.size}:${info.mtimeMs}`;
}

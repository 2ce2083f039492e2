/**
 * Commit–reveal of the 双随机 seed (一公开): before the draw the committee publishes
 * `seedHash = SHA-256(seed bytes)`; after the draw it reveals the seed and anyone checks the hash.
 * Publishing the hash first stops the committee from choosing a seed after seeing which enterprises
 * it would select.
 *
 * A seed is 32 random bytes written as 64 lowercase hex characters, made by the caller
 * (`randomBytes(32).toString("hex")`): the rules stay pure. The hash is over the 32 decoded bytes,
 * not over the 64 ASCII characters.
 */
import { createHash, timingSafeEqual } from "node:crypto";

const SEED_PATTERN = /^[0-9a-f]{64}$/;

export const isDrawSeed = (seed: string): boolean => SEED_PATTERN.test(seed);

/** @throws RangeError when `seed` is not 64 lowercase hex characters (a programming error). */
export function seedBytes(seed: string): Buffer {
  if (!isDrawSeed(seed)) throw new RangeError("a draw seed is 32 bytes written as 64 lowercase hex characters");
  return Buffer.from(seed, "hex");
}

/** SHA-256 of the seed's 32 bytes, lowercase hex: what is published before the draw. */
export function commitSeed(seed: string): string {
  return createHash("sha256").update(seedBytes(seed)).digest("hex");
}

/** Does the revealed `seed` match the published `seedHash`? A malformed seed or hash is simply false. */
export function verifySeed(seed: string, seedHash: string): boolean {
  if (!isDrawSeed(seed) || !SEED_PATTERN.test(seedHash)) return false;
  return timingSafeEqual(Buffer.from(commitSeed(seed), "hex"), Buffer.from(seedHash, "hex"));
}

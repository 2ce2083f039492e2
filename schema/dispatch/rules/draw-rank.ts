/**
 * The random order of a draw, recomputable in a few lines in any language:
 *
 *   rank(seed, id) = SHA-256( seed bytes (32) ‖ UTF-8 bytes of id )
 *
 * compared as 32-byte unsigned big-endian numbers, smaller first; equal ranks (never seen in practice)
 * fall back to the id itself. The first 6 bytes read as an integer (< 2^48, exact in a double) decide
 * almost every comparison without keeping the digests, which keeps a 1,000,000-candidate draw to one
 * hash per candidate. Used by the enterprise draw (id = USCC) and by team forming (id = certificate
 * number, seed = the team seed).
 */
import { hash } from "node:crypto";
import { MAX_ONE_BLOCK_BYTES, sha256OneBlock } from "./sha256-block.ts";

export function rankDigest(seed: Buffer, id: string): Buffer {
  return hash("sha256", Buffer.concat([seed, Buffer.from(id, "utf8")]), "buffer");
}

export interface Ranker {
  /** the first 6 bytes of the rank as an integer */
  rank48: (id: string) => number;
  digest: (id: string) => Buffer;
}

/**
 * A ranker for one seed. Short ASCII ids (a USCC: 32 + 18 = 50 bytes) are hashed in one block by
 * sha256-block.ts; anything else goes through node:crypto.
 */
export function ranker(seed: Buffer): Ranker {
  const block = new Uint8Array(64);
  block.set(seed.subarray(0, Math.min(seed.length, 64)));
  const state = new Uint32Array(8);
  const digest = (id: string): Buffer => rankDigest(seed, id);
  const rank48 = (id: string): number => {
    const length = seed.length + id.length;
    if (length <= MAX_ONE_BLOCK_BYTES) {
      let ascii = true;
      for (let i = 0; i < id.length && ascii; i++) {
        const code = id.charCodeAt(i);
        block[seed.length + i] = code;
        ascii = code < 0x80;
      }
      if (ascii) {
        sha256OneBlock(block, length, state);
        return state[0]! * 0x10000 + (state[1]! >>> 16);
      }
    }
    return digest(id).readUIntBE(0, 6);
  };
  return { rank48, digest };
}

/** Orders ids by rank (full digest, then the id in code-point order). */
export function compareByRank(seed: Buffer): (a: string, b: string) => number {
  return (a, b) => Buffer.compare(rankDigest(seed, a), rankDigest(seed, b)) || (a < b ? -1 : a > b ? 1 : 0);
}

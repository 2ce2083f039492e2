/**
 * Replay protection for mutations: a token's `jti` may be claimed once. Queries do not claim (a
 * token is reused for reads until it expires); every mutation request claims its token's `jti`
 * before it writes anything, and a `false` answer means TOKEN_REPLAYED. So whoever sends
 * mutations mints one token per request.
 *
 * An entry is kept until the token can no longer be accepted: its `exp` plus `toleranceSeconds`,
 * which must be at least the verifier's clock tolerance (otherwise a token in its grace period
 * could be replayed once its entry is gone).
 */
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

export interface ReplayGuard {
  /**
   * Records the first use of `jti` from `issuer`. `expiresAt` is the token's `exp` (seconds since
   * the epoch). Resolves true on first use, false when seen before; rejects when the store is
   * unavailable (callers refuse the mutation: fail closed).
   */
  claim(jti: string, issuer: string, expiresAt: number): Promise<boolean>;
  close?(): Promise<void>;
}

interface GuardTiming {
  /** @default 60 */
  toleranceSeconds?: number;
  /** @default Date.now — milliseconds since the epoch */
  now?: () => number;
}

const keepUntilMs = (expiresAt: number, toleranceSeconds: number) => (expiresAt + toleranceSeconds) * 1000;

export interface MemoryReplayGuardOptions extends GuardTiming {
  /** @default 100_000 */
  maxEntries?: number;
  /** expired entries are swept every this many claims, and whenever the guard is full; @default 1024 */
  sweepEvery?: number;
}

/**
 * In-process guard for a single gateway (several replicas need the Redis guard). Bounded: when
 * full of unexpired entries, the oldest claim is forgotten — trading a replay window on the oldest
 * token for availability; size maxEntries above the number of mutations expected within one
 * token lifetime.
 */
export function createMemoryReplayGuard(options: MemoryReplayGuardOptions = {}): ReplayGuard & { size(): number } {
  const now = options.now ?? Date.now;
  const tolerance = options.toleranceSeconds ?? 60;
  const maxEntries = options.maxEntries ?? 100_000;
  const sweepEvery = options.sweepEvery ?? 1024;
  const seen = new Map<string, number>(); // `${issuer} ${jti}` → keep until (ms); insertion order = claim order
  let claimsSinceSweep = 0;

  const sweep = (at: number) => {
    for (const [key, until] of seen) if (until <= at) seen.delete(key);
    claimsSinceSweep = 0;
  };

  return {
    async claim(jti, issuer, expiresAt) {
      const at = now();
      const key = `${issuer} ${jti}`;
      const until = seen.get(key);
      if (until !== undefined && until > at) return false;
      if (++claimsSinceSweep >= sweepEvery || seen.size >= maxEntries) sweep(at);
      while (seen.size >= maxEntries) seen.delete(seen.keys().next().value as string);
      seen.delete(key);
      seen.set(key, keepUntilMs(expiresAt, tolerance));
      return true;
    },
    async close() {
      seen.clear();
    },
    size: () => seen.size,
  };
}

export interface RedisReplayGuardOptions extends GuardTiming {
  /** e.g. the gateway's REDIS_PREFIX plus "jti:"; @default "gz:jti:" */
  keyPrefix?: string;
  /** how long a claim waits for a connection that is not ready yet (just started, reconnecting); @default 1500 */
  connectWaitMs?: number;
}

/**
 * Shared by all gateway replicas: `SET key 1 PX ttl NX` succeeds for the first claim only. The client
 * runs without an offline queue (a claim must not wait behind a dead connection), so a claim first
 * waits, bounded, for a connection still being made: a gateway just started, or Redis just back,
 * would otherwise refuse its first mutations.
 */
export function createRedisReplayGuard(redis: Redis, options: RedisReplayGuardOptions = {}): ReplayGuard {
  const now = options.now ?? Date.now;
  const tolerance = options.toleranceSeconds ?? 60;
  const prefix = options.keyPrefix ?? "gz:jti:";
  const connectWaitMs = options.connectWaitMs ?? 1500;
  return {
    async claim(jti, issuer, expiresAt) {
      await ready(redis, connectWaitMs);
      const ttlMs = Math.max(1000, Math.ceil(keepUntilMs(expiresAt, tolerance) - now()));
      const result = await redis.set(replayKey(prefix, issuer, jti), "1", "PX", ttlMs, "NX");
      return result === "OK";
    },
  };
}

/** resolves when the client is ready, or after `waitMs` (then the command fails: fail closed) */
function ready(redis: Redis, waitMs: number): Promise<void> {
  if (redis.status === "ready") return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off("ready", done);
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    redis.once("ready", done);
  });
}

/** Long `jti`s are hashed so that a key stays short whatever an issuer puts in the claim. */
export function replayKey(prefix: string, issuer: string, jti: string): string {
  const id = jti.length <= 128 ? jti : `sha256:${createHash("sha256").update(jti).digest("hex")}`;
  return `${prefix}${issuer}:${id}`;
}

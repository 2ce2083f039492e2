/**
 * Rate limits for what callers without a token may do (the 执法码 check, issue 7 §4): a fixed number of
 * calls per client address per minute. With Redis the count is shared by every replica (a client cannot
 * multiply its allowance by hitting several); without, per process. rate-limiter-flexible does the
 * counting (atomic in Redis, insurance to memory when Redis is down, so the check keeps answering).
 */
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

export interface RateLimiter {
  /** true when the call is within the limit (and counts it) */
  allow(key: string): Promise<boolean>;
}

export function createRateLimiter(options: { pointsPerMinute: number; keyPrefix: string; redis?: Redis }): RateLimiter {
  const base = { points: options.pointsPerMinute, duration: 60, keyPrefix: options.keyPrefix };
  const memory = new RateLimiterMemory(base);
  const limiter = options.redis
    ? new RateLimiterRedis({ ...base, storeClient: options.redis, useRedisPackage: false, insuranceLimiter: memory })
    : memory;
  return {
    async allow(key) {
      try {
        await limiter.consume(key || "unknown");
        return true;
      } catch (error) {
        if (error instanceof RateLimiterRes) return false;
        throw error;
      }
    },
  };
}

/** A jti claimed once per issuer; claims expire with the token. */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryReplayGuard, createRedisReplayGuard, replayKey } from "../../gateway/auth/replay-guard.ts";

const START = Date.UTC(2025, 5, 1);
const seconds = (ms: number) => Math.floor(ms / 1000);

describe("in-memory replay guard", () => {
  it("accepts the first claim of a jti and refuses the second", async () => {
    const guard = createMemoryReplayGuard({ now: () => START });
    const exp = seconds(START) + 900;
    expect(await guard.claim("j-1", "cq", exp)).toBe(true);
    expect(await guard.claim("j-1", "cq", exp)).toBe(false);
  });

  it("keeps issuers apart: the same jti from cq and sc are two tokens", async () => {
    const guard = createMemoryReplayGuard({ now: () => START });
    const exp = seconds(START) + 900;
    expect(await guard.claim("shared", "cq", exp)).toBe(true);
    expect(await guard.claim("shared", "sc", exp)).toBe(true);
    expect(await guard.claim("shared", "sc", exp)).toBe(false);
  });

  it("remembers a jti until exp plus the tolerance, then sweeps it", async () => {
    let clock = START;
    const guard = createMemoryReplayGuard({ now: () => clock, toleranceSeconds: 30, sweepEvery: 1 });
    const exp = seconds(START) + 60;
    await guard.claim("j-1", "gz", exp);
    clock = START + 89_000; // expired, but still inside the verifier's leeway: a replay must still fail
    expect(await guard.claim("j-1", "gz", exp)).toBe(false);
    clock = START + 91_000;
    await guard.claim("other", "gz", seconds(clock) + 60); // triggers the sweep
    expect(guard.size()).toBe(1);
    expect(await guard.claim("j-1", "gz", exp)).toBe(true);
  });

  it("stays within maxEntries, forgetting the oldest claim first", async () => {
    const guard = createMemoryReplayGuard({ now: () => START, maxEntries: 3 });
    const exp = seconds(START) + 900;
    for (const jti of ["a", "b", "c", "d"]) await guard.claim(jti, "cq", exp);
    expect(guard.size()).toBe(3);
    expect(await guard.claim("d", "cq", exp)).toBe(false);
    expect(await guard.claim("a", "cq", exp)).toBe(true);
  });
});

describe("replay keys", () => {
  it("hash jtis too long to be keys", () => {
    expect(replayKey("p:", "cq", "abc")).toBe("p:cq:abc");
    expect(replayKey("p:", "cq", "x".repeat(500))).toMatch(/^p:cq:sha256:[0-9a-f]{64}$/);
  });
});

describe.skipIf(!process.env.REDIS_URL)("Redis replay guard (REDIS_URL)", () => {
  const prefix = `test:jti:${randomUUID()}:`;
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL as string, { lazyConnect: false, maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it("accepts the first claim only, per issuer", async () => {
    const guard = createRedisReplayGuard(redis, { keyPrefix: prefix });
    const exp = seconds(Date.now()) + 900;
    expect(await guard.claim("j-1", "cq", exp)).toBe(true);
    expect(await guard.claim("j-1", "cq", exp)).toBe(false);
    expect(await guard.claim("j-1", "sc", exp)).toBe(true);
  });

  it("sets a TTL up to the token's expiry plus the tolerance, at least one second", async () => {
    const guard = createRedisReplayGuard(redis, { keyPrefix: prefix, toleranceSeconds: 60 });
    const now = seconds(Date.now());
    await guard.claim("ttl", "gz", now + 900);
    const ttl = await redis.pttl(`${prefix}gz:ttl`);
    expect(ttl).toBeGreaterThan(950_000);
    expect(ttl).toBeLessThanOrEqual(961_000);
    await guard.claim("past", "gz", now - 3600);
    expect(await redis.pttl(`${prefix}gz:past`)).toBeGreaterThan(0);
  });

  it("lets a jti be claimed again once its key has expired", async () => {
    const guard = createRedisReplayGuard(redis, { keyPrefix: prefix, toleranceSeconds: 0 });
    await guard.claim("short", "cq", seconds(Date.now()) - 10); // minimum TTL: 1 s
    expect(await guard.claim("short", "cq", seconds(Date.now()) + 60)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await guard.claim("short", "cq", seconds(Date.now()) + 60)).toBe(true);
  });
});

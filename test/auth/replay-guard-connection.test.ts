/**
 * The Redis replay guard and its connection: a claim made before the client has connected waits for
 * it (a gateway just started must not refuse its first mutations), and with Redis down a claim fails
 * closed within the bound. Uses a redis-server of its own, in either test mode.
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisReplayGuard } from "../../gateway/auth/replay-guard.ts";
import { type RedisChild, redisServerAvailable, startRedisChild } from "../adapters/redis-child.ts";

let server: RedisChild;
const clients: Redis[] = [];
const client = () => {
  // as the gateway makes it (gateway/server.ts): no offline queue
  const redis = new Redis(server.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
  redis.on("error", () => {});
  clients.push(redis);
  return redis;
};
const inAMinute = () => Math.floor(Date.now() / 1000) + 60;

describe.skipIf(!redisServerAvailable())("Redis replay guard connection (needs /usr/bin/redis-server)", () => {
  beforeAll(async () => {
    server = await startRedisChild();
  }, 30_000);

  afterAll(async () => {
    for (const redis of clients) redis.disconnect();
    await server?.stop();
  });

  it("waits for a connection still being made instead of refusing the first claim", async () => {
    const redis = client();
    expect(redis.status).not.toBe("ready");
    const guard = createRedisReplayGuard(redis, { keyPrefix: "t:" });
    expect(await guard.claim("first", "cq", inAMinute())).toBe(true);
    expect(await guard.claim("first", "cq", inAMinute())).toBe(false);
  });

  it("fails closed, within its bound, while Redis is down", async () => {
    const redis = client();
    const guard = createRedisReplayGuard(redis, { keyPrefix: "t:", connectWaitMs: 300 });
    expect(await guard.claim("before", "sc", inAMinute())).toBe(true);
    await server.stop();
    const started = Date.now();
    await expect(guard.claim("during", "sc", inAMinute())).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
    await server.start();
    await expect.poll(() => guard.claim(`after-${Date.now()}`, "sc", inAMinute()), { timeout: 10_000 }).toBe(true);
  }, 20_000);
});

/**
 * Redis stopped and restarted under steady traffic, in either test mode: the gateway gets a
 * redis-server of this test's own (never the shared one). While Redis is down the gateway keeps
 * answering queries and streams (Postgres is the source of truth); mutations fail closed, because the
 * replay store is unreachable (docs/security.md), so the adapters retry with backoff. After Redis is
 * back everything catches up: the stream reads the outbox, the bus only wakes it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisChild, redisServerAvailable, startRedisChild } from "./redis-child.ts";
import {
  expectCaughtUp,
  expectVersionsNeverWentBack,
  waitForLibrariesReconciled,
  waitForReconciled,
} from "./sync-support.ts";
import { type SyncWorld, sleep, startSyncWorld, totalCount, until } from "./sync-world.ts";

let redis: RedisChild;
let world: SyncWorld;

describe.skipIf(!redisServerAvailable())("sync across a Redis restart (needs /usr/bin/redis-server)", () => {
  beforeAll(async () => {
    redis = await startRedisChild();
    world = await startSyncWorld({ REDIS_URL: redis.url });
  }, 120_000);

  afterAll(async () => {
    await world?.dispose();
    await redis?.stop();
  }, 60_000);

  it("keeps serving while Redis is down and catches up after it is back", async () => {
    world.setRate(150);
    await world.generate("cq", 100);
    await world.generate("sc", 100);
    await until("records flow", async () => (await totalCount(world, "cq")) > 0 && (await totalCount(world, "sc")) > 0);
    await redis.stop();
    await sleep(300);

    const stored = await totalCount(world, "cq");
    expect(stored).toBeGreaterThan(0); // queries still answer
    const refused = await world.gz<unknown>(
      `mutation { heartbeat(input: { source: "probe" }) { status { adapter } } }`,
    );
    expect(refused.status, "a mutation without its replay store fails closed").toBe(503);
    expect(refused.errors).toMatchObject([
      { extensions: { code: "SERVICE_UNAVAILABLE", reason: "REPLAY_STORE_UNAVAILABLE" } },
    ]);
    expect(await world.live.prisma.syncCheckpoint.findUnique({ where: { id: "gz:probe:inbound" } })).toBeNull();
    await sleep(1500); // traffic goes on; the adapters retry
    expect([...world.logs.cq, ...world.logs.sc].some((l) => l.includes("retrying"))).toBe(true);

    await redis.start();
    world.setRate(0);
    for (const origin of ["cq", "sc"] as const) {
      const s = await waitForReconciled(world, origin);
      expect(await totalCount(world, origin)).toBe(s.source.size);
      await waitForLibrariesReconciled(world, origin);
    }
    expect(await totalCount(world, "cq")).toBeGreaterThan(stored);
    await expectVersionsNeverWentBack(world);
    await expectCaughtUp(world);
  }, 90_000);
});

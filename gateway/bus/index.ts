import type { Bus } from "./bus.ts";
import { createMemoryBus } from "./memory-bus.ts";
import { createRedisBus } from "./redis-bus.ts";

export type { Bus } from "./bus.ts";

export function createBus(redis: { url: string | undefined; prefix: string }): Bus {
  return redis.url ? createRedisBus({ url: redis.url, prefix: redis.prefix }) : createMemoryBus();
}

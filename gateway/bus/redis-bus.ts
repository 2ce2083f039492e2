import { Redis } from "ioredis";
import type { Bus, BusHandler } from "./bus.ts";

export interface RedisBusOptions {
  url: string;
  /** prefixed to every channel so deployments and test runs sharing a server stay apart */
  prefix: string;
}

/**
 * Redis pub/sub bus. Publishing and subscribing need separate connections (a subscribed connection
 * can do nothing else). ioredis reconnects by itself; while Redis is down publishes fail and are
 * swallowed by callers, since the outbox in Postgres holds the truth and readers catch up by polling.
 */
export function createRedisBus({ url, prefix }: RedisBusOptions): Bus {
  const connection = { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false } as const;
  const publisher = new Redis(url, connection);
  const subscriber = new Redis(url, { ...connection, enableOfflineQueue: true });
  // connection errors are reported through readiness (ping), not as unhandled events
  publisher.on("error", () => {});
  subscriber.on("error", () => {});
  const handlers = new Map<string, Set<BusHandler>>();
  subscriber.on("message", (channel: string, message: string) => {
    for (const handler of handlers.get(channel) ?? []) handler(message);
  });

  return {
    kind: "redis",
    async publish(channel, message) {
      await publisher.publish(prefix + channel, message);
    },
    async subscribe(channel, handler) {
      const full = prefix + channel;
      let set = handlers.get(full);
      if (!set) {
        set = new Set();
        handlers.set(full, set);
        await subscriber.subscribe(full);
      }
      set.add(handler);
      return async () => {
        set.delete(handler);
        if (set.size === 0) {
          handlers.delete(full);
          await subscriber.unsubscribe(full).catch(() => {});
        }
      };
    },
    async ping() {
      await publisher.ping();
    },
    async close() {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

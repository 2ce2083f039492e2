import type { Bus, BusHandler } from "./bus.ts";

/** In-process bus: one gateway process, no Redis. */
export function createMemoryBus(): Bus {
  const handlers = new Map<string, Set<BusHandler>>();
  return {
    kind: "memory",
    async publish(channel, message) {
      for (const handler of handlers.get(channel) ?? []) queueMicrotask(() => handler(message));
    },
    async subscribe(channel, handler) {
      const set = handlers.get(channel) ?? new Set<BusHandler>();
      set.add(handler);
      handlers.set(channel, set);
      return async () => {
        set.delete(handler);
      };
    },
    async ping() {},
    async close() {
      handlers.clear();
    },
  };
}

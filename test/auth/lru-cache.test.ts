/** The verified-token cache's map: bounded, least recently used out first, a used entry kept. */
import { describe, expect, it } from "vitest";
import { LruCache } from "../../gateway/auth/lru-cache.ts";

const keys = (count: number, prefix = "k") => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe("LruCache", () => {
  it("holds at most its capacity, the newest entries", () => {
    const cache = new LruCache<string, number>(10);
    for (const [i, key] of keys(35).entries()) cache.set(key, i);
    expect(cache.size).toBe(10);
    expect(keys(35).filter((key) => cache.get(key) !== undefined)).toEqual(keys(35).slice(25));
  });

  it("evicts the least recently used: an entry read after its neighbours were written stays", () => {
    const cache = new LruCache<string, number>(10);
    for (const [i, key] of keys(10).entries()) cache.set(key, i);
    expect(cache.get("k0")).toBe(0);
    cache.set("new", 99);
    expect(cache.get("k0")).toBe(0);
    expect(cache.get("k1")).toBeUndefined();
    expect(cache.size).toBe(10);
  });

  it("never evicts an entry read at least once in every half of its capacity's writes", () => {
    for (const capacity of [2, 3, 10, 11, 64]) {
      const cache = new LruCache<string, string>(capacity);
      cache.set("hot", "token");
      const gap = Math.floor(capacity / 2);
      for (let i = 0; i < 50 * capacity; i++) {
        cache.set(`cold${i}`, "x");
        if (i % gap === gap - 1) expect(cache.get("hot"), `capacity ${capacity}, write ${i}`).toBe("token");
      }
      expect(cache.size).toBe(capacity);
    }
  });

  it("evicts an entry nobody reads once its capacity of newer entries were written", () => {
    const cache = new LruCache<string, number>(8);
    cache.set("idle", 1);
    for (const key of keys(7)) cache.set(key, 0);
    expect(cache.get("idle")).toBe(1);
    for (const key of keys(8, "n")) cache.set(key, 0);
    expect(cache.get("idle")).toBeUndefined();
  });

  it("replaces a value written again, forgets a deleted key, and stores nothing with no capacity", () => {
    const cache = new LruCache<string, number>(4);
    cache.set("a", 1);
    cache.set("a", 2);
    expect(cache.get("a")).toBe(2);
    expect(cache.size).toBe(1);
    cache.delete("a");
    expect(cache.get("a")).toBeUndefined();
    const none = new LruCache<string, number>(0);
    none.set("a", 1);
    expect(none.size).toBe(0);
    expect(none.get("a")).toBeUndefined();
  });
});

/**
 * A request's Pothos caches are kept under a key of its own context, and released once it has executed
 * (schema/common/request-caches.ts, gateway/plugins/use-request-caches.ts): for a result at once, for a stream at
 * its end, never while the request still executes.
 */
import { contextCacheSymbol, createContextCache } from "@pothos/core";
import { RequestCache } from "@pothos/plugin-scope-auth";
import { createSchema, createYoga } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { useRequestCaches } from "../../gateway/plugins/use-request-caches.ts";
import { releaseRequestCaches, requestCacheKey } from "../../schema/common/request-caches.ts";

/** a cache as Pothos's are: one entry per context, which holds the context (scope-auth's RequestCache does) */
const cacheOf = createContextCache((context: object) => ({ context }));
const keyOf = (context: object) => (context as Record<symbol, unknown>)[contextCacheSymbol];

describe("a request's cache key", () => {
  it("keeps one cache per request until it is released, and none after", () => {
    const context = { caller: "cq", ...requestCacheKey() };
    const kept = cacheOf(context);
    expect(cacheOf({ ...context })).toBe(kept); // a copy of the context (yoga merges ours into its own) shares it
    releaseRequestCaches(context);
    expect(keyOf(context)).toBeUndefined();
    expect(cacheOf(context)).not.toBe(kept);
  });

  it("removes scope-auth's cache of the request outright, not only its key", () => {
    const builder = { options: { scopeAuth: {} } } as never;
    const context = { caller: "cq", ...requestCacheKey() };
    const key = keyOf(context);
    const kept = RequestCache.fromContext(context, builder);
    releaseRequestCaches(context);
    // the same key on another context finds nothing: the entry itself is gone
    expect(RequestCache.fromContext({ [contextCacheSymbol]: key }, builder)).not.toBe(kept);
  });

  it("adds nothing to a context that has no key", () => {
    const context = { caller: "cq" };
    releaseRequestCaches(context);
    expect(Object.getOwnPropertySymbols(context)).toEqual([]);
  });
});

describe("useRequestCaches", () => {
  const seen: Array<{ context: object; cache: object; keyDuringExecution: unknown }> = [];
  const note = (context: object) => {
    seen.push({ context, cache: cacheOf(context), keyDuringExecution: keyOf(context) });
    return seen.length;
  };
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: "type Query { seen: Int } type Subscription { ticks: Int }",
      resolvers: {
        Query: { seen: (_parent: unknown, _args: unknown, context: object) => note(context) },
        Subscription: {
          ticks: {
            async *subscribe() {
              yield {};
              yield {};
            },
            resolve: (_parent: unknown, _args: unknown, context: object) => note(context),
          },
        },
      },
    }),
    context: (): object => requestCacheKey(),
    plugins: [useRequestCaches()],
  });

  it("releases a query's caches once it has executed, after every field shared them", async () => {
    seen.length = 0;
    const response = await yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ a: seen b: seen }" }),
    });
    expect(await response.json()).toEqual({ data: { a: 1, b: 2 } });
    expect(seen[0]!.cache).toBe(seen[1]!.cache);
    expect(seen.every(({ keyDuringExecution }) => keyDuringExecution !== undefined)).toBe(true);
    expect(keyOf(seen[0]!.context)).toBeUndefined();
  });

  it("releases a subscription's caches at the end of its stream, not before", async () => {
    seen.length = 0;
    const response = await yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ query: "subscription { ticks }" }),
    });
    const events = await response.text();
    expect(events.match(/"ticks":\d/g)).toEqual(['"ticks":1', '"ticks":2']);
    expect(seen).toHaveLength(2);
    expect(seen[1]!.cache).toBe(seen[0]!.cache);
    expect(seen[1]!.keyDuringExecution).toBe(seen[0]!.keyDuringExecution);
    expect(seen[1]!.keyDuringExecution).not.toBeUndefined();
    expect(keyOf(seen[0]!.context)).toBeUndefined();
  });
});

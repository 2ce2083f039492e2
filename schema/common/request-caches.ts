/**
 * The key of a request's Pothos caches, and its release once the request has executed.
 *
 * Pothos keeps what it works out for one request (scope-auth's scopes and grants, the prisma plugin's loaders) in
 * WeakMaps keyed by the context, and each such cache holds the context itself. V8's young-generation collector
 * keeps a WeakMap's values alive while the map lives, so a cache keeps its own key alive: every request's caches,
 * its context and all the context reaches (the audit description, yoga's request) survived two scavenges, were
 * promoted to the old generation and waited there for a full mark-compact. Under the match load that was ~630 KB
 * promoted a scavenge, ~260 KB without it (bench/README.md, "match: what a request's caches kept alive").
 *
 * So the context carries its own key for those caches (Pothos's `initContextCache`, which every Pothos cache reads
 * before the context itself), and the key is dropped once nothing of the request executes any more: the caches
 * are then reachable from nothing but their WeakMaps' dead entries, and die young.
 */
import { contextCacheSymbol, initContextCache } from "@pothos/core";

/** the property to spread into a new context: the key its Pothos caches are kept under */
export const requestCacheKey = (): Record<symbol, object> => initContextCache();

/**
 * Drops the context's cache key: call it when the request has finished executing (a result given, a stream ended).
 * A field resolved after it still works, with caches of its own.
 */
export function releaseRequestCaches(context: object): void {
  if (contextCacheSymbol in context) (context as Record<symbol, unknown>)[contextCacheSymbol] = undefined;
}

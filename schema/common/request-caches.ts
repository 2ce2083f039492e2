/**
 * The key of a request's Pothos caches, and its release once the request has executed.
 *
 * Pothos keeps what it works out for one request (scope-auth's scopes and grants, the prisma plugin's loaders) in
 * WeakMaps keyed by the context, and each such cache holds the context itself. V8's young-generation collector did
 * not see through that cycle (measured, not read in V8's source): a cache kept its own key alive, so every request's
 * caches, its context and all the context reaches (the audit description, yoga's request) survived two scavenges,
 * were promoted to the old generation and waited there for a full mark-compact.
 *
 * So the context carries its own key for those caches (Pothos's `initContextCache`, which every Pothos cache reads
 * before the context itself), and once nothing of the request executes any more, scope-auth's cache (the one every
 * authorized request has) is removed and the key dropped: the caches then die young. Under the match load the
 * bytes promoted a scavenge went from ~620 KB to ~260 KB with the key dropped, and to ~110 KB with scope-auth's
 * entry removed too (bench/README.md, "match: what a request's caches kept alive").
 */
import { contextCacheSymbol, initContextCache } from "@pothos/core";
import { RequestCache } from "@pothos/plugin-scope-auth";

/** the property to spread into a new context: the key its Pothos caches are kept under */
export const requestCacheKey = (): Record<symbol, object> => initContextCache();

/**
 * Removes the request's scope-auth cache and drops the context's cache key: call it when the request has finished
 * executing (a result given, a stream ended). A field resolved after it still works, with caches of its own.
 */
export function releaseRequestCaches(context: object): void {
  if (!(contextCacheSymbol in context)) return;
  // removed outright: a request that spans a scavenge has its key still young at the next one, and the collector
  // would keep the cache once more and promote it with the context it holds
  RequestCache.clearForContext(context);
  (context as Record<symbol, unknown>)[contextCacheSymbol] = undefined;
}

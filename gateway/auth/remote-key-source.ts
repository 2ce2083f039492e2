/**
 * An issuer's JWKS served over https (e.g. by a province's identity server). jose's remote key set
 * does the fetching and caching: keys are re-fetched after `cacheMaxAgeMs`, or when a token names an
 * unknown `kid` once `cooldownMs` has passed since the last fetch. The registry's timer refreshes
 * keys that have aged even without traffic, and warns while the last successful refresh is older
 * than `staleAfterMs` (the endpoint is down: the gateway keeps verifying with the keys it has).
 */
import { createRemoteJWKSet, type ExportedJWKSCache, jwksCache } from "jose";
import { type KeySource, kidsOf, onceLogger, type WarnLogger } from "./key-source.ts";

export interface RemoteKeyOptions {
  /** @default 30_000 */
  cooldownMs?: number;
  /** @default 600_000 (10 minutes) */
  cacheMaxAgeMs?: number;
  /** @default 5_000 */
  timeoutMs?: number;
  /** @default 3_600_000 (1 hour) */
  staleAfterMs?: number;
}

export async function createRemoteKeySource(
  url: URL,
  options: RemoteKeyOptions,
  logger: WarnLogger,
): Promise<KeySource> {
  const warnings = onceLogger(logger);
  const staleAfterMs = options.staleAfterMs ?? 3_600_000;
  // jose writes `uat` (time of the last successful fetch) and `jwks` into this object.
  const cache: Partial<ExportedJWKSCache> = {};
  const remote = createRemoteJWKSet(url, {
    cooldownDuration: options.cooldownMs ?? 30_000,
    cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
    timeoutDuration: options.timeoutMs ?? 5_000,
    [jwksCache]: cache as ExportedJWKSCache,
  });
  const startedAt = Date.now();
  let version = 0;
  let seenUat: number | undefined;
  let content = "";

  const isStale = () => Date.now() - (cache.uat ?? startedAt) > staleAfterMs;

  async function refresh(): Promise<void> {
    try {
      await remote.reload();
    } catch (error) {
      logger.warn(`JWKS ${url.href} could not be fetched: ${(error as Error).message}`);
    }
  }

  // Fetch at start, so the first request does not wait; a failure only warns (the endpoint may come up later).
  await refresh();

  return {
    resolve: (header, token) => remote(header, token),
    version() {
      if (cache.uat !== seenUat) {
        seenUat = cache.uat;
        const next = JSON.stringify(cache.jwks?.keys ?? []);
        if (next !== content) version += 1;
        content = next;
      }
      return version;
    },
    async check() {
      if (!remote.fresh && !remote.reloading) await refresh();
      if (!isStale()) return warnings.clear();
      const since = cache.uat ? new Date(cache.uat).toISOString() : "never (since start)";
      warnings.warn(`JWKS ${url.href} is stale: last successful refresh ${since}`);
    },
    status: () => ({
      source: url.href,
      kind: "url",
      kids: kidsOf(cache.jwks?.keys ?? []),
      lastRefreshAt: cache.uat ?? null,
      stale: isStale(),
    }),
  };
}

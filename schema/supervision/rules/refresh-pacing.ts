/**
 * When the gateway's background refresh of marked visits runs (visit-refresher.ts); pure. A refresh costs the
 * touched enterprises' whole histories, not the writes it covers (visit-row-writes.ts), so under a feed that keeps
 * writing, refreshing every tick recomputes the same histories again and again. A tick (every
 * SUPERVISION_VISIT_REFRESH_MS) refreshes when
 *   - the marks have settled: none was written since the last tick (the feed paused or ended), so the rollup is
 *     current about one tick after the last write, as before; or
 *   - the feed keeps writing, and the last refresh ended at least BUSY_WAIT_FACTOR times its own duration ago (at
 *     most MAX_BUSY_WAIT_MS): the background upkeep then takes at most a tenth of a core, whatever the feed's rate.
 * Reads are exact either way: each refreshes first (visit-marks.ts).
 */

export const BUSY_WAIT_FACTOR = 9;
/** the longest the background refresh waits under a continuous feed */
export const MAX_BUSY_WAIT_MS = 60_000;

export interface RefreshPacing {
  /** the newest mark's id now (null: no mark) */
  newestMark: bigint | null;
  /** the newest mark's id at the previous tick (null: none, or the first tick) */
  newestMarkBefore: bigint | null;
  /** the last background refresh: when it ended and how long it took (ms); null: none yet */
  lastRefresh: { endedAt: number; ms: number } | null;
  now: number;
}

export function refreshDue(pacing: RefreshPacing): boolean {
  if (pacing.newestMark === null) return false;
  const settled = pacing.newestMark === pacing.newestMarkBefore;
  if (settled || pacing.lastRefresh === null) return true;
  const wait = Math.min(BUSY_WAIT_FACTOR * pacing.lastRefresh.ms, MAX_BUSY_WAIT_MS);
  return pacing.now - pacing.lastRefresh.endedAt >= wait;
}

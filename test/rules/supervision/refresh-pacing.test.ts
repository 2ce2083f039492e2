/** When the background visit refresh runs (schema/supervision/rules/refresh-pacing.ts). */
import { describe, expect, it } from "vitest";
import { BUSY_WAIT_FACTOR, MAX_BUSY_WAIT_MS, refreshDue } from "../../../schema/supervision/rules/refresh-pacing.ts";

const NOW = 1_000_000;
const ago = (ms: number, took: number) => ({ endedAt: NOW - ms, ms: took });

describe("the background visit refresh's pacing", () => {
  it("does nothing without a mark", () => {
    expect(refreshDue({ newestMark: null, newestMarkBefore: 7n, lastRefresh: null, now: NOW })).toBe(false);
  });

  it("refreshes the first marks it sees, and marks that have settled since the last tick, at once", () => {
    expect(refreshDue({ newestMark: 3n, newestMarkBefore: null, lastRefresh: null, now: NOW })).toBe(true);
    // the feed paused: no mark newer than at the last tick, however recent and costly the last refresh
    expect(refreshDue({ newestMark: 9n, newestMarkBefore: 9n, lastRefresh: ago(10, 5_000), now: NOW })).toBe(true);
  });

  it("under a feed that keeps writing, waits BUSY_WAIT_FACTOR times the last refresh's duration after it", () => {
    const busy = { newestMark: 12n, newestMarkBefore: 9n, now: NOW };
    expect(refreshDue({ ...busy, lastRefresh: ago(340 * BUSY_WAIT_FACTOR - 1, 340) })).toBe(false);
    expect(refreshDue({ ...busy, lastRefresh: ago(340 * BUSY_WAIT_FACTOR, 340) })).toBe(true);
    // a cheap refresh (a feed in time order) runs at every tick, as before
    expect(refreshDue({ ...busy, lastRefresh: ago(1_000, 20) })).toBe(true);
  });

  it("never waits longer than MAX_BUSY_WAIT_MS, however slow the last refresh was", () => {
    const busy = { newestMark: 12n, newestMarkBefore: 9n, now: NOW };
    expect(refreshDue({ ...busy, lastRefresh: ago(MAX_BUSY_WAIT_MS - 1, 3_600_000) })).toBe(false);
    expect(refreshDue({ ...busy, lastRefresh: ago(MAX_BUSY_WAIT_MS, 3_600_000) })).toBe(true);
  });
});

/**
 * How fresh a sync figure is. An adapter reports on its own (heartbeats every 10 s while idle, each
 * ingest or acknowledgement while busy; the outbound side acknowledges the stream's heartbeats every
 * 15 s), and its inbound backlog is only as fresh as its last report: an adapter that stopped keeps
 * showing "backlog 0". So a direction whose last report is older than the threshold is STALE, and a
 * stale inbound figure never reads as caught up: its lag is at least the age of that report.
 */

export type SyncState = "CAUGHT_UP" | "LAGGING" | "STALE";

export interface Freshness {
  /** seconds since the direction last reported */
  reportAgeSeconds: number;
  state: SyncState;
}

export const secondsBetween = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/** One direction: STALE past the threshold, else LAGGING while anything waits, else CAUGHT_UP. */
export function freshness(
  lastReportAt: Date,
  lag: { lagRecords: number; lagSeconds: number },
  now: Date,
  staleAfterSeconds: number,
): Freshness {
  const reportAgeSeconds = secondsBetween(lastReportAt, now);
  if (reportAgeSeconds > staleAfterSeconds) return { reportAgeSeconds, state: "STALE" };
  return { reportAgeSeconds, state: lag.lagRecords > 0 || lag.lagSeconds > 0 ? "LAGGING" : "CAUGHT_UP" };
}

/** What waits on the platform is unknown since the last report: the reported lag, but never less than its age. */
export function inboundLagSeconds(reportedLagSeconds: number, fresh: Freshness): number {
  return fresh.state === "STALE" ? Math.max(reportedLagSeconds, fresh.reportAgeSeconds) : reportedLagSeconds;
}

const ORDER: readonly SyncState[] = ["CAUGHT_UP", "LAGGING", "STALE"];

/** An adapter is as bad as its worse direction. */
export function worstState(states: readonly SyncState[]): SyncState {
  return states.reduce<SyncState>((worst, s) => (ORDER.indexOf(s) > ORDER.indexOf(worst) ? s : worst), "CAUGHT_UP");
}

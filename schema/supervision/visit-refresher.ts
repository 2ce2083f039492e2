/**
 * The gateway process refreshes the visits of records written (visit-marks.ts) in the background: a tick every
 * SUPERVISION_VISIT_REFRESH_MS after the last one, refreshing when the marks have settled or, under a feed that keeps
 * writing, paced by the cost of the last refresh (rules/refresh-pacing.ts). A feed's batches are recomputed
 * together instead of one by one inside their transactions. Marks left by a stopped process, or by another
 * replica, are taken by the next refresh of any process (one at a time across them: the refresh's lock). Reads do
 * not wait for it: they refresh first themselves.
 */
import type { GatewayConfig } from "../../gateway/config.ts";
import type { PrismaClient } from "../../gateway/db/generated/prisma/client.ts";
import type { Logger } from "../../gateway/logging/logger.ts";
import { type RepeatingTask, startRepeatingTask } from "../common/repeating-task.ts";
import { type RefreshPacing, refreshDue } from "./rules/refresh-pacing.ts";
import { newestMark, refreshMarkedVisits } from "./visit-marks.ts";

export function startVisitRefresher(deps: {
  prisma: PrismaClient;
  config: GatewayConfig;
  logger: Logger;
}): RepeatingTask {
  let newestMarkBefore: bigint | null = null;
  let lastRefresh: RefreshPacing["lastRefresh"] = null;
  return startRepeatingTask(deps.config.supervision.visitRefreshMs, async () => {
    const started = performance.now();
    try {
      const newest = await newestMark(deps.prisma);
      const due = refreshDue({ newestMark: newest, newestMarkBefore, lastRefresh, now: started });
      newestMarkBefore = newest;
      if (!due) return;
      const refreshed = await refreshMarkedVisits(deps.prisma);
      const ended = performance.now();
      lastRefresh = { endedAt: ended, ms: ended - started };
      if (refreshed.marks > 0) deps.logger.debug({ ...refreshed, ms: Math.round(ended - started) }, "visits refreshed");
    } catch (error) {
      // the marks stay (the refresh rolled back): the next run, or the next read, takes them
      deps.logger.warn({ err: error }, "visit refresh failed; retried on the next run");
    }
  });
}

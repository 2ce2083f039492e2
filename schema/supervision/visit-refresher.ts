/**
 * The gateway process refreshes the visits of records written (visit-marks.ts) every SUPERVISION_VISIT_REFRESH_MS
 * after its last refresh: a feed's batches are recomputed together, a few a second, instead of one by one inside
 * their transactions. Marks left by a stopped process, or by another replica, are taken by the next refresh of any
 * process (one at a time across them: the refresh's lock). Reads do not wait for it: they refresh first themselves.
 */
import type { GatewayConfig } from "../../gateway/config.ts";
import type { PrismaClient } from "../../gateway/db/generated/prisma/client.ts";
import type { Logger } from "../../gateway/logging/logger.ts";
import { type RepeatingTask, startRepeatingTask } from "../common/repeating-task.ts";
import { refreshMarkedVisits } from "./visit-marks.ts";

export function startVisitRefresher(deps: {
  prisma: PrismaClient;
  config: GatewayConfig;
  logger: Logger;
}): RepeatingTask {
  return startRepeatingTask(deps.config.supervision.visitRefreshMs, async () => {
    const started = performance.now();
    try {
      const refreshed = await refreshMarkedVisits(deps.prisma);
      if (refreshed.marks > 0) {
        deps.logger.debug({ ...refreshed, ms: Math.round(performance.now() - started) }, "visits refreshed");
      }
    } catch (error) {
      // the marks stay (the refresh rolled back): the next run, or the next read, takes them
      deps.logger.warn({ err: error }, "visit refresh failed; retried on the next run");
    }
  });
}

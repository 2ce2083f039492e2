/**
 * 监督预警定时评估 — the gateway process evaluates the supervision alerts of the current Beijing month every
 * SUPERVISION_ALERT_INTERVAL_MINUTES (not after each ingest: the indicator reads are too heavy per request), one
 * run at a time (schema/common/repeating-task.ts). Several replicas may run it: the unique (kind, subject, periodKey)
 * makes the second writer of an alert raise nothing.
 */
import type { Bus } from "../../gateway/bus/bus.ts";
import type { GatewayConfig } from "../../gateway/config.ts";
import type { PrismaClient } from "../../gateway/db/generated/prisma/client.ts";
import type { Logger } from "../../gateway/logging/logger.ts";
import { appendChanges, CHANGES_CHANNEL } from "../../gateway/outbox/outbox.ts";
import { beijingDate } from "../common/effective-dates.ts";
import { type RepeatingTask, startRepeatingTask } from "../common/repeating-task.ts";
import { type AlertEvaluation, alertSettingsOf, alertsOf, storeAlerts } from "./alert-service.ts";
import type { Period } from "./rules/indicators/period.ts";

/** the Beijing calendar month of `now`, whole (its alerts keep one period key all month) */
export function monthOf(now: Date): Period {
  const today = beijingDate(now);
  const [year, month] = today.split("-").map(Number) as [number, number];
  return { from: `${today.slice(0, 7)}-01`, to: new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10) };
}

export interface AlertRunDeps {
  prisma: PrismaClient;
  bus: Bus;
  config: GatewayConfig;
  clock: () => Date;
}

/** evaluates and stores the alerts of a period, outbox events included, outside a request (the schedule) */
export async function evaluateAlerts(deps: AlertRunDeps, period: Period): Promise<Omit<AlertEvaluation, "changes">> {
  const now = deps.clock();
  const { settings, thresholds } = alertSettingsOf(deps.config, now);
  const alerts = await alertsOf(deps.prisma, period, settings, thresholds);
  const { evaluation, lastSeq } = await deps.prisma.$transaction(async (tx) => {
    const evaluation = await storeAlerts(tx, alerts, now);
    return { evaluation, lastSeq: await appendChanges(tx, evaluation.changes) };
  });
  if (lastSeq !== null) void deps.bus.publish(CHANGES_CHANNEL, String(lastSeq)).catch(() => {});
  return { raised: evaluation.raised, unchanged: evaluation.unchanged };
}

export type AlertSchedule = RepeatingTask;

/** `intervalMs`: tests only; the gateway runs every SUPERVISION_ALERT_INTERVAL_MINUTES (0: never) */
export function startAlertSchedule(deps: AlertRunDeps & { logger: Logger }, intervalMs?: number): AlertSchedule {
  const every = intervalMs ?? deps.config.supervision.alertIntervalMinutes * 60_000;
  return startRepeatingTask(every, () =>
    evaluateAlerts(deps, monthOf(deps.clock()))
      .then((r) => deps.logger.info({ ...r }, "supervision alerts evaluated"))
      .catch((error: unknown) => deps.logger.warn({ err: error }, "supervision alert evaluation failed")),
  );
}

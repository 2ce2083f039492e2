/**
 * Reads of the enterprises' feedback and the supporting figures (certificates, quarantine, sync) for the
 * supervision indicators. Set-based SQL, aggregated rows out.
 */
import { Prisma, type PrismaClient } from "../../gateway/db/generated/prisma/client.ts";
import { reportAges } from "../sync/status-service.ts";
import { boundsOf, type Db, type IndicatorScope, num } from "./indicator-scope.ts";
import type { FeedbackRow } from "./rules/indicators/feedback.ts";
import type { JurisdictionCountRow, SyncDirectionRow } from "./rules/indicators/supporting.ts";

/** joint tasks DONE in the period (by their last change) that the scope's jurisdiction took part in */
const tasksInScope = (scope: IndicatorScope) => Prisma.sql`
  ${scope.jurisdiction === null || scope.jurisdiction === "gz" ? Prisma.sql`TRUE` : Prisma.sql`EXISTS (SELECT 1 FROM "TaskOfficer" o WHERE o."taskId" = t."id" AND o."homeJurisdiction" = ${scope.jurisdiction})`}
  AND ${scope.domain === null ? Prisma.sql`TRUE` : Prisma.sql`${scope.domain} = ANY(t."domains")`}`;

export async function readFeedback(db: Db, scope: IndicatorScope): Promise<FeedbackRow> {
  const { start, end } = boundsOf(scope);
  const [tasks, feedback] = await Promise.all([
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT count(*) AS done,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "InspectionFeedback" f WHERE f."taskId" = t."id")) AS answered
      FROM "InspectionTask" t
      WHERE t."state" = 'DONE' AND t."updatedAt" BETWEEN ${start} AND ${end} AND ${tasksInScope(scope)}`,
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT count(*) AS n, COALESCE(sum(f."satisfaction"), 0) AS total
      FROM "InspectionFeedback" f JOIN "InspectionTask" t ON t."id" = f."taskId"
      WHERE f."submittedAt" BETWEEN ${start} AND ${end} AND ${tasksInScope(scope)}`,
  ]);
  return {
    tasksDone: num(tasks[0]?.done),
    tasksWithFeedback: num(tasks[0]?.answered),
    feedbackCount: num(feedback[0]?.n),
    satisfactionSum: num(feedback[0]?.total),
  };
}

const jurisdictionRows = (rows: Record<string, unknown>[]): JurisdictionCountRow[] =>
  rows.map((r) => ({ jurisdiction: String(r.j), count: num(r.count) }));

/** ACTIVE officers whose certificate's last valid day (a Beijing day) falls in the period */
export async function readExpiringCertificates(db: Db, scope: IndicatorScope): Promise<JurisdictionCountRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT "homeJurisdiction" AS j, count(*) AS count FROM "Officer"
    WHERE "status" = 'ACTIVE' AND "certificateValidTo" BETWEEN ${scope.period.from}::date AND ${scope.period.to}::date
      AND ${scope.jurisdiction === null ? Prisma.sql`TRUE` : Prisma.sql`"homeJurisdiction" = ${scope.jurisdiction}`}
      AND ${scope.domain === null ? Prisma.sql`TRUE` : Prisma.sql`${scope.domain} = ANY("qualifiedDomains")`}
    GROUP BY 1 ORDER BY 1`;
  return jurisdictionRows(rows);
}

/** records quarantined by the end of the period and not resolved by then */
export async function readQuarantineBacklog(db: Db, scope: IndicatorScope): Promise<JurisdictionCountRow[]> {
  const { end } = boundsOf(scope);
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT "originJurisdiction" AS j, count(*) AS count FROM "QuarantinedRecord"
    WHERE "createdAt" <= ${end} AND ("resolvedAt" IS NULL OR "resolvedAt" > ${end})
      AND ${scope.jurisdiction === null ? Prisma.sql`TRUE` : Prisma.sql`"originJurisdiction" = ${scope.jurisdiction}`}
    GROUP BY 1 ORDER BY 1`;
  return jurisdictionRows(rows);
}

/** each adapter direction now: stale or reporting in time (schema/sync/status-service.ts) */
export async function readSyncDirections(
  prisma: PrismaClient,
  scope: IndicatorScope,
  at: { now: Date; staleAfterSeconds: number },
): Promise<SyncDirectionRow[]> {
  const ages = await reportAges(prisma, at);
  return ages
    .filter((a) => scope.jurisdiction === null || a.jurisdiction === scope.jurisdiction)
    .map((a) => ({ jurisdiction: a.jurisdiction, stale: a.stale }));
}

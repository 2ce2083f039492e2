/**
 * 下钻 — the records behind an indicator's numerator, as a filter of the `records` list (so they page, count
 * and mask exactly as `records` does). Indicators that count no records (feedback, certificates,
 * quarantine, sync) have none. Where the numerator is defined over visits (a joint task's records, repeated
 * visits, A-grade enterprises) the ids come from the same SQL as the figure, at most TOTAL_COUNT_CAP of them.
 */
import { Prisma, type PrismaClient } from "../../gateway/db/generated/prisma/client.ts";
import { TOTAL_COUNT_CAP } from "../common/connection-types.ts";
import { boundsOf, type IndicatorScope } from "./indicator-scope.ts";
import type { IndicatorCode } from "./rules/indicators/catalogue.ts";
import { RANGE_DEVIATION_KINDS } from "./rules/indicators/decisions.ts";
import { refreshMarkedVisits } from "./visit-marks.ts";
import { gapsCte, visitsCte, windowOf } from "./visit-reads.ts";
import { taskGlobalIdSql } from "./visit-rows.ts";

type Where = Prisma.EnforcementRecordWhereInput;
const NONE: Where = { id: { in: [] } };

async function inScope(prisma: PrismaClient, scope: IndicatorScope): Promise<Where> {
  const items = scope.domain
    ? (await prisma.enforcementItem.findMany({ where: { domainCode: scope.domain }, select: { code: true } })).map(
        (i) => i.code,
      )
    : null;
  return {
    ...(scope.jurisdiction && { originJurisdiction: scope.jurisdiction }),
    ...(items && { itemCode: { in: items } }),
  };
}

/**
 * The records of the visits a CTE over the visit rollup names in `picked(key)`, at most TOTAL_COUNT_CAP: the rollup
 * refreshed first (visit-marks.ts), so they are the visits the figure read.
 */
async function recordsOfVisits(prisma: PrismaClient, cte: Prisma.Sql, picked: Prisma.Sql): Promise<Where> {
  await refreshMarkedVisits(prisma);
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`${cte}, picked AS (${picked})
    SELECT r."id" FROM "EnforcementRecord" r, picked p
    WHERE r."kind" = 'INSPECTION' AND (p.key = 'r:' || r."id" OR (p.key LIKE 't:%'
      AND r."payload"->>'taskId' IN (substr(p.key, 3), ${taskGlobalIdSql(Prisma.sql`substr(p.key, 3)`)})))
    ORDER BY r."id" LIMIT ${TOTAL_COUNT_CAP}`;
  return { id: { in: rows.map((r) => r.id) } };
}

export async function recordsBehind(
  prisma: PrismaClient,
  code: IndicatorCode,
  scope: IndicatorScope,
  repeatWindowDays: number,
): Promise<Where> {
  const { start, end } = boundsOf(scope);
  const own = await inScope(prisma, scope);
  const inspections: Where = { ...own, kind: "INSPECTION", occurredAt: { gte: start, lte: end } };
  const decisions: Where = { ...own, kind: "PENALTY_DECISION", decidedAt: { gte: start, lte: end } };
  switch (code) {
    case "INSPECTIONS_PER_ENTERPRISE":
    case "OFFICER_LOAD":
      return inspections;
    case "CODE_SCAN_RATE":
      return { ...inspections, onSite: true, codeScanned: true };
    case "RANDOM_INSPECTION_COVERAGE":
      return { ...inspections, inspectionMode: "RANDOM" };
    case "RESULT_PUBLICATION_RATE":
      return { ...inspections, inspectionMode: "RANDOM", resultPublishedAt: { not: null } };
    case "JOINT_VISIT_RATE":
      return recordsOfVisits(prisma, visitsCte(windowOf(scope)), Prisma.sql`SELECT key FROM visits WHERE joint`);
    case "A_GRADE_INSPECTION_RATE":
      return recordsOfVisits(
        prisma,
        visitsCte(windowOf(scope)),
        Prisma.sql`SELECT key FROM visits v JOIN "Enterprise" e ON e."uscc" = v.uscc WHERE e."creditGrade" = 'A'`,
      );
    case "REPEATED_INSPECTIONS":
      return recordsOfVisits(
        prisma,
        gapsCte(scope, repeatWindowDays),
        Prisma.sql`SELECT key FROM gaps WHERE gap <= ${repeatWindowDays}`,
      );
    case "BENCHMARK_MATCH_RATE":
      return { ...decisions, NOT: { id: { in: await unmatchedDecisionIds(prisma, start, end) } } };
    case "CASE_DURATION":
      return decisions;
    case "LENIENT_CASES":
      return {
        ...decisions,
        OR: [
          { lenientKind: { not: null } },
          { payload: { path: ["extra", "lenientApplied"], equals: true } },
          { payload: { path: ["lenientApplied"], equals: true } },
        ],
      };
    case "FINE_INCOME_GROWTH":
      return { ...decisions, fineFen: { not: null } };
    default:
      return NONE;
  }
}

/**
 * decisions of the period outside BENCHMARK_MATCH_RATE's numerator: their stored version raised a range
 * deviation, or was not measured (ITEM_NOT_EMPOWERED)
 */
async function unmatchedDecisionIds(prisma: PrismaClient, start: Date, end: Date): Promise<string[]> {
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT DISTINCT w."recordId" AS id FROM "SupervisionWarning" w
    JOIN "EnforcementRecord" r ON r."id" = w."recordId" AND r."version" = w."recordVersion"
    WHERE r."kind" = 'PENALTY_DECISION' AND r."decidedAt" BETWEEN ${start} AND ${end}
      AND w."kind"::text IN (${Prisma.join([...RANGE_DEVIATION_KINDS, "ITEM_NOT_EMPOWERED"])})
    LIMIT ${TOTAL_COUNT_CAP}`;
  return rows.map((r) => r.id);
}

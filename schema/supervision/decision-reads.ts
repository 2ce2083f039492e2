/**
 * Reads of penalty decisions (行政处罚决定) for the supervision indicators: decisions in the period of their
 * decision time (decidedAt), of the scope's jurisdiction (origin) and domain (the item's). Set-based SQL,
 * aggregated rows out; rules/indicators/decisions.ts computes the figures.
 */
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import {
  beijingDaySql,
  boundsOf,
  type Db,
  type IndicatorScope,
  num,
  numOrNull,
  recordDomainSql,
} from "./indicator-scope.ts";
import type { DurationRow, FineRow, KindCountRow, MatchRow } from "./rules/indicators/decisions.ts";
import { RANGE_DEVIATION_KINDS } from "./rules/indicators/decisions.ts";
import { instantsOf, previousPeriod } from "./rules/indicators/period.ts";

const decisionsWhere = (scope: IndicatorScope, start: Date, end: Date) => Prisma.sql`
  r."kind" = 'PENALTY_DECISION' AND r."decidedAt" BETWEEN ${start} AND ${end}
  AND ${scope.jurisdiction === null ? Prisma.sql`TRUE` : Prisma.sql`r."originJurisdiction" = ${scope.jurisdiction}`}
  AND ${recordDomainSql(scope, Prisma.sql`r."itemCode"`)}`;

/** the warnings of a decision's stored version, of the given kinds */
const warningOf = (kinds: readonly string[]) => Prisma.sql`
  SELECT 1 FROM "SupervisionWarning" w
  WHERE w."recordId" = r."id" AND w."recordVersion" = r."version" AND w."kind"::text IN (${Prisma.join(kinds)})`;

export interface DecisionFamily {
  match: MatchRow;
  deviations: KindCountRow[];
  lenient: KindCountRow[];
  fines: FineRow[];
  durations: DurationRow[];
}

export async function readDecisionFamily(db: Db, scope: IndicatorScope): Promise<DecisionFamily> {
  const { start, end } = boundsOf(scope);
  const where = decisionsWhere(scope, start, end);
  const previousStart = instantsOf(previousPeriod(scope.period)).start;
  const [match, deviations, lenient, fines, durations] = await Promise.all([
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT count(*) AS measured, count(*) FILTER (WHERE NOT EXISTS (${warningOf(RANGE_DEVIATION_KINDS)})) AS matched
      FROM "EnforcementRecord" r
      WHERE ${where} AND NOT EXISTS (${warningOf(["ITEM_NOT_EMPOWERED"])})`,
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT w."kind"::text AS kind, count(*) AS count
      FROM "EnforcementRecord" r
      JOIN "SupervisionWarning" w ON w."recordId" = r."id" AND w."recordVersion" = r."version"
      WHERE ${where} AND w."kind"::text IN (${Prisma.join(RANGE_DEVIATION_KINDS)})
      GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT COALESCE(r."lenientKind"::text, 'UNSPECIFIED') AS kind, count(*) AS count
      FROM "EnforcementRecord" r
      WHERE ${where} AND (r."lenientKind" IS NOT NULL
        OR COALESCE(r."payload"->'extra'->>'lenientApplied', r."payload"->>'lenientApplied') = 'true')
      GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT r."originJurisdiction" AS j, COALESCE(i."domainCode", '') AS domain, COALESCE(d."name", '') AS domain_name,
        COALESCE(r."department", '') AS department,
        COALESCE(sum(r."fineFen") FILTER (WHERE r."decidedAt" >= ${start}), 0)::float8 AS current_fen,
        COALESCE(sum(r."fineFen") FILTER (WHERE r."decidedAt" < ${start}), 0)::float8 AS previous_fen
      FROM "EnforcementRecord" r
      LEFT JOIN "EnforcementItem" i ON i."code" = r."itemCode"
      LEFT JOIN "Domain" d ON d."code" = i."domainCode"
      WHERE ${decisionsWhere(scope, previousStart, end)} AND r."fineFen" IS NOT NULL
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 4`,
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT COALESCE(j, '') AS j, count(*) AS decisions,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90
      FROM (
        SELECT r."originJurisdiction" AS j,
          ${beijingDaySql(Prisma.sql`r."decidedAt"`)} - ${beijingDaySql(Prisma.sql`r."occurredAt"`)} AS days
        FROM "EnforcementRecord" r WHERE ${where}
      ) x
      GROUP BY GROUPING SETS ((j), ()) ORDER BY 1`,
  ]);
  return {
    match: { measured: num(match[0]?.measured), matched: num(match[0]?.matched) },
    deviations: deviations.map((r) => ({ kind: String(r.kind), count: num(r.count) })),
    lenient: lenient.map((r) => ({ kind: String(r.kind), count: num(r.count) })),
    fines: fines.map((r) => ({
      jurisdiction: String(r.j),
      domain: String(r.domain),
      domainName: String(r.domain_name),
      department: String(r.department),
      currentFen: num(r.current_fen),
      previousFen: num(r.previous_fen),
    })),
    durations: durations.map((r) => ({
      jurisdiction: String(r.j),
      decisions: num(r.decisions),
      medianDays: numOrNull(r.median),
      p90Days: numOrNull(r.p90),
    })),
  };
}

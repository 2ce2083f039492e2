/**
 * Reads of penalty decisions (行政处罚决定) for the supervision indicators: decisions in the period of their
 * decision time (decidedAt), of the scope's jurisdiction (origin) and domain (the item's). Set-based SQL,
 * aggregated rows out; rules/indicators/decisions.ts computes the figures. The decisions are read from their
 * per-day rollup (SupervisionDecisionDay, kept current by the writes: decision-rollup.ts) unless `source: "plain"`
 * asks for the statements over the records and warnings themselves; both give the same figures
 * (test/schema/supervision-decision-rollup.test.ts).
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
import { percentileCont } from "./rules/indicators/percentile.ts";
import { instantsOf, previousPeriod } from "./rules/indicators/period.ts";

/** where the decisions come from: their rollup (kept current by the writes), or the records and warnings */
export type DecisionSource = "rollup" | "plain";

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

export async function readDecisionFamily(
  db: Db,
  scope: IndicatorScope,
  source: DecisionSource = "rollup",
): Promise<DecisionFamily> {
  return source === "rollup" ? readRollup(db, scope) : readPlain(db, scope);
}

async function readPlain(db: Db, scope: IndicatorScope): Promise<DecisionFamily> {
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
  return familyOf(match, deviations, lenient, fines, durations.map(durationOf));
}

type Rows = Record<string, unknown>[];

function familyOf(match: Rows, deviations: Rows, lenient: Rows, fines: Rows, durations: DurationRow[]): DecisionFamily {
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
    durations,
  };
}

const durationOf = (r: Record<string, unknown>): DurationRow => ({
  jurisdiction: String(r.j),
  decisions: num(r.decisions),
  medianDays: numOrNull(r.median),
  p90Days: numOrNull(r.p90),
});

/** the rollup's rows of the scope's Beijing days `from`…`to`, jurisdiction and domain (the item's, read now) */
const rollupWhere = (scope: IndicatorScope, from: string, to: string) => Prisma.sql`
  s."day" BETWEEN ${from}::date AND ${to}::date
  AND ${scope.jurisdiction === null ? Prisma.sql`TRUE` : Prisma.sql`s."jurisdiction" = ${scope.jurisdiction}`}
  AND ${recordDomainSql(scope, Prisma.sql`s."itemCode"`)}`;

/**
 * The same figures from the rollup: sums of its counters over the period's days (the period bounds are Beijing
 * days, as the rollup's), the durations as a histogram per jurisdiction from which the median and p90 are
 * computed exactly as percentile_cont computes them over the decisions (rules/indicators/percentile.ts).
 */
async function readRollup(db: Db, scope: IndicatorScope): Promise<DecisionFamily> {
  const { from, to } = scope.period;
  const where = rollupWhere(scope, from, to);
  const [counts, fines, histogram] = await Promise.all([
    // matched, each range deviation and each lenient kind: sums of the same rows, one pass
    db.$queryRaw<Rows>`
      SELECT COALESCE(sum(s."measured"), 0) AS measured, COALESCE(sum(s."matched"), 0) AS matched,
        ${Prisma.join(
          Object.values(ROLLUP_KINDS).flatMap((kinds) =>
            Object.values(kinds).map(
              (column) => Prisma.sql`COALESCE(sum(s.${Prisma.raw(`"${column}"`)}), 0) AS ${Prisma.raw(`"${column}"`)}`,
            ),
          ),
        )}
      FROM "SupervisionDecisionDay" s WHERE ${where}`,
    // the days summed by their own columns first, then joined to their domains: grouped by the joined names, the
    // planner could not tell how few groups there are and sorted every day's row (bench/README.md, "supervision: two
    // statements the planner could not size": 424 → 170 ms for two years of 5,000,000 records)
    db.$queryRaw<Rows>`
      SELECT s.j, COALESCE(i."domainCode", '') AS domain, COALESCE(d."name", '') AS domain_name,
        s.department,
        COALESCE(sum(s.current_fen), 0)::float8 AS current_fen,
        COALESCE(sum(s.previous_fen), 0)::float8 AS previous_fen
      FROM (
        SELECT s."jurisdiction" AS j, s."itemCode" AS item, s."department" AS department,
          sum(s."fineFen") FILTER (WHERE s."day" >= ${from}::date) AS current_fen,
          sum(s."fineFen") FILTER (WHERE s."day" < ${from}::date) AS previous_fen
        FROM "SupervisionDecisionDay" s
        WHERE ${rollupWhere(scope, previousPeriod(scope.period).from, to)} AND s."fined" > 0
        GROUP BY 1, 2, 3
      ) s
      LEFT JOIN "EnforcementItem" i ON i."code" = s.item
      LEFT JOIN "Domain" d ON d."code" = i."domainCode"
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 4`,
    db.$queryRaw<Rows>`
      SELECT s."jurisdiction" AS j, h.key::int AS days, sum(h.value::bigint) AS decisions
      FROM "SupervisionDecisionDay" s, jsonb_each_text(s."durations") AS h
      WHERE ${where}
      GROUP BY 1, 2`,
  ]);
  const sums = counts[0] ?? {};
  // the kinds with a count, ordered by kind, as the plain statements give them
  const kindRows = (kinds: Record<string, string>): Rows =>
    Object.entries(kinds)
      .map(([kind, column]) => ({ kind, count: num(sums[column]) }))
      .filter((r) => r.count > 0)
      .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  return familyOf(
    [sums],
    kindRows(ROLLUP_KINDS.deviations),
    kindRows(ROLLUP_KINDS.lenient),
    fines,
    durationsOf(histogram),
  );
}

/** the rollup's column of each range deviation and each lenient kind */
const ROLLUP_KINDS = {
  deviations: {
    FINE_ABOVE_RANGE: "fineAboveRange",
    FINE_BELOW_RANGE: "fineBelowRange",
    LENIENT_IGNORED: "lenientIgnored",
  },
  lenient: {
    FIRST_VIOLATION_EXEMPT: "firstViolationExempt",
    NOT_PUNISHED: "notPunished",
    LIGHTER: "lighter",
    MITIGATED: "mitigated",
    UNSPECIFIED: "lenientUnspecified",
  },
} as const satisfies Record<string, Record<string, string>>;

/**
 * Median and p90 per jurisdiction and over all ("", always present, as the plain statement's empty grouping set),
 * ordered as the plain statement orders them ("" first, then the jurisdictions)
 */
function durationsOf(histogram: Rows): DurationRow[] {
  const bins = new Map<string, Array<{ value: number; count: number }>>([["", []]]);
  for (const r of histogram) {
    const bin = { value: num(r.days), count: num(r.decisions) };
    bins.get("")?.push(bin);
    const of = bins.get(String(r.j)) ?? [];
    of.push(bin);
    bins.set(String(r.j), of);
  }
  return [...bins.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([jurisdiction, of]) => ({
      jurisdiction,
      decisions: of.reduce((n, b) => n + b.count, 0),
      medianDays: percentileCont(of, 0.5),
      p90Days: percentileCont(of, 0.9),
    }));
}

/**
 * The penalty decisions (行政处罚决定) of the supervision indicators as per-day counters — the definition of the
 * rollup `SupervisionDecisionDay`, computed from the records and their warnings. One row per key: the Beijing
 * calendar day of the decision (decidedAt), the origin, the item ('' when none) and the department ('' when
 * none), with what decision-reads.ts counts per decision (docs/supervision.md):
 *   - measured: no ITEM_NOT_EMPOWERED warning on the stored version; matched: measured and no range deviation
 *     (FINE_ABOVE_RANGE, FINE_BELOW_RANGE, LENIENT_IGNORED) on it; each range deviation's own count;
 *   - lenient kinds (行政处罚法 第32条 从轻 / 减轻, 第33条 不予处罚 / 首违不罚), and UNSPECIFIED for a decision that
 *     says `lenientApplied` without the kind;
 *   - the decisions with a fine and the sum of their fines (fen);
 *   - a histogram of case durations (Beijing days from the act to the decision → decisions), from which the
 *     median and p90 are exactly what percentile_cont gives over the decisions (rules/indicators/percentile.ts).
 * An item's domain is not stored: the reads join it (an item's domain may change).
 */
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { rowsByKeys } from "../../gateway/db/rows-by-keys.ts";
import { beijingDaySql } from "./indicator-scope.ts";

/** one rollup row's key as the refresh takes it: a Beijing day `YYYY-MM-DD`, origin, item and department ('' for none) */
export interface DecisionDayKey {
  day: string;
  jurisdiction: string;
  itemCode: string;
  department: string;
}

/** which decisions: some records (what they contribute to their keys: the refresh), or all (a rebuild, the backfill) */
export type DecisionDayFilter = { recordIds: readonly string[] } | { all: true };

const decisionColumns = Prisma.sql`r."id", r."version",
      ${beijingDaySql(Prisma.sql`r."decidedAt"`)} AS day, r."originJurisdiction" AS j,
      COALESCE(r."itemCode", '') AS item, COALESCE(r."department", '') AS dept,
      ${beijingDaySql(Prisma.sql`r."decidedAt"`)} - ${beijingDaySql(Prisma.sql`r."occurredAt"`)} AS days,
      CASE WHEN r."lenientKind" IS NOT NULL
          OR COALESCE(r."payload"->'extra'->>'lenientApplied', r."payload"->>'lenientApplied') = 'true'
        THEN COALESCE(r."lenientKind"::text, 'UNSPECIFIED') END AS lenient,
      r."fineFen" AS fine`;

/** `decided`: the decisions of the filter, one row each (some records by their ids, or all) */
function decidedCte(f: DecisionDayFilter): Prisma.Sql {
  // some records: each by its id (rows-by-keys.ts), never every decision filtered by the ids
  const records =
    "recordIds" in f
      ? rowsByKeys(f.recordIds, "EnforcementRecord", (id) => Prisma.sql`t."id" = ${id}`, "r")
      : Prisma.sql`"EnforcementRecord" r`;
  return Prisma.sql`decided AS MATERIALIZED (
      SELECT ${decisionColumns}
      FROM ${records}
      WHERE r."kind" = 'PENALTY_DECISION' AND r."decidedAt" IS NOT NULL
    )`;
}

/** the counters of a rollup row, as its columns are named */
export const DECISION_DAY_COUNTERS = [
  "decisions",
  "measured",
  "matched",
  "fineAboveRange",
  "fineBelowRange",
  "lenientIgnored",
  "firstViolationExempt",
  "notPunished",
  "lighter",
  "mitigated",
  "lenientUnspecified",
  "fined",
] as const;

export type DecisionDayCounter = (typeof DECISION_DAY_COUNTERS)[number];

const COUNTER_COLUMNS = DECISION_DAY_COUNTERS.map((c) => `"${c}"`).join(", ");
/** the rollup's columns in the order its statements write them */
export const ROLLUP_COLUMNS = Prisma.raw(
  `"day", "jurisdiction", "itemCode", "department", ${COUNTER_COLUMNS}, "fineFen", "durations"`,
);

/** one rollup row as read back: its key, its counters, its fines and its durations histogram (days → decisions) */
export type DecisionDayRow = DecisionDayKey &
  Record<DecisionDayCounter, number> & { fineFen: bigint; durations: Record<string, number> };

/** `INSERT INTO "SupervisionDecisionDay" …` of the rows `f` selects (a rebuild; the migration's backfill) */
export const insertDecisionDayRowsSql = (f: DecisionDayFilter): Prisma.Sql =>
  Prisma.sql`WITH ${rowsCtes(f)} INSERT INTO "SupervisionDecisionDay" (${ROLLUP_COLUMNS}) ${rowsSelect}`;

/** the rows `f` selects, read back (`DecisionDayRow`): what some records contribute to their keys */
export const decisionDayRowsSql = (f: DecisionDayFilter): Prisma.Sql => Prisma.sql`WITH ${rowsCtes(f)}
    SELECT to_char(day, 'YYYY-MM-DD') AS day, jurisdiction, "itemCode", department,
      ${Prisma.raw(DECISION_DAY_COUNTERS.map((c) => `"${c}"::int AS "${c}"`).join(", "))},
      "fineFen"::bigint AS "fineFen", durations
    FROM (${rowsSelect}) AS rows_of (${ROLLUP_COLUMNS})`;

const rowsCtes = (f: DecisionDayFilter): Prisma.Sql => Prisma.sql`${decidedCte(f)},
    warned AS (
      SELECT w."recordId" AS id, w."recordVersion" AS version,
        bool_or(w."kind"::text = 'ITEM_NOT_EMPOWERED') AS not_empowered,
        bool_or(w."kind"::text IN ('FINE_ABOVE_RANGE', 'FINE_BELOW_RANGE', 'LENIENT_IGNORED')) AS deviated,
        bool_or(w."kind"::text = 'FINE_ABOVE_RANGE') AS above, bool_or(w."kind"::text = 'FINE_BELOW_RANGE') AS below,
        bool_or(w."kind"::text = 'LENIENT_IGNORED') AS ignored
      FROM "SupervisionWarning" w JOIN decided d ON d."id" = w."recordId" AND d."version" = w."recordVersion"
      GROUP BY 1, 2
    ),
    per_duration AS (
      SELECT d.day, d.j, d.item, d.dept, d.days, count(*) AS n,
        count(*) FILTER (WHERE w.not_empowered IS NOT TRUE) AS measured,
        count(*) FILTER (WHERE w.not_empowered IS NOT TRUE AND w.deviated IS NOT TRUE) AS matched,
        count(*) FILTER (WHERE w.above) AS above, count(*) FILTER (WHERE w.below) AS below,
        count(*) FILTER (WHERE w.ignored) AS ignored,
        count(*) FILTER (WHERE d.lenient = 'FIRST_VIOLATION_EXEMPT') AS first_violation_exempt,
        count(*) FILTER (WHERE d.lenient = 'NOT_PUNISHED') AS not_punished,
        count(*) FILTER (WHERE d.lenient = 'LIGHTER') AS lighter,
        count(*) FILTER (WHERE d.lenient = 'MITIGATED') AS mitigated,
        count(*) FILTER (WHERE d.lenient = 'UNSPECIFIED') AS unspecified,
        count(d.fine) AS fined, sum(d.fine) AS fine
      FROM decided d LEFT JOIN warned w ON w.id = d."id" AND w.version = d."version"
      GROUP BY 1, 2, 3, 4, 5
    )`;

const rowsSelect = Prisma.sql`SELECT day, j, item, dept, sum(n), sum(measured), sum(matched), sum(above), sum(below), sum(ignored),
      sum(first_violation_exempt), sum(not_punished), sum(lighter), sum(mitigated), sum(unspecified),
      sum(fined), COALESCE(sum(fine), 0), jsonb_object_agg(days::text, n)
    FROM per_duration
    GROUP BY 1, 2, 3, 4`;

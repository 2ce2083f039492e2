-- The decision rollup (issue 18 item 5): per-day counters of penalty decisions (行政处罚决定) — one row per Beijing
-- day of the decision, origin, item ('' when none) and department ('' when none) — kept current in the transaction
-- of every write that changes a decision or its warnings (schema/supervision/decision-rollup.ts,
-- refreshSupervisionDecisionDays). BENCHMARK_MATCH_RATE, LENIENT_CASES, FINE_INCOME_GROWTH and CASE_DURATION read
-- it instead of the period's decisions and their warnings.

-- CreateTable
CREATE TABLE "SupervisionDecisionDay" (
    "day" DATE NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "itemCode" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "decisions" INTEGER NOT NULL,
    "measured" INTEGER NOT NULL,
    "matched" INTEGER NOT NULL,
    "fineAboveRange" INTEGER NOT NULL,
    "fineBelowRange" INTEGER NOT NULL,
    "lenientIgnored" INTEGER NOT NULL,
    "firstViolationExempt" INTEGER NOT NULL,
    "notPunished" INTEGER NOT NULL,
    "lighter" INTEGER NOT NULL,
    "mitigated" INTEGER NOT NULL,
    "lenientUnspecified" INTEGER NOT NULL,
    "fined" INTEGER NOT NULL,
    "fineFen" BIGINT NOT NULL,
    "durations" JSONB NOT NULL,

    CONSTRAINT "SupervisionDecisionDay_pkey" PRIMARY KEY ("day","jurisdiction","itemCode","department")
);

-- Backfill: every decision of the existing records — the statement of insertDecisionDayRowsSql({ all: true })
-- (schema/supervision/decision-day-rows.ts) as it is at this migration; test/schema/supervision-decision-rollup.test.ts
-- runs it.
WITH decided AS MATERIALIZED (
      SELECT r."id", r."version",
      ((r."decidedAt" AT TIME ZONE 'UTC') + interval '8 hours')::date AS day, r."originJurisdiction" AS j,
      COALESCE(r."itemCode", '') AS item, COALESCE(r."department", '') AS dept,
      ((r."decidedAt" AT TIME ZONE 'UTC') + interval '8 hours')::date - ((r."occurredAt" AT TIME ZONE 'UTC') + interval '8 hours')::date AS days,
      CASE WHEN r."lenientKind" IS NOT NULL
          OR COALESCE(r."payload"->'extra'->>'lenientApplied', r."payload"->>'lenientApplied') = 'true'
        THEN COALESCE(r."lenientKind"::text, 'UNSPECIFIED') END AS lenient,
      r."fineFen" AS fine
      FROM "EnforcementRecord" r
      WHERE r."kind" = 'PENALTY_DECISION' AND r."decidedAt" IS NOT NULL
    ),
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
    )
    INSERT INTO "SupervisionDecisionDay" ("day", "jurisdiction", "itemCode", "department", "decisions", "measured", "matched",
  "fineAboveRange", "fineBelowRange", "lenientIgnored", "firstViolationExempt", "notPunished", "lighter", "mitigated",
  "lenientUnspecified", "fined", "fineFen", "durations")
    SELECT day, j, item, dept, sum(n), sum(measured), sum(matched), sum(above), sum(below), sum(ignored),
      sum(first_violation_exempt), sum(not_punished), sum(lighter), sum(mitigated), sum(unspecified),
      sum(fined), COALESCE(sum(fine), 0), jsonb_object_agg(days::text, n)
    FROM per_duration
    GROUP BY 1, 2, 3, 4;

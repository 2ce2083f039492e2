-- Visit counters (issue 18 item 5; schema/supervision/visit-counters.ts): four small rollups derived from the visit
-- rollup and the register, kept current by deltas with every write that changes them, so that a period's visit
-- figures are sums over a few thousand rows instead of reads of every visit of the period; and each visit's gap to
-- the previous one, indexed, so that a period's repeats are read without its other visits.

-- CreateTable
CREATE TABLE "SupervisionVisitDay" (
    "day" DATE NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "itemCode" TEXT NOT NULL,
    "visits" INTEGER NOT NULL,
    "onSite" INTEGER NOT NULL,
    "codeScanned" INTEGER NOT NULL,
    "random" INTEGER NOT NULL,
    "published" INTEGER NOT NULL,

    CONSTRAINT "SupervisionVisitDay_pkey" PRIMARY KEY ("day","jurisdiction","itemCode")
);

-- CreateTable
CREATE TABLE "SupervisionFirstVisitMonth" (
    "month" DATE NOT NULL,
    "previousMonth" DATE NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "creditGrade" TEXT NOT NULL,
    "creditGradeCq" TEXT NOT NULL,
    "creditGradeSc" TEXT NOT NULL,
    "visits" INTEGER NOT NULL,

    CONSTRAINT "SupervisionFirstVisitMonth_pkey" PRIMARY KEY ("month","previousMonth","jurisdiction","creditGrade","creditGradeCq","creditGradeSc")
);

-- CreateTable
CREATE TABLE "SupervisionRandomVisitMonth" (
    "month" DATE NOT NULL,
    "previousMonth" DATE NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "industry" TEXT NOT NULL,
    "visits" INTEGER NOT NULL,

    CONSTRAINT "SupervisionRandomVisitMonth_pkey" PRIMARY KEY ("month","previousMonth","jurisdiction","industry")
);

-- CreateTable
CREATE TABLE "SupervisionOfficerMonth" (
    "month" DATE NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "officer" TEXT NOT NULL,
    "participations" INTEGER NOT NULL,

    CONSTRAINT "SupervisionOfficerMonth_pkey" PRIMARY KEY ("month","jurisdiction","officer")
);

-- AlterTable: each visit's gap to the previous visit of its enterprise, in Beijing days (REPEATED_INSPECTIONS)
ALTER TABLE "SupervisionVisit" ADD COLUMN "gapDays" INTEGER;

-- CreateTable
CREATE TABLE "SupervisionOfficerYear" (
    "year" DATE NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "officer" TEXT NOT NULL,
    "participations" INTEGER NOT NULL,

    CONSTRAINT "SupervisionOfficerYear_pkey" PRIMARY KEY ("year","jurisdiction","officer")
);

-- CreateIndex
CREATE INDEX "SupervisionVisit_jurisdiction_at_taskId_onSite_codeScanned__idx" ON "SupervisionVisit"("jurisdiction", "at", "taskId", "onSite", "codeScanned", "random", "published");

-- CreateIndex
CREATE INDEX "SupervisionVisit_gapDays_at_idx" ON "SupervisionVisit"("gapDays", "at");

-- DropIndex / CreateIndex: an enterprise's participations from an instant on
DROP INDEX "SupervisionParticipation_enterpriseUscc_idx";
CREATE INDEX "SupervisionParticipation_enterpriseUscc_at_idx" ON "SupervisionParticipation"("enterpriseUscc", "at");

-- Backfill: the gap as insertVisitRowsSql() (schema/supervision/visit-rows.ts) writes it
UPDATE "SupervisionVisit" SET "gapDays" = ((("at" AT TIME ZONE 'UTC') + interval '8 hours')::date)
    - ((("previousAt" AT TIME ZONE 'UTC') + interval '8 hours')::date)
  WHERE "previousAt" IS NOT NULL;

-- Backfills: every visit's contribution — the statements of insertVisitCounterRowsSql() (schema/supervision/
-- visit-counters.ts) as they are at this migration; test/schema/supervision-visit-counters.test.ts runs them.
-- Backfill: SupervisionVisitDay
INSERT INTO "SupervisionVisitDay" ("day", "jurisdiction", "itemCode", "visits", "onSite", "codeScanned", "random", "published")
    SELECT x."day"::date, x."jurisdiction"::text, x."itemCode"::text, x."visits", x."onSite", x."codeScanned", x."random", x."published" FROM (SELECT ((s."at" AT TIME ZONE 'UTC') + interval '8 hours')::date::text AS "day",
      s."jurisdiction", COALESCE(s."itemCode", '') AS "itemCode", count(*)::int AS "visits",
      (count(*) FILTER (WHERE s."onSite"))::int AS "onSite",
      (count(*) FILTER (WHERE s."onSite" AND s."codeScanned"))::int AS "codeScanned",
      (count(*) FILTER (WHERE s."random"))::int AS "random",
      (count(*) FILTER (WHERE s."random" AND s."published"))::int AS "published"
    FROM "SupervisionVisit" s
    WHERE s."taskId" IS NULL AND TRUE
    GROUP BY 1, 2, 3) x;

-- Backfill: SupervisionFirstVisitMonth
INSERT INTO "SupervisionFirstVisitMonth" ("month", "previousMonth", "jurisdiction", "creditGrade", "creditGradeCq", "creditGradeSc", "visits")
    SELECT x."month"::date, x."previousMonth"::date, x."jurisdiction"::text, x."creditGrade"::text, x."creditGradeCq"::text, x."creditGradeSc"::text, x."visits" FROM (SELECT date_trunc('month', ((s."at" AT TIME ZONE 'UTC') + interval '8 hours')::date::timestamp)::date::text AS "month",
      COALESCE(date_trunc('month', ((s."previousAt" AT TIME ZONE 'UTC') + interval '8 hours')::date::timestamp)::date, '0001-01-01'::date)::text AS "previousMonth",
      s."jurisdiction", COALESCE(e."creditGrade"::text, '') AS "creditGrade",
      COALESCE(e."creditGradeCq"::text, '') AS "creditGradeCq", COALESCE(e."creditGradeSc"::text, '') AS "creditGradeSc",
      count(*)::int AS "visits"
    FROM "SupervisionVisit" s JOIN "Enterprise" e ON e."uscc" = s."enterpriseUscc"
    WHERE TRUE
    GROUP BY 1, 2, 3, 4, 5, 6) x;

-- Backfill: SupervisionRandomVisitMonth
INSERT INTO "SupervisionRandomVisitMonth" ("month", "previousMonth", "jurisdiction", "industry", "visits")
    SELECT x."month"::date, x."previousMonth"::date, x."jurisdiction"::text, x."industry"::text, x."visits" FROM (SELECT date_trunc('month', ((r.at AT TIME ZONE 'UTC') + interval '8 hours')::date::timestamp)::date::text AS "month",
      COALESCE(date_trunc('month', ((r.previous_at AT TIME ZONE 'UTC') + interval '8 hours')::date::timestamp)::date, '0001-01-01'::date)::text AS "previousMonth",
      r.j AS "jurisdiction", COALESCE(e."industry", '') AS "industry", count(*)::int AS "visits"
    FROM (
      SELECT s."enterpriseUscc" AS uscc, s."jurisdiction" AS j, s."at",
        lag(s."at") OVER (PARTITION BY s."enterpriseUscc" ORDER BY s."at", s."key") AS previous_at
      FROM "SupervisionVisit" s
      WHERE s."random" AND s."enterpriseUscc" IS NOT NULL
        AND TRUE 
    ) r JOIN "Enterprise" e ON e."uscc" = r.uscc
    WHERE TRUE
    GROUP BY 1, 2, 3, 4) x;

-- Backfill: SupervisionOfficerMonth
INSERT INTO "SupervisionOfficerMonth" ("month", "jurisdiction", "officer", "participations")
    SELECT x."month"::date, x."jurisdiction"::text, x."officer"::text, x."participations" FROM (SELECT
      date_trunc('month', ((p."at" AT TIME ZONE 'UTC') + interval '8 hours')::date::timestamp)::date::text AS "month",
      p."jurisdiction", p."officer", count(*)::int AS "participations"
    FROM "SupervisionParticipation" p
    WHERE TRUE
    GROUP BY 1, 2, 3) x;

-- Backfill: SupervisionOfficerYear
INSERT INTO "SupervisionOfficerYear" ("year", "jurisdiction", "officer", "participations")
    SELECT x."year"::date, x."jurisdiction"::text, x."officer"::text, x."participations" FROM (SELECT
      date_trunc('year', ((p."at" AT TIME ZONE 'UTC') + interval '8 hours')::date::timestamp)::date::text AS "year",
      p."jurisdiction", p."officer", count(*)::int AS "participations"
    FROM "SupervisionParticipation" p
    WHERE TRUE
    GROUP BY 1, 2, 3) x;


-- Each random visit's previous random visit of its enterprise, kept on the visit's own row (issue 19, ingest): a
-- refresh replaces only the visits that changed and moves the counters by what those rows contributed, so every
-- counter must read a visit's contribution from its own row. SupervisionRandomVisitMonth's previous month came from
-- a window over all of an enterprise's random visits; it now comes from this column.
-- The participations' index by enterprise and time served the counters' reads from an instant on; a refresh now
-- reads participations by their visit's key (the primary key), and nothing else reads that index.

-- AlterTable
ALTER TABLE "SupervisionVisit" ADD COLUMN "previousRandomAt" TIMESTAMPTZ(6);

-- DropIndex
DROP INDEX "SupervisionParticipation_enterpriseUscc_at_idx";

-- Backfill: the previous random visit as the visit rows' statement (schema/supervision/visit-row-writes.ts) writes it
UPDATE "SupervisionVisit" s SET "previousRandomAt" = p.previous_at
  FROM (
    SELECT v."key", lag(v."at") OVER (PARTITION BY v."enterpriseUscc" ORDER BY v."at", v."key") AS previous_at
    FROM "SupervisionVisit" v
    WHERE v."random" AND v."enterpriseUscc" IS NOT NULL
  ) p
  WHERE s."key" = p."key" AND p.previous_at IS NOT NULL;

-- Officer participations of the visits (issue 18 item 5): one row per officer of a SupervisionVisit, written by
-- refreshSupervisionVisits in the same statement as the visit rows they derive from (schema/supervision/visit-rows.ts).
-- OFFICER_LOAD reads a period's participations from here instead of unnesting every visit's officers.

-- CreateTable
CREATE TABLE "SupervisionParticipation" (
    "visitKey" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "officer" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "enterpriseUscc" TEXT,
    "at" TIMESTAMPTZ(6) NOT NULL,
    "itemCode" TEXT,
    "taskId" TEXT,

    CONSTRAINT "SupervisionParticipation_pkey" PRIMARY KEY ("visitKey","position")
);

-- CreateIndex
CREATE INDEX "SupervisionParticipation_at_jurisdiction_officer_idx" ON "SupervisionParticipation"("at", "jurisdiction", "officer");

-- CreateIndex
CREATE INDEX "SupervisionParticipation_enterpriseUscc_idx" ON "SupervisionParticipation"("enterpriseUscc");

-- Backfill: the participations of every visit of the rollup — the statement of insertParticipationsOfRollupSql()
-- (schema/supervision/visit-rows.ts) as it is at this migration; test/schema/supervision-rollup.test.ts runs it.
INSERT INTO "SupervisionParticipation" ("visitKey", "position", "officer", "jurisdiction", "enterpriseUscc", "at", "itemCode", "taskId")
    SELECT p.key, p.position, p.officer,
      split_part(p.officer, ':', 1), p.uscc, p.at, p.item_code, p.task_id
    FROM (
      SELECT v."key" AS key, c.position::int AS position, v."jurisdiction" || ':' || c.certificate AS officer,
        v."enterpriseUscc" AS uscc, v."at" AS at, v."itemCode" AS item_code, NULL::text AS task_id
      FROM "SupervisionVisit" v, unnest(v."officerCertificates") WITH ORDINALITY AS c(certificate, position)
      WHERE v."taskId" IS NULL AND c.certificate IS NOT NULL
      UNION ALL
      SELECT v."key", (row_number() OVER (PARTITION BY v."key" ORDER BY o."pick", o."certificateNumber"))::int,
        o."homeJurisdiction" || ':' || o."certificateNumber", v."enterpriseUscc", v."at", NULL::text, v."taskId"
      FROM "SupervisionVisit" v JOIN "TaskOfficer" o ON o."taskId" = v."taskId"
    ) p;

-- The visit rollup (issue 18 item 5): one row per 入企检查 visit as docs/supervision.md defines it, kept current in
-- the transaction of every write that changes a visit (schema/supervision/visit-rollup.ts, refreshSupervisionVisits).
-- The indicators read it instead of recomputing every visit of a period from the records and tasks.

-- CreateTable
CREATE TABLE "SupervisionVisit" (
    "key" TEXT NOT NULL,
    "taskId" TEXT,
    "jurisdiction" TEXT NOT NULL,
    "enterpriseUscc" TEXT,
    "at" TIMESTAMPTZ(6) NOT NULL,
    "onSite" BOOLEAN NOT NULL,
    "codeScanned" BOOLEAN NOT NULL,
    "random" BOOLEAN NOT NULL,
    "published" BOOLEAN NOT NULL,
    "officerCertificates" TEXT[],
    "itemCode" TEXT,
    "previousKey" TEXT,
    "previousJurisdiction" TEXT,
    "previousAt" TIMESTAMPTZ(6),

    CONSTRAINT "SupervisionVisit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SupervisionVisit_at_idx" ON "SupervisionVisit"("at");

-- CreateIndex
CREATE INDEX "SupervisionVisit_enterpriseUscc_at_idx" ON "SupervisionVisit"("enterpriseUscc", "at");

-- Backfill: every visit of the existing records and tasks — the statement of insertVisitRowsSql({ all: true })
-- (schema/supervision/visit-rows.ts) as it is at this migration; test/schema/supervision-rollup.test.ts runs it.
WITH task_refs AS MATERIALIZED (
      SELECT t."id", t."id" AS ref FROM "InspectionTask" t WHERE TRUE
      UNION ALL
      SELECT t."id", replace(encode(convert_to('InspectionTask:' || t."id", 'UTF8'), 'base64'), chr(10), '') FROM "InspectionTask" t WHERE TRUE
    ),
    task_acts AS (
      SELECT x."id" AS task_id, r."enterpriseUscc" AS uscc, min(r."occurredAt") AS at
      FROM "EnforcementRecord" r JOIN task_refs x ON x.ref = r."payload"->>'taskId'
      WHERE r."kind" = 'INSPECTION' AND TRUE
      GROUP BY 1, 2
    ),
    task_visits AS MATERIALIZED (
      SELECT t."id", t."enterpriseUscc" AS uscc, t."drawId",
        COALESCE(a.at, (SELECT min(x."recordedAt") FROM "TaskItemResult" x WHERE x."taskId" = t."id"), t."updatedAt") AS at
      FROM "InspectionTask" t
      LEFT JOIN task_acts a ON a.task_id = t."id" AND a.uscc = t."enterpriseUscc"
      WHERE t."state" = 'DONE' AND TRUE
    ),
    visit_rows AS (
      SELECT 'r:' || r."id" AS key, NULL::text AS task_id, r."originJurisdiction" AS j, r."enterpriseUscc" AS uscc,
        r."occurredAt" AS at, COALESCE(r."onSite", FALSE) AS on_site, COALESCE(r."codeScanned", FALSE) AS code_scanned,
        r."inspectionMode" IS NOT DISTINCT FROM 'RANDOM' AS random, r."resultPublishedAt" IS NOT NULL AS published,
        r."officerCertificates" AS officers, r."itemCode" AS item_code
      FROM "EnforcementRecord" r
      WHERE r."kind" = 'INSPECTION' AND TRUE
        AND NOT EXISTS (SELECT 1 FROM task_refs x WHERE x.ref = r."payload"->>'taskId')
      UNION ALL
      SELECT 't:' || v."id", v."id", 'gz', v.uscc, v.at, TRUE, FALSE, v."drawId" IS NOT NULL, v."drawId" IS NOT NULL,
        '{}'::text[], NULL::text
      FROM task_visits v
      WHERE TRUE
    )
    INSERT INTO "SupervisionVisit" ("key", "taskId", "jurisdiction", "enterpriseUscc", "at", "onSite", "codeScanned",
  "random", "published", "officerCertificates", "itemCode", "previousKey", "previousJurisdiction", "previousAt")
    SELECT key, task_id, j, uscc, at, on_site, code_scanned, random, published, officers, item_code,
      CASE WHEN uscc IS NOT NULL THEN lag(key) OVER w END, CASE WHEN uscc IS NOT NULL THEN lag(j) OVER w END,
      CASE WHEN uscc IS NOT NULL THEN lag(at) OVER w END
    FROM visit_rows WINDOW w AS (PARTITION BY uscc ORDER BY at, key)
    ON CONFLICT ("key") DO UPDATE SET "taskId" = EXCLUDED."taskId", "jurisdiction" = EXCLUDED."jurisdiction",
      "enterpriseUscc" = EXCLUDED."enterpriseUscc", "at" = EXCLUDED."at", "onSite" = EXCLUDED."onSite",
      "codeScanned" = EXCLUDED."codeScanned", "random" = EXCLUDED."random", "published" = EXCLUDED."published",
      "officerCertificates" = EXCLUDED."officerCertificates", "itemCode" = EXCLUDED."itemCode",
      "previousKey" = EXCLUDED."previousKey", "previousJurisdiction" = EXCLUDED."previousJurisdiction",
      "previousAt" = EXCLUDED."previousAt";

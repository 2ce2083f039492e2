-- Supervision indicators at scale (issue 18 item 5): found with EXPLAIN ANALYZE of every read statement in
-- `npm run bench -- supervision --postgres` (1,000,000 enterprises, 5,000,000 records; bench/RESULTS.md).
-- Expression indexes: Prisma's schema cannot describe them, so they live here only (as the trigram indexes do).

-- A joint task's visit time is the earliest act of the inspection records answering it (payload taskId, same
-- enterprise): schema/supervision/visit-reads.ts reads them in one pass by this index, not by scanning every
-- inspection. Partial: only the records naming a task.
CREATE INDEX "EnforcementRecord_inspection_taskId_idx"
  ON "EnforcementRecord" (("payload"->>'taskId'), "enterpriseUscc", "occurredAt")
  WHERE "kind" = 'INSPECTION' AND ("payload"->>'taskId') IS NOT NULL;

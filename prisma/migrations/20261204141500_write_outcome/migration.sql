-- One outcome vocabulary for "an older version arrived" (WriteOutcome, schema/sync/write-outcome.ts):
-- library history said SUPERSEDED where ingest said STALE; both now say STALE.
UPDATE "LibraryChange" SET "outcome" = 'STALE' WHERE "outcome" = 'SUPERSEDED';

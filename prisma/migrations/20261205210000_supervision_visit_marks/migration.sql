-- Visit rollup marks (issue 19 item 3): a write that may change visits marks the enterprises and records it touched,
-- one row per write, in its own transaction; the refresh (schema/supervision/visit-marks.ts) takes whole marks and
-- recomputes their visits.
CREATE TABLE "SupervisionVisitMark" (
    "id" BIGSERIAL NOT NULL,
    "enterpriseUsccs" TEXT[],
    "recordIds" TEXT[],
    "markedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionVisitMark_pkey" PRIMARY KEY ("id")
);

-- Visit rollup marks (issue 19 item 3): a record write marks the enterprises whose visits it may have changed, in
-- its own transaction; the refresh (schema/supervision/visit-marks.ts) takes the marks and recomputes their visits.
CREATE TABLE "SupervisionVisitMark" (
    "id" BIGSERIAL NOT NULL,
    "enterpriseUscc" TEXT,
    "recordId" TEXT,
    "markedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionVisitMark_pkey" PRIMARY KEY ("id")
);

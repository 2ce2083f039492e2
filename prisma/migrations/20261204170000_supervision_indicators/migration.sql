-- Supervision indicators (issue 18): the record fields they need (all optional, non-breaking), the indexes
-- their queries read by, and the enterprises' 执法码 checks and feedback (filled by the public /v/<code> page).
-- CreateEnum
CREATE TYPE "InspectionMode" AS ENUM ('RANDOM', 'KEY_SUPERVISION', 'COMPLAINT', 'OTHER');

-- CreateEnum
CREATE TYPE "LenientKind" AS ENUM ('FIRST_VIOLATION_EXEMPT', 'NOT_PUNISHED', 'LIGHTER', 'MITIGATED');

-- AlterTable
ALTER TABLE "EnforcementRecord" ADD COLUMN     "codeScanned" BOOLEAN,
ADD COLUMN     "department" TEXT,
ADD COLUMN     "inspectionMode" "InspectionMode",
ADD COLUMN     "lenientKind" "LenientKind",
ADD COLUMN     "onSite" BOOLEAN,
ADD COLUMN     "resultPublishedAt" TIMESTAMPTZ(6);

-- CreateTable
CREATE TABLE "InspectionCodeCheck" (
    "id" TEXT NOT NULL,
    "taskId" TEXT,
    "enterpriseUscc" TEXT NOT NULL,
    "valid" BOOLEAN NOT NULL,
    "reason" TEXT,
    "checkedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InspectionCodeCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionFeedback" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "enterpriseUscc" TEXT NOT NULL,
    "codeShown" BOOLEAN NOT NULL,
    "teamMatched" BOOLEAN NOT NULL,
    "durationMinutes" INTEGER,
    "satisfaction" INTEGER NOT NULL,
    "comments" TEXT,
    "submittedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InspectionFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InspectionCodeCheck_taskId_checkedAt_idx" ON "InspectionCodeCheck"("taskId", "checkedAt");

-- CreateIndex
CREATE INDEX "InspectionCodeCheck_checkedAt_idx" ON "InspectionCodeCheck"("checkedAt");

-- CreateIndex
CREATE INDEX "InspectionFeedback_submittedAt_idx" ON "InspectionFeedback"("submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionFeedback_taskId_enterpriseUscc_key" ON "InspectionFeedback"("taskId", "enterpriseUscc");

-- CreateIndex
CREATE INDEX "EnforcementRecord_kind_occurredAt_idx" ON "EnforcementRecord"("kind", "occurredAt");

-- CreateIndex
CREATE INDEX "EnforcementRecord_kind_decidedAt_idx" ON "EnforcementRecord"("kind", "decidedAt");

-- CreateIndex
CREATE INDEX "EnforcementRecord_enterpriseUscc_occurredAt_idx" ON "EnforcementRecord"("enterpriseUscc", "occurredAt");

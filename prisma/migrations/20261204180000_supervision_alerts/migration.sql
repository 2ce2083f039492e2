-- Supervision alerts (issue 18 item 2): indicator alerts are SupervisionWarning rows of three new kinds, about a
-- subject over a period rather than about one penalty record. Non-breaking for the stored per-decision warnings:
-- their record columns stay filled; an alert leaves them null and fills subject, periodKey and evidence.
-- Unique (kind, subject, periodKey): re-evaluating a period never raises the same alert twice, on any replica
-- (a per-decision warning has a null subject, and nulls are distinct, so its own unique key still governs it).

-- AlterEnum
ALTER TYPE "WarningKind" ADD VALUE 'REPEATED_INSPECTION';
ALTER TYPE "WarningKind" ADD VALUE 'FINE_INCOME_SURGE';
ALTER TYPE "WarningKind" ADD VALUE 'A_GRADE_OVER_INSPECTED';

-- AlterTable
ALTER TABLE "SupervisionWarning" ADD COLUMN     "evidence" JSONB,
ADD COLUMN     "periodKey" TEXT,
ADD COLUMN     "subject" TEXT,
ALTER COLUMN "recordId" DROP NOT NULL,
ALTER COLUMN "recordVersion" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionWarning_kind_subject_periodKey_key" ON "SupervisionWarning"("kind", "subject", "periodKey");

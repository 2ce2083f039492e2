-- CreateEnum
CREATE TYPE "WarningKind" AS ENUM ('FINE_ABOVE_RANGE', 'FINE_BELOW_RANGE', 'LENIENT_IGNORED', 'ITEM_NOT_EMPOWERED');

-- CreateEnum
CREATE TYPE "WarningSeverity" AS ENUM ('HIGH', 'MEDIUM', 'LOW');

-- AlterTable
ALTER TABLE "Enterprise" ADD COLUMN     "registrationProvisional" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "versionCq" INTEGER,
ADD COLUMN     "versionSc" INTEGER;

-- AlterTable
ALTER TABLE "SyncCheckpoint" ADD COLUMN     "lastSeenAt" TIMESTAMPTZ(6),
ADD COLUMN     "sourceTime" TIMESTAMPTZ(6);

-- CreateTable
CREATE TABLE "SupervisionWarning" (
    "id" TEXT NOT NULL,
    "kind" "WarningKind" NOT NULL,
    "severity" "WarningSeverity" NOT NULL,
    "message" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "recordVersion" INTEGER NOT NULL,
    "originJurisdiction" TEXT NOT NULL,
    "itemCode" TEXT,
    "match" JSONB NOT NULL,
    "decision" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionWarning_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LibraryChange" (
    "id" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityKey" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "subject" TEXT,
    "version" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "data" JSONB NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LibraryChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingSession" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "hours" INTEGER NOT NULL,
    "organizer" TEXT NOT NULL,
    "domains" TEXT[],
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingAttendance" (
    "sessionId" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "attended" BOOLEAN NOT NULL DEFAULT true,
    "passed" BOOLEAN,
    "recordedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingAttendance_pkey" PRIMARY KEY ("sessionId","officerId")
);

-- CreateTable
CREATE TABLE "QuarantinedRecord" (
    "id" TEXT NOT NULL,
    "originJurisdiction" TEXT NOT NULL,
    "originId" TEXT,
    "source" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUARANTINED',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(6),

    CONSTRAINT "QuarantinedRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SupervisionWarning_originJurisdiction_createdAt_idx" ON "SupervisionWarning"("originJurisdiction", "createdAt");

-- CreateIndex
CREATE INDEX "SupervisionWarning_status_createdAt_idx" ON "SupervisionWarning"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionWarning_recordId_recordVersion_kind_key" ON "SupervisionWarning"("recordId", "recordVersion", "kind");

-- CreateIndex
CREATE INDEX "LibraryChange_entityType_entityKey_at_idx" ON "LibraryChange"("entityType", "entityKey", "at");

-- CreateIndex
CREATE INDEX "TrainingAttendance_officerId_idx" ON "TrainingAttendance"("officerId");

-- CreateIndex
CREATE INDEX "QuarantinedRecord_originJurisdiction_status_idx" ON "QuarantinedRecord"("originJurisdiction", "status");

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

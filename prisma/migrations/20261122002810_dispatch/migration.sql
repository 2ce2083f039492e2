-- CreateEnum
CREATE TYPE "DrawStatus" AS ENUM ('COMMITTED', 'REVEALED');

-- CreateEnum
CREATE TYPE "TaskState" AS ENUM ('PLANNED', 'DISPATCHED', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ItemResult" AS ENUM ('COMPLIANT', 'NON_COMPLIANT');

-- CreateTable
CREATE TABLE "InspectionPlan" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scope" JSONB NOT NULL,
    "itemCodes" TEXT[],
    "domains" TEXT[],
    "baseRatioPpm" INTEGER NOT NULL,
    "stratifyBy" TEXT NOT NULL,
    "factorsPermille" JSONB NOT NULL,
    "excludeInspectedWithinDays" INTEGER NOT NULL,
    "yearlyCap" INTEGER NOT NULL,
    "teamSize" INTEGER NOT NULL,
    "visitFrom" DATE NOT NULL,
    "visitTo" DATE NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InspectionPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Draw" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "status" "DrawStatus" NOT NULL DEFAULT 'COMMITTED',
    "parameters" JSONB NOT NULL,
    "drawDay" DATE NOT NULL,
    "seedHash" TEXT NOT NULL,
    "seed" TEXT,
    "candidateListHash" TEXT NOT NULL,
    "candidateCount" INTEGER NOT NULL,
    "strata" JSONB,
    "selected" TEXT[],
    "committedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revealedAt" TIMESTAMPTZ(6),
    "committedBy" TEXT NOT NULL,

    CONSTRAINT "Draw_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrawCandidate" (
    "drawId" TEXT NOT NULL,
    "uscc" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "park" TEXT,
    "town" TEXT,
    "industry" TEXT NOT NULL,
    "riskClass" TEXT NOT NULL,
    "excluded" TEXT,

    CONSTRAINT "DrawCandidate_pkey" PRIMARY KEY ("drawId","uscc")
);

-- CreateTable
CREATE TABLE "InspectionTask" (
    "id" TEXT NOT NULL,
    "drawId" TEXT,
    "enterpriseUscc" TEXT NOT NULL,
    "enterpriseName" TEXT NOT NULL,
    "itemCodes" TEXT[],
    "domains" TEXT[],
    "visitFrom" DATE NOT NULL,
    "visitTo" DATE NOT NULL,
    "state" "TaskState" NOT NULL DEFAULT 'PLANNED',
    "teamProblems" JSONB,
    "inspectionCode" TEXT,
    "codeRevokedAt" TIMESTAMPTZ(6),
    "codeRevokedReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "InspectionTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskOfficer" (
    "taskId" TEXT NOT NULL,
    "certificateNumber" TEXT NOT NULL,
    "homeJurisdiction" TEXT NOT NULL,
    "pick" INTEGER NOT NULL,

    CONSTRAINT "TaskOfficer_pkey" PRIMARY KEY ("taskId","certificateNumber")
);

-- CreateTable
CREATE TABLE "TaskItemResult" (
    "taskId" TEXT NOT NULL,
    "itemCode" TEXT NOT NULL,
    "result" "ItemResult" NOT NULL,
    "findings" TEXT,
    "recordedBy" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "penaltyCase" JSONB,
    "recordedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskItemResult_pkey" PRIMARY KEY ("taskId","itemCode")
);

-- CreateTable
CREATE TABLE "OfficerConflict" (
    "certificateNumber" TEXT NOT NULL,
    "enterpriseUscc" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "declaredBy" TEXT NOT NULL,
    "declaredAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfficerConflict_pkey" PRIMARY KEY ("certificateNumber","enterpriseUscc")
);

-- CreateIndex
CREATE INDEX "InspectionTask_enterpriseUscc_visitFrom_idx" ON "InspectionTask"("enterpriseUscc", "visitFrom");

-- CreateIndex
CREATE INDEX "InspectionTask_state_idx" ON "InspectionTask"("state");

-- CreateIndex
CREATE INDEX "TaskOfficer_certificateNumber_idx" ON "TaskOfficer"("certificateNumber");

-- CreateIndex
CREATE INDEX "OfficerConflict_enterpriseUscc_idx" ON "OfficerConflict"("enterpriseUscc");

-- AddForeignKey
ALTER TABLE "Draw" ADD CONSTRAINT "Draw_planId_fkey" FOREIGN KEY ("planId") REFERENCES "InspectionPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrawCandidate" ADD CONSTRAINT "DrawCandidate_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "Draw"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionTask" ADD CONSTRAINT "InspectionTask_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "Draw"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskOfficer" ADD CONSTRAINT "TaskOfficer_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "InspectionTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskItemResult" ADD CONSTRAINT "TaskItemResult_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "InspectionTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

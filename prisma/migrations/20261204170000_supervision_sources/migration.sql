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

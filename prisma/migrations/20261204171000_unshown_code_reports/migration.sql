-- CreateTable
CREATE TABLE "UnshownCodeReport" (
    "id" TEXT NOT NULL,
    "enterpriseUscc" TEXT NOT NULL,
    "occurredOn" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "reportedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'OPEN',

    CONSTRAINT "UnshownCodeReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UnshownCodeReport_reportedAt_idx" ON "UnshownCodeReport"("reportedAt");

-- CreateIndex
CREATE UNIQUE INDEX "UnshownCodeReport_enterpriseUscc_occurredOn_department_key" ON "UnshownCodeReport"("enterpriseUscc", "occurredOn", "department");

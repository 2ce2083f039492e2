-- CreateEnum
CREATE TYPE "ItemKind" AS ENUM ('PENALTY', 'INSPECTION', 'COERCION');

-- CreateEnum
CREATE TYPE "EmpowermentMode" AS ENUM ('AUTHORIZED', 'ENTRUSTED');

-- CreateEnum
CREATE TYPE "LegalBasisRole" AS ENUM ('SETTING', 'IMPLEMENTING', 'DUTY', 'PENALTY');

-- CreateEnum
CREATE TYPE "OfficerStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'RETIRED');

-- CreateEnum
CREATE TYPE "CreditGrade" AS ENUM ('A', 'B', 'C', 'D');

-- CreateEnum
CREATE TYPE "RecordKind" AS ENUM ('INSPECTION', 'PENALTY_DECISION');

-- CreateTable
CREATE TABLE "Jurisdiction" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "Jurisdiction_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Division" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentCode" TEXT,
    "validFrom" DATE,
    "validTo" DATE,
    "successorCode" TEXT,
    "verified" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT,

    CONSTRAINT "Division_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Domain" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Domain_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "EnforcementItem" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ItemKind" NOT NULL,
    "domainCode" TEXT NOT NULL,
    "cqCode" TEXT NOT NULL,
    "cqName" TEXT NOT NULL,
    "scCode" TEXT NOT NULL,
    "scName" TEXT NOT NULL,
    "empowermentMode" "EmpowermentMode" NOT NULL,
    "actingName" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "originalDepartment" TEXT NOT NULL,
    "empoweredFrom" DATE NOT NULL,
    "empoweredTo" DATE,
    "illustrative" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "EnforcementItem_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "LegalBasis" (
    "id" TEXT NOT NULL,
    "itemCode" TEXT NOT NULL,
    "role" "LegalBasisRole" NOT NULL,
    "lawName" TEXT NOT NULL,
    "lawVersion" TEXT,
    "article" INTEGER,
    "clause" INTEGER,
    "subItem" INTEGER,
    "citation" TEXT NOT NULL,
    "summary" TEXT,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "verified" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LegalBasis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Benchmark" (
    "id" TEXT NOT NULL,
    "itemCode" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "violation" TEXT NOT NULL,
    "tiers" JSONB NOT NULL,
    "lenientRules" JSONB NOT NULL,
    "provenance" JSONB,
    "illustrative" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Benchmark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Officer" (
    "id" TEXT NOT NULL,
    "certificateNumber" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "homeJurisdiction" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "status" "OfficerStatus" NOT NULL DEFAULT 'ACTIVE',
    "certificateValidFrom" DATE NOT NULL,
    "certificateValidTo" DATE NOT NULL,
    "qualifiedDomains" TEXT[],
    "idNumber" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "homeAddress" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "Officer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enterprise" (
    "id" TEXT NOT NULL,
    "uscc" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "park" TEXT NOT NULL,
    "town" TEXT NOT NULL,
    "divisionCode" TEXT NOT NULL,
    "industry" TEXT NOT NULL,
    "registeringJurisdiction" TEXT NOT NULL,
    "creditGrade" "CreditGrade" NOT NULL,
    "creditGradeCq" "CreditGrade",
    "creditGradeSc" "CreditGrade",
    "legalRepresentative" TEXT,
    "address" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "Enterprise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnforcementRecord" (
    "id" TEXT NOT NULL,
    "kind" "RecordKind" NOT NULL,
    "originJurisdiction" TEXT NOT NULL,
    "originId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "itemCode" TEXT,
    "enterpriseUscc" TEXT,
    "officerCertificates" TEXT[],
    "occurredAt" TIMESTAMPTZ(6) NOT NULL,
    "decidedAt" TIMESTAMPTZ(6),
    "fineFen" BIGINT,
    "result" TEXT,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "EnforcementRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeEvent" (
    "seq" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "originJurisdiction" TEXT,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "SyncCheckpoint" (
    "id" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "cursor" TEXT,
    "ackedSeq" BIGINT NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMPTZ(6),
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "SyncCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuer" TEXT,
    "subject" TEXT,
    "operationName" TEXT,
    "operationType" TEXT NOT NULL,
    "documentHash" TEXT,
    "variablesHash" TEXT,
    "recordIds" TEXT[],
    "outcome" TEXT NOT NULL,
    "errorCode" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "EnforcementItem_cqCode_key" ON "EnforcementItem"("cqCode");

-- CreateIndex
CREATE UNIQUE INDEX "EnforcementItem_scCode_key" ON "EnforcementItem"("scCode");

-- CreateIndex
CREATE INDEX "EnforcementItem_domainCode_kind_idx" ON "EnforcementItem"("domainCode", "kind");

-- CreateIndex
CREATE INDEX "LegalBasis_itemCode_idx" ON "LegalBasis"("itemCode");

-- CreateIndex
CREATE INDEX "Benchmark_itemCode_source_effectiveFrom_idx" ON "Benchmark"("itemCode", "source", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Benchmark_itemCode_source_version_key" ON "Benchmark"("itemCode", "source", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Officer_certificateNumber_key" ON "Officer"("certificateNumber");

-- CreateIndex
CREATE INDEX "Officer_homeJurisdiction_status_idx" ON "Officer"("homeJurisdiction", "status");

-- CreateIndex
CREATE INDEX "Officer_name_idx" ON "Officer"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_uscc_key" ON "Enterprise"("uscc");

-- CreateIndex
CREATE INDEX "Enterprise_park_idx" ON "Enterprise"("park");

-- CreateIndex
CREATE INDEX "Enterprise_town_idx" ON "Enterprise"("town");

-- CreateIndex
CREATE INDEX "Enterprise_industry_idx" ON "Enterprise"("industry");

-- CreateIndex
CREATE INDEX "Enterprise_creditGrade_idx" ON "Enterprise"("creditGrade");

-- CreateIndex
CREATE INDEX "EnforcementRecord_kind_originJurisdiction_idx" ON "EnforcementRecord"("kind", "originJurisdiction");

-- CreateIndex
CREATE INDEX "EnforcementRecord_enterpriseUscc_idx" ON "EnforcementRecord"("enterpriseUscc");

-- CreateIndex
CREATE UNIQUE INDEX "EnforcementRecord_originJurisdiction_originId_key" ON "EnforcementRecord"("originJurisdiction", "originId");

-- CreateIndex
CREATE INDEX "ChangeEvent_kind_seq_idx" ON "ChangeEvent"("kind", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_hash_key" ON "AuditEntry"("hash");

-- CreateIndex
CREATE INDEX "AuditEntry_issuer_at_idx" ON "AuditEntry"("issuer", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_subject_at_idx" ON "AuditEntry"("subject", "at");

-- AddForeignKey
ALTER TABLE "EnforcementItem" ADD CONSTRAINT "EnforcementItem_domainCode_fkey" FOREIGN KEY ("domainCode") REFERENCES "Domain"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalBasis" ADD CONSTRAINT "LegalBasis_itemCode_fkey" FOREIGN KEY ("itemCode") REFERENCES "EnforcementItem"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Benchmark" ADD CONSTRAINT "Benchmark_itemCode_fkey" FOREIGN KEY ("itemCode") REFERENCES "EnforcementItem"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterEnum
ALTER TYPE "WarningKind" ADD VALUE 'FACTS_MISSING';

-- AlterTable
ALTER TABLE "LegalBasis" ADD COLUMN     "dailyFine" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "statutoryFine" JSONB;

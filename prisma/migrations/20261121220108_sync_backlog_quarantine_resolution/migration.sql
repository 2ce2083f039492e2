-- AlterTable
ALTER TABLE "QuarantinedRecord" ADD COLUMN     "resolution" TEXT,
ADD COLUMN     "version" INTEGER;

-- AlterTable
ALTER TABLE "SyncCheckpoint" ADD COLUMN     "sourceBacklog" INTEGER;

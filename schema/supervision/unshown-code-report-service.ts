/**
 * Storage of 未亮码检查反映 (UnshownCodeReport), once per (USCC, day, department); the rule is in
 * ./rules/unshown-code-report.ts. And the enterprise library look-up the mutation needs.
 */
import type { PrismaClient } from "../../gateway/db/generated/prisma/client.ts";
import type { UnshownCodeReportInput } from "./rules/unshown-code-report.ts";
import { type StoredOnce, storeOnce } from "./store-once.ts";

type Db = Pick<PrismaClient, "unshownCodeReport" | "enterprise">;

export const enterpriseInLibrary = async (prisma: Db, uscc: string): Promise<boolean> =>
  (await prisma.enterprise.findUnique({ where: { uscc }, select: { id: true } })) !== null;

export interface StoredUnshownCodeReport extends StoredOnce {
  reportedAt: Date;
}

/** stores the report unless one for this USCC, day and department is there (then answers that one) */
export function storeUnshownCodeReport(prisma: Db, report: UnshownCodeReportInput): Promise<StoredUnshownCodeReport> {
  const key = { enterpriseUscc: report.uscc, occurredOn: report.occurredOn, department: report.department };
  const select = { id: true, reportedAt: true } as const;
  return storeOnce(
    () => prisma.unshownCodeReport.findUnique({ where: { enterpriseUscc_occurredOn_department: key }, select }),
    () => prisma.unshownCodeReport.create({ data: { ...key, description: report.description }, select }),
  );
}

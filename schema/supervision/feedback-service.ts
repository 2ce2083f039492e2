/**
 * Storage of the enterprises' voice on the public pages: every 执法码 check (InspectionCodeCheck) and the
 * 检查情况反馈表 (InspectionFeedback), once per task and enterprise. The rules are in ./rules/feedback.ts.
 */
import type { PrismaClient } from "../../gateway/db/generated/prisma/client.ts";
import type { InspectionCodeCheck } from "../dispatch/rules/inspection-code.ts";
import type { FeedbackAnswers } from "./rules/feedback.ts";
import { type StoredOnce, storeOnce } from "./store-once.ts";

type Db = Pick<PrismaClient, "inspectionCodeCheck" | "inspectionFeedback">;

/** one row per check: the task when the code decoded, the USCC as entered (upper case), the verdict */
export async function recordCodeCheck(prisma: Db, uscc: string, check: InspectionCodeCheck): Promise<void> {
  await prisma.inspectionCodeCheck.create({
    data: {
      taskId: check.valid ? check.task.taskId : (check.taskId ?? null),
      enterpriseUscc: uscc.trim().toUpperCase(),
      valid: check.valid,
      reason: check.valid ? null : check.reason,
    },
  });
}

export interface StoredFeedback extends StoredOnce {
  submittedAt: Date;
}

/** stores the feedback unless this enterprise already gave it for this task (then answers the first one) */
export function storeFeedback(
  prisma: Db,
  key: { taskId: string; enterpriseUscc: string },
  answers: FeedbackAnswers,
): Promise<StoredFeedback> {
  const select = { id: true, submittedAt: true } as const;
  return storeOnce(
    () => prisma.inspectionFeedback.findUnique({ where: { taskId_enterpriseUscc: key }, select }),
    () => prisma.inspectionFeedback.create({ data: { ...key, ...answers }, select }),
  );
}

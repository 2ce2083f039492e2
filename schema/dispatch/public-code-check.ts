/**
 * The one check of a 执法码 an enterprise makes without a token (两码互核), shared by `verifyInspection` and
 * `submitInspectionFeedback`: rate-limited per address, verified against the committee's keys and the task's
 * standing, and recorded (InspectionCodeCheck) whatever its verdict.
 */
import type { GatewayContext } from "../../gateway/context.ts";
import { tooManyRequests } from "../../gateway/errors.ts";
import { recordCodeCheck } from "../supervision/feedback-service.ts";
import { committeeKeyResolver } from "./code-signing.ts";
import { type InspectionCodeCheck, taskStanding, verifyInspectionCode } from "./rules/index.ts";

/**
 * What anyone may call without a token is counted per client address (PUBLIC_RATE_LIMIT_PER_MINUTE): a
 * 执法码 cannot be guessed by brute force, nor the public pages scraped. `always`: count token holders too.
 */
export async function limitPublicCaller(ctx: GatewayContext, message: string, options: { always?: boolean } = {}) {
  if (ctx.caller && !options.always) return;
  if (!(await ctx.services.publicRateLimit.allow(ctx.clientAddress))) throw tooManyRequests(message);
}

export interface PublicCodeCheck {
  check: InspectionCodeCheck;
  /** the task's enterprise name, when the code named a task that exists */
  enterpriseName: string | null;
}

export async function checkInspectionCodeAt(
  ctx: GatewayContext,
  code: string,
  uscc: string,
  limitMessage: string,
): Promise<PublicCodeCheck> {
  await limitPublicCaller(ctx, limitMessage, { always: true });
  let enterpriseName: string | null = null;
  const check = await verifyInspectionCode(code, uscc, {
    publicKeys: committeeKeyResolver(ctx.services),
    now: ctx.now,
    taskStanding: async (taskId) => {
      const task = await ctx.prisma.inspectionTask.findUnique({
        where: { id: taskId },
        select: { state: true, codeRevokedAt: true, enterpriseName: true },
      });
      enterpriseName = task?.enterpriseName ?? enterpriseName;
      return taskStanding(task);
    },
  });
  await recordCodeCheck(ctx.prisma, uscc, check);
  return { check, enterpriseName };
}

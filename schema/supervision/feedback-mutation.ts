/**
 * `submitInspectionFeedback` — 检查情况反馈表, no token needed: the enterprise that a joint task visited says
 * whether the 执法码 was shown, whether the team matched it, how long it took and how satisfied it is. Checked
 * again here by the code's signature and the enterprise's USCC (the page's hidden fields are never trusted),
 * rate-limited with verifyInspection's limiter, once per task and enterprise (a second submission stores
 * nothing and answers `alreadyReceived`). The audit entry names the feedback's id, never its content.
 */
import { badInput, forbidden } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { checkInspectionCodeAt } from "../dispatch/public-code-check.ts";
import { storeFeedback } from "./feedback-service.ts";
import { feedbackProblems, feedbackTaskOf, normaliseFeedback } from "./rules/feedback.ts";

interface FeedbackReceipt {
  alreadyReceived: boolean;
  submittedAt: Date;
}

const FeedbackInput = builder.inputType("InspectionFeedbackInput", {
  description: "检查情况反馈表 — the enterprise's answers about one visit",
  fields: (t) => ({
    codeShown: t.boolean({ required: true, description: "是否出示执法码 — the team showed its 执法码" }),
    teamMatched: t.boolean({
      required: true,
      description: "检查人员与执法码所列是否一致 — the officers were those the code lists",
    }),
    durationMinutes: t.int({ required: false, description: "检查用时（分钟） — 1 … 1440, or null when not said" }),
    satisfaction: t.int({ required: true, description: "满意度 — 1 很不满意, 2 不满意, 3 一般, 4 满意, 5 很满意" }),
    comments: t.string({ required: false, description: "意见建议 — free text, at most 500 characters" }),
  }),
});

const FeedbackReceiptRef = builder.objectRef<FeedbackReceipt>("InspectionFeedbackReceipt").implement({
  description: "反馈回执 — the feedback is stored (now, or by an earlier submission)",
  fields: (t) => ({
    alreadyReceived: t.exposeBoolean("alreadyReceived", {
      description: "已收到过 — this enterprise had already given its feedback on this task; nothing new was stored",
    }),
    submittedAt: t.expose("submittedAt", {
      type: "DateTime",
      description: "提交时间 — when the stored feedback came in",
    }),
  }),
});

builder.mutationFields((t) => ({
  submitInspectionFeedback: t.field({
    type: FeedbackReceiptRef,
    description:
      "检查情况反馈表 — no token needed: the visited enterprise gives its feedback on a joint task, once, after the visit has begun (rate-limited per address like verifyInspection)",
    args: {
      code: t.arg.string({ required: true, description: "执法码 — the task's code as shown (the QR code's text)" }),
      uscc: t.arg.string({ required: true, description: "统一社会信用代码 — the visited enterprise (两码互核)" }),
      answers: t.arg({ type: FeedbackInput, required: true, description: "反馈 — the enterprise's answers" }),
    },
    resolve: async (_r, { code, uscc, answers }, ctx) => {
      const { check } = await checkInspectionCodeAt(ctx, code, uscc, "Too many feedback submissions: wait a minute");
      const taskId = feedbackTaskOf(check);
      if (taskId === null)
        throw forbidden("This code opens no feedback for this enterprise (yet)", { reason: "FEEDBACK_NOT_OPEN" });
      const typed = normaliseFeedback({
        codeShown: answers.codeShown,
        teamMatched: answers.teamMatched,
        durationMinutes: answers.durationMinutes ?? null,
        satisfaction: answers.satisfaction,
        comments: answers.comments ?? null,
      });
      const [problem] = feedbackProblems(typed);
      if (problem)
        throw badInput(`answers.${problem.field}: ${problem.zh}`, {
          reason: problem.code,
          field: `answers.${problem.field}`,
        });
      const stored = await storeFeedback(ctx.prisma, { taskId, enterpriseUscc: uscc.trim().toUpperCase() }, typed);
      ctx.audit.recordIds.add(stored.id);
      return { alreadyReceived: !stored.created, submittedAt: stored.submittedAt };
    },
  }),
}));

/**
 * `reportUnshownCodeInspection` — 未亮码检查反映, no token needed: an enterprise says officers inspected it
 * without showing a 执法码. Rate-limited with the public limiter (PUBLIC_RATE_LIMIT_PER_MINUTE), the USCC
 * checked by GB 32100 and against the enterprise library, the day not after today (Beijing), once per
 * (USCC, day, department): a repeat stores nothing and answers `alreadyReceived`. The audit entry names the
 * report's id, never its content.
 */
import { badInput } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { beijingDate } from "../common/effective-dates.ts";
import { limitPublicCaller } from "../dispatch/public-code-check.ts";
import { formatCalendarDate } from "../scalars.ts";
import { normaliseUnshownCodeReport, unshownCodeReportProblems } from "./rules/unshown-code-report.ts";
import { enterpriseInLibrary, storeUnshownCodeReport } from "./unshown-code-report-service.ts";

interface UnshownCodeReceipt {
  alreadyReceived: boolean;
  reportedAt: Date;
}

const ReportInput = builder.inputType("UnshownCodeReportInput", {
  description: "未亮码检查反映 — an enterprise reports an inspection whose officers showed no 执法码",
  fields: (t) => ({
    uscc: t.string({ required: true, description: "统一社会信用代码 — the inspected enterprise (in the library)" }),
    occurredOn: t.field({
      type: "Date",
      required: true,
      description: "检查日期 — the Beijing calendar day of the inspection, not after today",
    }),
    department: t.string({
      required: true,
      description: "检查部门 — the department the officers said they came from, at most 100 characters",
    }),
    description: t.string({
      required: true,
      description: "情况说明 — what happened (place, people, what they did), at most 1000 characters",
    }),
  }),
});

const ReceiptRef = builder.objectRef<UnshownCodeReceipt>("UnshownCodeReportReceipt").implement({
  description: "反映回执 — the report is stored (now, or by an earlier identical report)",
  fields: (t) => ({
    alreadyReceived: t.exposeBoolean("alreadyReceived", {
      description: "已收到过 — a report for this USCC, day and department was already there; nothing new was stored",
    }),
    reportedAt: t.expose("reportedAt", { type: "DateTime", description: "反映时间 — when the stored report came in" }),
  }),
});

builder.mutationFields((t) => ({
  reportUnshownCodeInspection: t.field({
    type: ReceiptRef,
    description:
      "未亮码检查反映 — no token needed: an enterprise in the library reports an inspection without a 执法码, once per USCC, day and department (rate-limited per address like verifyInspection)",
    args: {
      input: t.arg({ type: ReportInput, required: true, description: "反映 — what the enterprise reports" }),
    },
    resolve: async (_r, { input }, ctx) => {
      await limitPublicCaller(ctx, "Too many reports: wait a minute", { always: true });
      const report = normaliseUnshownCodeReport({ ...input, occurredOn: formatCalendarDate(input.occurredOn) });
      const [problem] = unshownCodeReportProblems(report, beijingDate(ctx.now));
      if (problem)
        throw badInput(`input.${problem.field}: ${problem.zh}`, {
          reason: problem.code,
          field: `input.${problem.field}`,
        });
      if (!(await enterpriseInLibrary(ctx.prisma, report.uscc)))
        throw badInput("input.uscc: 该统一社会信用代码不在高竹新区企业库中。", {
          reason: "ENTERPRISE_UNKNOWN",
          field: "input.uscc",
        });
      const stored = await storeUnshownCodeReport(ctx.prisma, report);
      ctx.audit.recordIds.add(stored.id);
      return { alreadyReceived: !stored.created, reportedAt: stored.reportedAt };
    },
  }),
}));

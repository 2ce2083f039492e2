/**
 * The committee's reads of the enterprises' voice on the public pages (管委会 only, scope `read`):
 * 未亮码检查反映 (`unshownCodeReports`) and 检查情况反馈表 (`inspectionFeedback`). Their free text may name
 * people or numbers: masked (schema/libraries/rules/mask-personal-data.ts) unless the token has pii:read.
 */
import type { GatewayContext } from "../../gateway/context.ts";
import { builder } from "../builder.ts";
import { connectionTypes } from "../common/connection-types.ts";
import { encodeGlobalId, keyOf, nodeAccess, readableWith } from "../common/node-access.ts";
import { maskPersonalText } from "../libraries/rules/mask-personal-data.ts";
import { seesPersonalDataInClear } from "../libraries/rules/personal-data.ts";
import { formatCalendarDate } from "../scalars.ts";

/**
 * The enterprises' text as this reader may see it. It belongs to no province (owner ""), so the rule of
 * personal-data.ts leaves one reader in clear: gz with pii:read.
 */
const voiceText = (ctx: GatewayContext, text: string | null) =>
  text === null || seesPersonalDataInClear(ctx.caller, "") ? text : maskPersonalText(text);

const COMMITTEE_READ = { $all: { issuer: "gz", scope: "read" } } as const;

builder.prismaNode("UnshownCodeReport", {
  id: { field: "id" },
  nullable: true,
  description: "未亮码检查反映 — an enterprise's report of an inspection without a 执法码 (管委会 only)",
  fields: (t) => ({
    enterpriseUscc: t.exposeString("enterpriseUscc", { description: "统一社会信用代码 — the reporting enterprise" }),
    occurredOn: t.string({
      description: "检查日期 — the Beijing day of the inspection, YYYY-MM-DD",
      resolve: (r) => r.occurredOn,
    }),
    department: t.string({
      description: "检查部门 — as the enterprise names it; personal data masked unless the token has pii:read",
      resolve: (r, _a, ctx) => voiceText(ctx, r.department) ?? "",
    }),
    description: t.string({
      description: "情况说明 — what happened; personal data masked unless the token has pii:read",
      resolve: (r, _a, ctx) => voiceText(ctx, r.description) ?? "",
    }),
    reportedAt: t.expose("reportedAt", { type: "DateTime", description: "反映时间 — when it came in" }),
    status: t.exposeString("status", { description: "状态 — OPEN until the committee follows it up" }),
  }),
});
nodeAccess("UnshownCodeReport", readableWith("read", "gz"));

builder.prismaNode("InspectionFeedback", {
  id: { field: "id" },
  nullable: true,
  description: "检查情况反馈表 — a visited enterprise's feedback on one joint task (管委会 only)",
  fields: (t) => ({
    taskId: t.id({
      description: "联合检查任务 — 全局ID of the task the feedback is about",
      resolve: (f) => encodeTaskId(f.taskId),
    }),
    enterpriseUscc: t.exposeString("enterpriseUscc", { description: "统一社会信用代码 — the visited enterprise" }),
    codeShown: t.exposeBoolean("codeShown", { description: "是否出示执法码" }),
    teamMatched: t.exposeBoolean("teamMatched", { description: "检查人员与执法码所列是否一致" }),
    durationMinutes: t.exposeInt("durationMinutes", {
      nullable: true,
      description: "检查用时（分钟）; null when not said",
    }),
    satisfaction: t.exposeInt("satisfaction", { description: "满意度 — 1 很不满意 … 5 很满意" }),
    comments: t.string({
      nullable: true,
      description: "意见建议 — personal data masked unless the token has pii:read",
      resolve: (f, _a, ctx) => voiceText(ctx, f.comments),
    }),
    submittedAt: t.expose("submittedAt", { type: "DateTime", description: "提交时间 — when it came in" }),
  }),
});
nodeAccess("InspectionFeedback", readableWith("read", "gz"));

builder.queryFields((t) => ({
  unshownCodeReports: t.prismaConnection(
    {
      type: "UnshownCodeReport",
      cursor: "id",
      description:
        "未亮码检查反映 — newest inspection day first (管委会 only, scope read; text masked without pii:read)",
      authScopes: COMMITTEE_READ,
      args: {
        from: t.arg({ type: "Date", required: false, description: "检查日期 from (inclusive)" }),
        to: t.arg({ type: "Date", required: false, description: "检查日期 to (inclusive)" }),
      },
      totalCount: (_c, args, ctx) => ctx.prisma.unshownCodeReport.count({ where: reportFilter(args) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.unshownCodeReport.findMany({
          ...query,
          where: reportFilter(args),
          orderBy: [{ occurredOn: "desc" }, { id: "desc" }],
        }),
    },
    ...connectionTypes("UnshownCodeReport", "未亮码检查反映 — an enterprise's report"),
  ),
  inspectionFeedback: t.prismaConnection(
    {
      type: "InspectionFeedback",
      cursor: "id",
      description: "检查情况反馈表 — newest first (管委会 only, scope read; comments masked without pii:read)",
      authScopes: COMMITTEE_READ,
      args: {
        taskId: t.arg.id({ required: false, description: "联合检查任务 — 全局ID: one task's feedback" }),
      },
      totalCount: (_c, args, ctx) => ctx.prisma.inspectionFeedback.count({ where: feedbackFilter(args) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.inspectionFeedback.findMany({
          ...query,
          where: feedbackFilter(args),
          orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
        }),
    },
    ...connectionTypes("InspectionFeedback", "检查情况反馈表 — one enterprise's feedback"),
  ),
}));

function reportFilter(args: { from?: Date | null; to?: Date | null }) {
  const occurredOn: { gte?: string; lte?: string } = {};
  if (args.from) occurredOn.gte = formatCalendarDate(args.from);
  if (args.to) occurredOn.lte = formatCalendarDate(args.to);
  return { occurredOn };
}

const feedbackFilter = (args: { taskId?: string | number | null }) =>
  args.taskId ? { taskId: keyOf("InspectionTask", String(args.taskId)) } : {};

const encodeTaskId = (key: string) => encodeGlobalId("InspectionTask", key);

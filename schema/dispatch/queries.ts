/**
 * Reads of joint dispatch: plans and draws (public to every reader: 一公开), tasks as each caller may
 * see them, `verifyDraw`, and `verifyInspection` — the one check an enterprise makes without a token.
 */

import type { GatewayContext } from "../../gateway/context.ts";
import { builder } from "../builder.ts";
import { connectionTypes } from "../common/connection-types.ts";
import { encodeGlobalId, keyOf, nodeAccess, readableWith, requireScope } from "../common/node-access.ts";
import { publishedDraw } from "./draw-store.ts";
import { checkInspectionCodeAt, limitPublicCaller } from "./public-code-check.ts";
import {
  candidateListHash,
  type DrawProblem,
  type InspectionCodeRefusal,
  type PublishedDraw,
  verifyDraw as recompute,
} from "./rules/index.ts";
import { taskViewer, visibleTasksWhere } from "./task-viewer.ts";
import { TaskStateEnum } from "./types.ts";
import { DrawProblemCodeEnum, InspectionCodeRefusalEnum } from "./verification-enums.ts";

const READ = { scope: "read" } as const;

interface DrawCheck {
  drawId: string;
  valid: boolean;
  revealed: boolean;
  problems: DrawProblem[];
}

const DrawProblemRef = builder.objectRef<DrawProblem>("DrawProblem").implement({
  description: "抽取核验问题 — one check of the draw that failed",
  fields: (t) => ({
    code: t.field({ type: DrawProblemCodeEnum, description: "问题 — which check", resolve: (p) => p.code }),
    message: t.exposeString("message", { description: "说明 — what differs, as a person reads it" }),
  }),
});

const DrawCheckRef = builder.objectRef<DrawCheck>("DrawVerification").implement({
  description: "the draw recomputed from its published data alone (docs/draw-verification.md)",
  fields: (t) => ({
    drawId: t.id({
      description: "抽取ID — 全局ID of the draw checked (its `id`)",
      resolve: (c) => encodeGlobalId("Draw", c.drawId),
    }),
    valid: t.exposeBoolean("valid", { description: "核验通过 — every check passed" }),
    revealed: t.exposeBoolean("revealed", { description: "false: only the commitment (list hash) could be checked" }),
    problems: t.field({
      type: [DrawProblemRef],
      description: "核验问题 — every check that failed; empty when valid",
      resolve: (c) => c.problems,
    }),
  }),
});

interface CodeCheckItem {
  code: string;
  name: string;
}

interface CodeCheck {
  valid: boolean;
  reason: InspectionCodeRefusal | null;
  taskId: string | null;
  enterpriseUscc: string | null;
  officers: readonly string[];
  items: readonly string[];
  visitItems: readonly CodeCheckItem[];
  enterpriseName: string | null;
  validFrom: Date | null;
  validTo: Date | null;
}

const CodeCheckItemRef = builder.objectRef<CodeCheckItem>("InspectionCodeItem").implement({
  description: "检查事项 — an item the visit covers, as the enterprise reads it",
  fields: (t) => ({
    code: t.exposeString("code", { description: "统一事项编码 — unified item code" }),
    name: t.exposeString("name", { description: "事项名称 — item name" }),
  }),
});

const CodeCheckRef = builder.objectRef<CodeCheck>("InspectionCodeCheck").implement({
  description: "两码互核 — is this 执法码 a real task at this enterprise, now?",
  fields: (t) => ({
    valid: t.exposeBoolean("valid", { description: "有效 — the code admits this team at this enterprise now" }),
    reason: t.field({
      type: InspectionCodeRefusalEnum,
      nullable: true,
      description: "不通过原因 — why not valid; null when valid",
      resolve: (c) => c.reason,
    }),
    enterpriseUscc: t.exposeString("enterpriseUscc", {
      description: "统一社会信用代码 — the enterprise the task is for (when valid)",
      nullable: true,
    }),
    taskId: t.id({
      nullable: true,
      description: "任务 — 全局ID of the task the code was issued for (its `id`); null when not valid",
      resolve: (c) => c.taskId && encodeGlobalId("InspectionTask", c.taskId),
    }),
    officers: t.exposeStringList("officers", { description: "certificate numbers of the team (when valid)" }),
    items: t.exposeStringList("items", { description: "item codes the visit covers (when valid)" }),
    visitItems: t.field({
      type: [CodeCheckItemRef],
      description: "检查事项 — the items the visit covers with their names (when valid)",
      resolve: (c) => c.visitItems,
    }),
    enterpriseName: t.exposeString("enterpriseName", {
      nullable: true,
      description: "企业名称 — the enterprise the task is for (when valid: the caller gave its USCC)",
    }),
    validFrom: t.expose("validFrom", {
      description: "有效期起 — first moment the code admits the team (when valid)",
      type: "DateTime",
      nullable: true,
    }),
    validTo: t.expose("validTo", {
      description: "有效期止 — when the code expires (when valid)",
      type: "DateTime",
      nullable: true,
    }),
  }),
});

const refused = (reason: InspectionCodeRefusal): CodeCheck => ({
  valid: false,
  reason,
  taskId: null,
  enterpriseUscc: null,
  officers: [],
  items: [],
  visitItems: [],
  enterpriseName: null,
  validFrom: null,
  validTo: null,
});

builder.queryFields((t) => ({
  inspectionPlans: t.prismaConnection(
    {
      type: "InspectionPlan",
      cursor: "id",
      description: "抽查计划 — the inspection plans, newest first (every holder of read)",
      authScopes: READ,
      totalCount: (_c, _args, ctx) => ctx.prisma.inspectionPlan.count(),
      resolve: (query, _r, _args, ctx) =>
        ctx.prisma.inspectionPlan.findMany({ ...query, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    },
    ...connectionTypes("InspectionPlan", "抽查计划 — an inspection plan"),
  ),
  draw: t.prismaField({
    type: "Draw",
    nullable: true,
    description:
      "一公开 — a draw as published: hashes, and once revealed the seed, strata and selection. No token needed (the public page /draws/<id>); rate-limited per address without one",
    args: { id: t.arg.id({ required: true, description: "全局ID — the draw's `id`" }) },
    resolve: async (query, _r, { id }, ctx) => {
      await limitPublicCaller(ctx, DRAW_LOOKUPS);
      return ctx.prisma.draw.findUnique({ ...query, where: { id: keyOf("Draw", id) } });
    },
  }),
  publishedDraw: t.field({
    type: "JSON",
    nullable: true,
    description:
      "公示文件 — a draw as one self-contained document to download and keep: parameters, candidates, seedHash, seed, strata, selected, in the form docs/draw-verification.md specifies (npm run draw:verify --file recomputes it offline). It stays JSON on purpose: it is not signed, its integrity is the seedHash and candidateListHash published at the commit, and a verifier must get the document exactly as published rather than fields a GraphQL selection chose; read the same draw typed with `draw(id:)` and check it with `verifyDraw`",
    authScopes: READ,
    args: { id: t.arg.id({ required: true, description: "全局ID — the draw's `id`" }) },
    resolve: async (_r, { id }, ctx) => {
      const found = await publishedDraw(ctx.prisma, keyOf("Draw", id));
      if (!found) return null;
      return {
        ...found.published,
        id: encodeGlobalId("Draw", found.draw.id),
        status: found.draw.status,
        seed: found.seed,
      };
    },
  }),
  verifyDraw: t.field({
    type: DrawCheckRef,
    nullable: true,
    description: "recompute a draw from what was published; null when there is no such draw",
    authScopes: READ,
    args: { id: t.arg.id({ required: true, description: "全局ID — the draw's `id`" }) },
    resolve: async (_r, { id }, ctx) => {
      const found = await publishedDraw(ctx.prisma, keyOf("Draw", id));
      if (!found) return null;
      const { draw, published, seed } = found;
      if (!seed) return { drawId: draw.id, revealed: false, ...commitmentCheck(published) };
      const outcome = recompute(published, seed);
      return { drawId: draw.id, revealed: true, ...outcome };
    },
  }),
  tasks: t.prismaConnection(
    {
      type: "InspectionTask",
      cursor: "id",
      description: "joint tasks: all for gz; a province's those with its officers; an officer's token its own",
      authScopes: READ,
      args: {
        state: t.arg({ type: TaskStateEnum, required: false, description: "任务状态 — tasks in this state" }),
        drawId: t.arg.id({ required: false, description: "抽取 — the tasks planned by this draw (its 全局ID)" }),
        enterpriseUscc: t.arg.string({ required: false, description: "统一社会信用代码 — tasks at this enterprise" }),
      },
      totalCount: async (_c, args, ctx) => ctx.prisma.inspectionTask.count({ where: await taskFilter(ctx, args) }),
      resolve: async (query, _r, args, ctx) =>
        ctx.prisma.inspectionTask.findMany({ ...query, where: await taskFilter(ctx, args), orderBy: { id: "asc" } }),
    },
    ...connectionTypes("InspectionTask", "联合检查任务 — a joint inspection task"),
  ),
  task: t.prismaField({
    type: "InspectionTask",
    nullable: true,
    description:
      "联合检查任务 — one task by its global id, if this caller sees it (gz all; a province those with its officers; an officer's token its own); null otherwise",
    authScopes: READ,
    args: { id: t.arg.id({ required: true, description: "全局ID — the task's `id`" }) },
    resolve: async (query, _r, { id }, ctx) =>
      ctx.prisma.inspectionTask.findFirst({
        ...query,
        where: { id: keyOf("InspectionTask", id), ...visibleTasksWhere(await taskViewer(ctx)) },
      }),
  }),
  verifyInspection: t.field({
    type: CodeCheckRef,
    description:
      "执法码核验 — no token needed: an enterprise checks the code shown at its door against its own USCC (rate-limited per address)",
    args: {
      code: t.arg.string({ required: true, description: "执法码 — the code as shown (the QR code's text)" }),
      uscc: t.arg.string({ required: true, description: "统一社会信用代码 — the enterprise checking it (两码互核)" }),
    },
    resolve: async (_r, { code, uscc }, ctx) => {
      const { check, enterpriseName } = await checkInspectionCodeAt(
        ctx,
        code,
        uscc,
        "Too many code checks from this address: wait a minute",
      );
      if (!check.valid) return refused(check.reason);
      const { task } = check;
      const { items } = await ctx.services.catalog.snapshot();
      const nameOf = (itemCode: string) => items.find((i) => i.code === itemCode)?.name ?? itemCode;
      return {
        valid: true,
        reason: null,
        taskId: task.taskId,
        enterpriseUscc: task.uscc,
        officers: task.officers,
        items: task.items,
        visitItems: task.items.map((itemCode) => ({ code: itemCode, name: nameOf(itemCode) })),
        enterpriseName,
        validFrom: task.notBefore,
        validTo: task.expiresAt,
      };
    },
  }),
}));

const DRAW_LOOKUPS = "Too many draw look-ups from this address: wait a minute";

// through node, the rules of the fields above: a draw is public (rate-limited without a token), plans
// need `read`, a task is seen by gz, a province with officers on it, or an officer on it
nodeAccess("Draw", async (ctx) => {
  await limitPublicCaller(ctx, DRAW_LOOKUPS);
  return true;
});
nodeAccess("InspectionPlan", readableWith("read"));
nodeAccess("InspectionTask", async (ctx, key) => {
  requireScope(ctx, "read");
  const where = { id: key, ...visibleTasksWhere(await taskViewer(ctx)) };
  return (await ctx.prisma.inspectionTask.count({ where })) > 0;
});

async function taskFilter(
  ctx: Parameters<typeof taskViewer>[0],
  args: { state?: string | null; drawId?: string | number | null; enterpriseUscc?: string | null },
) {
  return {
    ...visibleTasksWhere(await taskViewer(ctx)),
    ...(args.state ? { state: args.state as "PLANNED" } : {}),
    ...(args.drawId ? { drawId: keyOf("Draw", args.drawId) } : {}),
    ...(args.enterpriseUscc ? { enterpriseUscc: args.enterpriseUscc.trim().toUpperCase() } : {}),
  };
}

/** Before the reveal only the commitment can be checked: does the frozen list still hash as published? */
function commitmentCheck(published: PublishedDraw): Pick<DrawCheck, "valid" | "problems"> {
  let hash: string;
  try {
    hash = candidateListHash(published.candidates);
  } catch (error) {
    return { valid: false, problems: [{ code: "INVALID_CANDIDATE_LIST", message: (error as Error).message }] };
  }
  if (hash === published.candidateListHash) return { valid: true, problems: [] };
  const message = `the candidate list hashes to ${hash}, published ${published.candidateListHash}`;
  return { valid: false, problems: [{ code: "CANDIDATE_LIST_MISMATCH", message }] };
}

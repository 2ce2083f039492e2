/** `createInspectionPlan`, `commitDraw`, `revealDraw` — the committee's (gz, dispatch:write) 双随机 steps. */
import type { GatewayContext } from "../../gateway/context.ts";
import { builder } from "../builder.ts";
import { recordPayload } from "../common/mutation-payload.ts";
import { keyOf } from "../common/node-access.ts";
import { writeAudited } from "../common/write.ts";
import { commitDraw, revealDraw } from "./draw-service.ts";
import { checkedPlan, PlanInput, type PlanInputArgs } from "./plan-input.ts";
import { DrawRef, InspectionPlanRef, InspectionTaskRef } from "./types.ts";

const DISPATCH = { $all: { issuer: "gz", scope: "dispatch:write" } } as const;

async function createPlan(ctx: GatewayContext, input: PlanInputArgs) {
  const { factorsPermille, ...plan } = await checkedPlan(ctx, input);
  return writeAudited(ctx, async (tx) => {
    const created = await tx.inspectionPlan.create({
      data: { ...plan, factorsPermille: { ...factorsPermille }, createdBy: ctx.caller?.subject ?? "gz" },
    });
    return { result: created, recordIds: [created.id] };
  });
}

const CommitDrawInput = builder.inputType("CommitDrawInput", {
  description: "一公开 第一步 — which plan to draw for",
  fields: (t) => ({ planId: t.id({ required: true, description: "抽查计划 — 全局ID of the plan (its `id`)" }) }),
});

const RevealDrawInput = builder.inputType("RevealDrawInput", {
  description: "一公开 第二步 — which committed draw to reveal",
  fields: (t) => ({ drawId: t.id({ required: true, description: "抽取 — 全局ID of the committed draw (its `id`)" }) }),
});

const CreateInspectionPlanPayload = recordPayload("CreateInspectionPlanPayload", {
  description: "抽查计划已建 — the plan as stored, defaults filled",
  field: "plan",
  type: InspectionPlanRef,
  fieldDescription: "抽查计划 — the stored plan; commit a draw for it with commitDraw",
});

const CommitDrawPayload = recordPayload("CommitDrawPayload", {
  description: "已承诺 — the draw with its published hashes; the seed stays secret until revealDraw",
  field: "draw",
  type: DrawRef,
  fieldDescription: "抽取 — status COMMITTED: seedHash, candidateListHash and candidateCount published",
});

interface RevealOutcome {
  draw: typeof DrawRef.$inferType;
  /** every task the reveal planned or added items to */
  taskIds: string[];
}

const RevealDrawPayload = builder.objectRef<RevealOutcome>("RevealDrawPayload").implement({
  description: "已揭晓 — the revealed draw and the joint tasks it planned",
  fields: (t) => ({
    draw: t.field({
      type: DrawRef,
      description: "抽取 — status REVEALED: the seed, the strata and the selection published",
      resolve: (o) => o.draw,
    }),
    tasks: t.field({
      type: [InspectionTaskRef],
      description:
        "联合检查任务 — the tasks the reveal planned, in USCC order: a new PLANNED task per selected enterprise, or its open task with the plan's items added (综合查一次); an enterprise over its yearly cap gets none",
      resolve: (o, _a, ctx) =>
        ctx.prisma.inspectionTask.findMany({ where: { id: { in: o.taskIds } }, orderBy: { enterpriseUscc: "asc" } }),
    }),
  }),
});

builder.mutationFields((t) => ({
  createInspectionPlan: t.field({
    type: CreateInspectionPlanPayload,
    description:
      "抽查计划 — store a 双随机 plan; every problem with the input at once (BAD_USER_INPUT, reason INVALID_INPUT, problems[] in extensions)",
    authScopes: DISPATCH,
    args: { input: t.arg({ type: PlanInput, required: true, description: "输入 — the plan's settings" }) },
    resolve: async (_r, { input }, ctx) => ({ plan: await createPlan(ctx, input) }),
  }),
  commitDraw: t.field({
    type: CommitDrawPayload,
    description: "一公开, step 1: freeze the candidates and publish their hash with the hash of a fresh secret seed",
    authScopes: DISPATCH,
    args: { input: t.arg({ type: CommitDrawInput, required: true, description: "输入 — the plan to draw for" }) },
    resolve: async (_r, { input }, ctx) => ({ draw: await commitDraw(ctx, keyOf("InspectionPlan", input.planId)) }),
  }),
  revealDraw: t.field({
    type: RevealDrawPayload,
    description:
      "一公开, step 2: reveal the seed, select, and plan one joint task per selected enterprise (CONFLICT ALREADY_REVEALED when revealed; CANDIDATE_LIST_ALTERED if the frozen list changed)",
    authScopes: DISPATCH,
    args: {
      input: t.arg({ type: RevealDrawInput, required: true, description: "输入 — the committed draw to reveal" }),
    },
    resolve: (_r, { input }, ctx) => revealDraw(ctx, keyOf("Draw", input.drawId)),
  }),
}));

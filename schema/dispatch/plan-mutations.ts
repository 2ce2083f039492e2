/** `createInspectionPlan`, `commitDraw`, `revealDraw` — the committee's (gz, dispatch:write) 双随机 steps. */
import type { GatewayContext } from "../../gateway/context.ts";
import { builder } from "../builder.ts";
import { keyOf } from "../common/node-access.ts";
import { writeAudited } from "../common/write.ts";
import { commitDraw, revealDraw } from "./draw-service.ts";
import { checkedPlan, PlanInput, type PlanInputArgs } from "./plan-input.ts";

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

builder.mutationFields((t) => ({
  createInspectionPlan: t.prismaField({
    type: "InspectionPlan",
    description: "抽查计划 — every problem with the input at once (BAD_USER_INPUT, problems[] in extensions)",
    authScopes: DISPATCH,
    args: { input: t.arg({ type: PlanInput, required: true }) },
    resolve: (_q, _r, { input }, ctx) => createPlan(ctx, input),
  }),
  commitDraw: t.prismaField({
    type: "Draw",
    description: "一公开, step 1: freeze the candidates and publish their hash with the hash of a fresh secret seed",
    authScopes: DISPATCH,
    args: { planId: t.arg.id({ required: true, description: "全局ID — the plan's `id`" }) },
    resolve: (_q, _r, { planId }, ctx) => commitDraw(ctx, keyOf("InspectionPlan", planId)),
  }),
  revealDraw: t.prismaField({
    type: "Draw",
    description:
      "一公开, step 2: reveal the seed, select, and plan one joint task per selected enterprise (CANDIDATE_LIST_ALTERED if the frozen list changed)",
    authScopes: DISPATCH,
    args: { drawId: t.arg.id({ required: true, description: "全局ID — the draw's `id`" }) },
    resolve: (_q, _r, { drawId }, ctx) => revealDraw(ctx, keyOf("Draw", drawId)),
  }),
}));

/**
 * `inspectionPlanPreview` — what a draw under a plan would select if committed now, without writing
 * anything: candidates and exclusions (with each excluded enterprise's reason), and per stratum the
 * count with the rule that gave it (the one-per-stratum minimum, rounding up, all eligible). Only which
 * enterprises are chosen waits for the seed. The console's plan form shows it before the commit.
 */
import type { GatewayContext } from "../../gateway/context.ts";
import { badInput, notFound } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { beijingDay } from "../common/effective-dates.ts";
import { keyOf } from "../common/node-access.ts";
import { planCandidates } from "./draw-service.ts";
import { checkedPlan, PlanInput } from "./plan-input.ts";
import { drawPlanOf } from "./plan-settings.ts";
import { type DrawPlan, type DrawPreview, type PreviewStratum, previewDraw } from "./rules/index.ts";
import { ExclusionReasonEnum, RiskClassEnum, riskClassOf } from "./types.ts";

const MAX_EXCLUDED_LISTED = 100;

interface ExcludedCandidate {
  uscc: string;
  name: string;
  reason: "RECENTLY_INSPECTED" | "YEARLY_CAP_REACHED";
  lastInspectedOn: Date | null;
  visitsThisYear: number | null;
}

interface Preview extends DrawPreview {
  drawDay: Date;
  excludedCandidates: ExcludedCandidate[];
}

const StratumCountRuleEnum = builder.enumType("StratumCountRule", {
  description: "抽取数规则 — why a stratum gets its count: k = min(n, ⌈n × ratio × factor⌉)",
  values: {
    NONE_ELIGIBLE: { description: "无可抽企业 — every candidate of the stratum is excluded" },
    EXACT: { description: "按比例 — n × ratio × factor is a whole number" },
    ROUNDED_UP: { description: "向上取整 — above one, not whole: rounded up" },
    MINIMUM_ONE: { description: "每层至少一家 — below one: rounded up to the one-per-stratum minimum" },
    ALL_ELIGIBLE: { description: "全部抽取 — rounding up would exceed the stratum: every eligible candidate" },
  } as const,
});

const PreviewStratumRef = builder.objectRef<PreviewStratum>("PlanPreviewStratum").implement({
  description: "抽取分层 — one (industry, risk class) stratum and how many it would give",
  fields: (t) => ({
    key: t.exposeString("key", { description: "分层 — industry/riskClass" }),
    industry: t.exposeString("industry", { description: "行业 — industry" }),
    riskClass: t.field({
      type: RiskClassEnum,
      description: "风险等级 — credit grade A–D or risk colour",
      resolve: (s) => riskClassOf(s.riskClass),
    }),
    population: t.exposeInt("population", { description: "可抽企业数 — eligible candidates n" }),
    excluded: t.exposeInt("excluded", { description: "排除数 — candidates excluded before the draw" }),
    factorPermille: t.exposeInt("factorPermille", { description: "系数 — the class's factor in thousandths" }),
    exactCount: t.exposeString("exactCount", {
      description: '按比例应抽 — n × ratio × factor exactly, as a decimal (e.g. "0.02")',
    }),
    count: t.exposeInt("count", { description: "抽取数 — k, what the draw takes from this stratum" }),
    rule: t.field({ type: StratumCountRuleEnum, description: "抽取数规则 — why k", resolve: (s) => s.rule }),
  }),
});

const ExclusionCountRef = builder
  .objectRef<{ reason: ExcludedCandidate["reason"]; count: number }>("PlanExclusionCount")
  .implement({
    description: "排除统计 — how many candidates one exclusion reason leaves out",
    fields: (t) => ({
      reason: t.field({ type: ExclusionReasonEnum, description: "排除原因 — reason", resolve: (e) => e.reason }),
      count: t.exposeInt("count", { description: "企业数 — candidates" }),
    }),
  });

const ExcludedCandidateRef = builder.objectRef<ExcludedCandidate>("PlanExcludedCandidate").implement({
  description: "被排除的企业 — an enterprise of the scope left out of the draw, and why",
  fields: (t) => ({
    uscc: t.exposeString("uscc", { description: "统一社会信用代码 — USCC" }),
    name: t.exposeString("name", { description: "企业名称 — name" }),
    reason: t.field({ type: ExclusionReasonEnum, description: "排除原因 — reason", resolve: (c) => c.reason }),
    lastInspectedOn: t.expose("lastInspectedOn", {
      type: "Date",
      nullable: true,
      description: "最近一次检查 — Beijing day of the last visit (why RECENTLY_INSPECTED)",
    }),
    visitsThisYear: t.exposeInt("visitsThisYear", {
      nullable: true,
      description: "本年检查次数 — visits this year (why YEARLY_CAP_REACHED)",
    }),
  }),
});

const PreviewRef = builder.objectRef<Preview>("InspectionPlanPreview").implement({
  description: "抽取预览 — what a draw under the plan would select if committed today; nothing is written",
  fields: (t) => ({
    drawDay: t.expose("drawDay", { type: "Date", description: "抽取日 — the Beijing day exclusions count to" }),
    candidateCount: t.exposeInt("candidateCount", { description: "候选企业 — enterprises in the plan's scope" }),
    eligibleCount: t.exposeInt("eligibleCount", { description: "可抽企业 — candidates not excluded" }),
    exclusions: t.field({
      type: [ExclusionCountRef],
      description: "排除统计 — per reason (none listed when nobody is excluded)",
      resolve: (p) => p.exclusions,
    }),
    excludedCandidates: t.field({
      type: [ExcludedCandidateRef],
      description: `被排除的企业 — the first ${MAX_EXCLUDED_LISTED} by USCC, each with its reason`,
      resolve: (p) => p.excludedCandidates,
    }),
    strata: t.field({ type: [PreviewStratumRef], description: "分层 — in draw order", resolve: (p) => p.strata }),
    selectedCount: t.exposeInt("selectedCount", { description: "将抽取 — Σ k: enterprises the draw selects" }),
    exactTotal: t.exposeString("exactTotal", {
      description: "按比例应抽合计 — Σ n × ratio × factor before rounding: the ratio alone, without the minimum",
    }),
  }),
});

const PreviewInput = builder.inputType("InspectionPlanPreviewInput", {
  description: "抽取预览 — a plan not yet created, or one already created (exactly one)",
  isOneOf: true,
  fields: (t) => ({
    plan: t.field({ type: PlanInput, description: "拟定的计划 — the form as filled in" }),
    planId: t.id({ description: "已建计划 — 全局ID of a stored plan (its `id`)" }),
  }),
});

async function previewOf(ctx: GatewayContext, plan: DrawPlan & { yearlyCap: number }): Promise<Preview> {
  const { candidates, lastVisit, visitsAtCap } = await planCandidates(ctx.prisma, plan, ctx.now);
  const excludedCandidates: ExcludedCandidate[] = [];
  for (const c of candidates) {
    if (c.excluded === null) continue;
    if (excludedCandidates.length === MAX_EXCLUDED_LISTED) break;
    const { uscc, name, excluded: reason } = c;
    excludedCandidates.push({
      uscc,
      name,
      reason,
      lastInspectedOn: lastVisit.get(uscc) ?? null,
      visitsThisYear: visitsAtCap.get(uscc) ?? null,
    });
  }
  return { ...previewDraw(plan, candidates), drawDay: beijingDay(ctx.now), excludedCandidates };
}

builder.queryFields((t) => ({
  inspectionPlanPreview: t.field({
    type: PreviewRef,
    description:
      "抽取预览 — per stratum how many a draw would select and why (exclusions, the one-per-stratum minimum, rounding), before any commit",
    authScopes: { $all: { issuer: "gz", scope: "read" } },
    args: {
      input: t.arg({ type: PreviewInput, required: true, description: "输入 — a plan's settings, or a stored plan" }),
    },
    resolve: async (_r, { input }, ctx) => {
      if (input.planId != null) {
        const stored = await ctx.prisma.inspectionPlan.findUnique({
          where: { id: keyOf("InspectionPlan", input.planId) },
        });
        if (!stored) throw notFound(`No inspection plan ${input.planId}`);
        return previewOf(ctx, { ...drawPlanOf(stored), yearlyCap: stored.yearlyCap });
      }
      if (!input.plan) throw badInput("Give a plan or a planId", { reason: "NO_PLAN" });
      const checked = await checkedPlan(ctx, input.plan, ["input", "plan"]);
      return previewOf(ctx, checked);
    },
  }),
}));

/**
 * The 抽查计划 input as the committee writes it (GraphQL `InspectionPlanInput`), turned into the settings
 * a plan stores: defaults filled, item codes deduplicated, every problem reported at once
 * (BAD_USER_INPUT, `problems[]` in extensions). `createInspectionPlan` stores what this returns, and
 * `inspectionPlanPreview` computes the draw it would make without storing anything.
 */
import type { GatewayContext } from "../../gateway/context.ts";
import { badInput } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { EXAMPLE_COLOUR_FACTORS, EXAMPLE_GRADE_FACTORS, type StratifyBy } from "./rules/index.ts";
import { type PlanSettings, planProblems } from "./rules/plan-input.ts";

const PlanScopeInput = builder.inputType("PlanScopeInput", {
  description: "which enterprises are candidates; an empty or missing list = no restriction",
  fields: (t) => ({
    parks: t.stringList({ required: false }),
    towns: t.stringList({ required: false }),
    industries: t.stringList({ required: false }),
  }),
});

const RiskFactorInput = builder.inputType("RiskFactorInput", {
  fields: (t) => ({
    riskClass: t.string({ required: true, description: "A–D (CREDIT_GRADE) or RED / YELLOW / GREEN (RISK_COLOUR)" }),
    permille: t.int({ required: true, description: "thousandths of the base ratio: 500 = ×0.5, 3000 = ×3" }),
  }),
});

export const PlanInput = builder.inputType("InspectionPlanInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    scope: t.field({ type: PlanScopeInput, required: false }),
    itemCodes: t.stringList({
      required: true,
      description: "the items checked at every drawn enterprise, in one visit",
    }),
    baseRatioPpm: t.int({
      defaultValue: 10_000,
      description: "parts per million: 10000 = 1 % (e.g. a quarter's draw)",
    }),
    stratifyBy: t.string({ defaultValue: "CREDIT_GRADE", description: "CREDIT_GRADE | RISK_COLOUR" }),
    factors: t.field({
      type: [RiskFactorInput],
      required: false,
      description: "default: A ×0.5, B ×1, C ×2, D ×3 (or GREEN ×0.5, YELLOW ×1, RED ×3)",
    }),
    excludeInspectedWithinDays: t.int({ defaultValue: 90 }),
    yearlyCap: t.int({ defaultValue: 2, description: "the committee's cap; 2 is a placeholder default" }),
    teamSize: t.int({ defaultValue: 2 }),
    visitFrom: t.field({
      type: "Date",
      required: true,
      description: "检查窗口起 — first day of the visit window (inclusive)",
    }),
    visitTo: t.field({
      type: "Date",
      required: true,
      description: "检查窗口止 — last day of the visit window (inclusive)",
    }),
  }),
});

export type PlanInputArgs = typeof PlanInput.$inferInput;

/** What a plan stores (InspectionPlan columns), checked. */
export interface CheckedPlan extends PlanSettings {
  name: string;
  itemCodes: string[];
  scope: { parks: string[]; towns: string[]; industries: string[] };
  /** 执法领域 of the items: every team member is qualified for all of them */
  domains: string[];
}

export async function checkedPlan(ctx: GatewayContext, input: PlanInputArgs): Promise<CheckedPlan> {
  const stratifyBy = (input.stratifyBy ?? "CREDIT_GRADE") as StratifyBy;
  const factorsPermille = input.factors
    ? Object.fromEntries(input.factors.map((f) => [f.riskClass, f.permille]))
    : stratifyBy === "RISK_COLOUR"
      ? EXAMPLE_COLOUR_FACTORS
      : EXAMPLE_GRADE_FACTORS;
  const itemCodes = [...new Set(input.itemCodes.map((c) => c.trim()))].sort();
  const settings: PlanSettings = {
    itemCodes,
    baseRatioPpm: input.baseRatioPpm ?? 10_000,
    stratifyBy,
    factorsPermille,
    excludeInspectedWithinDays: input.excludeInspectedWithinDays ?? 90,
    yearlyCap: input.yearlyCap ?? 2,
    teamSize: input.teamSize ?? 2,
    visitFrom: input.visitFrom,
    visitTo: input.visitTo,
  };
  const problems = planProblems(settings);
  const items = await ctx.prisma.enforcementItem.findMany({ where: { code: { in: itemCodes } } });
  const unknown = itemCodes.filter((code) => !items.some((i) => i.code === code));
  if (unknown.length > 0)
    problems.push({ code: "UNKNOWN_ITEM", message: `no item has the unified code ${unknown.join(", ")}` });
  if (problems.length > 0) {
    throw badInput(problems.map((p) => `${p.code}: ${p.message}`).join("; "), {
      reason: problems[0]!.code,
      problems,
    });
  }
  return {
    ...settings,
    itemCodes,
    name: input.name.trim(),
    scope: {
      parks: input.scope?.parks ?? [],
      towns: input.scope?.towns ?? [],
      industries: input.scope?.industries ?? [],
    },
    domains: [...new Set(items.map((i) => i.domainCode))].sort(),
  };
}

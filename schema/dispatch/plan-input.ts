/**
 * The 抽查计划 input as the committee writes it (GraphQL `InspectionPlanInput`), turned into the settings
 * a plan stores: defaults filled, item codes deduplicated, every problem reported at once in the one
 * refusal shape of the validation hook (schema/validation-error.ts: BAD_USER_INPUT, reason INVALID_INPUT,
 * `problems[]`). The plan is checked here rather than by a `validate` schema because one of its problems
 * (UNKNOWN_ITEM) needs the catalog, and a caller gets it together with the others.
 * `createInspectionPlan` stores what this returns; `inspectionPlanPreview` computes the draw it would make.
 */
import type { GatewayContext } from "../../gateway/context.ts";
import { builder } from "../builder.ts";
import { type InputProblem, invalidInput } from "../validation-error.ts";
import { EXAMPLE_COLOUR_FACTORS, EXAMPLE_GRADE_FACTORS } from "./rules/index.ts";
import { type PlanProblem, type PlanSettings, planProblems } from "./rules/plan-input.ts";
import { RiskClassEnum, StratifyByEnum } from "./types.ts";

const PlanScopeInput = builder.inputType("PlanScopeInput", {
  description: "抽查范围 — which enterprises are candidates; an empty or missing list = no restriction",
  fields: (t) => ({
    parks: t.stringList({ required: false, description: "园区 — the enterprise's park, as in the 对象库" }),
    towns: t.stringList({ required: false, description: "镇街 — the enterprise's town, as in the 对象库" }),
    industries: t.stringList({ required: false, description: "行业 — the enterprise's industry, as in the 对象库" }),
  }),
});

const RiskFactorInput = builder.inputType("RiskFactorInput", {
  description: "风险系数 — how many times the base ratio one risk class is drawn at",
  fields: (t) => ({
    riskClass: t.field({
      type: RiskClassEnum,
      required: true,
      description: "风险等级 — A–D for CREDIT_GRADE, GREEN / YELLOW / RED for RISK_COLOUR",
    }),
    permille: t.int({
      required: true,
      description: "系数 — thousandths of the base ratio: 500 = ×0.5, 3000 = ×3; 1 to 1 000 000",
    }),
  }),
});

export const PlanInput = builder.inputType("InspectionPlanInput", {
  description: "抽查计划 — a 双随机 plan as the committee fills it in (createInspectionPlan, inspectionPlanPreview)",
  fields: (t) => ({
    name: t.string({ required: true, description: "计划名称 — up to 100 characters" }),
    scope: t.field({ type: PlanScopeInput, required: false, description: "抽查范围 — missing: every enterprise" }),
    itemCodes: t.stringList({
      required: true,
      description: "检查事项 — the unified codes of the items checked at every drawn enterprise, in one visit",
    }),
    baseRatioPpm: t.int({
      defaultValue: 10_000,
      description: "抽查比例 — parts per million, 1 to 1 000 000: 10000 = 1 % (e.g. a quarter's draw)",
    }),
    stratifyBy: t.field({
      type: StratifyByEnum,
      defaultValue: "CREDIT_GRADE",
      description: "分层依据 — the risk class candidates are stratified by",
    }),
    factors: t.field({
      type: [RiskFactorInput],
      required: false,
      description:
        "风险系数 — one per risk class of stratifyBy; default: A ×0.5, B ×1, C ×2, D ×3 (or GREEN ×0.5, YELLOW ×1, RED ×3)",
    }),
    excludeInspectedWithinDays: t.int({
      defaultValue: 90,
      description: "近期检查排除 — leave out enterprises inspected on one of the last N days (0–3650; 0: none)",
    }),
    yearlyCap: t.int({
      defaultValue: 2,
      description: "年度检查上限 — the committee's cap of visits per enterprise a year (≥ 1; 2 is a placeholder)",
    }),
    teamSize: t.int({
      defaultValue: 2,
      description: "检查组人数 — 2 to 10, at least one officer of each province",
    }),
    visitFrom: t.field({ type: "Date", required: true, description: "检查开始日 — first visit day (inclusive)" }),
    visitTo: t.field({
      type: "Date",
      required: true,
      description: "检查截止日 — last visit day (inclusive); the window is at most 92 days",
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

/** the input field a plan problem is about (the rule names problems, the edge names fields) */
const FIELD_OF: Readonly<Record<string, string | undefined>> = {
  NO_ITEMS: "itemCodes",
  UNKNOWN_ITEM: "itemCodes",
  TEAM_SIZE: "teamSize",
  YEARLY_CAP: "yearlyCap",
  EXCLUDE_DAYS: "excludeInspectedWithinDays",
  VISIT_WINDOW: "visitTo",
};

const atPath = (at: readonly string[], problem: PlanProblem): InputProblem => {
  const field = FIELD_OF[problem.code];
  return { path: field ? [...at, field] : [...at], code: problem.code, message: problem.message };
};

/** `at`: where the plan sits in the arguments, e.g. ["input"] or ["input", "plan"] */
export async function checkedPlan(
  ctx: GatewayContext,
  input: PlanInputArgs,
  at: readonly string[] = ["input"],
): Promise<CheckedPlan> {
  const stratifyBy = input.stratifyBy ?? "CREDIT_GRADE";
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
  if (problems.length > 0) throw invalidInput(problems.map((p) => atPath(at, p)));
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

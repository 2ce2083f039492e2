/** `matchDiscretion` — 裁量基准智能匹配: which rule applies to a case, and the lawful range (issue 4). */
import { builder } from "../builder.ts";
import { EnforcementItemRef } from "../catalog/types.ts";
import { type ACCIDENT_LEVEL_VALUES, toCaseFacts } from "./discretion-input.ts";
import { asDiscretionInputErrors, type ItemDiscretion, matchCatalogDiscretion } from "./discretion-service.ts";
import { BaseKindEnum, LenientListEnum } from "./fine-rule-view.ts";
import type { LenientMatch } from "./rules/lenient.ts";
import type { HarmLevel } from "./rules/types.ts";

/** from none to severe, as HARM_LEVELS (./rules/types.ts) */
const HARM_LEVEL_VALUES: Record<HarmLevel, { description: string }> = {
  NONE: { description: "无 — no harmful consequence" },
  MINOR: { description: "轻微 — minor harm" },
  GENERAL: { description: "一般 — ordinary harm (the default)" },
  SERIOUS: { description: "较重 — serious harm" },
  SEVERE: { description: "严重 — severe harm" },
};

const HarmLevelEnum = builder.enumType("HarmLevel", {
  description: "危害后果 — harmful consequence of the act, as the case's facts state it",
  values: HARM_LEVEL_VALUES,
});
/** from none to extraordinary, as ACCIDENT_LEVEL_VALUES (./discretion-input.ts) */
const ACCIDENT_LEVELS: Record<(typeof ACCIDENT_LEVEL_VALUES)[number], { description: string }> = {
  NONE: { description: "无事故 — no production safety accident (the default)" },
  GENERAL: { description: "一般事故 — a general accident" },
  LARGER: { description: "较大事故 — a larger accident" },
  MAJOR: { description: "重大事故 — a major accident" },
  EXTRAORDINARY: { description: "特别重大事故 — an extraordinarily serious accident" },
};

const AccidentLevelEnum = builder.enumType("AccidentLevel", {
  description:
    "生产安全事故等级 — production safety accident level (安全生产法 第114条): 一般 / 较大 / 重大 / 特别重大",
  values: ACCIDENT_LEVELS,
});
export const DiscretionOutcomeEnum = builder.enumType("DiscretionOutcome", {
  description: "裁量结论 — NO_PENALTY 不予处罚 / PENALTY 处罚 / LIGHTER_PENALTY 从轻 / MITIGATED_PENALTY 减轻",
  values: {
    NO_PENALTY: { description: "不予处罚 — no penalty (行政处罚法 第33条)" },
    PENALTY: { description: "处罚 — a penalty within the tier's range" },
    LIGHTER_PENALTY: { description: "从轻处罚 — a lighter penalty, still within the statutory range (第32条)" },
    MITIGATED_PENALTY: { description: "减轻处罚 — a penalty below the statutory range (第32条)" },
  } as const,
});

const BaseAmountInput = builder.inputType("BaseAmountInput", {
  description: "罚款基数 — an amount a multiple-of-base fine multiplies",
  fields: (t) => ({
    base: t.field({ type: BaseKindEnum, required: true }),
    amountYuan: t.field({ type: "Yuan", required: true, description: "基数金额 — the amount in yuan" }),
  }),
});

export const CaseFactsInputRef = builder.inputType("CaseFactsInput", {
  description: "案件事实 — every fact has a default: `{}` is an ordinary first-tier case",
  fields: (t) => ({
    firstViolation: t.boolean({ defaultValue: false, description: "初次违法" }),
    harm: t.field({ type: HarmLevelEnum, defaultValue: "GENERAL", description: "危害后果" }),
    correctedInTime: t.boolean({ defaultValue: true, description: "及时改正 (false: 逾期未改正 / 拒不改正)" }),
    subjectiveFault: t.boolean({ defaultValue: true, description: "有主观过错" }),
    proportionAffectedPct: t.float({ defaultValue: 0, description: "涉及人员/对象占比, 0–100" }),
    baseAmounts: t.field({ type: [BaseAmountInput], defaultValue: [], description: "罚款基数" }),
    areaM2: t.float({ defaultValue: 0, description: "面积 (平方米)" }),
    daysNotCorrected: t.int({ defaultValue: 0, description: "逾期未改正天数 (按日连续处罚)" }),
    accidentLevel: t.field({ type: AccidentLevelEnum, defaultValue: "NONE", description: "事故等级" }),
    particularlySerious: t.boolean({
      required: false,
      description:
        "情节特别严重、影响特别恶劣 — particularly serious (安全生产法 第114条第2款: 2–5倍); null: not stated, judged against the range including it",
    }),
  }),
});

const MatchDiscretionInput = builder.inputType("MatchDiscretionInput", {
  fields: (t) => ({
    itemCode: t.string({ required: true, description: "unified, Chongqing or Sichuan item code" }),
    actDate: t.field({ type: "Date", required: true, description: "违法行为发生日" }),
    decisionDate: t.field({ type: "Date", required: true, description: "作出处罚决定日" }),
    facts: t.field({
      type: CaseFactsInputRef,
      required: false,
      description: "案件事实 — absent: no facts known, the answer is the whole statutory range; {}: an ordinary case",
    }),
  }),
});

interface Range {
  minFen: number;
  maxFen: number;
  days?: number;
}
export const PenaltyRangeRef = builder.objectRef<Range>("PenaltyRange").implement({
  description: "罚款幅度 — a lawful range, in yuan (both bounds inclusive)",
  fields: (t) => ({
    minYuan: t.field({ type: "Yuan", description: "下限 — the lowest lawful fine", resolve: (r) => r.minFen }),
    maxYuan: t.field({ type: "Yuan", description: "上限 — the highest lawful fine", resolve: (r) => r.maxFen }),
    days: t.int({ nullable: true, description: "按日连续处罚: days counted", resolve: (r) => r.days ?? null }),
  }),
});

export const TierRef = builder.objectRef<{ level: number; name: string }>("DiscretionTier").implement({
  description: "裁量阶次 — the benchmark tier applied to the case",
  fields: (t) => ({
    level: t.exposeInt("level", { description: "阶次 — the tier's level: 1 is the lightest" }),
    name: t.exposeString("name", { description: "阶次名称 — the tier's name as the benchmark writes it" }),
  }),
});

const LenientApplicationRef = builder.objectRef<LenientMatch>("LenientApplication").implement({
  description: "四张清单 — the list applied to the case and why",
  fields: (t) => ({
    list: t.field({ type: LenientListEnum, description: "清单 — which of the four lists", resolve: (m) => m.list }),
    reason: t.exposeString("description", { description: "情形 — why the case is on that list" }),
    citation: t.exposeString("citation", { description: "依据 — the article it rests on, as cited" }),
    discretionary: t.exposeBoolean("discretionary", {
      description: '"可以": the authority may still decide to penalise',
    }),
    source: t.exposeString("source", { description: "statute | benchmark" }),
  }),
});

const DiscretionMatchRef = builder.objectRef<ItemDiscretion>("DiscretionMatch").implement({
  description: "裁量结论 — the rule that applies to a case, the lawful range, and why",
  fields: (t) => ({
    item: t.field({
      type: EnforcementItemRef,
      description: "the item found, by any of its codes",
      resolve: (d) => d.item,
    }),
    outcome: t.field({
      type: DiscretionOutcomeEnum,
      description: "裁量结论 — penalty, lighter, mitigated or none",
      resolve: (d) => d.match.outcome,
    }),
    range: t.field({
      type: PenaltyRangeRef,
      nullable: true,
      description: "null when no penalty",
      resolve: (d) => d.match.range,
    }),
    tier: t.field({
      type: TierRef,
      nullable: true,
      description: "裁量阶次 — the tier the facts fall in; null when no tier applies (e.g. no penalty by statute)",
      resolve: (d) => d.match.tier,
    }),
    tierRange: t.field({
      type: PenaltyRangeRef,
      nullable: true,
      description: "the tier's own range before 从轻/减轻 (also for a discretionary 首违不罚)",
      resolve: (d) => d.match.tierRange,
    }),
    lenient: t.field({
      type: LenientApplicationRef,
      nullable: true,
      description: "四张清单 — the list entry applied; null when none applies",
      resolve: (d) => d.match.lenient,
    }),
    noCoercion: t.boolean({ description: "免于行政强制 (行政强制法 第16条)", resolve: (d) => d.match.noCoercion }),
    citations: t.stringList({ description: "法律依据: law and article", resolve: (d) => d.match.citations }),
    steps: t.stringList({ description: "the reasoning, as ordered steps", resolve: (d) => d.match.steps }),
    benchmarkVersion: t.int({
      description: "基准版本 — the version of the benchmark applied (of benchmarkSource)",
      resolve: (d) => d.match.benchmarkVersion,
    }),
    benchmarkSource: t.string({ description: "gz = unified benchmark", resolve: (d) => d.match.benchmarkSource }),
    dailyContinuous: t.field({
      type: PenaltyRangeRef,
      nullable: true,
      description: "按日连续处罚 — a separate decision",
      resolve: (d) => d.match.dailyContinuous,
    }),
    responsiblePersonRange: t.field({
      type: PenaltyRangeRef,
      nullable: true,
      description: "对直接负责的主管人员和其他直接责任人员的罚款",
      resolve: (d) => d.match.responsiblePersonRange,
    }),
    empoweredAtDecision: t.boolean({
      description: "决定时已赋权 — the item was empowered to the New Area on the decision day",
      resolve: (d) => d.match.empoweredAtDecision,
    }),
    factsMissing: t.boolean({
      description:
        "未提供案件事实 — no facts were given: `range` is everything the statute allows (null if unknowable)",
      resolve: (d) => d.match.factsMissing,
    }),
  }),
});

builder.queryFields((t) => ({
  matchDiscretion: t.field({
    type: DiscretionMatchRef,
    description:
      "裁量基准智能匹配 — for a case: lenient list, tier, lawful range, citations and steps; between the benchmark at the act and at the decision the lighter applies (行政处罚法 第37条)",
    authScopes: { scope: "read" },
    args: { input: t.arg({ type: MatchDiscretionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      asDiscretionInputErrors(async () =>
        matchCatalogDiscretion(await ctx.services.catalog.snapshot(), {
          itemCode: input.itemCode,
          actDate: input.actDate,
          decisionDate: input.decisionDate,
          facts: toCaseFacts(input.facts),
        }),
      ),
  }),
}));

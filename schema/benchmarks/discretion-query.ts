/** `matchDiscretion` — 裁量基准智能匹配: which rule applies to a case, and the lawful range (issue 4). */
import { builder } from "../builder.ts";
import type { CatalogSnapshot } from "../catalog/catalog-read-model.ts";
import { EnforcementItemRef } from "../catalog/types.ts";
import { jurisdictionOf } from "../common/jurisdiction.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { toCaseFacts } from "./discretion-input.ts";
import { type ItemDiscretion, matchCatalogDiscretion, withDiscretionInputErrors } from "./discretion-service.ts";
import { BaseKindEnum, LenientListEnum } from "./fine-rule-view.ts";
import type { DiscretionOutcome } from "./rules/case-evaluation.ts";
import type { AccidentLevel, HarmLevel } from "./rules/case-facts.ts";
import type { LenientMatch } from "./rules/lenient.ts";

const HARM_LEVEL_VALUES: Record<HarmLevel, { description: string }> = {
  NONE: { description: "无危害后果 — no harmful consequence" },
  MINOR: { description: "危害后果轻微 — minor harm (may open 不予处罚 when corrected in time, 行政处罚法 第33条)" },
  GENERAL: { description: "一般 — ordinary harm: the default when not stated" },
  SERIOUS: { description: "较重 — serious harm" },
  SEVERE: { description: "严重 — severe harm" },
};
const HarmLevelEnum = builder.enumType("HarmLevel", {
  description: "危害后果 — how much harm the violation caused, least first",
  values: HARM_LEVEL_VALUES,
});

const ACCIDENT_LEVELS: Record<AccidentLevel, { description: string }> = {
  NONE: { description: "未发生事故 — no production-safety accident" },
  GENERAL: { description: "一般事故 — general accident" },
  LARGER: { description: "较大事故 — larger accident" },
  MAJOR: { description: "重大事故 — major accident" },
  EXTRAORDINARY: { description: "特别重大事故 — extraordinarily serious accident" },
};
const AccidentLevelEnum = builder.enumType("AccidentLevel", {
  description:
    "生产安全事故等级 — accident grade, least first; it sets the fine of 安全生产法 第114条 (grades as 生产安全事故报告和调查处理条例 第3条 defines them)",
  values: ACCIDENT_LEVELS,
});

const DISCRETION_OUTCOMES: Record<DiscretionOutcome, { description: string }> = {
  NO_PENALTY: { description: "不予处罚 — no penalty (a 不予处罚 list applies; 行政处罚法 第33条)" },
  MITIGATED_PENALTY: {
    description: "减轻处罚 — a penalty below the statutory minimum (a 减轻 list applies; 行政处罚法 第32条)",
  },
  LIGHTER_PENALTY: {
    description: "从轻处罚 — a penalty within the statutory range, toward its lower end (行政处罚法 第32条)",
  },
  PENALTY: { description: "处罚 — a penalty within the matched tier's range" },
};
export const DiscretionOutcomeEnum = builder.enumType("DiscretionOutcome", {
  description: "裁量结论 — what the benchmark says the case deserves, lightest first",
  values: DISCRETION_OUTCOMES,
});

const BaseAmountInput = builder.inputType("BaseAmountInput", {
  description: "罚款基数 — an amount a multiple-of-base fine multiplies",
  fields: (t) => ({
    base: t.field({ description: "基数类型 — what the amount is", type: BaseKindEnum, required: true }),
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
  description: "裁量匹配 — a case: the penalty item, the act and decision days, and the facts found",
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
  description: "裁量阶次 applied",
  fields: (t) => ({
    level: t.exposeInt("level", { description: "阶次 — 1 = lightest" }),
    name: t.exposeString("name", { description: "阶次名称 — as the benchmark names it" }),
  }),
});

const LenientSourceEnum = builder.enumType("LenientSource", {
  description: "清单出处 — where a lenient rule applied to a case comes from",
  values: {
    STATUTE: { description: "法定 — the statute itself (行政处罚法 第32条, 第33条; 行政强制法 第16条)" },
    BENCHMARK: { description: "基准 — the benchmark's own 四张清单 entry" },
  } as const,
});

const LenientApplicationRef = builder.objectRef<LenientMatch>("LenientApplication").implement({
  description: "四张清单 — the list applied to the case and why",
  fields: (t) => ({
    list: t.field({ description: "清单 — which list applied", type: LenientListEnum, resolve: (m) => m.list }),
    reason: t.exposeString("description", { description: "适用情形 — why it applies, as written" }),
    citation: t.exposeString("citation", { description: "依据 — law and article" }),
    discretionary: t.exposeBoolean("discretionary", {
      description: '"可以": the authority may still decide to penalise',
    }),
    source: t.field({
      type: LenientSourceEnum,
      description: "出处 — whether the statute itself or the benchmark's own list says so",
      resolve: (m) => (m.source === "statute" ? "STATUTE" : "BENCHMARK"),
    }),
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
      description: "裁量结论 — what the case deserves",
      type: DiscretionOutcomeEnum,
      resolve: (d) => d.match.outcome,
    }),
    range: t.field({
      type: PenaltyRangeRef,
      nullable: true,
      description: "null when no penalty",
      resolve: (d) => d.match.range,
    }),
    tier: t.field({
      description: "裁量阶次 — the tier matched; null when no tier applies",
      type: TierRef,
      nullable: true,
      resolve: (d) => d.match.tier,
    }),
    tierRange: t.field({
      type: PenaltyRangeRef,
      nullable: true,
      description: "the tier's own range before 从轻/减轻 (also for a discretionary 首违不罚)",
      resolve: (d) => d.match.tierRange,
    }),
    lenient: t.field({
      description: "四张清单 — the lenient rule applied; null when none",
      type: LenientApplicationRef,
      nullable: true,
      resolve: (d) => d.match.lenient,
    }),
    noCoercion: t.boolean({ description: "免于行政强制 (行政强制法 第16条)", resolve: (d) => d.match.noCoercion }),
    citations: t.stringList({ description: "法律依据: law and article", resolve: (d) => d.match.citations }),
    steps: t.stringList({ description: "the reasoning, as ordered steps", resolve: (d) => d.match.steps }),
    benchmarkVersion: t.int({
      description: "基准版本 — the benchmark version applied",
      resolve: (d) => d.match.benchmarkVersion,
    }),
    benchmarkSource: t.field({
      type: JurisdictionEnum,
      description:
        "基准来源 — GZ: the unified benchmark; CQ / SC: a province's own, used where no unified one is in force",
      resolve: (d) => jurisdictionOf(d.match.benchmarkSource),
    }),
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
      description: "决定时已赋权 — false when the decision date is after the item's empowerment ended",
      resolve: (d) => d.match.empoweredAtDecision,
    }),
    factsMissing: t.boolean({
      description:
        "未提供案件事实 — no facts were given: `range` is everything the statute allows (null if unknowable)",
      resolve: (d) => d.match.factsMissing,
    }),
  }),
});

/**
 * What the read lane may execute as graphql-jit compiled it (gateway/read-cache/compiled-queries.ts): `matchDiscretion`
 * computes its answer in memory from the catalog copy, without side effects, and its answer's types are plain values.
 * (Its `item` is an EnforcementItem, a Prisma object: a selection that enters it stays with graphql-js.)
 */
export const COMPILED_QUERY_SURFACE = {
  rootFields: new Set(["matchDiscretion"]),
  types: new Set([DiscretionMatchRef.name, PenaltyRangeRef.name, TierRef.name, LenientApplicationRef.name]),
} as const;

builder.queryFields((t) => ({
  matchDiscretion: t.field({
    type: DiscretionMatchRef,
    description:
      "裁量基准智能匹配 — for a case: lenient list, tier, lawful range, citations and steps; between the benchmark at the act and at the decision the lighter applies (行政处罚法 第37条)",
    authScopes: { scope: "read" },
    args: {
      input: t.arg({
        type: MatchDiscretionInput,
        required: true,
        description: "输入 — the item, the dates and the facts",
      }),
    },
    // answered at once from the copy held (no promise: the compiled read lane completes the request in the same
    // turn), else once the copy is read
    resolve: (_root, { input }, ctx) => {
      const matchOn = (catalog: CatalogSnapshot) =>
        withDiscretionInputErrors(() =>
          matchCatalogDiscretion(catalog, {
            itemCode: input.itemCode,
            actDate: input.actDate,
            decisionDate: input.decisionDate,
            facts: toCaseFacts(input.facts),
          }),
        );
      const held = ctx.services.catalog.held();
      return held ? matchOn(held) : ctx.services.catalog.snapshot().then(matchOn);
    },
  }),
}));

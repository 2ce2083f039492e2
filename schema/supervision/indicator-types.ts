/** 执法监督指标 as GraphQL types: the indicator, its target, its previous period and its breakdown. */
import { builder } from "../builder.ts";
import type { PeriodValue, SupervisionIndicator } from "./indicator-service.ts";
import { INDICATOR_CODES, INDICATORS } from "./rules/indicators/catalogue.ts";
import type { Slice } from "./rules/indicators/measure.ts";
import type { IndicatorTarget } from "./rules/indicators/status.ts";

export const IndicatorCodeEnum = builder.enumType("SupervisionIndicatorCode", {
  description: "执法监督指标代码 — which supervision indicator (definitions: docs/supervision.md)",
  values: Object.fromEntries(
    INDICATOR_CODES.map((code) => [code, { description: `${INDICATORS[code].name} — ${INDICATORS[code].definition}` }]),
  ) as Record<(typeof INDICATOR_CODES)[number], { description: string }>,
});

const IndicatorStatusEnum = builder.enumType("IndicatorStatus", {
  description: "指标状态 — where the value stands against its target",
  values: {
    OK: { description: "正常 — within the target (or no target, and a value)" },
    WATCH: { description: "关注 — within the target but past its watch threshold (`watchFrom`)" },
    ALERT: { description: "预警 — the target is missed" },
    NO_DATA: { description: "无数据 — nothing to compute the value from (e.g. a rate over zero visits)" },
  } as const,
});

const TargetComparisonEnum = builder.enumType("TargetComparison", {
  description: "目标方向 — whether the value must stay at most or at least the target",
  values: {
    AT_MOST: { description: "不高于 — the value must not exceed the target" },
    AT_LEAST: { description: "不低于 — the value must reach the target" },
  } as const,
});

const IndicatorDimensionEnum = builder.enumType("IndicatorDimension", {
  description: "分组维度 — what a breakdown slice groups by",
  values: {
    JURISDICTION: { description: "辖区 — cq / sc / gz (joint tasks are the committee's); for repeats: previous>this" },
    DOMAIN: { description: "执法领域 — the item's domain code" },
    DEPARTMENT: { description: "执法部门 — as the platform names it" },
    CREDIT_GRADE: { description: "信用等级 — A … D (NONE: not graded)" },
    RISK_COLOUR: { description: "综合风险颜色 — RED / YELLOW / GREEN" },
    INDUSTRY: { description: "行业 — the enterprise's industry (empty key: not given)" },
    DEVIATION_KIND: { description: "偏离类型 — the supervision warning's kind" },
    LENIENT_KIND: { description: "免罚轻罚类型 — 首违不罚 / 不予处罚 / 从轻 / 减轻" },
    QUARTER: { description: "季度 — YYYY-Qn" },
  } as const,
});

const IndicatorTargetRef = builder.objectRef<IndicatorTarget>("IndicatorTarget").implement({
  description: "指标目标 — the target or threshold of an indicator (docs/supervision.md)",
  fields: (t) => ({
    comparison: t.field({
      type: TargetComparisonEnum,
      description: "不高于 / 不低于",
      resolve: (x) => x.comparison,
    }),
    value: t.exposeFloat("value", { description: "目标值 — in the indicator's unit; missing it is ALERT" }),
    watchFrom: t.exposeFloat("watchFrom", {
      nullable: true,
      description: "关注阈值 — from this value on the indicator is WATCH before the target is missed; null: none",
    }),
    description: t.exposeString("description", {
      description: "目标说明 — what the target is and where it comes from",
    }),
  }),
});

export const IndicatorPeriodValueRef = builder.objectRef<PeriodValue>("IndicatorPeriodValue").implement({
  description: "期间值 — an indicator's value over one period of Beijing days",
  fields: (t) => ({
    from: t.field({ type: "Date", description: "起 — the first day (inclusive)", resolve: (p) => new Date(p.from) }),
    to: t.field({ type: "Date", description: "止 — the last day (inclusive)", resolve: (p) => new Date(p.to) }),
    value: t.exposeFloat("value", { nullable: true, description: "值 — null: no data" }),
    numerator: t.exposeFloat("numerator", { nullable: true, description: "分子 — null where the value is no ratio" }),
    denominator: t.exposeFloat("denominator", {
      nullable: true,
      description: "分母 — null where the value is no ratio",
    }),
  }),
});

const IndicatorSliceRef = builder.objectRef<Slice>("IndicatorSlice").implement({
  description: "分组值 — the indicator over one group of a dimension",
  fields: (t) => ({
    dimension: t.field({ type: IndicatorDimensionEnum, description: "分组维度", resolve: (s) => s.dimension }),
    key: t.exposeString("key", { description: "分组键 — stable, e.g. `cq`, `A`, `FINE_ABOVE_RANGE`" }),
    label: t.exposeString("label", { description: "分组名称 — Chinese, for display" }),
    value: t.exposeFloat("value", {
      nullable: true,
      description:
        "值 — the indicator over this group (RANDOM_INSPECTION_COVERAGE by INDUSTRY: the enterprises still to draw)",
    }),
    numerator: t.exposeFloat("numerator", { nullable: true, description: "分子" }),
    denominator: t.exposeFloat("denominator", { nullable: true, description: "分母" }),
  }),
});

export const SupervisionIndicatorRef = builder.objectRef<SupervisionIndicator>("SupervisionIndicator").implement({
  description:
    "执法监督指标 — one supervision indicator over a period: value, target, status, the previous period and breakdowns",
  fields: (t) => ({
    code: t.field({ type: IndicatorCodeEnum, description: "指标代码", resolve: (i) => i.code }),
    name: t.exposeString("name", { description: "指标名称 (中文)" }),
    definition: t.exposeString("definition", { description: "定义 — numerator / denominator in one line (中文)" }),
    unit: t.exposeString("unit", { description: "单位, e.g. %, 次/年, 天" }),
    value: t.exposeFloat("value", { nullable: true, description: "值 — two decimals; null: no data" }),
    numerator: t.exposeFloat("numerator", { nullable: true, description: "分子 — null where the value is no ratio" }),
    denominator: t.exposeFloat("denominator", {
      nullable: true,
      description: "分母 — null where the value is no ratio",
    }),
    p90: t.exposeFloat("p90", {
      nullable: true,
      description: "第90百分位 — CASE_DURATION only (days); null otherwise",
    }),
    target: t.field({
      type: IndicatorTargetRef,
      nullable: true,
      description: "目标 — null: a figure to read, with no target",
      resolve: (i) => i.target,
    }),
    status: t.field({ type: IndicatorStatusEnum, description: "状态 — against the target", resolve: (i) => i.status }),
    previous: t.field({
      type: IndicatorPeriodValueRef,
      description: "上期 — the same figure over the period of equal length just before",
      resolve: (i) => i.previous,
    }),
    breakdown: t.field({
      type: [IndicatorSliceRef],
      description: "分组 — the figure per jurisdiction, grade, industry, kind … as the indicator defines",
      resolve: (i) => i.breakdown,
    }),
  }),
});

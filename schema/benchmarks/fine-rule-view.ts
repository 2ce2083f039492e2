/** GraphQL view of the fine rules and tiers stored as JSON (shapes: ./rules/types.ts). */
import { builder } from "../builder.ts";
import { formatMultiple, formatYuan } from "../common/money.ts";
import type { BaseKind, BenchmarkTier, FineRule, LenientList, LenientRule } from "./rules/types.ts";

const BASE_KIND_VALUES: Record<BaseKind, { description: string }> = {
  INVESTMENT: { description: "建设项目总投资额 — total investment of the project (环境影响评价法 第31条)" },
  CONSTRUCTION_COST: { description: "工程造价 — construction cost (城乡规划法 第64条, 第66条)" },
  ILLEGAL_GAINS: { description: "违法所得 — illegal gains (土地管理法 第74条)" },
  DISPOSAL_COST: { description: "处置费用 — cost of disposal (固体废物污染环境防治法 第102条, 第112条)" },
  MARKET_VALUE: { description: "矿产品市场价值 — market value of the minerals (矿产资源法 第64条)" },
  RECLAMATION_FEE: {
    description: "耕地开垦费 / 土地复垦费 — land reclamation fee (土地管理法实施条例 第52条, 第55条)",
  },
  ANNUAL_INCOME: {
    description: "上一年年收入 — the responsible person's income of the year before (安全生产法 第95条)",
  },
};
export const BaseKindEnum = builder.enumType("BaseKind", {
  description: "罚款基数 — what a multiple-of-base fine multiplies",
  values: BASE_KIND_VALUES,
});

const LENIENT_LIST_VALUES: Record<LenientList, { description: string }> = {
  NO_PENALTY: { description: "不予处罚清单 — the act is not penalised (行政处罚法 第33条)" },
  MITIGATED: { description: "减轻处罚清单 — penalised below the statutory minimum (行政处罚法 第32条)" },
  LIGHTER: { description: "从轻处罚清单 — penalised toward the lower end of the range (行政处罚法 第32条)" },
  NO_COERCION: { description: "免于行政强制清单 — no administrative coercion (行政强制法 第16条)" },
};
export const LenientListEnum = builder.enumType("LenientList", {
  description: "四张清单 — the four lenient lists, most lenient penalty first, then 免于行政强制",
  values: LENIENT_LIST_VALUES,
});

const FINE_RULE_KINDS: Record<FineRule["kind"], { description: string }> = {
  FIXED_RANGE: { description: "固定幅度 — X以上Y以下: minYuan to maxYuan" },
  UP_TO_MAX: { description: "最高限额 — Y以下: 0 to maxYuan" },
  MULTIPLE_OF_BASE: {
    description: "基数倍数 — minMultiple to maxMultiple times a base amount (`base`), at least floorYuan when set",
  },
  PER_SQUARE_METRE: { description: "按面积 — minYuanPerM2 to maxYuanPerM2 per square metre" },
};
const FineRuleKindEnum = builder.enumType("FineRuleKind", {
  description: "罚款规则类型 — how a fine rule states its range; it says which FineRule fields apply",
  values: FINE_RULE_KINDS,
});

export function describeFineRule(rule: FineRule): string {
  switch (rule.kind) {
    case "FIXED_RANGE":
      return `${formatYuan(rule.minFen)}以上${formatYuan(rule.maxFen)}以下`;
    case "UP_TO_MAX":
      return `${formatYuan(rule.maxFen)}以下`;
    case "MULTIPLE_OF_BASE": {
      const floor = rule.floorFen ? `，不足${formatYuan(rule.floorFen)}的按${formatYuan(rule.floorFen)}计` : "";
      return `${rule.base} 的 ${formatMultiple(rule.minBp)}–${formatMultiple(rule.maxBp)}${floor}`;
    }
    case "PER_SQUARE_METRE":
      return `每平方米 ${formatYuan(rule.minFenPerM2)}–${formatYuan(rule.maxFenPerM2)}`;
  }
}

export const FineRuleRef = builder.objectRef<FineRule>("FineRule").implement({
  description: "罚款规则 — one rule of the fine engine; the fields that apply depend on `kind`",
  fields: (t) => ({
    kind: t.field({
      type: FineRuleKindEnum,
      description: "罚款规则类型 — which of the fields below apply",
      resolve: (r) => r.kind,
    }),
    summary: t.string({ resolve: describeFineRule, description: "human-readable rule (中文)" }),
    minYuan: t.field({
      type: "Yuan",
      nullable: true,
      description: "最低罚款 — FIXED_RANGE: the lowest fine; UP_TO_MAX: 0; otherwise null",
      resolve: (r) => (r.kind === "FIXED_RANGE" ? r.minFen : r.kind === "UP_TO_MAX" ? 0 : null),
    }),
    maxYuan: t.field({
      type: "Yuan",
      nullable: true,
      description: "最高罚款 — FIXED_RANGE and UP_TO_MAX: the highest fine (inclusive); otherwise null",
      resolve: (r) => (r.kind === "FIXED_RANGE" || r.kind === "UP_TO_MAX" ? r.maxFen : null),
    }),
    base: t.field({
      type: BaseKindEnum,
      nullable: true,
      description: "罚款基数 — MULTIPLE_OF_BASE: the amount multiplied; otherwise null",
      resolve: (r) => (r.kind === "MULTIPLE_OF_BASE" ? r.base : null),
    }),
    minMultiple: t.float({
      description: "最低倍数 — MULTIPLE_OF_BASE: e.g. 0.05 = 5 %; else null",
      nullable: true,
      resolve: (r) => (r.kind === "MULTIPLE_OF_BASE" ? r.minBp / 10_000 : null),
    }),
    maxMultiple: t.float({
      description: "最高倍数 — MULTIPLE_OF_BASE; else null",
      nullable: true,
      resolve: (r) => (r.kind === "MULTIPLE_OF_BASE" ? r.maxBp / 10_000 : null),
    }),
    floorYuan: t.field({
      type: "Yuan",
      nullable: true,
      description: "保底金额 — MULTIPLE_OF_BASE: a computed fine below it is raised to it; null when none",
      resolve: (r) => (r.kind === "MULTIPLE_OF_BASE" && r.floorFen !== undefined ? r.floorFen : null),
    }),
    minYuanPerM2: t.field({
      type: "Yuan",
      nullable: true,
      description: "每平方米最低 — PER_SQUARE_METRE: the lowest fine per square metre; otherwise null",
      resolve: (r) => (r.kind === "PER_SQUARE_METRE" ? r.minFenPerM2 : null),
    }),
    maxYuanPerM2: t.field({
      type: "Yuan",
      nullable: true,
      description: "每平方米最高 — PER_SQUARE_METRE: the highest fine per square metre; otherwise null",
      resolve: (r) => (r.kind === "PER_SQUARE_METRE" ? r.maxFenPerM2 : null),
    }),
  }),
});

export const BenchmarkTierRef = builder.objectRef<BenchmarkTier>("BenchmarkTier").implement({
  description: "裁量阶次 — one tier: when it applies and the fine it allows",
  fields: (t) => ({
    level: t.exposeInt("level", { description: "阶次 — 1 = lightest" }),
    name: t.exposeString("name", { description: "阶次名称 — as the benchmark names it" }),
    conditionText: t.exposeString("conditionText", { description: "适用条件" }),
    fine: t.field({
      description: "罚款规则 — the fine the tier allows",
      type: FineRuleRef,
      resolve: (tier) => tier.fine,
    }),
    escalation: t.field({
      type: FineRuleRef,
      nullable: true,
      description: "逾期未改正 / 拒不改正 — the rule that applies instead",
      resolve: (tier) => tier.escalation?.fine ?? null,
    }),
    responsiblePersonFine: t.field({
      type: FineRuleRef,
      nullable: true,
      description: "对直接负责的主管人员和其他直接责任人员的罚款",
      resolve: (tier) => tier.responsiblePersonFine ?? null,
    }),
    otherMeasures: t.exposeStringList("otherMeasures", {
      description: "其他处罚 — measures besides the fine, as written",
    }),
  }),
});

export const LenientRuleRef = builder.objectRef<LenientRule>("LenientRule").implement({
  description: "四张清单 entry — when a penalty is waived or lowered",
  fields: (t) => ({
    list: t.field({ description: "清单 — which of the four lists", type: LenientListEnum, resolve: (r) => r.list }),
    description: t.exposeString("description", { description: "适用情形 — when it applies, as written" }),
    citation: t.exposeString("citation", { description: "依据 — law and article" }),
  }),
});

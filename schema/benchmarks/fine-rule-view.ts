/** GraphQL view of the fine rules and tiers stored as JSON (shapes: ./rules/types.ts). */
import { builder } from "../builder.ts";
import { formatMultiple, formatYuan } from "../common/money.ts";
import type { BaseKind, BenchmarkTier, FineRule, LenientList, LenientRule } from "./rules/types.ts";

/** in the order of BASE_KINDS (./rules/types.ts), with the article that names each base */
const BASE_KIND_VALUES: Record<BaseKind, { description: string }> = {
  INVESTMENT: { description: "建设项目总投资额 — total investment of the project (环境影响评价法 第31条)" },
  CONSTRUCTION_COST: { description: "工程造价 — construction cost (城乡规划法 第64条, 第66条)" },
  ILLEGAL_GAINS: { description: "违法所得 — illegal gains (土地管理法 第74条)" },
  DISPOSAL_COST: { description: "处置费用 — cost of disposing of the waste (固体废物污染环境防治法 第102条, 第112条)" },
  MARKET_VALUE: { description: "矿产品市场价值 — market value of the minerals (矿产资源法 第64条)" },
  RECLAMATION_FEE: {
    description: "耕地开垦费 / 土地复垦费 — farmland reclamation fee (土地管理法实施条例 第52条, 第55条)",
  },
  ANNUAL_INCOME: { description: "上一年年收入 — the person's income of the previous year (安全生产法 第95条)" },
};

export const BaseKindEnum = builder.enumType("BaseKind", {
  description: "罚款基数 — what a multiple-of-base fine multiplies",
  values: BASE_KIND_VALUES,
});

/** in the order of LENIENT_LISTS (./rules/types.ts): from no penalty to no coercive measure */
const LENIENT_LIST_VALUES: Record<LenientList, { description: string }> = {
  NO_PENALTY: { description: "不予处罚 — no penalty (行政处罚法 第33条)" },
  LIGHTER: { description: "从轻处罚 — a lighter penalty within the range (行政处罚法 第32条)" },
  MITIGATED: { description: "减轻处罚 — a penalty below the range (行政处罚法 第32条)" },
  NO_COERCION: { description: "免于行政强制 — no administrative coercive measure" },
};

export const LenientListEnum = builder.enumType("LenientList", {
  description: "四张清单 — the four lists: 不予处罚 / 从轻 / 减轻 / 免于行政强制",
  values: LENIENT_LIST_VALUES,
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
    kind: t.string({
      resolve: (r) => r.kind,
      description: "FIXED_RANGE | UP_TO_MAX | MULTIPLE_OF_BASE | PER_SQUARE_METRE",
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
      nullable: true,
      description: "最低倍数 — MULTIPLE_OF_BASE: the lowest multiple of the base (0.01 = 1%); otherwise null",
      resolve: (r) => (r.kind === "MULTIPLE_OF_BASE" ? r.minBp / 10_000 : null),
    }),
    maxMultiple: t.float({
      nullable: true,
      description: "最高倍数 — MULTIPLE_OF_BASE: the highest multiple of the base (inclusive); otherwise null",
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
    level: t.exposeInt("level", { description: "阶次 — the tier's level: 1 is the lightest, higher is heavier" }),
    name: t.exposeString("name", { description: "阶次名称 — the tier's name as the benchmark writes it, e.g. 一般" }),
    conditionText: t.exposeString("conditionText", { description: "适用条件" }),
    fine: t.field({
      type: FineRuleRef,
      description: "罚款 — the fine this tier allows",
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
      description: "其他处罚 — other measures of the tier besides the fine (e.g. 责令停产停业), as written",
    }),
  }),
});

export const LenientRuleRef = builder.objectRef<LenientRule>("LenientRule").implement({
  description: "四张清单 entry — when a penalty is waived or lowered",
  fields: (t) => ({
    list: t.field({ type: LenientListEnum, description: "清单 — which of the four lists", resolve: (r) => r.list }),
    description: t.exposeString("description", {
      description: "情形 — the circumstances, as the benchmark writes them",
    }),
    citation: t.exposeString("citation", { description: "依据 — the article it rests on, as cited" }),
  }),
});

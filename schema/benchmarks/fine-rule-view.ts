/** GraphQL view of the fine rules and tiers stored as JSON (shapes: ./rules/types.ts). */
import { builder } from "../builder.ts";
import { formatMultiple, formatYuan } from "../common/money.ts";
import { BASE_KINDS, type BenchmarkTier, type FineRule, LENIENT_LISTS, type LenientRule } from "./rules/types.ts";

export const BaseKindEnum = builder.enumType("BaseKind", {
  description: "罚款基数 — what a multiple-of-base fine multiplies",
  values: BASE_KINDS,
});

export const LenientListEnum = builder.enumType("LenientList", {
  description: "四张清单 — 不予处罚 NO_PENALTY / 从轻 LIGHTER / 减轻 MITIGATED / 免于行政强制 NO_COERCION",
  values: LENIENT_LISTS,
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
      resolve: (r) => (r.kind === "FIXED_RANGE" ? r.minFen : r.kind === "UP_TO_MAX" ? 0 : null),
    }),
    maxYuan: t.field({
      type: "Yuan",
      nullable: true,
      resolve: (r) => (r.kind === "FIXED_RANGE" || r.kind === "UP_TO_MAX" ? r.maxFen : null),
    }),
    base: t.field({
      type: BaseKindEnum,
      nullable: true,
      resolve: (r) => (r.kind === "MULTIPLE_OF_BASE" ? r.base : null),
    }),
    minMultiple: t.float({ nullable: true, resolve: (r) => (r.kind === "MULTIPLE_OF_BASE" ? r.minBp / 10_000 : null) }),
    maxMultiple: t.float({ nullable: true, resolve: (r) => (r.kind === "MULTIPLE_OF_BASE" ? r.maxBp / 10_000 : null) }),
    floorYuan: t.field({
      type: "Yuan",
      nullable: true,
      resolve: (r) => (r.kind === "MULTIPLE_OF_BASE" && r.floorFen !== undefined ? r.floorFen : null),
    }),
    minYuanPerM2: t.field({
      type: "Yuan",
      nullable: true,
      resolve: (r) => (r.kind === "PER_SQUARE_METRE" ? r.minFenPerM2 : null),
    }),
    maxYuanPerM2: t.field({
      type: "Yuan",
      nullable: true,
      resolve: (r) => (r.kind === "PER_SQUARE_METRE" ? r.maxFenPerM2 : null),
    }),
  }),
});

export const BenchmarkTierRef = builder.objectRef<BenchmarkTier>("BenchmarkTier").implement({
  description: "裁量阶次 — one tier: when it applies and the fine it allows",
  fields: (t) => ({
    level: t.exposeInt("level"),
    name: t.exposeString("name"),
    conditionText: t.exposeString("conditionText", { description: "适用条件" }),
    fine: t.field({ type: FineRuleRef, resolve: (tier) => tier.fine }),
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
    otherMeasures: t.exposeStringList("otherMeasures"),
  }),
});

export const LenientRuleRef = builder.objectRef<LenientRule>("LenientRule").implement({
  description: "四张清单 entry — when a penalty is waived or lowered",
  fields: (t) => ({
    list: t.field({ type: LenientListEnum, resolve: (r) => r.list }),
    description: t.exposeString("description"),
    citation: t.exposeString("citation"),
  }),
});

/** `mergeBenchmarks` — the committee publishes the unified benchmark of an item (有利相对人). */
import { builder } from "../builder.ts";
import { yuanTextFromFen } from "../common/money.ts";
import { type MergeOutcome, publishMergedBenchmark } from "./merge-service.ts";
import type { MergeConflict, MergeConflictCode, MergeProvenance, Side } from "./rules/merge.ts";
import type { Clamp } from "./rules/merge-statute.ts";
import { BenchmarkRef } from "./types.ts";

interface BoundSource {
  level: number;
  part: string;
  bound: string;
  from: Side;
}

/** Flattens the merge's provenance to one row per bound: which province each unified bound came from. */
function flattenProvenance(provenance: MergeProvenance): BoundSource[] {
  const rows: BoundSource[] = [];
  for (const tier of provenance.tiers) {
    rows.push({ level: tier.level, part: "conditions", bound: "conditions", from: tier.conditions });
    const parts = {
      fine: tier.fine,
      escalation: tier.escalation,
      escalationResponsiblePerson: tier.escalationResponsiblePerson,
      responsiblePersonFine: tier.responsiblePersonFine,
    };
    for (const [part, bounds] of Object.entries(parts)) {
      for (const [bound, from] of Object.entries(bounds ?? {})) rows.push({ level: tier.level, part, bound, from });
    }
  }
  return rows;
}

const MergeSideEnum = builder.enumType("MergeSide", {
  description: "出处 — which provincial benchmark a bound of the unified one was taken from",
  values: {
    CQ: { description: "重庆 — the Chongqing benchmark's bound (the more favourable to the counterparty)" },
    SC: { description: "四川 — the Sichuan benchmark's bound (the more favourable to the counterparty)" },
    BOTH: { description: "两地相同 — both benchmarks state the same bound" },
  } as const,
});
const SIDE: Record<BoundSource["from"], "CQ" | "SC" | "BOTH"> = { cq: "CQ", sc: "SC", both: "BOTH" };

const MERGE_CONFLICT_CODES: Record<MergeConflictCode, { description: string }> = {
  DUPLICATE_LEVEL: { description: "阶次重复 — one benchmark has the same tier level twice" },
  TIER_MISSING: { description: "阶次缺失 — a tier level exists in one benchmark only" },
  FINE_KIND_MISMATCH: { description: "罚款方式不同 — the two tiers state their fines in different kinds" },
  FINE_SHAPE_MISMATCH: { description: "罚款结构不同 — same kind, but the rules cannot be compared bound by bound" },
  ESCALATION_MISMATCH: { description: "加重情形不同 — one tier has an escalation (逾期未改正) the other lacks" },
  RESPONSIBLE_PERSON_MISMATCH: {
    description: "责任人罚款不同 — one tier fines the responsible persons, the other does not",
  },
  CONDITIONS_UNORDERED: {
    description: "适用条件无法比较 — neither tier's conditions admit all the cases of the other",
  },
  STATUTE_MISMATCH: {
    description: "与法定罚则不符 — the tier's fine does not fit the statute's rule, so it cannot be kept inside it",
  },
};
const MergeConflictCodeEnum = builder.enumType("MergeConflictCode", {
  description: "合并冲突 — why a tier could not be merged; the merge says so rather than guess",
  values: MERGE_CONFLICT_CODES,
});

const BoundSourceRef = builder.objectRef<BoundSource>("BenchmarkBoundSource").implement({
  description: "出处 — which province a bound of the unified benchmark came from",
  fields: (t) => ({
    level: t.exposeInt("level", { description: "tier level" }),
    part: t.exposeString("part", { description: "fine | escalation | responsiblePersonFine | conditions | …" }),
    bound: t.exposeString("bound", { description: "e.g. maxFen, minFen, whenBaseUnknown.minFen" }),
    from: t.field({
      type: MergeSideEnum,
      description: "出处 — the benchmark it came from",
      resolve: (s) => SIDE[s.from],
    }),
  }),
});

const ClampUnitEnum = builder.enumType("ClampUnit", {
  description: "依法调整的单位 — the unit of a clamped bound",
  values: {
    YUAN: { description: "元 — an amount of money" },
    MULTIPLE: { description: "倍 — a multiple of a base amount (0.05 = 5%)" },
    YUAN_PER_SQUARE_METRE: { description: "元/平方米 — an amount per square metre" },
  } as const,
});

const UNIT: Record<Clamp["unit"], "YUAN" | "MULTIPLE" | "YUAN_PER_SQUARE_METRE"> = {
  FEN: "YUAN",
  BP: "MULTIPLE",
  FEN_PER_M2: "YUAN_PER_SQUARE_METRE",
};

/** fen → "80000.00" (exact decimal yuan, as the Yuan scalar writes it); bp → "0.05" (exact decimal multiple) */
function decimal(value: number | null, unit: Clamp["unit"]): string | null {
  if (value === null) return null;
  return unit === "BP" ? String(value / 10_000) : yuanTextFromFen(value);
}

const ClampRef = builder.objectRef<Clamp>("BenchmarkClamp").implement({
  description:
    "依法调整 — a bound of the merged benchmark brought inside the statutory range, or a statutory rule (floor, fallback) restored",
  fields: (t) => ({
    level: t.exposeInt("level", { description: "阶次 — tier level" }),
    part: t.exposeString("part", {
      description: "fine | escalation | responsiblePersonFine | escalationResponsiblePersonFine",
    }),
    bound: t.exposeString("bound", { description: "e.g. minFen, maxBp, baseFloorFen, whenBaseUnknown.minFen" }),
    unit: t.field({ description: "单位 — of before and after", type: ClampUnitEnum, resolve: (c) => UNIT[c.unit] }),
    before: t.string({
      nullable: true,
      description: "合并结果 — the merged value, exact decimal; null: neither side stated it",
      resolve: (c) => decimal(c.before, c.unit),
    }),
    after: t.string({
      nullable: true,
      description: "依法取值 — the value published, exact decimal; null: the statute has no such rule",
      resolve: (c) => decimal(c.after, c.unit),
    }),
    citation: t.exposeString("citation", { description: "法定幅度的依据 — the statute it was kept inside" }),
  }),
});

const MergeConflictRef = builder.objectRef<MergeConflict>("BenchmarkMergeConflict").implement({
  description: "A tier the merge could not align — it says so rather than guess",
  fields: (t) => ({
    level: t.exposeInt("level", { description: "阶次 — the tier level that could not be merged" }),
    code: t.field({ type: MergeConflictCodeEnum, description: "冲突 — why", resolve: (c) => c.code }),
    reason: t.exposeString("reason", { description: "说明 — the conflict as a person reads it" }),
  }),
});

const MergePayloadRef = builder.objectRef<MergeOutcome>("MergeBenchmarksPayload").implement({
  description: "合并结果 — the unified benchmark published (with where each bound came from), or the conflicts",
  fields: (t) => ({
    merged: t.boolean({
      description: "已合并 — false: conflicts prevented the merge; nothing published",
      resolve: (o) => o.merged,
    }),
    created: t.boolean({
      description: "false when the same unified benchmark was already in force",
      resolve: (o) => o.merged && o.created,
    }),
    benchmark: t.field({
      description: "统一基准 — the unified version in force from effectiveFrom; null when not merged",
      type: BenchmarkRef,
      nullable: true,
      resolve: (o) => (o.merged ? o.benchmark : null),
    }),
    provenance: t.field({
      description: "出处 — where each bound of the unified benchmark came from; empty when not merged",
      type: [BoundSourceRef],
      resolve: (o) => (o.merged ? flattenProvenance(o.provenance) : []),
    }),
    conflicts: t.field({
      description: "合并冲突 — why the merge was refused; empty when merged",
      type: [MergeConflictRef],
      resolve: (o) => (o.merged ? [] : o.conflicts),
    }),
    clamped: t.field({
      type: [ClampRef],
      description: "依法调整 — what the merge changed to stay inside the statute (empty: nothing)",
      resolve: (o) => (o.merged ? o.clamped : []),
    }),
  }),
});

const MergeBenchmarksInput = builder.inputType("MergeBenchmarksInput", {
  description: "合并裁量基准 — which penalty item, and from which day the unified benchmark applies",
  fields: (t) => ({
    itemCode: t.string({
      required: true,
      description: "事项编码 — the penalty item's unified code (GZ-…), or its Chongqing or Sichuan catalog code",
    }),
    effectiveFrom: t.field({
      type: "Date",
      required: false,
      description: "施行日 — first day the unified version applies (inclusive); default: today (Beijing)",
    }),
  }),
});

builder.mutationFields((t) => ({
  mergeBenchmarks: t.field({
    type: MergePayloadRef,
    description:
      "按照有利相对人原则合并裁量基准 — merge the Chongqing and Sichuan benchmarks of a penalty item into a new unified version (管委会 only)",
    authScopes: { $all: { issuer: "gz", scope: "catalog:write" } },
    args: {
      input: t.arg({
        type: MergeBenchmarksInput,
        required: true,
        description: "输入 — the item and the day the unified benchmark takes effect",
      }),
    },
    resolve: (_root, { input }, ctx) => publishMergedBenchmark(ctx, input.itemCode, input.effectiveFrom),
  }),
}));

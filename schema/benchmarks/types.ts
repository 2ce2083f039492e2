/** 裁量基准 as GraphQL: a benchmark version of one item, with tiers and lenient rules. */
import { builder } from "../builder.ts";
import { beijingDay, inForceWhere } from "../common/effective-dates.ts";
import { BenchmarkTierRef, LenientRuleRef } from "./fine-rule-view.ts";
import { benchmarkTier, lenientRule } from "./rules/types.ts";

export const BenchmarkRef = builder.prismaObject("Benchmark", {
  description: "裁量基准 — discretion benchmark of one penalty item, one version",
  fields: (t) => ({
    itemCode: t.exposeString("itemCode", { description: "事项编码 — the unified code of the penalty item" }),
    source: t.exposeString("source", { description: "gz = unified (统一基准); cq / sc = the provincial one" }),
    version: t.exposeInt("version", {
      description: "版本 — the version within its source (1, 2, …); a newer version replaces an older one from its day",
    }),
    effectiveFrom: t.expose("effectiveFrom", {
      type: "Date",
      description: "生效日期 — first day in force (Beijing calendar day, inclusive)",
    }),
    effectiveTo: t.expose("effectiveTo", {
      type: "Date",
      nullable: true,
      description: "失效日期 — last day in force (inclusive); null while open-ended",
    }),
    violation: t.exposeString("violation", { description: "违法行为" }),
    tiers: t.field({
      type: [BenchmarkTierRef],
      description: "裁量阶次 — the tiers, lightest (level 1) first",
      resolve: (b) => benchmarkTier.array().parse(b.tiers),
    }),
    lenientRules: t.field({
      type: [LenientRuleRef],
      description: "四张清单 — the benchmark's entries on the four lists (no, lighter, mitigated penalty; no coercion)",
      resolve: (b) => lenientRule.array().parse(b.lenientRules),
    }),
    illustrative: t.exposeBoolean("illustrative", {
      description: "示例数据 — true for seeded example data, not a benchmark a province published (docs/law.md)",
    }),
    note: t.exposeString("note", { nullable: true, description: "备注 — the publisher's note; null when none" }),
  }),
});

builder.prismaObjectFields("EnforcementItem", (t) => ({
  benchmark: t.field({
    type: BenchmarkRef,
    nullable: true,
    description: "统一裁量基准 — the unified benchmark in force on `asOf` (default today); penalty items only",
    args: { asOf: t.arg({ type: "Date", required: false }) },
    select: (args, ctx, nestedSelection) => ({
      benchmarks: nestedSelection({
        where: { source: "gz", ...inForceWhere(args.asOf ?? beijingDay(ctx.now), "effectiveFrom", "effectiveTo") },
        orderBy: { version: "desc" },
        take: 1,
      }),
    }),
    resolve: (item) => item.benchmarks[0] ?? null,
  }),
  benchmarks: t.relation("benchmarks", {
    description: "every benchmark version of the item: unified (gz) and provincial (cq, sc)",
    query: { orderBy: [{ source: "asc" }, { version: "asc" }] },
  }),
}));

/** 裁量基准 as GraphQL: a benchmark version of one item, with tiers and lenient rules. */
import { builder } from "../builder.ts";
import { beijingDay, inForceWhere } from "../common/effective-dates.ts";
import { BenchmarkTierRef, LenientRuleRef } from "./fine-rule-view.ts";
import { benchmarkTier, lenientRule } from "./rules/types.ts";

export const BenchmarkRef = builder.prismaObject("Benchmark", {
  description: "裁量基准 — discretion benchmark of one penalty item, one version",
  fields: (t) => ({
    itemCode: t.exposeString("itemCode"),
    source: t.exposeString("source", { description: "gz = unified (统一基准); cq / sc = the provincial one" }),
    version: t.exposeInt("version"),
    effectiveFrom: t.expose("effectiveFrom", { type: "Date", description: "生效日 — first day in force (inclusive)" }),
    effectiveTo: t.expose("effectiveTo", {
      type: "Date",
      nullable: true,
      description: "失效日 — last day in force (inclusive); null: open-ended",
    }),
    violation: t.exposeString("violation", { description: "违法行为" }),
    tiers: t.field({
      type: [BenchmarkTierRef],
      resolve: (b) => benchmarkTier.array().parse(b.tiers),
    }),
    lenientRules: t.field({
      type: [LenientRuleRef],
      resolve: (b) => lenientRule.array().parse(b.lenientRules),
    }),
    illustrative: t.exposeBoolean("illustrative"),
    note: t.exposeString("note", { nullable: true }),
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

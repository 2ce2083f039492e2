/** 裁量基准 as GraphQL: a benchmark version of one item, with tiers and lenient rules. */
import { builder } from "../builder.ts";
import { beijingDay, inForceWhere } from "../common/effective-dates.ts";
import { jurisdictionOf } from "../common/jurisdiction.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { BenchmarkTierRef, LenientRuleRef } from "./fine-rule-view.ts";
import { benchmarkTier, lenientRule } from "./rules/types.ts";

export const BenchmarkRef = builder.prismaObject("Benchmark", {
  description: "裁量基准 — discretion benchmark of one penalty item, one version",
  fields: (t) => ({
    itemCode: t.exposeString("itemCode", { description: "处罚事项 — the penalty item's unified code" }),
    source: t.field({
      type: JurisdictionEnum,
      description: "来源 — GZ: the unified benchmark (统一基准); CQ / SC: a province's own",
      resolve: (b) => jurisdictionOf(b.source),
    }),
    version: t.exposeInt("version", { description: "版本 — per item and source, from 1" }),
    effectiveFrom: t.expose("effectiveFrom", { description: "施行日 — first day in force (inclusive)", type: "Date" }),
    effectiveTo: t.expose("effectiveTo", {
      description: "失效日 — last day in force (inclusive); null: open",
      type: "Date",
      nullable: true,
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
      description: "示例数据 — true: the official benchmark is not public, these figures are illustrative",
    }),
    note: t.exposeString("note", { description: "备注 — e.g. where the figures come from", nullable: true }),
  }),
});

builder.prismaObjectFields("EnforcementItem", (t) => ({
  benchmark: t.field({
    type: BenchmarkRef,
    nullable: true,
    description: "统一裁量基准 — the unified benchmark in force on `asOf` (default today); penalty items only",
    args: {
      asOf: t.arg({ type: "Date", required: false, description: "日期 — the Beijing day asked about; default today" }),
    },
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

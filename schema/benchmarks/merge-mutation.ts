/** `mergeBenchmarks` — the committee publishes the unified benchmark of an item (有利相对人). */
import { builder } from "../builder.ts";
import { type MergeOutcome, publishMergedBenchmark } from "./merge-service.ts";
import type { MergeConflict, MergeProvenance } from "./rules/merge.ts";
import { BenchmarkRef } from "./types.ts";

interface BoundSource {
  level: number;
  part: string;
  bound: string;
  from: string;
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
    rows.push({ level: tier.level, part: "dailyContinuous", bound: "dailyContinuous", from: tier.dailyContinuous });
  }
  return rows;
}

const BoundSourceRef = builder.objectRef<BoundSource>("BenchmarkBoundSource").implement({
  description: "出处 — which province a bound of the unified benchmark came from (cq, sc, or both when equal)",
  fields: (t) => ({
    level: t.exposeInt("level", { description: "tier level" }),
    part: t.exposeString("part", { description: "fine | escalation | responsiblePersonFine | conditions | …" }),
    bound: t.exposeString("bound", { description: "e.g. maxFen, minFen, whenBaseUnknown.minFen" }),
    from: t.exposeString("from", { description: "cq | sc | both" }),
  }),
});

const MergeConflictRef = builder.objectRef<MergeConflict>("BenchmarkMergeConflict").implement({
  description: "A tier the merge could not align — it says so rather than guess",
  fields: (t) => ({
    level: t.exposeInt("level"),
    code: t.exposeString("code"),
    reason: t.exposeString("reason"),
  }),
});

const MergePayloadRef = builder.objectRef<MergeOutcome>("MergeBenchmarksPayload").implement({
  fields: (t) => ({
    merged: t.boolean({ resolve: (o) => o.merged }),
    created: t.boolean({
      description: "false when the same unified benchmark was already in force",
      resolve: (o) => o.merged && o.created,
    }),
    benchmark: t.field({ type: BenchmarkRef, nullable: true, resolve: (o) => (o.merged ? o.benchmark : null) }),
    provenance: t.field({ type: [BoundSourceRef], resolve: (o) => (o.merged ? flattenProvenance(o.provenance) : []) }),
    conflicts: t.field({ type: [MergeConflictRef], resolve: (o) => (o.merged ? [] : o.conflicts) }),
  }),
});

builder.mutationFields((t) => ({
  mergeBenchmarks: t.field({
    type: MergePayloadRef,
    description:
      "按照有利相对人原则合并裁量基准 — merge the Chongqing and Sichuan benchmarks of a penalty item into a new unified version (管委会 only)",
    authScopes: { $all: { issuer: "gz", scope: "catalog:write" } },
    args: {
      itemCode: t.arg.string({ required: true, description: "unified, Chongqing or Sichuan code" }),
      effectiveFrom: t.arg({ type: "Date", required: false, description: "default: today (Beijing)" }),
    },
    resolve: (_root, args, ctx) => publishMergedBenchmark(ctx, args.itemCode, args.effectiveFrom),
  }),
}));

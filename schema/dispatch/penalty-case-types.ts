/**
 * 立案 — the penalty case a non-compliant item opened, as stored with the item's result
 * (task-results.ts writes it, `StoredPenaltyCase`) and as GraphQL reads it: the discretion matched against the unified
 * benchmark at the moment the result was recorded, like `matchDiscretion` would answer then.
 */
import { DiscretionOutcomeEnum, PenaltyRangeRef, TierRef } from "../benchmarks/discretion-query.ts";
import { builder } from "../builder.ts";
import type { StoredPenaltyCase } from "./task-results.ts";

export const PenaltyCaseRef = builder.objectRef<StoredPenaltyCase>("PenaltyCase").implement({
  description:
    "立案 — the penalty case a non-compliant item opened: the discretion matched for it when the result was recorded (not recomputed later)",
  fields: (t) => ({
    itemCode: t.exposeString("itemCode", { description: "处罚事项 — the penalty item's unified code" }),
    outcome: t.field({
      type: DiscretionOutcomeEnum,
      description: "裁量结论 — no penalty, penalty, lighter or mitigated",
      resolve: (c) => c.outcome,
    }),
    range: t.field({
      type: PenaltyRangeRef,
      nullable: true,
      description: "罚款幅度 — the lawful fine, yuan, both ends inclusive; null when no fine applies or without facts",
      resolve: (c) => c.range,
    }),
    tier: t.field({
      type: TierRef,
      nullable: true,
      description: "裁量阶次 — the tier applied; null when none applies",
      resolve: (c) => c.tier,
    }),
    citations: t.exposeStringList("citations", { description: "法律依据 — law and article, as cited" }),
    benchmarkVersion: t.exposeInt("benchmarkVersion", {
      description: "裁量基准版本 — the version of the benchmark the case was matched against",
    }),
  }),
});

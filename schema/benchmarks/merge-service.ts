/**
 * Publishing a unified benchmark (统一裁量基准) from the two provincial ones under 有利相对人:
 * the pure merge decides, this service loads its inputs and stores the result as a new `gz` version
 * with its provenance, closing the previous unified version the day before.
 */
import type { GatewayContext } from "../../gateway/context.ts";
import { type Benchmark, Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { badInput, notFound } from "../../gateway/errors.ts";
import { stableJson } from "../../gateway/util/stable-json.ts";
import { beijingDay, inForceWhere } from "../common/effective-dates.ts";
import { writeAudited } from "../common/write.ts";
import { legalBasisCitation } from "./rules/citation.ts";
import { type MergeConflict, type MergeProvenance, mergeBenchmarks } from "./rules/merge.ts";
import type { Clamp } from "./rules/merge-statute.ts";
import { governingNormWithoutFacts, type PenaltyNorm, statutoryFine } from "./rules/statute.ts";
import { type BenchmarkBody, benchmarkBody } from "./rules/types.ts";

export type MergeOutcome =
  | { merged: true; created: boolean; benchmark: Benchmark; provenance: MergeProvenance; clamped: Clamp[] }
  | { merged: false; conflicts: MergeConflict[] };

const DAY_MS = 86_400_000;

export async function publishMergedBenchmark(
  ctx: GatewayContext,
  itemCode: string,
  effectiveFrom: Date | null | undefined,
): Promise<MergeOutcome> {
  const day = effectiveFrom ?? beijingDay(ctx.now);
  const item = await ctx.prisma.enforcementItem.findFirst({
    where: { OR: [{ code: itemCode }, { cqCode: itemCode }, { scCode: itemCode }] },
  });
  if (!item) throw notFound(`No enforcement item with code ${itemCode}`, { reason: "UNKNOWN_ITEM" });
  if (item.kind !== "PENALTY")
    throw badInput(`${item.code} is not a penalty item: it has no benchmark`, { reason: "NOT_A_PENALTY_ITEM" });

  const provincial = async (source: "cq" | "sc") =>
    ctx.prisma.benchmark.findFirst({
      where: { itemCode: item.code, source, ...inForceWhere(day, "effectiveFrom", "effectiveTo") },
      orderBy: { version: "desc" },
    });
  const [cq, sc] = await Promise.all([provincial("cq"), provincial("sc")]);
  const missing = [cq ? null : "Chongqing", sc ? null : "Sichuan"].filter(Boolean);
  if (!cq || !sc) {
    throw badInput(
      `${item.code} has no ${missing.join(" or ")} benchmark in force on ${day.toISOString().slice(0, 10)}`,
      {
        reason: "NO_PROVINCIAL_BENCHMARK",
      },
    );
  }
  const result = mergeBenchmarks(bodyOf(cq), bodyOf(sc), await governingStatute(ctx, item.code, day));
  if (!result.ok) return { merged: false, conflicts: result.conflicts };
  const { clamped } = result;

  return writeAudited<MergeOutcome>(ctx, async (tx) => {
    const current = await tx.benchmark.findFirst({
      where: { itemCode: item.code, source: "gz", ...inForceWhere(day, "effectiveFrom", "effectiveTo") },
      orderBy: { version: "desc" },
    });
    if (current && sameBody(bodyOf(current), result.body)) {
      // idempotent: the unified benchmark in force already is this merge
      return {
        result: { merged: true as const, created: false, benchmark: current, provenance: result.provenance, clamped },
        recordIds: [current.id],
      };
    }
    const benchmark = await createUnifiedVersion(tx, item.code, day, cq, sc, result.body, {
      ...result.provenance,
      clamped,
    });
    return {
      result: { merged: true as const, created: true, benchmark, provenance: result.provenance, clamped },
      recordIds: [benchmark.id],
      changes: [
        {
          kind: "benchmark.merged",
          entityType: "benchmark",
          entityId: benchmark.id,
          originJurisdiction: null,
          payload: { itemCode: item.code, version: benchmark.version, effectiveFrom: day.toISOString().slice(0, 10) },
        },
      ],
    };
  });
}

async function createUnifiedVersion(
  tx: Prisma.TransactionClient,
  itemCode: string,
  day: Date,
  cq: Benchmark,
  sc: Benchmark,
  body: BenchmarkBody,
  provenance: MergeProvenance & { clamped: Clamp[] },
): Promise<Benchmark> {
  const latest = await tx.benchmark.findFirst({ where: { itemCode, source: "gz" }, orderBy: { version: "desc" } });
  // the previous unified version ends the day before the merged one takes effect
  await tx.benchmark.updateMany({
    where: {
      itemCode,
      source: "gz",
      effectiveFrom: { lt: day },
      OR: [{ effectiveTo: null }, { effectiveTo: { gte: day } }],
    },
    data: { effectiveTo: new Date(day.getTime() - DAY_MS) },
  });
  return tx.benchmark.create({
    data: {
      itemCode,
      source: "gz",
      version: (latest?.version ?? 0) + 1,
      effectiveFrom: day,
      violation: cq.violation,
      tiers: body.tiers as Prisma.InputJsonValue,
      lenientRules: body.lenientRules as Prisma.InputJsonValue,
      provenance: {
        rule: "有利相对人",
        from: { cq: cq.version, sc: sc.version },
        ...provenance,
      } as unknown as Prisma.InputJsonValue,
      illustrative: cq.illustrative || sc.illustrative,
      note: `按照有利相对人原则由重庆 v${cq.version} 与四川 v${sc.version} 合并 — merged from Chongqing v${cq.version} and Sichuan v${sc.version}`,
    },
  });
}

/**
 * The statute the merged benchmark must stay inside: the item's penalty norm in force on `day`, or, where the catalog
 * holds several for the act, the one with the higher fine (行政处罚法 第29条). Null: no statutory fine recorded (or
 * several that cannot be weighed without facts) — the merge then keeps to what the provinces wrote.
 */
async function governingStatute(ctx: GatewayContext, itemCode: string, day: Date): Promise<PenaltyNorm | null> {
  const bases = await ctx.prisma.legalBasis.findMany({
    where: { itemCode, statutoryFine: { not: Prisma.AnyNull }, ...inForceWhere(day, "effectiveFrom", "effectiveTo") },
    orderBy: [{ sortOrder: "asc" }, { effectiveFrom: "asc" }],
  });
  const norms = bases.map((b) => ({ citation: legalBasisCitation(b), statute: statutoryFine.parse(b.statutoryFine) }));
  if (norms.length <= 1) return norms[0] ?? null;
  return governingNormWithoutFacts(norms)?.norm ?? null;
}

function bodyOf(benchmark: Benchmark): BenchmarkBody {
  return benchmarkBody.parse({ tiers: benchmark.tiers, lenientRules: benchmark.lenientRules });
}

function sameBody(a: BenchmarkBody, b: BenchmarkBody): boolean {
  return stableJson(a) === stableJson(b);
}

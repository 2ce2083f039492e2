/**
 * Illustrative provincial benchmarks (cq / sc) derived from a unified one, so that the 有利相对人 merge
 * has real work to do. Aligned pairs are built so that merge(cq, sc) gives back the unified body:
 * on the middle tier Chongqing has the higher minimum and Sichuan the higher maximum (so each side is
 * more favourable on one bound), and only Sichuan lists the 从轻 entry. Misaligned pairs differ in tier
 * count, which the merge must report as a conflict.
 */
import type { BenchmarkBody, BenchmarkTier, FineRule } from "../../../schema/benchmarks/rules/types.ts";
import { HARM_LADDER, LIGHTER_CORRECTED, type TierShape } from "./tiers.ts";

const roundTo = (x: number, unit: number): number => Math.max(unit, Math.round(x / unit) * unit);

/** [min, max] of a rule in its own unit (fen, bp or fen/m²) and the rounding unit of that scale. */
function bounds(r: FineRule): { lo: number; hi: number; unit: number } {
  switch (r.kind) {
    case "FIXED_RANGE":
      return { lo: r.minFen, hi: r.maxFen, unit: 10_000 };
    case "UP_TO_MAX":
      return { lo: 0, hi: r.maxFen, unit: 10_000 };
    case "MULTIPLE_OF_BASE":
      return { lo: r.minBp, hi: r.maxBp, unit: 10 };
    case "PER_SQUARE_METRE":
      return { lo: r.minFenPerM2, hi: r.maxFenPerM2, unit: 100 };
  }
}

function withBounds(r: FineRule, lo: number, hi: number): FineRule {
  switch (r.kind) {
    case "FIXED_RANGE":
      return { ...r, minFen: lo, maxFen: hi };
    case "UP_TO_MAX":
      if (lo !== 0) return { kind: "FIXED_RANGE", minFen: lo, maxFen: hi };
      return { ...r, maxFen: hi };
    case "MULTIPLE_OF_BASE":
      return { ...r, minBp: lo, maxBp: hi };
    case "PER_SQUARE_METRE":
      return { ...r, minFenPerM2: lo, maxFenPerM2: hi };
  }
}

const ceilingOf = (tiers: BenchmarkTier[]): number => Math.max(...tiers.map((t) => bounds(t.fine).hi));

const withoutLighter = (b: BenchmarkBody) => b.lenientRules.filter((r) => r !== LIGHTER_CORRECTED);

export interface ProvincialPair {
  gz: BenchmarkBody;
  cq: BenchmarkBody;
  sc: BenchmarkBody;
  difference: string;
}

/** Same tiers and rule kinds; the middle tier differs by a quarter of its span on one bound per side. */
export function alignedPair(unified: BenchmarkBody, tierIndex = 1): ProvincialPair {
  const tier = unified.tiers[tierIndex];
  if (!tier || tier.fine.kind === "UP_TO_MAX") throw new Error("alignedPair: the varied tier needs a minimum");
  const { lo, hi, unit } = bounds(tier.fine);
  const delta = roundTo((hi - lo) / 4, unit);
  const ceiling = ceilingOf(unified.tiers);
  if (hi + delta > ceiling) throw new Error("alignedPair: the raised maximum would leave the statutory range");
  const vary = (fine: FineRule) => unified.tiers.map((t, i) => (i === tierIndex ? { ...t, fine } : t));
  const gz = { tiers: unified.tiers, lenientRules: [...withoutLighter(unified), LIGHTER_CORRECTED] };
  return {
    gz,
    cq: { tiers: vary(withBounds(tier.fine, lo + delta, hi)), lenientRules: withoutLighter(unified) },
    sc: { tiers: vary(withBounds(tier.fine, lo, hi + delta)), lenientRules: gz.lenientRules },
    difference: `第${tierIndex + 1}阶次：重庆下限较高、四川上限较高；四川另列从轻情形 / tier ${tierIndex + 1}: cq has the higher minimum, sc the higher maximum; only sc lists the 从轻 entry`,
  };
}

/** Sichuan's four tiers: the ordinary tier split by whether the party corrected in time. */
const FOUR_TIERS: TierShape[] = [
  {
    name: "轻微",
    conditions: [...(HARM_LADDER[0]?.conditions ?? []), { fact: "correctedInTime", op: "eq", value: true }],
    conditionText: "危害后果一般及以下，并及时改正",
  },
  { ...(HARM_LADDER[0] as TierShape), name: "一般", conditionText: "危害后果一般及以下，未及时改正" },
  HARM_LADDER[1] as TierShape,
  HARM_LADDER[2] as TierShape,
];

/** Chongqing keeps the unified three tiers; Sichuan splits the whole statutory range into four. */
export function misalignedPair(unified: BenchmarkBody): ProvincialPair {
  const first = unified.tiers[0];
  if (!first || unified.tiers.length !== 3) throw new Error("misalignedPair expects a three-tier body");
  const lo = bounds(first.fine).lo;
  const ceiling = ceilingOf(unified.tiers);
  const unit = bounds(first.fine).unit;
  const cut = (k: number) => (k === 0 ? lo : k === 4 ? ceiling : roundTo(lo + ((ceiling - lo) * k) / 4, unit));
  const template = (i: number) => unified.tiers[Math.min(Math.max(i - 1, 0), 2)] as BenchmarkTier;
  const scTiers: BenchmarkTier[] = FOUR_TIERS.map((shape, i) => ({
    ...template(i),
    level: i + 1,
    name: shape.name,
    conditions: shape.conditions,
    conditionText: shape.conditionText,
    fine: withBounds(template(i).fine, cut(i), cut(i + 1)),
  }));
  return {
    gz: unified,
    cq: unified,
    sc: { tiers: scTiers, lenientRules: unified.lenientRules },
    difference:
      "阶次无法对齐：重庆 3 个阶次，四川 4 个阶次；统一基准由管委会另行确定 / not alignable: cq 3 tiers, sc 4 tiers",
  };
}

/**
 * Strata and how many enterprises each one gets (issue 7 §1: base ratio, per-class factors, at least
 * one per industry).
 *
 * A stratum is one (industry, riskClass) pair present among the frozen candidates. Its population n is
 * the number of its ELIGIBLE (not excluded) candidates, and its count is
 *
 *   k = min(n, ⌈ n × baseRatioPpm × factorPermille / 10^9 ⌉)        (exact integer arithmetic)
 *
 * Because every factor is at least 1‰ and the ratio at least 1 ppm, a stratum with n ≥ 1 always gets
 * k ≥ 1, so every industry that has an eligible candidate gets at least one inspection of each class it
 * has — the plan's minimum of one per industry follows from rounding up, no separate rule is needed.
 * Rounding up also means small strata are sampled above the base ratio; that is the price of the minimum.
 */
import type { DrawParameters } from "./draw-plan.ts";
import { RISK_CLASSES } from "./draw-plan.ts";

const SCALE = 1_000_000_000n; // ppm × permille

export function stratumCount(population: number, baseRatioPpm: number, factorPermille: number): number {
  if (population <= 0) return 0;
  const product = BigInt(population) * BigInt(baseRatioPpm) * BigInt(factorPermille);
  const roundedUp = Number((product + SCALE - 1n) / SCALE);
  return Math.min(population, roundedUp);
}

export interface StratumMembers {
  key: string;
  industry: string;
  riskClass: string;
  /** USCCs of the eligible candidates, in canonical (USCC) order */
  eligible: string[];
  excluded: number;
}

/** The display key of a stratum; strata are compared by (industry, riskClass), never by parsing it. */
export const stratumKey = (industry: string, riskClass: string) => `${industry}/${riskClass}`;

/**
 * Groups canonical-order candidates into strata, ordered by industry (code-point order), then by the
 * class order of the plan's stratification (A…D, or RED, YELLOW, GREEN).
 */
export function groupStrata(
  parameters: DrawParameters,
  candidates: readonly { uscc: string; industry: string; riskClass: string; excluded: string | null }[],
): StratumMembers[] {
  const byIndustry = new Map<string, Map<string, StratumMembers>>();
  for (const { uscc, industry, riskClass, excluded } of candidates) {
    let classes = byIndustry.get(industry);
    if (!classes) {
      classes = new Map();
      byIndustry.set(industry, classes);
    }
    let stratum = classes.get(riskClass);
    if (!stratum) {
      stratum = { key: stratumKey(industry, riskClass), industry, riskClass, eligible: [], excluded: 0 };
      classes.set(riskClass, stratum);
    }
    if (excluded === null) stratum.eligible.push(uscc);
    else stratum.excluded++;
  }
  const classOrder = RISK_CLASSES[parameters.stratifyBy];
  const rank = (riskClass: string) => {
    const index = classOrder.indexOf(riskClass);
    return index < 0 ? classOrder.length : index;
  };
  return [...byIndustry.keys()]
    .sort()
    .flatMap((industry) =>
      [...byIndustry.get(industry)!.values()].sort((a, b) => rank(a.riskClass) - rank(b.riskClass)),
    );
}

/**
 * Why a stratum gets the count it gets, for a committee member who set "1 %" and sees 32 selected:
 *   NONE_ELIGIBLE  every candidate of the stratum is excluded: nobody to draw
 *   EXACT          n × ratio × factor is a whole number
 *   ROUNDED_UP     it is above one and not whole: rounded up
 *   MINIMUM_ONE    it is below one: rounded up to the one-per-stratum minimum
 *   ALL_ELIGIBLE   rounding up would exceed the stratum: every eligible candidate
 */
export type StratumCountRule = "NONE_ELIGIBLE" | "EXACT" | "ROUNDED_UP" | "MINIMUM_ONE" | "ALL_ELIGIBLE";

export interface ExplainedStratumCount {
  count: number;
  /** n × ratio × factor exactly, as a decimal (at most 9 decimals, no trailing zeros): "0.94", "3" */
  exact: string;
  rule: StratumCountRule;
}

/** `k / 10^9` written exactly as a decimal. */
export function billionthsAsDecimal(billionths: bigint): string {
  const whole = billionths / SCALE;
  const fraction = (billionths % SCALE).toString().padStart(9, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

export function explainStratumCount(
  population: number,
  baseRatioPpm: number,
  factorPermille: number,
): ExplainedStratumCount {
  const product = BigInt(population) * BigInt(baseRatioPpm) * BigInt(factorPermille);
  const count = stratumCount(population, baseRatioPpm, factorPermille);
  const exact = billionthsAsDecimal(product);
  if (population <= 0) return { count, exact, rule: "NONE_ELIGIBLE" };
  if (product > BigInt(population) * SCALE) return { count, exact, rule: "ALL_ELIGIBLE" };
  if (product < SCALE) return { count, exact, rule: "MINIMUM_ONE" };
  return { count, exact, rule: product % SCALE === 0n ? "EXACT" : "ROUNDED_UP" };
}

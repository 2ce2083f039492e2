/**
 * What a draw under a plan would select, before anything is committed: per stratum how many and why
 * (draw-strata.ts `explainStratumCount`), and how many candidates are excluded for which reason. The
 * counts are exactly those `runDraw` will use — they depend on the frozen list, not on the seed; only
 * WHICH enterprises are chosen waits for the seed.
 */
import type { ExclusionReason, FrozenCandidate } from "./draw-candidates.ts";
import type { DrawParameters } from "./draw-plan.ts";
import { billionthsAsDecimal, explainStratumCount, groupStrata, type StratumCountRule } from "./draw-strata.ts";

export interface PreviewStratum {
  key: string;
  industry: string;
  riskClass: string;
  /** eligible candidates */
  population: number;
  excluded: number;
  factorPermille: number;
  count: number;
  /** n × ratio × factor, exactly */
  exactCount: string;
  rule: StratumCountRule;
}

export interface DrawPreview {
  candidateCount: number;
  eligibleCount: number;
  exclusions: { reason: ExclusionReason; count: number }[];
  strata: PreviewStratum[];
  selectedCount: number;
  /** Σ n × ratio × factor over the strata: what the ratio alone would give, before any rounding */
  exactTotal: string;
}

const REASONS: readonly ExclusionReason[] = ["RECENTLY_INSPECTED", "YEARLY_CAP_REACHED"];

export function previewDraw(parameters: DrawParameters, candidates: readonly FrozenCandidate[]): DrawPreview {
  let exactBillionths = 0n;
  const strata = groupStrata(parameters, candidates).map((stratum): PreviewStratum => {
    const factorPermille = parameters.factorsPermille[stratum.riskClass] ?? 0;
    const population = stratum.eligible.length;
    exactBillionths += BigInt(population) * BigInt(parameters.baseRatioPpm) * BigInt(factorPermille);
    const { count, exact, rule } = explainStratumCount(population, parameters.baseRatioPpm, factorPermille);
    const { key, industry, riskClass, excluded } = stratum;
    return { key, industry, riskClass, population, excluded, factorPermille, count, exactCount: exact, rule };
  });
  const exclusions = REASONS.map((reason) => ({
    reason,
    count: candidates.filter((c) => c.excluded === reason).length,
  })).filter((e) => e.count > 0);
  return {
    candidateCount: candidates.length,
    eligibleCount: candidates.filter((c) => c.excluded === null).length,
    exclusions,
    strata,
    selectedCount: strata.reduce((sum, s) => sum + s.count, 0),
    exactTotal: billionthsAsDecimal(exactBillionths),
  };
}

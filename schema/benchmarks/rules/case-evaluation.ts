/**
 * One case under one rule set — the benchmark version and the legal bases in force on one day: lenient lists,
 * tier, the governing statute (行政处罚法 第29条), aggravation, and 按日连续处罚 where an article provides it.
 * Pure; ./discretion.ts chooses the rule set (dates, 行政处罚法 第37条).
 */
import { oncePerObject } from "../../common/rules/once-per-object.ts";
import {
  evaluateTierFine,
  type FineRange,
  FineRuleError,
  rangeText,
  type TierFineEvaluation,
  timesDays,
} from "./fine-engine.ts";
import { assessLenient, type LenientMatch, lenientRange } from "./lenient.ts";
import {
  aggravate,
  clampInto,
  type Governing,
  governingNorm,
  governingNormWithoutFacts,
  ordinaryRange,
  type PenaltyNorm,
  type StatutoryFine,
} from "./statute.ts";
import { selectTier } from "./tier-selection.ts";
import type { BenchmarkBody, BenchmarkTier, CaseFacts } from "./types.ts";

/** A legal basis as the rules read it (the catalog row, its citation already written). */
export interface LegalBasisView {
  /** e.g. "安全生产法 第112条" */
  citation: string;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  /** what the article allows when it fines; null for a duty, or when the figures are not recorded */
  statute: StatutoryFine | null;
  /** the article provides 按日连续处罚 for the act (安全生产法 第112条, 大气污染防治法 第123条 …) */
  dailyFine: boolean;
}

export interface BenchmarkVersion {
  version: number;
  source: string;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  body: BenchmarkBody;
}

/** What applies on one day. */
export interface RuleSet {
  day: string;
  benchmark: BenchmarkVersion;
  bases: readonly LegalBasisView[];
}

export type DiscretionOutcome = "NO_PENALTY" | "PENALTY" | "MITIGATED_PENALTY" | "LIGHTER_PENALTY";

export interface Evaluation {
  outcome: DiscretionOutcome;
  lenient: LenientMatch | null;
  noCoercion: boolean;
  tier: { level: number; name: string } | null;
  /** the lawful fine range; null when no penalty is given, or when it cannot be known without facts */
  range: FineRange | null;
  citations: string[];
  steps: string[];
  benchmarkVersion: number;
  benchmarkSource: string;
  /** the tier's range (inside the statute) before 从轻/减轻; also for NO_PENALTY when possible (首违不罚 is "可以") */
  tierRange: FineRange | null;
  /** 按日连续处罚: a separate decision, the original fine × days; only where a legal basis in force provides it */
  dailyContinuous: (FineRange & { days: number }) | null;
  responsiblePersonRange: FineRange | null;
  /** no facts were given: the range is everything the statute allows */
  factsMissing: boolean;
}

/**
 * What a day's law gives every case, worked out once per array of bases (./discretion.ts gives the same law the same
 * array): its norms, its citations, and the bases that provide 按日连续处罚.
 */
const lawOf = oncePerObject((bases: readonly LegalBasisView[]) => {
  const daily = bases.filter((b) => b.dailyFine);
  return {
    norms: bases.flatMap((b): PenaltyNorm[] => (b.statute ? [{ citation: b.citation, statute: b.statute }] : [])),
    /** every basis in force, cited */
    citations: bases.map((b) => b.citation),
    /** without a basis that only provides the daily fine: cited so when no daily fine is offered */
    citationsWithoutDaily: bases.filter((b) => !b.dailyFine || b.statute !== null).map((b) => b.citation),
    daily,
    /** the daily bases' citations, joined for the steps */
    dailyCited: daily.map((b) => b.citation).join("、"),
  };
});

const normsOf = (set: RuleSet): readonly PenaltyNorm[] => lawOf(set.bases).norms;

/** Every basis in force; one that only provides the daily fine is cited only when a daily fine is offered. */
const basisCitations = (set: RuleSet, dailyOffered: boolean) =>
  dailyOffered ? lawOf(set.bases).citations : lawOf(set.bases).citationsWithoutDaily;

const unique = (xs: readonly string[]) => [...new Set(xs)];

/** Without facts: no tier and no lenient list can be judged; the whole statutory range is what a decision must keep. */
function withoutFacts(set: RuleSet): Evaluation {
  const governing = governingNormWithoutFacts(normsOf(set));
  const steps = [
    "未提供案件事实 (no facts): 无法判断阶次与四张清单，按法定幅度整体判断 (judged against the whole statutory range)",
    ...(governing?.steps ?? []),
    governing
      ? `法定幅度 (含逾期未改正与加重情形): ${governing.norm.citation} ${rangeText(governing.range)}`
      : "法定幅度取决于未提供的数额 (基数、面积) 或未录入，无法判断罚款幅度 (the statutory range cannot be known without facts)",
  ];
  return {
    outcome: "PENALTY",
    lenient: null,
    noCoercion: false,
    tier: null,
    range: governing?.range ?? null,
    citations: unique([...basisCitations(set, false), ...(governing?.citations ?? [])]),
    steps,
    benchmarkVersion: set.benchmark.version,
    benchmarkSource: set.benchmark.source,
    tierRange: null,
    dailyContinuous: null,
    responsiblePersonRange: null,
    factsMissing: true,
  };
}

interface Lawful {
  tier: BenchmarkTier;
  fine: TierFineEvaluation;
  governing: Governing | null;
  range: FineRange;
  steps: string[];
  citations: string[];
}

/** The tier's range kept inside the governing statute, with the statute's aggravation. */
function lawfulTierRange(set: RuleSet, facts: CaseFacts): Lawful {
  const selection = selectTier(set.benchmark.body.tiers, facts);
  const fine = evaluateTierFine(selection.tier, facts);
  const steps = [...selection.steps, ...fine.steps];
  const citations: string[] = [];
  const governing = governingNorm(normsOf(set), facts);
  let range: FineRange = { minFen: fine.minFen, maxFen: fine.maxFen };
  if (!governing) {
    steps.push("法定幅度未录入 (no statutory range recorded for the legal bases in force): 以裁量基准为准");
    return { tier: selection.tier, fine, governing, range, steps, citations };
  }
  steps.push(...governing.steps);
  citations.push(...governing.citations);
  const inside = clampInto(range, governing.range);
  if (inside.minFen !== range.minFen || inside.maxFen !== range.maxFen) {
    steps.push(
      `阶次区间 ${rangeText(range)} 超出法定幅度 (${governing.norm.citation} ${rangeText(governing.range)})，取法定幅度内的部分 → ${rangeText(inside)}`,
    );
    range = inside;
  }
  const aggravation = governing.norm.statute.aggravation;
  if (aggravation) {
    const clause = `${governing.norm.citation}第${aggravation.clause}款`;
    const a = aggravate(range, aggravation, facts.particularlySerious, clause);
    steps.push(a.step);
    range = a.range;
    if (a.citation) citations.push(a.citation);
  }
  return { tier: selection.tier, fine, governing, range, steps, citations };
}

interface Daily {
  daily: Evaluation["dailyContinuous"];
  steps: string[];
}

/** 按日连续处罚 — only where a legal basis in force provides it, as a separate decision beside the range. */
function dailyFine(set: RuleSet, facts: CaseFacts, lawful: Lawful): Daily {
  if (facts.correctedInTime) return { daily: null, steps: [] };
  const { daily: bases, dailyCited: cited } = lawOf(set.bases);
  const days = facts.daysNotCorrected;
  if (bases.length === 0) {
    return {
      daily: null,
      steps:
        days > 0 ? ["按日连续处罚不适用: 在效的法律依据均未规定 (no legal basis in force provides a daily fine)"] : [],
    };
  }
  if (days === 0) return { daily: null, steps: [`可按日连续处罚 (${cited})，但未改正天数为 0，不适用`] };
  // "按照原处罚数额": the tier's own (pre-escalation) range, kept inside the statute's ordinary range
  const original = lawful.governing
    ? clampInto(lawful.fine.base, ordinaryRange(lawful.governing.norm, facts))
    : lawful.fine.base;
  const total = timesDays(original, days);
  // not `{ ...total, days }`: on Node 20 each property added after a spread costs ~1 µs
  const daily = { minFen: total.minFen, maxFen: total.maxFen, days };
  return {
    daily,
    steps: [
      `按日连续处罚 (${cited}): 原处罚数额 ${rangeText(original)} × ${days} 日 = ${rangeText(daily)}，另行决定，不计入本决定区间 (a separate decision)`,
    ],
  };
}

/** The lowest minimum the case could reach: the statute's, else the benchmark's lowest tier minimum. */
function statutoryMinimum(set: RuleSet, facts: CaseFacts, lawful: Lawful): number {
  if (lawful.governing) return lawful.governing.range.minFen;
  return Math.min(
    ...set.benchmark.body.tiers.flatMap((t) => {
      try {
        return [evaluateTierFine(t, facts).minFen];
      } catch {
        return [];
      }
    }),
  );
}

function withFacts(set: RuleSet, facts: CaseFacts): Evaluation {
  const lenient = assessLenient(set.benchmark.body.lenientRules, facts);
  const applied = lenient.applied;
  const steps = [...lenient.steps];
  let lawful: Lawful | null = null;
  try {
    lawful = lawfulTierRange(set, facts);
    steps.push(...lawful.steps);
  } catch (e) {
    // under 不予处罚 the tier is only informative; otherwise a missing tier or base is the caller's error
    if (applied?.list !== "NO_PENALTY" || !(e instanceof FineRuleError)) throw e;
    steps.push(`（不予处罚时阶次仅供参考，未能确定: ${e.message}）`);
  }
  const tierRange = lawful?.range ?? null;
  let outcome: DiscretionOutcome = "PENALTY";
  let range: FineRange | null = tierRange;
  if (applied?.list === "NO_PENALTY") {
    outcome = "NO_PENALTY";
    range = null;
    if (applied.discretionary && tierRange) {
      steps.push(`首违不罚为"可以"不予处罚；如决定处罚，罚款应在 ${rangeText(tierRange)} 之内`);
    }
  } else if (applied && lawful && tierRange) {
    const adjusted = lenientRange(tierRange, applied.list, statutoryMinimum(set, facts, lawful));
    outcome = applied.list === "LIGHTER" ? "LIGHTER_PENALTY" : "MITIGATED_PENALTY";
    range = { minFen: adjusted.minFen, maxFen: adjusted.maxFen };
    steps.push(adjusted.step);
  }
  const daily = lawful && outcome !== "NO_PENALTY" ? dailyFine(set, facts, lawful) : { daily: null, steps: [] };
  steps.push(...daily.steps);
  return {
    outcome,
    lenient: applied,
    noCoercion: lenient.noCoercion !== null,
    tier: lawful ? { level: lawful.tier.level, name: lawful.tier.name } : null,
    range,
    citations: unique([
      ...basisCitations(set, daily.daily !== null),
      ...lenient.citations,
      ...(lawful?.citations ?? []),
    ]),
    steps,
    benchmarkVersion: set.benchmark.version,
    benchmarkSource: set.benchmark.source,
    tierRange,
    dailyContinuous: daily.daily,
    responsiblePersonRange: outcome === "NO_PENALTY" ? null : (lawful?.fine.responsiblePerson ?? null),
    factsMissing: false,
  };
}

/** The case under one rule set; `facts` null: none were given. */
export const evaluateCase = (set: RuleSet, facts: CaseFacts | null): Evaluation =>
  facts === null ? withoutFacts(set) : withFacts(set, facts);

/**
 * 法定罚款幅度 — what a penalty norm (one legal basis: law + article) allows before a benchmark splits it into
 * tiers. Stored on the legal basis (LegalBasis.statutoryFine) and used three ways, all pure:
 * - 行政处罚法 第29条: several norms for one act → the one with the higher fine governs (`governingNorm`);
 * - a lawful range never leaves the governing statute (`clampInto`, and the merge in ./merge-statute.ts);
 * - a decision whose facts are missing is judged against everything the statute allows (`wholeStatutoryRange`).
 */
import { z } from "zod";
import { type CaseFacts, defaultFacts } from "./case-facts.ts";
import { combineConcurrentNorms, type FineRange, FineRuleError, fineRange, rangeText, timesBp } from "./fine-engine.ts";
import { allHold } from "./tier-selection.ts";
import { type FineRule, factCondition, fineRule } from "./types.ts";

const bp = z.number().int().nonnegative();

/** One range as the statute words it, e.g. 安全生产法 第114条第1款第(一)项: 一般事故 30万–100万. */
export const statutoryRange = z.object({
  /** the circumstance the statute names (一般事故 …); none = every case */
  conditions: z.array(factCondition).default([]),
  fine: fineRule,
  /** 逾期未改正 / 拒不改正: the range the statute sets instead; absent = no heavier fine */
  escalation: fineRule.optional(),
  responsiblePersonFine: fineRule.optional(),
  escalationResponsiblePersonFine: fineRule.optional(),
});
export const statutoryFine = z.object({
  /** tried in order: the first whose conditions hold is the statute's range for a case */
  ranges: z.array(statutoryRange).min(1),
  /**
   * 安全生产法 第114条第2款: "情节特别严重、影响特别恶劣的 … 可以按照前款罚款数额的二倍以上五倍以下 … 处以罚款" —
   * the multiple (in basis points) of the range, on the fact `particularlySerious`; `clause` is the 款 that says so.
   */
  aggravation: z.object({ clause: z.number().int().positive(), minBp: bp, maxBp: bp }).optional(),
});
export type StatutoryRange = z.infer<typeof statutoryRange>;
export type StatutoryFine = z.infer<typeof statutoryFine>;

/** A penalty norm in force: a legal basis that fines, with what its statute allows. */
export interface PenaltyNorm {
  /** e.g. "排污许可管理条例 第33条第(一)项" */
  citation: string;
  statute: StatutoryFine;
}

/** The statute's range for these facts: the first whose conditions hold (NO_STATUTORY_RANGE: data error). */
export function statutoryRangeFor(statute: StatutoryFine, facts: CaseFacts): StatutoryRange {
  const found = statute.ranges.find((r) => allHold(r.conditions, facts));
  if (!found) throw new FineRuleError("NO_STATUTORY_RANGE", "no statutory range of the norm holds for these facts");
  return found;
}

/** A statute's range only: its reasoning is written by the caller, from the ranges. */
const rangeOf = (rule: FineRule, facts: CaseFacts): FineRange => fineRange(rule, facts, null);

/** What the norm allows for these facts: 逾期未改正 takes the statute's escalation where it sets one. */
export function normRange(norm: PenaltyNorm, facts: CaseFacts): FineRange {
  const r = statutoryRangeFor(norm.statute, facts);
  return rangeOf((!facts.correctedInTime && r.escalation) || r.fine, facts);
}

/** The norm's ordinary range (before 逾期未改正): the "原处罚数额" a daily fine may repeat. */
export const ordinaryRange = (norm: PenaltyNorm, facts: CaseFacts): FineRange =>
  rangeOf(statutoryRangeFor(norm.statute, facts).fine, facts);

export interface Governing {
  norm: PenaltyNorm;
  range: FineRange;
  steps: string[];
  /** 行政处罚法 第29条 and the chosen norm when several norms were weighed; empty for one */
  citations: string[];
}

/**
 * The norm whose fine applies to the case. One norm: itself. Several (the catalog holds more than one penalty norm
 * for the act): 行政处罚法 第29条 "同一个违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚".
 * `ranges` gives each norm's range; null when a norm's range cannot be known (then the case cannot be weighed).
 */
function weigh(norms: readonly PenaltyNorm[], ranges: readonly (FineRange | null)[]): Governing | null {
  const known = norms.map((norm, i) => ({ norm, citation: norm.citation, ...(ranges[i] as FineRange) }));
  if (known.length === 0 || ranges.some((r) => r === null)) return null;
  if (known.length === 1) {
    const [only] = known as [(typeof known)[number]];
    return { norm: only.norm, range: { minFen: only.minFen, maxFen: only.maxFen }, steps: [], citations: [] };
  }
  const combined = combineConcurrentNorms(known);
  return {
    norm: combined.chosen.norm,
    range: { minFen: combined.minFen, maxFen: combined.maxFen },
    steps: combined.steps,
    citations: combined.citations,
  };
}

/** The governing norm for these facts (null: no norm with a statutory fine is in force). */
export const governingNorm = (norms: readonly PenaltyNorm[], facts: CaseFacts): Governing | null =>
  weigh(
    norms,
    norms.map((n) => normRange(n, facts)),
  );

/**
 * Everything the statute allows, whatever the facts: every range, escalated or not, and its aggravation. Null when
 * the amount depends on a figure that is not known without facts (a base amount, an area).
 */
export function wholeStatutoryRange(statute: StatutoryFine): FineRange | null {
  const defaults = defaultFacts();
  const rules = statute.ranges.flatMap((r) => (r.escalation ? [r.fine, r.escalation] : [r.fine]));
  if (rules.some((rule) => rule.kind === "MULTIPLE_OF_BASE" || rule.kind === "PER_SQUARE_METRE")) return null;
  const ranges = rules.map((rule) => rangeOf(rule, defaults));
  const whole = {
    minFen: Math.min(...ranges.map((r) => r.minFen)),
    maxFen: Math.max(...ranges.map((r) => r.maxFen)),
  };
  const a = statute.aggravation;
  return a ? { minFen: whole.minFen, maxFen: timesBp(whole, a.minBp, a.maxBp).maxFen } : whole;
}

/** The governing norm when no facts are known: norms weighed by everything each allows. */
export const governingNormWithoutFacts = (norms: readonly PenaltyNorm[]): Governing | null =>
  weigh(
    norms,
    norms.map((n) => wholeStatutoryRange(n.statute)),
  );

// a module-level function: a closure made on each call costs a function object (and its name, with keepNames)
const clampedInto = (x: number, statute: FineRange) => Math.min(Math.max(x, statute.minFen), statute.maxFen);

/** Both bounds of `range` brought inside `statute` (a bound below the minimum rises to it, above the maximum falls). */
export function clampInto(range: FineRange, statute: FineRange): FineRange {
  return { minFen: clampedInto(range.minFen, statute), maxFen: clampedInto(range.maxFen, statute) };
}

export interface Aggravated {
  range: FineRange;
  step: string;
  /** the clause cited when the aggravation was applied */
  citation: string | null;
}

/**
 * 安全生产法 第114条第2款 on a range: stated true → the range times 2–5; stated false → unchanged; not stated →
 * from the range's minimum to the aggravated maximum, so that a lawful aggravated fine is not taken for an unlawful one.
 */
export function aggravate(
  range: FineRange,
  aggravation: NonNullable<StatutoryFine["aggravation"]>,
  stated: boolean | undefined,
  clauseCitation: string,
): Aggravated {
  const times = `${aggravation.minBp / 10_000}–${aggravation.maxBp / 10_000}倍`;
  if (stated === false) {
    return {
      range,
      step: `非情节特别严重、影响特别恶劣 (${clauseCitation} 不适用): ${rangeText(range)}`,
      citation: null,
    };
  }
  const heavy = timesBp(range, aggravation.minBp, aggravation.maxBp);
  if (stated === true) {
    return {
      range: heavy,
      step: `情节特别严重、影响特别恶劣 (${clauseCitation}): ${rangeText(range)} × ${times} = ${rangeText(heavy)}`,
      citation: clauseCitation,
    };
  }
  const both = { minFen: range.minFen, maxFen: heavy.maxFen };
  return {
    range: both,
    step: `案件事实未说明是否情节特别严重、影响特别恶劣 (particularlySerious not stated): 按包含 ${clauseCitation} 加重 (${times}) 的幅度判断 ${rangeText(both)}`,
    citation: null,
  };
}

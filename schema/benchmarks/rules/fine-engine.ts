/**
 * The one pure fine engine: a FineRule (./types.ts) + CaseFacts → a lawful range in fen, with the reasoning
 * as readable steps. No I/O, no floats on money: every product is exact BigInt arithmetic.
 *
 * Rounding (deterministic, documented once here): a computed bound that is not a whole fen is rounded
 * INWARD — the minimum up, the maximum down — so every whole-fen amount in the reported range lies inside
 * the statutory range exactly. If inward rounding crosses (the exact range is narrower than one fen),
 * both bounds become the maximum rounded down. Areas are first rounded half-up to 0.0001 m² (1 cm²).
 */
import type { BenchmarkTier, CaseFacts, FineRule, MultipleOfBaseRule } from "./types.ts";

export type FineRuleErrorCode =
  | "BASE_AMOUNT_REQUIRED"
  | "NEGATIVE_BASE_AMOUNT"
  | "AREA_REQUIRED"
  | "INVALID_RULE"
  | "AMOUNT_TOO_LARGE"
  | "NO_NORMS"
  | "NO_TIER_MATCHES"
  | "NO_STATUTORY_RANGE"
  | "INVALID_CONDITION";

/** Expected failures of the benchmark rules; `code` is stable and part of the API. */
export class FineRuleError extends Error {
  override readonly name = "FineRuleError";
  constructor(
    readonly code: FineRuleErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface FineRange {
  minFen: number;
  maxFen: number;
}
export interface FineEvaluation extends FineRange {
  steps: string[];
  citations: string[];
}

const BP_PER_UNIT = 10_000n; // 1 倍 = 10_000 bp
const AREA_SCALE = 10_000; // areas counted in 0.0001 m²

/** "1234567" → "1,234,567" */
function groupThousands(digits: string): string {
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return grouped;
}

const yuanText = (negative: boolean, wholeDigits: string, cents: number) =>
  `${negative ? "-" : ""}${groupThousands(wholeDigits)}${cents === 0 ? "" : `.${String(cents).padStart(2, "0")}`}元`;

/** "1,234.5元" style, exact from integer fen. */
export function yuan(fen: number | bigint): string {
  // the steps write several amounts a match, all of them safe integers: exact in plain numbers, without BigInt
  if (typeof fen === "number" && Number.isSafeInteger(fen)) {
    const abs = Math.abs(fen);
    const cents = abs % 100;
    return yuanText(fen < 0, String((abs - cents) / 100), cents);
  }
  // a bigint or an unsafe number; a fraction of a fen throws (RangeError), as BigInt always made it
  const f = BigInt(fen);
  const abs = f < 0n ? -f : f;
  return yuanText(f < 0n, String(abs / 100n), Number(abs % 100n));
}

export const rangeText = (r: FineRange) => `${yuan(r.minFen)}–${yuan(r.maxFen)}`;

function toSafe(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new FineRuleError("AMOUNT_TOO_LARGE", `computed amount ${value} fen exceeds the safe integer range`);
  }
  return Number(value);
}

/** amount × num / den, rounded up or down to a whole fen. */
function scale(amount: bigint, num: bigint, den: bigint, round: "up" | "down"): bigint {
  const product = amount * num;
  const q = product / den;
  return round === "up" && product % den !== 0n ? q + 1n : q;
}

function inward(minExact: [bigint, bigint, bigint], maxExact: [bigint, bigint, bigint]): FineRange {
  const lo = scale(...minExact, "up");
  const hi = scale(...maxExact, "down");
  return lo <= hi ? { minFen: toSafe(lo), maxFen: toSafe(hi) } : { minFen: toSafe(hi), maxFen: toSafe(hi) };
}

function checkOrdered(min: number, max: number, what: string): void {
  if (min > max) throw new FineRuleError("INVALID_RULE", `${what}: minimum ${min} is above maximum ${max}`);
}

function evaluateMultiple(rule: MultipleOfBaseRule, facts: CaseFacts, steps: string[] | null): FineRange {
  checkOrdered(rule.minBp, rule.maxBp, `MULTIPLE_OF_BASE ${rule.base}`);
  const base = facts.baseAmountsFen[rule.base];
  if (base !== undefined && base < 0) {
    throw new FineRuleError("NEGATIVE_BASE_AMOUNT", `base amount ${rule.base} is negative (${base} fen)`);
  }
  const belowThreshold = base !== undefined && rule.baseThresholdFen !== undefined && base < rule.baseThresholdFen;
  if (rule.whenBaseUnknown && (base === undefined || base === 0 || belowThreshold)) {
    const fallback = rule.whenBaseUnknown;
    checkOrdered(fallback.minFen, fallback.maxFen, "whenBaseUnknown");
    steps?.push(
      base === undefined || base === 0
        ? `没有${rule.base}基数 (no base amount): 适用法定固定区间 ${rangeText(fallback)}`
        : `基数 ${yuan(base)} 不足 ${yuan(rule.baseThresholdFen ?? 0)} (below threshold): 适用法定固定区间 ${rangeText(fallback)}`,
    );
    return { minFen: fallback.minFen, maxFen: fallback.maxFen };
  }
  if (base === undefined) {
    throw new FineRuleError(
      "BASE_AMOUNT_REQUIRED",
      `this fine is a multiple of ${rule.base}; facts.baseAmountsFen.${rule.base} is required`,
    );
  }
  let effective = base;
  if (rule.baseFloorFen !== undefined && base < rule.baseFloorFen) {
    effective = rule.baseFloorFen;
    steps?.push(`基数 ${yuan(base)} 不足 ${yuan(rule.baseFloorFen)}，按 ${yuan(rule.baseFloorFen)} 计算 (base floor)`);
  }
  const range = inward(
    [BigInt(effective), BigInt(rule.minBp), BP_PER_UNIT],
    [BigInt(effective), BigInt(rule.maxBp), BP_PER_UNIT],
  );
  steps?.push(
    `${rule.base} ${yuan(effective)} × ${rule.minBp / 100}%–${rule.maxBp / 100}% = ${rangeText(range)} (bounds rounded inward to whole fen)`,
  );
  if (rule.floorFen !== undefined && range.minFen < rule.floorFen) {
    range.minFen = rule.floorFen;
    range.maxFen = Math.max(range.maxFen, rule.floorFen);
    steps?.push(`计算结果低于 ${yuan(rule.floorFen)} 的界限提高到 ${yuan(rule.floorFen)} (floor): ${rangeText(range)}`);
  }
  return range;
}

/** Evaluates one fine rule against the facts. Throws FineRuleError for missing or impossible inputs. */
export function evaluateFine(rule: FineRule, facts: CaseFacts): FineEvaluation {
  const steps: string[] = [];
  return { ...fineRange(rule, facts, steps), steps, citations: [] };
}

/**
 * {@link evaluateFine}'s range, its reasoning appended to `steps`. Null `steps`: a caller that only wants the range
 * (a statute's range, an escalation, a responsible person's fine) — `steps?.push(text)` then does not even write the
 * text, which is most of the cost of a fixed range. The same checks throw the same errors either way.
 */
export function fineRange(rule: FineRule, facts: CaseFacts, steps: string[] | null): FineRange {
  let range: FineRange;
  switch (rule.kind) {
    case "FIXED_RANGE":
      checkOrdered(rule.minFen, rule.maxFen, "FIXED_RANGE");
      range = { minFen: rule.minFen, maxFen: rule.maxFen };
      steps?.push(`固定区间 (fixed range): ${rangeText(range)}`);
      break;
    case "UP_TO_MAX":
      range = { minFen: 0, maxFen: rule.maxFen };
      steps?.push(`${yuan(rule.maxFen)}以下 (up to the maximum, minimum 0): ${rangeText(range)}`);
      break;
    case "MULTIPLE_OF_BASE":
      range = evaluateMultiple(rule, facts, steps);
      break;
    case "PER_SQUARE_METRE": {
      checkOrdered(rule.minFenPerM2, rule.maxFenPerM2, "PER_SQUARE_METRE");
      if (!(facts.areaM2 > 0)) {
        throw new FineRuleError("AREA_REQUIRED", "this fine is per square metre; facts.areaM2 must be above 0");
      }
      const units = BigInt(Math.round(facts.areaM2 * AREA_SCALE));
      const scaleBig = BigInt(AREA_SCALE);
      range = inward([units, BigInt(rule.minFenPerM2), scaleBig], [units, BigInt(rule.maxFenPerM2), scaleBig]);
      steps?.push(
        `每平方米 ${yuan(rule.minFenPerM2)}–${yuan(rule.maxFenPerM2)} × ${facts.areaM2} m² = ${rangeText(range)} (area to 0.0001 m², bounds rounded inward)`,
      );
      break;
    }
  }
  return range;
}

export interface TierFineEvaluation extends FineEvaluation {
  /** the tier's own fine (the "原处罚数额" range a daily fine repeats) */
  base: FineRange;
  /** true when 逾期未改正 replaced the range by escalation.fine */
  escalated: boolean;
  responsiblePerson: FineRange | null;
  otherMeasures: string[];
}

/** The tier's range for these facts: escalation on 逾期未改正, responsible persons. */
export function evaluateTierFine(tier: BenchmarkTier, facts: CaseFacts): TierFineEvaluation {
  const steps: string[] = [];
  const base = fineRange(tier.fine, facts, steps);
  let range: FineRange = { minFen: base.minFen, maxFen: base.maxFen };
  let escalated = false;
  // the escalation's and the responsible persons' own reasoning is not shown: only their ranges are
  let person = tier.responsiblePersonFine ? fineRange(tier.responsiblePersonFine, facts, null) : null;
  const otherMeasures = [...tier.otherMeasures];
  if (!facts.correctedInTime && tier.escalation) {
    const esc = fineRange(tier.escalation.fine, facts, null);
    range = { minFen: esc.minFen, maxFen: esc.maxFen };
    escalated = true;
    steps.push(`逾期未改正 (not corrected in time): 适用加重区间 ${rangeText(range)}`);
    if (tier.escalation.responsiblePersonFine) person = fineRange(tier.escalation.responsiblePersonFine, facts, null);
    otherMeasures.push(...tier.escalation.otherMeasures);
  }
  if (person) steps.push(`对直接负责的主管人员和其他直接责任人员 (responsible persons): ${rangeText(person)}`);
  return {
    // the bounds listed, not `...range`: on Node 20 each property added after a spread costs ~1 µs
    minFen: range.minFen,
    maxFen: range.maxFen,
    steps,
    citations: [],
    base: { minFen: base.minFen, maxFen: base.maxFen },
    escalated,
    responsiblePerson: person ? { minFen: person.minFen, maxFen: person.maxFen } : null,
    otherMeasures,
  };
}

/** A range times a multiple in basis points (安全生产法 第114条第2款: 二倍以上五倍以下), rounded inward. */
export function timesBp(range: FineRange, minBp: number, maxBp: number): FineRange {
  return inward([BigInt(range.minFen), BigInt(minBp), BP_PER_UNIT], [BigInt(range.maxFen), BigInt(maxBp), BP_PER_UNIT]);
}

/** A range times a whole number of days (按日连续处罚: 原处罚数额 × 日数). */
export function timesDays(range: FineRange, days: number): FineRange {
  return { minFen: toSafe(BigInt(range.minFen) * BigInt(days)), maxFen: toSafe(BigInt(range.maxFen) * BigInt(days)) };
}

export interface ConcurrentNorm extends FineRange {
  /** the norm, e.g. "排污许可管理条例 第33条" */
  citation: string;
}

/**
 * 行政处罚法 第29条: one act breaking several norms is fined once, "按照罚款数额高的规定处罚".
 * "Higher" is compared by the maximum; equal maxima by the higher minimum; a full tie keeps the first given.
 */
export function combineConcurrentNorms<N extends ConcurrentNorm>(norms: readonly N[]): FineEvaluation & { chosen: N } {
  const [first, ...rest] = norms;
  if (!first) throw new FineRuleError("NO_NORMS", "combineConcurrentNorms needs at least one norm");
  let chosen = first;
  for (const n of rest) {
    if (n.maxFen > chosen.maxFen || (n.maxFen === chosen.maxFen && n.minFen > chosen.minFen)) chosen = n;
  }
  const listed = norms.map((n) => `${n.citation} ${rangeText(n)}`).join("；");
  return {
    minFen: chosen.minFen,
    maxFen: chosen.maxFen,
    chosen,
    citations: ["行政处罚法 第29条", chosen.citation],
    steps: [
      `同一违法行为违反多个规定 (one act, several norms): ${listed}`,
      `行政处罚法 第29条: 不得给予两次以上罚款，按罚款数额高的规定处罚 — 比较最高额，相同再比较最低额 → ${chosen.citation} ${rangeText(chosen)}`,
    ],
  };
}

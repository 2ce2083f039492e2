/**
 * A merged tier kept inside the statute. 有利相对人 picks the more favourable of two lawful choices; it never licenses
 * a bound the law does not allow (a Sichuan floor of 8万 under 大气污染防治法 第99条, whose minimum is 10万), nor drops
 * a rule the statute itself states (固体废物污染环境防治法 第112条: "所需处置费用不足二十万元的，按二十万元计算").
 * Every bound of the tier is brought inside the statutory range that covers the tier, the statute's own rules
 * (floors, thresholds, the fallback range) replace whatever either side wrote, and every change is reported. Pure.
 */
import type { PenaltyNorm, StatutoryRange } from "./statute.ts";
import { conditionsOverlap } from "./tier-selection.ts";
import type { BenchmarkTier, FineRule, FixedRangeRule, MultipleOfBaseRule } from "./types.ts";

export type ClampPart = "fine" | "escalation" | "responsiblePersonFine" | "escalationResponsiblePersonFine";
export type ClampUnit = "FEN" | "BP" | "FEN_PER_M2";
/** One bound of a merged tier changed to fit the statute; `before`/`after` null = the bound was absent. */
export interface Clamp {
  level: number;
  part: ClampPart;
  bound: string;
  unit: ClampUnit;
  before: number | null;
  after: number | null;
  citation: string;
}

/** The tier's rule and the statute's cannot be compared (different kinds or bases): a conflict, never a guess. */
export class StatuteMismatch extends Error {}

type Recorder = (
  bound: string,
  unit: ClampUnit,
  before: number | null | undefined,
  after: number | null | undefined,
) => void;

const fenBounds = (r: FineRule): [number, number] | null =>
  r.kind === "FIXED_RANGE" ? [r.minFen, r.maxFen] : r.kind === "UP_TO_MAX" ? [0, r.maxFen] : null;

const between = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

/** The smallest rule covering all of `rules` (ranges of one statute that cover one tier). */
function envelope(rules: readonly FineRule[]): FineRule {
  const [first, ...rest] = rules as [FineRule, ...FineRule[]];
  if (rest.length === 0) return first;
  const fen = rules.map(fenBounds);
  if (fen.every((b) => b !== null)) {
    const lo = Math.min(...fen.map((b) => b[0]));
    const hi = Math.max(...fen.map((b) => b[1]));
    return { kind: "FIXED_RANGE", minFen: lo, maxFen: hi };
  }
  throw new StatuteMismatch("the statutory ranges covering this tier are not of one kind");
}

function clampMultiple(tier: MultipleOfBaseRule, statute: MultipleOfBaseRule, record: Recorder): MultipleOfBaseRule {
  if (tier.base !== statute.base)
    throw new StatuteMismatch(`a multiple of ${tier.base}, the statute's of ${statute.base}`);
  const out: MultipleOfBaseRule = {
    kind: "MULTIPLE_OF_BASE",
    base: tier.base,
    minBp: between(tier.minBp, statute.minBp, statute.maxBp),
    maxBp: between(tier.maxBp, statute.minBp, statute.maxBp),
  };
  record("minBp", "BP", tier.minBp, out.minBp);
  record("maxBp", "BP", tier.maxBp, out.maxBp);
  // the statute's own rules, whatever either side wrote
  for (const key of ["floorFen", "baseFloorFen", "baseThresholdFen"] as const) {
    if (statute[key] !== undefined) out[key] = statute[key];
    record(key, "FEN", tier[key], statute[key]);
  }
  const fallback = statute.whenBaseUnknown;
  if (fallback) {
    const own = tier.whenBaseUnknown ?? fallback;
    const kept: FixedRangeRule = {
      kind: "FIXED_RANGE",
      minFen: between(own.minFen, fallback.minFen, fallback.maxFen),
      maxFen: between(own.maxFen, fallback.minFen, fallback.maxFen),
    };
    out.whenBaseUnknown = kept;
    record("whenBaseUnknown.minFen", "FEN", tier.whenBaseUnknown?.minFen, kept.minFen);
    record("whenBaseUnknown.maxFen", "FEN", tier.whenBaseUnknown?.maxFen, kept.maxFen);
  } else {
    record("whenBaseUnknown.minFen", "FEN", tier.whenBaseUnknown?.minFen, undefined);
    record("whenBaseUnknown.maxFen", "FEN", tier.whenBaseUnknown?.maxFen, undefined);
  }
  return out;
}

/** `tier` inside `statute`: each bound moved to the nearest lawful value; a "≤ max" tier gains the statute's minimum. */
export function clampRule(tier: FineRule, statute: FineRule, record: Recorder): FineRule {
  const t = fenBounds(tier);
  const s = fenBounds(statute);
  if (t && s) {
    const max = between(t[1], s[0], s[1]);
    record("maxFen", "FEN", t[1], max);
    if (tier.kind === "UP_TO_MAX" && s[0] === 0) return { kind: "UP_TO_MAX", maxFen: max };
    const min = between(t[0], s[0], s[1]);
    record("minFen", "FEN", t[0], min);
    return { kind: "FIXED_RANGE", minFen: min, maxFen: max };
  }
  if (tier.kind === "MULTIPLE_OF_BASE" && statute.kind === "MULTIPLE_OF_BASE")
    return clampMultiple(tier, statute, record);
  if (tier.kind === "PER_SQUARE_METRE" && statute.kind === "PER_SQUARE_METRE") {
    const out: FineRule = {
      kind: "PER_SQUARE_METRE",
      minFenPerM2: between(tier.minFenPerM2, statute.minFenPerM2, statute.maxFenPerM2),
      maxFenPerM2: between(tier.maxFenPerM2, statute.minFenPerM2, statute.maxFenPerM2),
    };
    record("minFenPerM2", "FEN_PER_M2", tier.minFenPerM2, out.minFenPerM2);
    record("maxFenPerM2", "FEN_PER_M2", tier.maxFenPerM2, out.maxFenPerM2);
    return out;
  }
  throw new StatuteMismatch(`a ${tier.kind} fine against the statute's ${statute.kind}`);
}

/** The statute's ranges that can apply to the same cases as the tier (all of them when none overlaps). */
function coveringRanges(tier: BenchmarkTier, norm: PenaltyNorm): StatutoryRange[] {
  const overlapping = norm.statute.ranges.filter((r) => conditionsOverlap(r.conditions, tier.conditions));
  return overlapping.length > 0 ? overlapping : norm.statute.ranges;
}

/** The tier inside the norm's statute, and what was changed. Throws StatuteMismatch when they cannot be compared. */
export function clampTier(tier: BenchmarkTier, norm: PenaltyNorm): { tier: BenchmarkTier; clamps: Clamp[] } {
  const ranges = coveringRanges(tier, norm);
  const clamps: Clamp[] = [];
  const recorder =
    (part: ClampPart): Recorder =>
    (bound, unit, before, after) => {
      if ((before ?? null) !== (after ?? null))
        clamps.push({
          level: tier.level,
          part,
          bound,
          unit,
          before: before ?? null,
          after: after ?? null,
          citation: norm.citation,
        });
    };
  const statutory = (pick: (r: StatutoryRange) => FineRule | undefined): FineRule | null => {
    const rules = ranges.map(pick);
    return rules.every((r) => r !== undefined) ? envelope(rules as FineRule[]) : null;
  };
  const out: BenchmarkTier = {
    ...tier,
    fine: clampRule(tier.fine, envelope(ranges.map((r) => r.fine)), recorder("fine")),
  };
  const person = statutory((r) => r.responsiblePersonFine);
  if (tier.responsiblePersonFine && person) {
    out.responsiblePersonFine = clampRule(tier.responsiblePersonFine, person, recorder("responsiblePersonFine"));
  }
  if (tier.escalation) {
    // where the statute sets no heavier fine for 逾期未改正, the escalation stays inside the ordinary range
    const escalation = envelope(ranges.map((r) => r.escalation ?? r.fine));
    const escalationPerson = statutory((r) => r.escalationResponsiblePersonFine);
    out.escalation = { ...tier.escalation, fine: clampRule(tier.escalation.fine, escalation, recorder("escalation")) };
    if (tier.escalation.responsiblePersonFine && escalationPerson) {
      out.escalation.responsiblePersonFine = clampRule(
        tier.escalation.responsiblePersonFine,
        escalationPerson,
        recorder("escalationResponsiblePersonFine"),
      );
    }
  }
  return { tier: out, clamps };
}

/**
 * Tier selection (裁量阶次): evaluate FactConditions against CaseFacts and pick the first tier, in level
 * order, whose conditions all hold. Pure.
 *
 * Semantics of the operators:
 * - numbers (proportionAffectedPct, areaM2, daysNotCorrected): numeric comparison;
 * - harm and accidentLevel: lt/lte/gt/gte compare by position in HARM_LEVELS / ACCIDENT_LEVELS
 *   (NONE < MINOR < GENERAL < SERIOUS < SEVERE; NONE < GENERAL < LARGER < MAJOR < EXTRAORDINARY);
 * - booleans: only eq, ne and in;
 * - in: the value is a list of strings and holds when it contains String(fact), e.g. ["NONE","MINOR"].
 * A condition whose value does not fit its fact is a data error (INVALID_CONDITION), never silently false.
 */
import { oncePerObject } from "../../common/rules/once-per-object.ts";
import { ACCIDENT_LEVELS, type CaseFacts, defaultFacts, HARM_LEVELS } from "./case-facts.ts";
import { FineRuleError } from "./fine-engine.ts";
import type { BenchmarkTier, FactCondition } from "./types.ts";

type Fact = FactCondition["fact"];
const ORDERED: Partial<Record<Fact, readonly string[]>> = { harm: HARM_LEVELS, accidentLevel: ACCIDENT_LEVELS };
const NUMERIC: ReadonlySet<Fact> = new Set(["proportionAffectedPct", "areaM2", "daysNotCorrected"]);

const invalid = (c: FactCondition, why: string) =>
  new FineRuleError("INVALID_CONDITION", `condition ${c.fact} ${c.op} ${JSON.stringify(c.value)}: ${why}`);

/** Position of a fact value on its comparison scale (numbers are their own scale). */
export function scaleOf(fact: Fact, value: unknown, c: FactCondition): number {
  const order = ORDERED[fact];
  if (order) {
    const i = typeof value === "string" ? order.indexOf(value) : -1;
    if (i < 0) throw invalid(c, `expected one of ${order.join(", ")}`);
    return i;
  }
  if (NUMERIC.has(fact)) {
    if (typeof value !== "number") throw invalid(c, "expected a number");
    return value;
  }
  throw invalid(c, "a yes/no fact only supports eq, ne and in");
}

export function conditionHolds(c: FactCondition, facts: CaseFacts): boolean {
  const actual = facts[c.fact];
  switch (c.op) {
    case "in":
      if (!Array.isArray(c.value)) throw invalid(c, "`in` expects a list of strings");
      return c.value.includes(String(actual));
    case "eq":
    case "ne": {
      if (Array.isArray(c.value) || typeof c.value !== typeof actual) throw invalid(c, `expected a ${typeof actual}`);
      if (ORDERED[c.fact]) scaleOf(c.fact, c.value, c); // reject unknown enum members
      return (c.value === actual) === (c.op === "eq");
    }
    default: {
      const a = scaleOf(c.fact, actual, c);
      const v = scaleOf(c.fact, c.value, c);
      if (c.op === "lt") return a < v;
      if (c.op === "lte") return a <= v;
      if (c.op === "gt") return a > v;
      return a >= v;
    }
  }
}

export const allHold = (conditions: readonly FactCondition[], facts: CaseFacts) =>
  conditions.every((c) => conditionHolds(c, facts));

/** a condition as the steps write it, once per condition (a benchmark's conditions live as long as its copy) */
export const describeCondition = oncePerObject((c: FactCondition) => `${c.fact} ${c.op} ${JSON.stringify(c.value)}`);

export interface TierSelection {
  tier: BenchmarkTier;
  steps: string[];
}

/** a benchmark's tiers by level, sorted once per array (not on every match) */
const byLevel = oncePerObject((tiers: readonly BenchmarkTier[]) => [...tiers].sort((a, b) => a.level - b.level));

/** The first tier (by level) whose conditions all hold; NO_TIER_MATCHES when none does. */
export function selectTier(tiers: readonly BenchmarkTier[], facts: CaseFacts): TierSelection {
  const ordered = byLevel(tiers);
  const skipped: string[] = [];
  for (const tier of ordered) {
    const failed = tier.conditions.filter((c) => !conditionHolds(c, facts));
    if (failed.length === 0) {
      const why = tier.conditions.length
        ? tier.conditions.map(describeCondition).join(" 且 ")
        : "无条件 (no conditions)";
      const text = tier.conditionText ? `「${tier.conditionText}」` : "";
      return {
        tier,
        steps: [...skipped, `适用第${tier.level}阶次「${tier.name}」${text}: ${why}`],
      };
    }
    skipped.push(`第${tier.level}阶次「${tier.name}」不适用: ${failed.map(describeCondition).join("、")} 不成立`);
  }
  throw new FineRuleError(
    "NO_TIER_MATCHES",
    `no tier's conditions hold for these facts (${ordered.map((t) => t.level).join(", ")} tried)`,
  );
}

/*
 * Ordering condition sets (used by the 有利相对人 merge): a set of conditions describes the set of cases it
 * admits; A is "wider" than B when every case B admits, A admits too. Per fact the admitted values are
 * either a finite set (yes/no facts, harm, accidentLevel — computed by evaluating conditionHolds on every
 * value) or, for numeric facts, an interval minus excluded points, or a finite point list (`in`).
 */
interface NumericSet {
  lo: number;
  loIn: boolean;
  hi: number;
  hiIn: boolean;
  excluded: number[];
  points: number[] | null;
}
type FactSet = { finite: Set<string> } | { numeric: NumericSet };

const FINITE_DOMAINS: Partial<Record<Fact, readonly (string | boolean)[]>> = {
  firstViolation: [true, false],
  correctedInTime: [true, false],
  subjectiveFault: [true, false],
  harm: HARM_LEVELS,
  accidentLevel: ACCIDENT_LEVELS,
};
const DEFAULT_FACTS = defaultFacts();

function numericSet(conditions: readonly FactCondition[]): NumericSet {
  const s: NumericSet = { lo: -Infinity, loIn: false, hi: Infinity, hiIn: false, excluded: [], points: null };
  const raiseLo = (v: number, incl: boolean) => {
    if (v > s.lo || (v === s.lo && !incl)) Object.assign(s, { lo: v, loIn: incl });
  };
  const lowerHi = (v: number, incl: boolean) => {
    if (v < s.hi || (v === s.hi && !incl)) Object.assign(s, { hi: v, hiIn: incl });
  };
  for (const c of conditions) {
    if (c.op === "in") {
      if (!Array.isArray(c.value)) throw invalid(c, "`in` expects a list of strings");
      // the same test as conditionHolds: String(fact) must be in the list
      const listed = c.value;
      const pts = listed.map(Number).filter((n, i) => String(n) === listed[i]);
      s.points = s.points ? s.points.filter((p) => pts.includes(p)) : pts;
      continue;
    }
    const v = scaleOf(c.fact, c.value, c);
    if (c.op === "eq") {
      raiseLo(v, true);
      lowerHi(v, true);
    } else if (c.op === "ne") s.excluded.push(v);
    else if (c.op === "lt") lowerHi(v, false);
    else if (c.op === "lte") lowerHi(v, true);
    else if (c.op === "gt") raiseLo(v, false);
    else raiseLo(v, true);
  }
  return s;
}

const inNumeric = (s: NumericSet, x: number) =>
  (x > s.lo || (x === s.lo && s.loIn)) &&
  (x < s.hi || (x === s.hi && s.hiIn)) &&
  !s.excluded.includes(x) &&
  (s.points === null || s.points.includes(x));

function numericEmpty(s: NumericSet): boolean {
  if (s.points) return !s.points.some((p) => inNumeric(s, p));
  if (s.lo > s.hi) return true;
  return s.lo === s.hi && !inNumeric(s, s.lo);
}

/** a ⊇ b for numeric sets */
function numericCovers(a: NumericSet, b: NumericSet): boolean {
  if (numericEmpty(b)) return true;
  if (b.points) return b.points.filter((p) => inNumeric(b, p)).every((p) => inNumeric(a, p));
  if (b.lo === b.hi) return inNumeric(a, b.lo);
  if (a.points) return false; // b is an infinite set here
  const loOk = a.lo < b.lo || (a.lo === b.lo && (a.loIn || !b.loIn));
  const hiOk = a.hi > b.hi || (a.hi === b.hi && (a.hiIn || !b.hiIn));
  return loOk && hiOk && a.excluded.every((e) => !inNumeric(b, e));
}

function factSet(fact: Fact, conditions: readonly FactCondition[]): FactSet {
  const own = conditions.filter((c) => c.fact === fact);
  const domain = FINITE_DOMAINS[fact];
  if (!domain) return { numeric: numericSet(own) };
  const admitted = domain.filter((v) => allHold(own, { ...DEFAULT_FACTS, [fact]: v } as CaseFacts));
  return { finite: new Set(admitted.map(String)) };
}

const isEmpty = (s: FactSet) => ("finite" in s ? s.finite.size === 0 : numericEmpty(s.numeric));
const covers = (a: FactSet, b: FactSet) =>
  "finite" in a && "finite" in b
    ? [...b.finite].every((v) => a.finite.has(v))
    : "numeric" in a && "numeric" in b && numericCovers(a.numeric, b.numeric);

const FACTS: readonly Fact[] = [...Object.keys(FINITE_DOMAINS), ...NUMERIC] as Fact[];

/** True when some case satisfies every condition of both sets (a tier and a statutory range can both apply). */
export function conditionsOverlap(a: readonly FactCondition[], b: readonly FactCondition[]): boolean {
  const both = [...a, ...b];
  return !FACTS.some((f) => isEmpty(factSet(f, both)));
}

/** "a" when a admits every case b admits and more, "b" the reverse, "equal", or "unordered". */
export function compareConditionSets(
  a: readonly FactCondition[],
  b: readonly FactCondition[],
): "equal" | "a" | "b" | "unordered" {
  const sa = FACTS.map((f) => factSet(f, a));
  const sb = FACTS.map((f) => factSet(f, b));
  const aEmpty = sa.some(isEmpty);
  const bEmpty = sb.some(isEmpty);
  const aCoversB = bEmpty || (!aEmpty && sa.every((s, i) => covers(s, sb[i] as FactSet)));
  const bCoversA = aEmpty || (!bEmpty && sb.every((s, i) => covers(s, sa[i] as FactSet)));
  if (aCoversB && bCoversA) return "equal";
  if (aCoversB) return "a";
  if (bCoversA) return "b";
  return "unordered";
}

/**
 * 裁量基准智能匹配 — matchDiscretion: item + benchmark versions + legal bases + dates + facts → outcome, tier, lawful
 * range, citations and readable steps. Pure: every date is passed in, nothing is read from a clock or a database.
 *
 * Dates are compared as calendar days in China time (UTC+8, no DST): a `@db.Date` value (UTC midnight) and
 * a Beijing-midnight instant both land on the intended day. `effectiveTo` is inclusive. When several
 * benchmarks are in force on one day, the unified one (source "gz") is preferred, then the highest version.
 *
 * What applies is the rule set of the act's day: its benchmark and the legal bases then in force. 行政处罚法 第37条:
 * "实施行政处罚，适用违法行为发生时的法律、法规、规章的规定。但是，作出行政处罚决定时，法律、法规、规章已被修改或者
 * 废止，且新的规定处罚较轻或者不认为是违法的，适用新的规定" — the decision day's set applies only when it is lighter.
 * A benchmark is not a 法律、法规、规章; a change of benchmark version alone is weighed the same way by analogy.
 */

import { beijingDate, isInForceOn } from "../../common/effective-dates.ts";
import {
  type BenchmarkVersion,
  type Evaluation,
  evaluateCase,
  type LegalBasisView,
  type RuleSet,
} from "./case-evaluation.ts";
import { type CaseFacts, type CaseFactsInput, parseCaseFacts } from "./case-facts.ts";
import { FineRuleError, type FineRuleErrorCode, rangeText } from "./fine-engine.ts";
import { LIST_NAMES } from "./lenient.ts";

export type { BenchmarkVersion, DiscretionOutcome, LegalBasisView } from "./case-evaluation.ts";

export type DiscretionErrorCode =
  | FineRuleErrorCode
  | "NOT_A_PENALTY_ITEM"
  | "DECISION_BEFORE_ACT"
  | "ACT_BEFORE_EMPOWERMENT"
  | "NO_BENCHMARK_IN_FORCE"
  | "INVALID_DATE"
  | "INVALID_FACTS";

/** The one error class of matchDiscretion; rule errors (BASE_AMOUNT_REQUIRED, …) keep their code. */
export class DiscretionError extends Error {
  override readonly name = "DiscretionError";
  constructor(
    readonly code: DiscretionErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface DiscretionInput {
  item: { code: string; name: string; kind: string; empoweredFrom: Date; empoweredTo: Date | null };
  benchmarks: readonly BenchmarkVersion[];
  /** every legal basis of the item, with its dates; those in force on a day are that day's law */
  legalBases: readonly LegalBasisView[];
  actDate: Date;
  decisionDate: Date;
  /** null: no facts were given (judged against the whole statutory range); `{}`: an ordinary case */
  facts: CaseFactsInput | null;
}
export interface DiscretionMatch extends Evaluation {
  /** false when the decision date is after the item's empowerment ended (a warning, not a refusal) */
  empoweredAtDecision: boolean;
}

/** a benchmark or a legal basis in force on a Beijing day (the one effective-date rule) */
const inForce = (b: { effectiveFrom: Date; effectiveTo: Date | null }, day: string) =>
  isInForceOn({ from: b.effectiveFrom, to: b.effectiveTo }, day);

/** the unified benchmark (source "gz") before a provincial one, then the higher version */
const preferred = (x: BenchmarkVersion, y: BenchmarkVersion) =>
  x.source === "gz" ? y.source !== "gz" || x.version > y.version : y.source !== "gz" && x.version > y.version;

/** The benchmark in force on `day` that is preferred (one pass: this runs twice a match). */
function benchmarkOn(benchmarks: readonly BenchmarkVersion[], day: string): BenchmarkVersion | null {
  let chosen: BenchmarkVersion | null = null;
  for (const b of benchmarks) if (inForce(b, day) && (chosen === null || preferred(b, chosen))) chosen = b;
  return chosen;
}

function parseFacts(input: CaseFactsInput | null): CaseFacts | null {
  if (input === null) return null;
  for (const [kind, amount] of Object.entries(input.baseAmountsFen ?? {})) {
    if (typeof amount === "number" && amount < 0) {
      throw new DiscretionError("NEGATIVE_BASE_AMOUNT", `base amount ${kind} is negative (${amount} fen)`);
    }
  }
  const parsed = parseCaseFacts(input);
  if (parsed.problems) throw new DiscretionError("INVALID_FACTS", `invalid facts: ${parsed.problems.join("; ")}`);
  return parsed.facts;
}

/** Lighter first: binding 不予处罚, discretionary 不予处罚, then lower maximum, then lower minimum. */
function severity(e: Evaluation): [number, number, number] {
  if (e.outcome === "NO_PENALTY") return [e.lenient?.discretionary ? 1 : 0, 0, 0];
  return [2, e.range?.maxFen ?? 0, e.range?.minFen ?? 0];
}
function lighter(a: Evaluation, b: Evaluation): boolean {
  const [x, y] = [severity(a), severity(b)];
  for (let i = 0; i < 3; i++) if ((x[i] as number) !== (y[i] as number)) return (x[i] as number) < (y[i] as number);
  return false;
}

const summary = (e: Evaluation) =>
  e.outcome === "NO_PENALTY"
    ? `不予处罚${e.lenient?.discretionary ? " (可以)" : ""}`
    : `${e.outcome === "PENALTY" ? "处罚" : LIST_NAMES[e.outcome === "LIGHTER_PENALTY" ? "LIGHTER" : "MITIGATED"]} ${e.range ? rangeText(e.range) : ""}`;

const describe = (b: BenchmarkVersion) =>
  `${b.source} v${b.version} (${beijingDate(b.effectiveFrom)} 至 ${b.effectiveTo ? beijingDate(b.effectiveTo) : "今"})`;

const sameBases = (a: RuleSet, b: RuleSet) =>
  a.bases.length === b.bases.length && a.bases.every((basis, i) => basis === b.bases[i]);

/**
 * The rule set of the act's day against the decision day's (行政处罚法 第37条: the new one only when lighter; for a
 * benchmark version alone, by analogy). Returns the evaluation applied and the steps that say why.
 */
function weighOldAndNew(atAct: RuleSet, atDecision: RuleSet, facts: CaseFacts | null) {
  const old = evaluateCase(atAct, facts);
  const lawChanged = !sameBases(atAct, atDecision);
  if (!lawChanged && atAct.benchmark === atDecision.benchmark) {
    return {
      chosen: old,
      steps: [`适用裁量基准 ${describe(atAct.benchmark)}，违法行为发生时和作出决定时均有效`],
      cite: false,
    };
  }
  const next = evaluateCase(atDecision, facts);
  const useNew = lighter(next, old);
  const what = lawChanged ? "法律依据" : "裁量基准";
  const rule = lawChanged
    ? "从旧兼从轻 (行政处罚法 第37条)"
    : "从旧兼从轻 (参照行政处罚法 第37条: 裁量基准不是法律、法规、规章，比照适用 — by analogy)";
  const citedOn = (set: RuleSet) => set.bases.map((b) => b.citation).join("、") || "无";
  return {
    chosen: useNew ? next : old,
    steps: [
      `违法行为发生时 (${atAct.day}) 的${what}: ${describe(atAct.benchmark)}，依据 ${citedOn(atAct)} → ${summary(old)}；作出决定时 (${atDecision.day}): ${describe(atDecision.benchmark)}，依据 ${citedOn(atDecision)} → ${summary(next)}`,
      useNew
        ? `${rule}: 新的规定处罚较轻，适用作出决定时的规定 (新基准 v${atDecision.benchmark.version} 处罚较轻)`
        : `${rule}: 新的规定并不更轻，适用违法行为发生时的规定 (适用违法行为发生时的 v${atAct.benchmark.version})`,
    ],
    cite: true,
  };
}

function requireValidDate(name: string, d: Date): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new DiscretionError("INVALID_DATE", `${name} is not a valid date`);
  }
}

/**
 * The legal bases of one array in force on a day, one array for each combination of them: the law of most days is
 * the same few arrays, and what the rules work out of an array (./case-evaluation.ts `normsOf`) is kept with it.
 */
const basesInForce = new WeakMap<readonly LegalBasisView[], Map<number, readonly LegalBasisView[]>>();
/** a combination is a bit a basis; an item with more bases than bits is filtered each time */
const COMBINATION_BITS = 30;

function basesOn(legalBases: readonly LegalBasisView[], day: string): readonly LegalBasisView[] {
  if (legalBases.length > COMBINATION_BITS) return legalBases.filter((b) => inForce(b, day));
  let combination = 0;
  for (let i = 0; i < legalBases.length; i++) {
    if (inForce(legalBases[i] as LegalBasisView, day)) combination |= 1 << i;
  }
  let combinations = basesInForce.get(legalBases);
  if (!combinations) {
    combinations = new Map();
    basesInForce.set(legalBases, combinations);
  }
  let bases = combinations.get(combination);
  if (!bases) {
    bases = legalBases.filter((_, i) => (combination & (1 << i)) !== 0);
    combinations.set(combination, bases);
  }
  return bases;
}

/** What applies on `day`: the benchmark chosen for it and the legal bases then in force. */
const ruleSetOn = (day: string, benchmark: BenchmarkVersion, legalBases: readonly LegalBasisView[]): RuleSet => ({
  day,
  benchmark,
  bases: basesOn(legalBases, day),
});

export function matchDiscretion(input: DiscretionInput): DiscretionMatch {
  const { item, actDate, decisionDate } = input;
  requireValidDate("actDate", actDate);
  requireValidDate("decisionDate", decisionDate);
  requireValidDate("empoweredFrom", item.empoweredFrom);
  if (item.kind !== "PENALTY") {
    throw new DiscretionError(
      "NOT_A_PENALTY_ITEM",
      `item ${item.code} is a ${item.kind} item, not a penalty (行政处罚) item`,
    );
  }
  // both are Beijing days: a decision earlier on the act's own day is not before it
  const actDay = beijingDate(actDate);
  const decisionDay = beijingDate(decisionDate);
  if (decisionDay < actDay) {
    throw new DiscretionError("DECISION_BEFORE_ACT", `decision date ${decisionDay} is before the act (${actDay})`);
  }
  if (actDay < beijingDate(item.empoweredFrom)) {
    throw new DiscretionError(
      "ACT_BEFORE_EMPOWERMENT",
      `the act (${actDay}) is before item ${item.code} was empowered to the committee (${beijingDate(item.empoweredFrom)})`,
    );
  }
  const facts = parseFacts(input.facts);
  const benchmarkAtAct = benchmarkOn(input.benchmarks, actDay);
  const benchmarkAtDecision = benchmarkOn(input.benchmarks, decisionDay);
  if (!benchmarkAtAct && !benchmarkAtDecision) {
    throw new DiscretionError(
      "NO_BENCHMARK_IN_FORCE",
      `no benchmark of item ${item.code} is in force on ${actDay} or ${decisionDay}`,
    );
  }
  const empoweredAtDecision = item.empoweredTo === null || decisionDay <= beijingDate(item.empoweredTo);
  const steps = [
    `事项 ${item.code}「${item.name}」为行政处罚事项，自 ${beijingDate(item.empoweredFrom)} 起赋权；违法行为发生于 ${actDay}，决定于 ${decisionDay}`,
  ];
  if (!empoweredAtDecision) steps.push(`注意: 决定日已超出赋权期限 (至 ${beijingDate(item.empoweredTo as Date)})`);
  if (!benchmarkAtAct) steps.push("违法行为发生时无有效裁量基准，适用作出决定时有效的基准");
  if (!benchmarkAtDecision) steps.push("作出决定时无有效裁量基准，适用违法行为发生时有效的基准");
  const atAct = ruleSetOn(actDay, (benchmarkAtAct ?? benchmarkAtDecision) as BenchmarkVersion, input.legalBases);
  const atDecision = ruleSetOn(
    decisionDay,
    (benchmarkAtDecision ?? benchmarkAtAct) as BenchmarkVersion,
    input.legalBases,
  );
  let weighed: ReturnType<typeof weighOldAndNew>;
  try {
    weighed = weighOldAndNew(atAct, atDecision, facts);
  } catch (e) {
    if (e instanceof FineRuleError) throw new DiscretionError(e.code, e.message);
    throw e;
  }
  const { chosen } = weighed;
  const citations = [...new Set([...chosen.citations, ...(weighed.cite ? ["行政处罚法 第37条"] : [])])];
  steps.push(
    ...weighed.steps,
    ...chosen.steps,
    `结论: ${summary(chosen)}${chosen.noCoercion ? "；可免于行政强制" : ""}`,
  );
  const numbered = steps.map((s, i) => `${i + 1}. ${s}`);
  // not `{ ...chosen, empoweredAtDecision }`: on Node 20 each property added after a spread costs ~1 µs
  return Object.assign({}, chosen, { citations, steps: numbered, empoweredAtDecision });
}

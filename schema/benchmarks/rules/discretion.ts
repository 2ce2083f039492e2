/**
 * 裁量基准智能匹配 — matchDiscretion: item + benchmark versions + dates + facts → outcome, tier, lawful range,
 * citations and readable steps. Pure: every date is passed in, nothing is read from a clock or a database.
 *
 * Dates are compared as calendar days in China time (UTC+8, no DST): a `@db.Date` value (UTC midnight) and
 * a Beijing-midnight instant both land on the intended day. Benchmark `effectiveTo` is inclusive.
 * When several benchmarks are in force on one day, the unified one (source "gz") is preferred, then the
 * highest version.
 */
import { evaluateTierFine, type FineRange, FineRuleError, type FineRuleErrorCode, rangeText } from "./fine-engine.ts";
import { assessLenient, type LenientMatch, LIST_NAMES, lenientRange } from "./lenient.ts";
import { selectTier } from "./tier-selection.ts";
import { type BenchmarkBody, type CaseFacts, type CaseFactsInput, caseFacts } from "./types.ts";

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

export interface BenchmarkVersion {
  version: number;
  source: string;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  body: BenchmarkBody;
  citations: string[];
}
export interface DiscretionInput {
  item: { code: string; name: string; kind: string; empoweredFrom: Date; empoweredTo: Date | null };
  benchmarks: readonly BenchmarkVersion[];
  actDate: Date;
  decisionDate: Date;
  facts: CaseFactsInput;
}
export type DiscretionOutcome = "NO_PENALTY" | "PENALTY" | "MITIGATED_PENALTY" | "LIGHTER_PENALTY";
export interface DiscretionMatch {
  outcome: DiscretionOutcome;
  lenient: LenientMatch | null;
  noCoercion: boolean;
  tier: { level: number; name: string } | null;
  /** the lawful fine range; null when no penalty is given */
  range: FineRange | null;
  citations: string[];
  steps: string[];
  benchmarkVersion: number;
  benchmarkSource: string;
  /** the tier's range before 从轻/减轻 (also computed for NO_PENALTY when possible, for 首违不罚 "可以") */
  tierRange: FineRange | null;
  /** 按日连续处罚: a separate decision, original fine × days */
  dailyContinuous: (FineRange & { days: number }) | null;
  responsiblePersonRange: FineRange | null;
  /** false when the decision date is after the item's empowerment ended (a warning, not a refusal) */
  empoweredAtDecision: boolean;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
export const chinaDay = (d: Date) => new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

const inForce = (b: BenchmarkVersion, day: string) =>
  chinaDay(b.effectiveFrom) <= day && (b.effectiveTo === null || day <= chinaDay(b.effectiveTo));

function benchmarkOn(benchmarks: readonly BenchmarkVersion[], day: string): BenchmarkVersion | null {
  const candidates = benchmarks.filter((b) => inForce(b, day));
  candidates.sort((x, y) => Number(y.source === "gz") - Number(x.source === "gz") || y.version - x.version);
  return candidates[0] ?? null;
}

function parseFacts(input: CaseFactsInput): CaseFacts {
  for (const [kind, amount] of Object.entries(input.baseAmountsFen ?? {})) {
    if (typeof amount === "number" && amount < 0) {
      throw new DiscretionError("NEGATIVE_BASE_AMOUNT", `base amount ${kind} is negative (${amount} fen)`);
    }
  }
  const parsed = caseFacts.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new DiscretionError("INVALID_FACTS", `invalid facts: ${detail}`);
  }
  return parsed.data;
}

type Evaluation = Omit<DiscretionMatch, "steps" | "empoweredAtDecision"> & { steps: string[] };

function evaluate(b: BenchmarkVersion, facts: CaseFacts): Evaluation {
  const lenient = assessLenient(b.body.lenientRules, facts);
  const noPenalty = lenient.applied?.list === "NO_PENALTY";
  const steps = [...lenient.steps];
  let tier = null;
  let tierEval = null;
  try {
    const selection = selectTier(b.body.tiers, facts);
    steps.push(...selection.steps);
    tier = selection.tier;
    tierEval = evaluateTierFine(tier, facts);
    steps.push(...tierEval.steps);
  } catch (e) {
    // under 不予处罚 the tier is only informative; otherwise a missing tier or base is the caller's error
    if (!noPenalty || !(e instanceof FineRuleError)) throw e;
    steps.push(`（不予处罚时阶次仅供参考，未能确定: ${e.message}）`);
  }
  const tierRange = tierEval ? { minFen: tierEval.minFen, maxFen: tierEval.maxFen } : null;
  let outcome: DiscretionOutcome = "PENALTY";
  let range: FineRange | null = tierRange;
  const applied = lenient.applied;
  if (applied?.list === "NO_PENALTY") {
    outcome = "NO_PENALTY";
    range = null;
    if (applied.discretionary && tierRange) {
      steps.push(`首违不罚为"可以"不予处罚；如决定处罚，罚款应在 ${rangeText(tierRange)} 之内`);
    }
  } else if (applied && tierRange) {
    const statutoryMin = Math.min(
      ...b.body.tiers.flatMap((t) => {
        try {
          return [evaluateTierFine(t, facts).minFen];
        } catch {
          return [];
        }
      }),
    );
    const adjusted = lenientRange(tierRange, applied.list, statutoryMin);
    outcome = applied.list === "LIGHTER" ? "LIGHTER_PENALTY" : "MITIGATED_PENALTY";
    range = { minFen: adjusted.minFen, maxFen: adjusted.maxFen };
    steps.push(adjusted.step);
  }
  return {
    outcome,
    lenient: applied,
    noCoercion: lenient.noCoercion !== null,
    tier: tier ? { level: tier.level, name: tier.name } : null,
    range,
    citations: [...new Set([...b.citations, ...lenient.citations, ...(tierEval?.citations ?? [])])],
    steps,
    benchmarkVersion: b.version,
    benchmarkSource: b.source,
    tierRange,
    dailyContinuous: outcome === "NO_PENALTY" ? null : (tierEval?.dailyContinuous ?? null),
    responsiblePersonRange: outcome === "NO_PENALTY" ? null : (tierEval?.responsiblePerson ?? null),
  };
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
  `${b.source} v${b.version} (${chinaDay(b.effectiveFrom)} 至 ${b.effectiveTo ? chinaDay(b.effectiveTo) : "今"})`;

export function matchDiscretion(input: DiscretionInput): DiscretionMatch {
  const { item, actDate, decisionDate } = input;
  for (const [name, d] of [
    ["actDate", actDate],
    ["decisionDate", decisionDate],
    ["empoweredFrom", item.empoweredFrom],
  ] as const) {
    if (!(d instanceof Date) || Number.isNaN(d.getTime()))
      throw new DiscretionError("INVALID_DATE", `${name} is not a valid date`);
  }
  if (item.kind !== "PENALTY") {
    throw new DiscretionError(
      "NOT_A_PENALTY_ITEM",
      `item ${item.code} is a ${item.kind} item, not a penalty (行政处罚) item`,
    );
  }
  if (decisionDate.getTime() < actDate.getTime()) {
    throw new DiscretionError(
      "DECISION_BEFORE_ACT",
      `decision date ${chinaDay(decisionDate)} is before the act (${chinaDay(actDate)})`,
    );
  }
  const actDay = chinaDay(actDate);
  const decisionDay = chinaDay(decisionDate);
  if (actDay < chinaDay(item.empoweredFrom)) {
    throw new DiscretionError(
      "ACT_BEFORE_EMPOWERMENT",
      `the act (${actDay}) is before item ${item.code} was empowered to the committee (${chinaDay(item.empoweredFrom)})`,
    );
  }
  const facts = parseFacts(input.facts);
  const atAct = benchmarkOn(input.benchmarks, actDay);
  const atDecision = benchmarkOn(input.benchmarks, decisionDay);
  if (!atAct && !atDecision) {
    throw new DiscretionError(
      "NO_BENCHMARK_IN_FORCE",
      `no benchmark of item ${item.code} is in force on ${actDay} or ${decisionDay}`,
    );
  }
  const empoweredAtDecision = item.empoweredTo === null || decisionDay <= chinaDay(item.empoweredTo);
  const steps = [
    `事项 ${item.code}「${item.name}」为行政处罚事项，自 ${chinaDay(item.empoweredFrom)} 起赋权；违法行为发生于 ${actDay}，决定于 ${decisionDay}`,
  ];
  if (!empoweredAtDecision) steps.push(`注意: 决定日已超出赋权期限 (至 ${chinaDay(item.empoweredTo as Date)})`);
  let chosen: Evaluation;
  let citations: string[] = [];
  try {
    if (atAct && atDecision && atAct !== atDecision) {
      const old = evaluate(atAct, facts);
      const next = evaluate(atDecision, facts);
      const useNew = lighter(next, old);
      chosen = useNew ? next : old;
      steps.push(
        `违法行为发生时有效的裁量基准 ${describe(atAct)}: ${summary(old)}；作出决定时有效的 ${describe(atDecision)}: ${summary(next)}`,
        useNew
          ? `从旧兼从轻 (行政处罚法 第37条): 新基准 v${atDecision.version} 处罚较轻，适用新基准`
          : `从旧兼从轻 (行政处罚法 第37条): 新基准 v${atDecision.version} 并不更轻，适用违法行为发生时的 v${atAct.version}`,
      );
      citations.push("行政处罚法 第37条");
    } else {
      const only = (atAct ?? atDecision) as BenchmarkVersion;
      chosen = evaluate(only, facts);
      const when =
        atAct && atDecision
          ? "违法行为发生时和作出决定时均有效"
          : atAct
            ? "违法行为发生时有效 (决定日无有效基准)"
            : "作出决定时有效 (违法行为发生时无有效基准)";
      steps.push(`适用裁量基准 ${describe(only)}，${when}`);
    }
  } catch (e) {
    if (e instanceof FineRuleError) throw new DiscretionError(e.code, e.message);
    throw e;
  }
  citations = [...new Set([...chosen.citations, ...citations])];
  steps.push(...chosen.steps, `结论: ${summary(chosen)}${chosen.noCoercion ? "；可免于行政强制" : ""}`);
  return { ...chosen, citations, steps: steps.map((s, i) => `${i + 1}. ${s}`), empoweredAtDecision };
}

/**
 * Facts an officer states about a case, and the one check of them (`parseCaseFacts`). Every fact has a default:
 * `{}` is an ordinary first-tier case. Pure.
 *
 * Facts come from GraphQL (already typed by its coercion, ../discretion-input.ts) and from the provinces' records
 * (JSON as their adapters send it, ../../supervision/penalty-supervision.ts), so the check trusts nothing: a field of
 * the wrong type, out of its range or with an unknown base kind is a problem named by its path. Fields it does not
 * know are left out, not refused. Written by hand, not as a zod schema: matching calls it on every case, and zod's
 * generic parse of these ten fields cost ~7–12 µs a match in a loop of the read lane's work, 15–25 times its cost in a
 * loop of its own (bench/README.md, "match: the facts and the variables' text", 2026-12-07).
 */

/** What a "multiple of a base" fine multiplies (docs/law.md). */
export const BASE_KINDS = [
  "INVESTMENT", // 建设项目总投资额 (环境影响评价法 第31条)
  "CONSTRUCTION_COST", // 工程造价 (城乡规划法 第64条, 第66条)
  "ILLEGAL_GAINS", // 违法所得 (土地管理法 第74条)
  "DISPOSAL_COST", // 处置费用 (固废法 第112条, 第102条)
  "MARKET_VALUE", // 矿产品市场价值 (矿产资源法 第64条)
  "RECLAMATION_FEE", // 耕地开垦费 / 土地复垦费 (土地管理法实施条例 第52条, 第55条)
  "ANNUAL_INCOME", // 上一年年收入 (安全生产法 第95条)
] as const;
export type BaseKind = (typeof BASE_KINDS)[number];

/** 危害后果, least first */
export const HARM_LEVELS = ["NONE", "MINOR", "GENERAL", "SERIOUS", "SEVERE"] as const;
export type HarmLevel = (typeof HARM_LEVELS)[number];

/** 生产安全事故等级 (安全生产法 第114条), least first */
export const ACCIDENT_LEVELS = ["NONE", "GENERAL", "LARGER", "MAJOR", "EXTRAORDINARY"] as const;
export type AccidentLevel = (typeof ACCIDENT_LEVELS)[number];

export interface CaseFacts {
  firstViolation: boolean;
  harm: HarmLevel;
  correctedInTime: boolean;
  subjectiveFault: boolean;
  /** share of people/objects affected, in percent (e.g. 未如实记录培训 人员占比), 0–100 */
  proportionAffectedPct: number;
  /** base amounts in whole fen by kind (investment, construction cost, …) */
  baseAmountsFen: Partial<Record<BaseKind, number>>;
  areaM2: number;
  /** whole days */
  daysNotCorrected: number;
  /** 安全生产法 第114条 accident grade, when the case is an accident */
  accidentLevel: AccidentLevel;
  /**
   * 情节特别严重、影响特别恶劣 (安全生产法 第114条第2款). No default on purpose: absent means the case does not say,
   * and a statute that aggravates on it is then judged against the range that includes the aggravation.
   */
  particularlySerious?: boolean;
}

/** Facts as given: every fact may be left out (its default applies). */
export type CaseFactsInput = Partial<CaseFacts>;

export type FactsParse = { facts: CaseFacts; problems: null } | { facts: null; problems: string[] };

const BOOLEAN = "应为 true 或 false (expected a boolean)";
const oneOf = (values: readonly string[]) => `应为 ${values.join(" / ")} 之一 (expected one of them)`;
const PERCENT = "应为 0 到 100 之间的数 (expected a number from 0 to 100)";
const NON_NEGATIVE = "应为不小于 0 的数 (expected a number ≥ 0)";
const WHOLE_NON_NEGATIVE = "应为不小于 0 的整数 (expected a whole number ≥ 0)";
const AMOUNTS = "应为按基数种类列出的金额 (expected amounts by base kind)";
const UNKNOWN_BASE = `未知的基数种类，应为 ${BASE_KINDS.join(" / ")} 之一 (unknown base kind)`;
const WHOLE_FEN = "应为不小于 0 的整数分 (expected whole fen ≥ 0)";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isWhole = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * Checks facts as given and fills in the defaults. Problems are named by their path ("baseAmountsFen.INVESTMENT"),
 * in the order of the fields above.
 */
export function parseCaseFacts(input: unknown): FactsParse {
  if (!isRecord(input)) return { facts: null, problems: ["应为对象 (expected an object)"] };
  const problems: string[] = [];
  const flag = (key: keyof CaseFacts, fallback: boolean): boolean => {
    const value = input[key];
    if (value === undefined) return fallback;
    if (typeof value !== "boolean") problems.push(`${key}: ${BOOLEAN}`);
    return value as boolean;
  };
  const level = <T extends string>(key: keyof CaseFacts, values: readonly T[], fallback: T): T => {
    const value = input[key];
    if (value === undefined) return fallback;
    if (!values.includes(value as T)) problems.push(`${key}: ${oneOf(values)}`);
    return value as T;
  };
  const amount = (key: keyof CaseFacts, holds: (value: unknown) => boolean, problem: string): number => {
    const value = input[key];
    if (value === undefined) return 0;
    if (!holds(value)) problems.push(`${key}: ${problem}`);
    return value as number;
  };
  const facts: CaseFacts = {
    firstViolation: flag("firstViolation", false),
    harm: level("harm", HARM_LEVELS, "GENERAL"),
    correctedInTime: flag("correctedInTime", true),
    subjectiveFault: flag("subjectiveFault", true),
    proportionAffectedPct: amount("proportionAffectedPct", (v) => isNumber(v) && v >= 0 && v <= 100, PERCENT),
    baseAmountsFen: baseAmounts(input.baseAmountsFen, problems),
    areaM2: amount("areaM2", (v) => isNumber(v) && v >= 0, NON_NEGATIVE),
    daysNotCorrected: amount("daysNotCorrected", isWhole, WHOLE_NON_NEGATIVE),
    accidentLevel: level("accidentLevel", ACCIDENT_LEVELS, "NONE"),
  };
  if (input.particularlySerious !== undefined) facts.particularlySerious = flag("particularlySerious", false);
  return problems.length === 0 ? { facts, problems: null } : { facts: null, problems };
}

/** the base amounts, copied; their problems added to `problems` */
function baseAmounts(input: unknown, problems: string[]): Partial<Record<BaseKind, number>> {
  const amounts: Partial<Record<BaseKind, number>> = {};
  if (input === undefined) return amounts;
  if (!isRecord(input)) {
    problems.push(`baseAmountsFen: ${AMOUNTS}`);
    return amounts;
  }
  for (const key of Object.keys(input)) {
    const value = input[key];
    if (!(BASE_KINDS as readonly string[]).includes(key)) problems.push(`baseAmountsFen.${key}: ${UNKNOWN_BASE}`);
    else if (!isWhole(value)) problems.push(`baseAmountsFen.${key}: ${WHOLE_FEN}`);
    else amounts[key as BaseKind] = value;
  }
  return amounts;
}

/** The facts of an ordinary case, `{}` with every default filled in (a fresh object each call). */
export function defaultFacts(): CaseFacts {
  return parseCaseFacts({}).facts as CaseFacts;
}

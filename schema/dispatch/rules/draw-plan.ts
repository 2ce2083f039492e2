/**
 * What a 双随机 plan says about sampling (issue 7 §1). Ratios and factors are integers so that anyone
 * recomputes the counts exactly, in any language, without floating point:
 *   baseRatioPpm      parts per million per draw: 10_000 = 1 % (e.g. 1 % a quarter: one draw per quarter)
 *   factorsPermille   per risk class, thousandths: 500 = ×0.5, 1000 = ×1, 3000 = ×3
 * `stratifyBy` picks the risk class: the credit grade A–D of the registering province, or the combined
 * risk colour 红/黄/绿 (schema/libraries/rules/risk-colour.ts). Every class of that kind needs a factor
 * ≥ 1‰; a zero factor would silently drop an industry below its minimum of one (see draw-strata.ts).
 */
import { CREDIT_GRADES, RISK_COLOURS } from "../../libraries/rules/risk-colour.ts";

export type StratifyBy = "CREDIT_GRADE" | "RISK_COLOUR";

export const RISK_CLASSES: Readonly<Record<StratifyBy, readonly string[]>> = {
  CREDIT_GRADE: CREDIT_GRADES,
  RISK_COLOUR: RISK_COLOURS,
};

/** The part of a plan the draw itself depends on: published with the draw and rechecked by verifyDraw. */
export interface DrawParameters {
  baseRatioPpm: number;
  stratifyBy: StratifyBy;
  factorsPermille: Readonly<Record<string, number>>;
}

/** Which enterprises are candidates at all: an empty or missing list means "no restriction". */
export interface DrawScope {
  parks?: readonly string[];
  towns?: readonly string[];
  industries?: readonly string[];
  /** candidates supervised under at least one of these 执法领域 */
  domains?: readonly string[];
  /** candidates subject to at least one of these 执法事项 */
  items?: readonly string[];
}

export interface DrawPlan extends DrawParameters {
  scope: DrawScope;
  /** excluded when last inspected on one of the N days up to and including the draw day; 0 = no exclusion */
  excludeInspectedWithinDays: number;
}

/** e.g. the committee's default: 1 % a quarter, A ×0.5, B ×1, C ×2, D ×3. */
export const EXAMPLE_GRADE_FACTORS: Readonly<Record<string, number>> = { A: 500, B: 1000, C: 2000, D: 3000 };
export const EXAMPLE_COLOUR_FACTORS: Readonly<Record<string, number>> = { GREEN: 500, YELLOW: 1000, RED: 3000 };

const MAX_PPM = 1_000_000;
const MAX_PERMILLE = 1_000_000;

/** Every problem with the parameters (empty when valid); the GraphQL edge turns these into BAD_USER_INPUT. */
export function drawParameterProblems(parameters: DrawParameters): string[] {
  const problems: string[] = [];
  const { baseRatioPpm, stratifyBy, factorsPermille } = parameters;
  if (!Number.isInteger(baseRatioPpm) || baseRatioPpm < 1 || baseRatioPpm > MAX_PPM) {
    problems.push(`baseRatioPpm must be an integer from 1 to ${MAX_PPM}, got ${baseRatioPpm}`);
  }
  const classes = RISK_CLASSES[stratifyBy];
  if (classes === undefined) return [...problems, `stratifyBy must be CREDIT_GRADE or RISK_COLOUR, got ${stratifyBy}`];
  for (const riskClass of classes) {
    const factor = factorsPermille[riskClass];
    if (factor === undefined || !Number.isInteger(factor) || factor < 1 || factor > MAX_PERMILLE) {
      problems.push(`factorsPermille.${riskClass} must be an integer from 1 to ${MAX_PERMILLE}, got ${factor}`);
    }
  }
  for (const key of Object.keys(factorsPermille)) {
    if (!classes.includes(key)) problems.push(`factorsPermille.${key} is not a class of ${stratifyBy}`);
  }
  return problems;
}

export function assertDrawParameters(parameters: DrawParameters): void {
  const problems = drawParameterProblems(parameters);
  if (problems.length > 0) throw new RangeError(`invalid draw parameters: ${problems.join("; ")}`);
}

/**
 * Validation of one pushed enterprise (对象库), pure: the shape with zod, then the USCC per GB 32100
 * (a retired division inside it is normal), the credit grade A–D, and the current location's division
 * code in force on the day of the write. Every problem is reported, each with a stable code.
 */
import { z } from "zod";
import { limitOf } from "../../common/rules/field-limits.ts";
import { findNameProblem, findUnsafeText } from "../../common/rules/text-safety.ts";
import { checkDivisionInForce, type DivisionPeriod } from "./division-in-force.ts";
import type { EnterpriseWrite } from "./reconcile-enterprise.ts";
import { problem, type RecordProblem, zodProblems } from "./record-problem.ts";
import { CREDIT_GRADES } from "./risk-colour.ts";
import { validateUscc } from "./uscc.ts";

/** What the GraphQL `EnterpriseInput` carries. */
export interface EnterpriseInputValue {
  uscc: string;
  name: string;
  version: number;
  park?: string | null;
  town?: string | null;
  divisionCode?: string | null;
  industry?: string | null;
  creditGrade?: string | null;
  legalRepresentative?: string | null;
  address?: string | null;
}

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));

const enterpriseShape = z.object({
  uscc: z.string().trim().toUpperCase(),
  name: text(limitOf("EnterpriseInput.name").max),
  version: z.number().int().min(1, "must be at least 1").max(2_147_483_647),
  park: optionalText(limitOf("EnterpriseInput.park").max),
  town: optionalText(limitOf("EnterpriseInput.town").max),
  divisionCode: optionalText(12),
  industry: optionalText(limitOf("EnterpriseInput.industry").max),
  creditGrade: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(CREDIT_GRADES, "must be one of A, B, C, D (信用等级)"))
    .nullish()
    .transform((g) => g ?? null),
  legalRepresentative: optionalText(limitOf("EnterpriseInput.legalRepresentative").max),
  address: optionalText(limitOf("EnterpriseInput.address").max),
});

const CODE_BY_FIELD = { creditGrade: "CREDIT_GRADE", version: "VERSION_INVALID" };

export interface EnterpriseRules {
  /** the Beijing day the location's division code must be in force on (today) */
  day: Date;
  divisions: ReadonlyMap<string, DivisionPeriod>;
}

export type EnterpriseValidation = { ok: true; write: EnterpriseWrite } | { ok: false; problems: RecordProblem[] };

export function validateEnterpriseInput(input: EnterpriseInputValue, rules: EnterpriseRules): EnterpriseValidation {
  const text =
    findNameProblem(input.name, "name") ??
    (input.legalRepresentative ? findNameProblem(input.legalRepresentative, "legalRepresentative") : null) ??
    findUnsafeText(input);
  if (text) return { ok: false, problems: [problem(text.code, text.message)] };
  const parsed = enterpriseShape.safeParse(input);
  const problems: RecordProblem[] = parsed.success ? [] : zodProblems(parsed.error, CODE_BY_FIELD);
  const uscc = input.uscc.trim().toUpperCase();
  const usccCheck = validateUscc(uscc);
  if (!usccCheck.ok) problems.unshift(problem(usccCheck.code, usccCheck.message));
  const divisionCode = input.divisionCode?.trim();
  const division = divisionCode ? checkDivisionInForce(divisionCode, rules.divisions, rules.day) : null;
  if (division) problems.push(division);
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, write: { ...parsed.data, uscc } };
}

/**
 * Validation of one pushed officer (人员库), pure: the shape with zod, then the rules of the domain —
 * 公民身份号码 per GB 11643 (check digit, a real date of birth), certificate validity (from ≤ to),
 * qualified domains that exist. Every problem is reported, each with a stable code.
 */
import { z } from "zod";
import { limitOf } from "../../common/rules/field-limits.ts";
import { findNameProblem, findUnsafeText } from "../../common/rules/text-safety.ts";
import { validateCitizenId } from "./citizen-id.ts";
import type { OfficerWrite } from "./reconcile-officer.ts";
import { isoDay, problem, type RecordProblem, zodProblems } from "./record-problem.ts";

/** What the GraphQL `OfficerInput` carries (the home jurisdiction comes from the token). */
export interface OfficerInputValue {
  certificateNumber: string;
  name: string;
  version: number;
  unit?: string | null;
  status?: string | null;
  certificateValidFrom?: Date | null;
  certificateValidTo?: Date | null;
  qualifiedDomains?: readonly string[] | null;
  idNumber?: string | null;
  phone?: string | null;
  homeAddress?: string | null;
}

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);
/** absent, null or blank → null (unknown) */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    schema.nullish().transform((x) => x ?? null),
  );

const officerShape = z.object({
  // 执法证号: its coding rule is not public (docs/identifiers.md), so only a sane character set.
  certificateNumber: text(64)
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[0-9A-Z][0-9A-Z-]*$/, "use digits, letters A–Z and '-'")),
  name: text(limitOf("OfficerInput.name").max),
  version: z.number().int().min(1, "must be at least 1").max(2_147_483_647),
  unit: optional(text(limitOf("OfficerInput.unit").max)),
  status: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(["ACTIVE", "SUSPENDED", "RETIRED"], "must be ACTIVE, SUSPENDED or RETIRED"))
    .nullish()
    .transform((s) => s ?? "ACTIVE"),
  certificateValidFrom: optional(z.date()),
  certificateValidTo: optional(z.date()),
  qualifiedDomains: z
    .array(text(64).toUpperCase())
    .max(8)
    .nullish()
    .transform((x) => x ?? []),
  idNumber: optional(z.string().trim().toUpperCase()),
  phone: optional(
    z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 -]{4,19}$/, "must be a phone number (digits, spaces, '-')"),
  ),
  homeAddress: z
    .string()
    .trim()
    .max(limitOf("OfficerInput.homeAddress").max)
    .nullish()
    .transform((s) => (s ? s : null)),
});

const CODE_BY_FIELD = { status: "OFFICER_STATUS", version: "VERSION_INVALID", certificateNumber: "CERTIFICATE_NUMBER" };

export interface OfficerRules {
  /** "today" for the date-of-birth rule */
  now: Date;
  /** the 8 domain codes (执法领域) */
  domainCodes: ReadonlySet<string>;
}

export type OfficerValidation = { ok: true; write: OfficerWrite } | { ok: false; problems: RecordProblem[] };

export function validateOfficerInput(input: OfficerInputValue, rules: OfficerRules): OfficerValidation {
  const text = findNameProblem(input.name, "name") ?? findUnsafeText(input);
  if (text) return { ok: false, problems: [problem(text.code, text.message)] };
  const parsed = officerShape.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, CODE_BY_FIELD) };
  const o = parsed.data;
  const problems: RecordProblem[] = [];
  const id = o.idNumber === null ? null : validateCitizenId(o.idNumber, rules.now);
  if (id && !id.ok) problems.push(problem(id.code, `idNumber: ${id.message}`));
  const from = o.certificateValidFrom;
  const to = o.certificateValidTo;
  if (from && to && from.getTime() > to.getTime()) {
    problems.push(
      problem("CERTIFICATE_DATES", `certificateValidFrom ${isoDay(from)} is after certificateValidTo ${isoDay(to)}`),
    );
  }
  const unknown = o.qualifiedDomains.filter((code) => !rules.domainCodes.has(code));
  if (unknown.length > 0) {
    problems.push(
      problem(
        "UNKNOWN_DOMAIN",
        `qualifiedDomains: ${unknown.join(", ")} not among the domains ${[...rules.domainCodes].join(", ")}`,
      ),
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    write: {
      ...o,
      certificateValidFrom: from ? isoDay(from) : null,
      certificateValidTo: to ? isoDay(to) : null,
      qualifiedDomains: [...new Set(o.qualifiedDomains)].sort(),
    },
  };
}

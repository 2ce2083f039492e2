/**
 * The frozen candidate list of a draw: every enterprise in the plan's scope, with only public fields,
 * each either eligible or excluded with its reason, sorted by USCC. It is frozen (and its hash
 * published with the seed hash) before the seed is revealed, so nobody can add or drop a candidate
 * once the selection could be known.
 *
 * Canonical serialization (docs/draw-verification.md): candidates sorted by USCC (code-point order,
 * i.e. byte order: a USCC is ASCII), one line per candidate, each line the JSON array
 *   [uscc, name, park, town, industry, riskClass, excluded]
 * (park and town a string or null, `excluded` a reason string or null) with no whitespace, non-ASCII characters written as themselves
 * (Python: json.dumps(row, ensure_ascii=False, separators=(",", ":"))), followed by "\n"; the whole
 * encoded as UTF-8. `candidateListHash` = SHA-256 of those bytes, lowercase hex.
 */
import { createHash } from "node:crypto";
import { type CreditGrade, riskColour } from "../../libraries/rules/risk-colour.ts";
import type { DrawPlan, DrawScope } from "./draw-plan.ts";

export type ExclusionReason = "RECENTLY_INSPECTED" | "YEARLY_CAP_REACHED";

/** One enterprise as the wiring reads it from the 对象库 (private fields never enter the draw). */
export interface EnterpriseForDraw {
  uscc: string;
  name: string;
  park: string | null;
  town: string | null;
  industry: string | null;
  creditGrade: CreditGrade | null;
  creditGradeCq: CreditGrade | null;
  creditGradeSc: CreditGrade | null;
  /** 执法领域 / 执法事项 the enterprise is supervised under (only needed when the scope names some) */
  domains?: readonly string[];
  items?: readonly string[];
  /** Beijing day of the last inspection, null when never inspected */
  lastInspectedOn: Date | null;
}

export interface FrozenCandidate {
  uscc: string;
  name: string;
  park: string | null;
  town: string | null;
  /** UNKNOWN_INDUSTRY when the register has none: it still forms a stratum of its own */
  industry: string;
  /** the credit grade or risk colour the plan stratifies by */
  riskClass: string;
  excluded: ExclusionReason | null;
}

export interface FreezeContext {
  /** Beijing day of the draw */
  day: Date;
  /** USCCs that reached the yearly cap (joint-visit.ts `enterprisesAtYearlyCap`) */
  atYearlyCap: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;
export const normaliseUscc = (uscc: string): string => uscc.replace(/\s+/g, "").toUpperCase();
export const byUscc = (a: { uscc: string }, b: { uscc: string }) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0);

export const UNKNOWN_INDUSTRY = "未登记行业";
const GRADE_ORDER = "ABCD";

/**
 * The credit grade a plan stratified by grade uses: the registering province's, else the worse of the
 * two provinces' grades, else B — the ×1 class: nothing is known for or against the enterprise.
 */
export function gradeForDraw(
  e: Pick<EnterpriseForDraw, "creditGrade" | "creditGradeCq" | "creditGradeSc">,
): CreditGrade {
  if (e.creditGrade) return e.creditGrade;
  const provincial = [e.creditGradeCq, e.creditGradeSc].filter((g): g is CreditGrade => g !== null);
  return provincial.sort((a, b) => GRADE_ORDER.indexOf(b) - GRADE_ORDER.indexOf(a))[0] ?? "B";
}

const allows = (wanted: readonly string[] | undefined, value: string | null) =>
  !wanted?.length || (value !== null && wanted.includes(value));
const allowsAny = (wanted: readonly string[] | undefined, values: readonly string[] | undefined) =>
  !wanted?.length || (values ?? []).some((value) => wanted.includes(value));

export function inScope(scope: DrawScope, enterprise: EnterpriseForDraw): boolean {
  return (
    allows(scope.parks, enterprise.park) &&
    allows(scope.towns, enterprise.town) &&
    allows(scope.industries, enterprise.industry) &&
    allowsAny(scope.domains, enterprise.domains) &&
    allowsAny(scope.items, enterprise.items)
  );
}

/** The cap is checked first: an enterprise at its cap may not be inspected again this year at all. */
function exclusion(plan: DrawPlan, enterprise: EnterpriseForDraw, uscc: string, context: FreezeContext) {
  if (context.atYearlyCap.has(uscc)) return "YEARLY_CAP_REACHED";
  const last = enterprise.lastInspectedOn;
  if (plan.excludeInspectedWithinDays > 0 && last !== null) {
    const daysSince = Math.round((context.day.getTime() - last.getTime()) / DAY_MS);
    if (daysSince >= 0 && daysSince < plan.excludeInspectedWithinDays) return "RECENTLY_INSPECTED";
  }
  return null;
}

/** @throws RangeError on a USCC given twice: the list would have no single canonical form. */
export function freezeCandidates(
  plan: DrawPlan,
  enterprises: readonly EnterpriseForDraw[],
  context: FreezeContext,
): FrozenCandidate[] {
  const frozen: FrozenCandidate[] = [];
  for (const enterprise of enterprises) {
    if (!inScope(plan.scope, enterprise)) continue;
    const uscc = normaliseUscc(enterprise.uscc);
    const riskClass = plan.stratifyBy === "RISK_COLOUR" ? riskColour(enterprise) : gradeForDraw(enterprise);
    const { name, park, town } = enterprise;
    const industry = enterprise.industry ?? UNKNOWN_INDUSTRY;
    frozen.push({ uscc, name, park, town, industry, riskClass, excluded: exclusion(plan, enterprise, uscc, context) });
  }
  return sortedCandidates(frozen);
}

/** Candidates in canonical order (a copy); an already sorted list is checked in one pass, not resorted. */
export function sortedCandidates(candidates: readonly FrozenCandidate[]): FrozenCandidate[] {
  let sorted = true;
  for (let i = 1; i < candidates.length && sorted; i++) sorted = byUscc(candidates[i - 1]!, candidates[i]!) < 0;
  const result = sorted ? [...candidates] : [...candidates].sort(byUscc);
  for (let i = 1; i < result.length; i++) {
    if (result[i - 1]!.uscc === result[i]!.uscc) throw new RangeError(`USCC ${result[i]!.uscc} is listed twice`);
  }
  return result;
}

export function canonicalCandidateLine(c: FrozenCandidate): string {
  return `${JSON.stringify([c.uscc, c.name, c.park, c.town, c.industry, c.riskClass, c.excluded])}\n`;
}

const CHUNK_CHARS = 1 << 20;

/** SHA-256 over the canonical serialization, fed to the hash in ~1 MB chunks (one update per line is slow). */
export function candidateListHash(candidates: readonly FrozenCandidate[]): string {
  return hashCanonicalList(sortedCandidates(candidates));
}

/** `candidateListHash` of a list already in canonical order (from `sortedCandidates`). */
export function hashCanonicalList(canonical: readonly FrozenCandidate[]): string {
  const hash = createHash("sha256");
  let chunk = "";
  for (const candidate of canonical) {
    chunk += canonicalCandidateLine(candidate);
    if (chunk.length >= CHUNK_CHARS) {
      hash.update(chunk, "utf8");
      chunk = "";
    }
  }
  return hash.update(chunk, "utf8").digest("hex");
}

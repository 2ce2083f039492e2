/**
 * Why no valid team exists for a task, said exactly (issue 7 §2). One refusal per province that has no
 * eligible officer, naming the cause and the certificates or domains behind it, or NOT_ENOUGH_OFFICERS
 * when both provinces are covered but the team cannot be filled. Causes for a province, first match:
 *   NO_OFFICERS                    the province has no officer in the pool at all
 *   NOT_QUALIFIED_FOR              officers pass every other check, but none holds these domains
 *   NOT_QUALIFIED_FOR_ALL_DOMAINS  each domain is held by someone, nobody holds them all
 *   CERTIFICATES_EXPIRED           every officer's certificate has expired on the visit day
 *   CERTIFICATES_NOT_VALID         every certificate is expired, not yet valid or of unknown dates
 *   ALL_NOT_ACTIVE                 every officer is suspended or retired
 *   ALL_CANDIDATES_CONFLICTED      every officer declared a conflict (回避) with the enterprise
 *   NO_ELIGIBLE_OFFICER            a mix of the above: `ineligible` lists each officer's reasons
 */
export type TeamRefusalCode =
  | "NO_OFFICERS"
  | "NOT_QUALIFIED_FOR"
  | "NOT_QUALIFIED_FOR_ALL_DOMAINS"
  | "CERTIFICATES_EXPIRED"
  | "CERTIFICATES_NOT_VALID"
  | "ALL_NOT_ACTIVE"
  | "ALL_CANDIDATES_CONFLICTED"
  | "NO_ELIGIBLE_OFFICER"
  | "NOT_ENOUGH_OFFICERS";

export interface TeamRefusal {
  code: TeamRefusalCode;
  /** the province without an eligible officer (absent for NOT_ENOUGH_OFFICERS) */
  jurisdiction?: string;
  /** the domains nobody eligible otherwise holds */
  domains?: string[];
  /** the officers behind the cause */
  certificateNumbers?: string[];
  /** e.g. "NO_SICHUAN_OFFICER_QUALIFIED_FOR: ECOLOGY" */
  message: string;
}

export interface IneligibleOfficer {
  certificateNumber: string;
  homeJurisdiction: string;
  /** NOT_ACTIVE, CERTIFICATE_EXPIRED, CERTIFICATE_NOT_YET_VALID, CERTIFICATE_DATES_UNKNOWN, NOT_QUALIFIED, CONFLICT */
  reasons: string[];
}

/** A team needs one officer from each of these (川渝联合执法). */
export const PROVINCES = ["cq", "sc"] as const;

const PROVINCE_NAMES: Readonly<Record<string, string>> = { cq: "CHONGQING", sc: "SICHUAN" };
const CERTIFICATE_REASONS = ["CERTIFICATE_EXPIRED", "CERTIFICATE_NOT_YET_VALID", "CERTIFICATE_DATES_UNKNOWN"];

interface Pool {
  officers: readonly { certificateNumber: string; homeJurisdiction: string; qualifiedDomains: readonly string[] }[];
  eligible: readonly { homeJurisdiction: string }[];
  ineligible: readonly IneligibleOfficer[];
  domains: readonly string[];
  size: number;
}

function provinceRefusal(pool: Pool, jurisdiction: string): TeamRefusal {
  const name = PROVINCE_NAMES[jurisdiction] ?? jurisdiction.toUpperCase();
  const out = pool.ineligible.filter((o) => o.homeJurisdiction === jurisdiction);
  const certificates = (list: readonly IneligibleOfficer[]) => list.map((o) => o.certificateNumber).sort();
  const refusal = (code: TeamRefusalCode, message: string, extra: Partial<TeamRefusal> = {}): TeamRefusal => ({
    code,
    jurisdiction,
    ...extra,
    message,
  });
  if (out.length === 0) return refusal("NO_OFFICERS", `NO_${name}_OFFICERS in the pool`);

  const onlyUnqualified = new Set(
    out.filter((o) => o.reasons.every((r) => r === "NOT_QUALIFIED")).map((o) => o.certificateNumber),
  );
  if (onlyUnqualified.size > 0) {
    const held = new Set(
      pool.officers.filter((o) => onlyUnqualified.has(o.certificateNumber)).flatMap((o) => o.qualifiedDomains),
    );
    const domains = [...new Set(pool.domains)].sort();
    const missing = domains.filter((d) => !held.has(d));
    if (missing.length > 0) {
      return refusal("NOT_QUALIFIED_FOR", `NO_${name}_OFFICER_QUALIFIED_FOR: ${missing.join(", ")}`, {
        domains: missing,
      });
    }
    return refusal("NOT_QUALIFIED_FOR_ALL_DOMAINS", `NO_${name}_OFFICER_QUALIFIED_FOR_ALL: ${domains.join(", ")}`, {
      domains,
      certificateNumbers: [...onlyUnqualified].sort(),
    });
  }
  const all = (test: (reasons: string[]) => boolean) => out.every((o) => test(o.reasons));
  const certificateNumbers = certificates(out);
  if (all((r) => r.includes("CERTIFICATE_EXPIRED"))) {
    return refusal("CERTIFICATES_EXPIRED", `${name}_CERTIFICATES_EXPIRED: ${certificateNumbers.join(", ")}`, {
      certificateNumbers,
    });
  }
  if (all((r) => r.some((x) => CERTIFICATE_REASONS.includes(x)))) {
    return refusal("CERTIFICATES_NOT_VALID", `${name}_CERTIFICATES_NOT_VALID: ${certificateNumbers.join(", ")}`, {
      certificateNumbers,
    });
  }
  if (all((r) => r.includes("NOT_ACTIVE"))) {
    return refusal("ALL_NOT_ACTIVE", `ALL_${name}_OFFICERS_NOT_ACTIVE: ${certificateNumbers.join(", ")}`, {
      certificateNumbers,
    });
  }
  if (all((r) => r.includes("CONFLICT"))) {
    return refusal("ALL_CANDIDATES_CONFLICTED", `ALL_${name}_CANDIDATES_CONFLICTED: ${certificateNumbers.join(", ")}`, {
      certificateNumbers,
    });
  }
  return refusal("NO_ELIGIBLE_OFFICER", `NO_ELIGIBLE_${name}_OFFICER (see each officer's reasons)`, {
    certificateNumbers,
  });
}

/** Every reason the pool cannot give a valid team; empty when it can. */
export function teamRefusals(pool: Pool): TeamRefusal[] {
  const missing = PROVINCES.filter((p) => !pool.eligible.some((o) => o.homeJurisdiction === p));
  if (missing.length > 0) return missing.map((p) => provinceRefusal(pool, p));
  if (pool.eligible.length < pool.size) {
    return [
      {
        code: "NOT_ENOUGH_OFFICERS",
        message: `NOT_ENOUGH_OFFICERS: a team of ${pool.size} needs ${pool.size} eligible officers, ${pool.eligible.length} are`,
      },
    ];
  }
  return [];
}

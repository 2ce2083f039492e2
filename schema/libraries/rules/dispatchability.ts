/**
 * Can an officer be dispatched (派单) on a day for some domains? Only with a certificate (执法证) valid
 * that day — a lapsed certificate removes the power to enforce whatever the status says — an ACTIVE
 * status, and a qualification for every domain asked for (行政处罚法 第42条: enforcement by officers
 * holding 执法证件). Every reason that fails is reported, each with a stable code.
 */
import type { OfficerStatusValue } from "./reconcile-officer.ts";
import { isoDay, problem, type RecordProblem } from "./record-problem.ts";

export interface DispatchableOfficer {
  status: OfficerStatusValue;
  /** null when the home platform has not sent the certificate's dates: not dispatchable */
  certificateValidFrom: Date | null;
  /** inclusive: the last day of validity */
  certificateValidTo: Date | null;
  qualifiedDomains: readonly string[];
}

export interface Dispatchability {
  dispatchable: boolean;
  reasons: RecordProblem[];
}

export function dispatchability(officer: DispatchableOfficer, day: Date, domains: readonly string[]): Dispatchability {
  const reasons: RecordProblem[] = [];
  if (officer.certificateValidFrom === null || officer.certificateValidTo === null) {
    reasons.push(problem("CERTIFICATE_DATES_UNKNOWN", "the certificate's validity dates are not known"));
  }
  if (officer.certificateValidFrom && day.getTime() < officer.certificateValidFrom.getTime()) {
    reasons.push(
      problem(
        "CERTIFICATE_NOT_YET_VALID",
        `certificate valid only from ${isoDay(officer.certificateValidFrom)}, not on ${isoDay(day)}`,
      ),
    );
  }
  if (officer.certificateValidTo && day.getTime() > officer.certificateValidTo.getTime()) {
    reasons.push(problem("CERTIFICATE_EXPIRED", `certificate expired after ${isoDay(officer.certificateValidTo)}`));
  }
  if (officer.status !== "ACTIVE") reasons.push(problem("NOT_ACTIVE", `status is ${officer.status}, not ACTIVE`));
  const missing = [...new Set(domains)].filter((d) => !officer.qualifiedDomains.includes(d));
  if (missing.length > 0) reasons.push(problem("NOT_QUALIFIED", `not qualified for ${missing.join(", ")}`));
  return { dispatchable: reasons.length === 0, reasons };
}

/**
 * Indicators of inspection visits (入企检查). A visit is one joint task (综合查一次: the task and every
 * province record that answers it count once) or one province inspection record that answers no task.
 *   INSPECTIONS_PER_ENTERPRISE = visits / enterprises × 365 / days of the period
 *   JOINT_VISIT_RATE           = joint-task visits / visits
 *   CODE_SCAN_RATE             = on-site visits whose 执法码 was checked / on-site visits
 *   OFFICER_LOAD               = officer participations in visits / officers who took part
 */
import { jurisdictionLabel } from "./labels.ts";
import { type Measure, rateMeasure, rateSlice, round2, type Slice, sum } from "./measure.ts";

/** visits of one jurisdiction (joint tasks: `gz`) in the period */
export interface VisitCountRow {
  jurisdiction: string;
  visits: number;
  jointVisits: number;
  onSiteVisits: number;
  /** on-site visits whose code the enterprise checked (joint: a valid 执法码 check; records: codeScanned) */
  codeCheckedVisits: number;
}

export function inspectionsPerEnterprise(rows: readonly VisitCountRow[], enterprises: number, days: number): Measure {
  const annualised = (visits: number) => (enterprises > 0 ? round2(((visits / enterprises) * 365) / days) : null);
  const visits = sum(rows, (r) => r.visits);
  const breakdown: Slice[] = rows.map((r) => ({
    dimension: "JURISDICTION",
    key: r.jurisdiction,
    label: jurisdictionLabel(r.jurisdiction),
    value: annualised(r.visits),
    numerator: r.visits,
    denominator: enterprises,
  }));
  return { value: annualised(visits), numerator: visits, denominator: enterprises, breakdown };
}

export function jointVisitRate(rows: readonly VisitCountRow[]): Measure {
  return rateMeasure(
    sum(rows, (r) => r.jointVisits),
    sum(rows, (r) => r.visits),
  );
}

export function codeScanRate(rows: readonly VisitCountRow[]): Measure {
  const breakdown = rows.map((r) =>
    rateSlice("JURISDICTION", r.jurisdiction, jurisdictionLabel(r.jurisdiction), r.codeCheckedVisits, r.onSiteVisits),
  );
  return rateMeasure(
    sum(rows, (r) => r.codeCheckedVisits),
    sum(rows, (r) => r.onSiteVisits),
    breakdown,
  );
}

/** officer participations in visits per officer's home jurisdiction (each officer has one) */
export interface OfficerLoadRow {
  jurisdiction: string;
  participations: number;
  officers: number;
}

export function officerLoad(rows: readonly OfficerLoadRow[]): Measure {
  const participations = sum(rows, (r) => r.participations);
  const totalOfficers = sum(rows, (r) => r.officers);
  const per = (n: number, d: number) => (d > 0 ? round2(n / d) : null);
  return {
    value: per(participations, totalOfficers),
    numerator: participations,
    denominator: totalOfficers,
    breakdown: rows.map((r) => ({
      dimension: "JURISDICTION",
      key: r.jurisdiction,
      label: jurisdictionLabel(r.jurisdiction),
      value: per(r.participations, r.officers),
      numerator: r.participations,
      denominator: r.officers,
    })),
  };
}

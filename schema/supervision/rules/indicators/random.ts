/**
 * 双随机、一公开 — random inspections and their publication.
 *   RANDOM_INSPECTION_COVERAGE = enterprises randomly inspected in the period (a joint task of a 双随机
 *     draw, or a province record with inspectionMode RANDOM) / enterprises. Target: ≥ 1% a quarter,
 *     ≥ 4% a year (catalogue.ts). Breakdown per INDUSTRY: the year-end top-up (as Yongchuan does) —
 *     an industry with no enterprise randomly inspected needs max(1, ⌈3% × its enterprises⌉) more;
 *     an industry already drawn needs 0. The slice's value is that number.
 *   RESULT_PUBLICATION_RATE = random inspections concluded whose result is published (a joint draw task
 *     DONE: published on /draws/<id>; a record with resultPublishedAt) / random inspections concluded.
 */
import { jurisdictionLabel, UNKNOWN_LABEL } from "./labels.ts";
import { type Measure, rateMeasure, rateSlice, type Slice, sum } from "./measure.ts";

export interface IndustryCoverageRow {
  /** "" for enterprises without an industry */
  industry: string;
  enterprises: number;
  randomlyInspected: number;
}

/** the top-up share of an industry not drawn in the year, and the least number drawn */
export const TOP_UP_PERMILLE = 30;
export const TOP_UP_MINIMUM = 1;

/** how many enterprises of an industry must still be drawn: 0 once any was */
export function topUpNeeded(enterprises: number, randomlyInspected: number): number {
  if (enterprises === 0 || randomlyInspected > 0) return 0;
  return Math.min(enterprises, Math.max(TOP_UP_MINIMUM, Math.ceil((enterprises * TOP_UP_PERMILLE) / 1000)));
}

export function randomInspectionCoverage(rows: readonly IndustryCoverageRow[]): Measure {
  const breakdown: Slice[] = rows.map((r) => {
    const needed = topUpNeeded(r.enterprises, r.randomlyInspected);
    const name = r.industry || UNKNOWN_LABEL;
    return {
      dimension: "INDUSTRY",
      key: r.industry,
      label: needed > 0 ? `${name}：未抽取，需补抽${needed}家` : `${name}：已抽取${r.randomlyInspected}家`,
      value: needed,
      numerator: r.randomlyInspected,
      denominator: r.enterprises,
    };
  });
  return rateMeasure(
    sum(rows, (r) => r.randomlyInspected),
    sum(rows, (r) => r.enterprises),
    breakdown,
  );
}

export interface PublicationRow {
  jurisdiction: string;
  concluded: number;
  published: number;
}

export function resultPublicationRate(rows: readonly PublicationRow[]): Measure {
  return rateMeasure(
    sum(rows, (r) => r.published),
    sum(rows, (r) => r.concluded),
    rows.map((r) =>
      rateSlice("JURISDICTION", r.jurisdiction, jurisdictionLabel(r.jurisdiction), r.published, r.concluded),
    ),
  );
}

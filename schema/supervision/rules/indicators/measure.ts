/**
 * The shapes every supervision indicator (执法监督指标) is computed into, and the small arithmetic they
 * share. Pure: the SQL reads (../../indicator-reads.ts) hand aggregated rows to the rules of this folder.
 */

/** how a figure is broken down (GraphQL `IndicatorDimension`) */
export type IndicatorDimension =
  | "JURISDICTION"
  | "DOMAIN"
  | "DEPARTMENT"
  | "CREDIT_GRADE"
  | "RISK_COLOUR"
  | "INDUSTRY"
  | "DEVIATION_KIND"
  | "LENIENT_KIND"
  | "QUARTER";

export interface Slice {
  dimension: IndicatorDimension;
  key: string;
  label: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** one indicator's figure over one period; `value` null = no data */
export interface Measure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  breakdown: Slice[];
  /** a second figure where one value does not say it all (CASE_DURATION: the 90th percentile) */
  p90?: number | null;
}

/** values are answered to two decimals: what a dashboard shows and a hand check can reproduce */
export const round2 = (value: number) => Math.round(value * 100) / 100;

/** numerator / denominator in percent, two decimals; null when the denominator is 0 */
export function percent(numerator: number, denominator: number): number | null {
  return denominator > 0 ? round2((numerator / denominator) * 100) : null;
}

/** a plain count: always a value (0 is data) */
export const countMeasure = (count: number, breakdown: Slice[] = []): Measure => ({
  value: count,
  numerator: count,
  denominator: null,
  breakdown,
});

/** a rate in percent */
export const rateMeasure = (numerator: number, denominator: number, breakdown: Slice[] = []): Measure => ({
  value: percent(numerator, denominator),
  numerator,
  denominator,
  breakdown,
});

/** a breakdown slice of a rate */
export const rateSlice = (
  dimension: IndicatorDimension,
  key: string,
  label: string,
  numerator: number,
  denominator: number,
): Slice => ({ dimension, key, label, value: percent(numerator, denominator), numerator, denominator });

/** sums `value(row)` per `keyOf(row)`, keys in first-seen order */
export function sumBy<R>(
  rows: readonly R[],
  keyOf: (row: R) => string,
  value: (row: R) => number,
): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(keyOf(row), (sums.get(keyOf(row)) ?? 0) + value(row));
  return sums;
}

export const sum = <R>(rows: readonly R[], value: (row: R) => number) => rows.reduce((s, r) => s + value(r), 0);

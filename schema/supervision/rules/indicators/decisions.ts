/**
 * Indicators of penalty decisions (行政处罚决定), each decision in the period of its decision time.
 *   BENCHMARK_MATCH_RATE = decisions measured without a range deviation (FINE_ABOVE_RANGE,
 *     FINE_BELOW_RANGE, LENIENT_IGNORED on the stored version) / decisions measured against a benchmark
 *     (every decided penalty except those whose item is not empowered: ITEM_NOT_EMPOWERED measures nothing)
 *   LENIENT_CASES = decisions that applied 首违不罚 / 不予处罚 (行政处罚法 第33条) or 从轻 / 减轻 (第32条)
 *   FINE_INCOME_GROWTH = (fines this period − fines the previous period) / fines the previous period —
 *     an early warning of 趋利性执法 (profit-driven enforcement); no fine quota may ever be derived from it
 *   CASE_DURATION = Beijing days from the act (occurredAt) to the decision (decidedAt): the median, p90 beside
 */
import { DEVIATION_KIND_LABELS, jurisdictionLabel, LENIENT_KIND_LABELS, UNKNOWN_LABEL } from "./labels.ts";
import { countMeasure, type Measure, rateMeasure, round2, type Slice, sum } from "./measure.ts";

export interface MatchRow {
  measured: number;
  matched: number;
}
export interface KindCountRow {
  kind: string;
  count: number;
}

export const RANGE_DEVIATION_KINDS = ["FINE_ABOVE_RANGE", "FINE_BELOW_RANGE", "LENIENT_IGNORED"] as const;

const kindSlices = (dimension: Slice["dimension"], rows: readonly KindCountRow[], labels: Record<string, string>) =>
  rows.map((r) => ({
    dimension,
    key: r.kind,
    label: labels[r.kind] ?? r.kind,
    value: r.count,
    numerator: r.count,
    denominator: null,
  }));

export function benchmarkMatchRate(match: MatchRow, deviations: readonly KindCountRow[]): Measure {
  return rateMeasure(match.matched, match.measured, kindSlices("DEVIATION_KIND", deviations, DEVIATION_KIND_LABELS));
}

export function lenientCases(rows: readonly KindCountRow[]): Measure {
  return countMeasure(
    sum(rows, (r) => r.count),
    kindSlices("LENIENT_KIND", rows, LENIENT_KIND_LABELS),
  );
}

/** fines (fen) of one jurisdiction, domain and department, this period and the previous one */
export interface FineRow {
  jurisdiction: string;
  domain: string;
  domainName: string;
  department: string;
  currentFen: number;
  previousFen: number;
}

/** growth in percent; null when the previous period had no fines (growth from nothing is not a number) */
export const growth = (current: number, previous: number) =>
  previous > 0 ? round2(((current - previous) / previous) * 100) : null;

export function fineIncomeGrowth(rows: readonly FineRow[]): Measure {
  const slices = (dimension: Slice["dimension"], keyOf: (r: FineRow) => string, labelOf: (r: FineRow) => string) => {
    const groups = new Map<string, { label: string; current: number; previous: number }>();
    for (const r of rows) {
      const group = groups.get(keyOf(r)) ?? { label: labelOf(r), current: 0, previous: 0 };
      group.current += r.currentFen;
      group.previous += r.previousFen;
      groups.set(keyOf(r), group);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, g]) => ({
        dimension,
        key,
        label: g.label,
        value: growth(g.current, g.previous),
        // yuan, as the fines read
        numerator: g.current / 100,
        denominator: g.previous / 100,
      }));
  };
  const current = sum(rows, (r) => r.currentFen);
  const previous = sum(rows, (r) => r.previousFen);
  return {
    value: growth(current, previous),
    numerator: current / 100,
    denominator: previous / 100,
    breakdown: [
      ...slices(
        "JURISDICTION",
        (r) => r.jurisdiction,
        (r) => jurisdictionLabel(r.jurisdiction),
      ),
      ...slices(
        "DOMAIN",
        (r) => r.domain,
        (r) => r.domainName || UNKNOWN_LABEL,
      ),
      ...slices(
        "DEPARTMENT",
        (r) => r.department,
        (r) => r.department || UNKNOWN_LABEL,
      ),
    ],
  };
}

/** durations of one jurisdiction's decisions ("" = all jurisdictions together) */
export interface DurationRow {
  jurisdiction: string;
  decisions: number;
  medianDays: number | null;
  p90Days: number | null;
}

export function caseDuration(rows: readonly DurationRow[]): Measure {
  const all = rows.find((r) => r.jurisdiction === "");
  const days = (d: number | null) => (d === null ? null : round2(d));
  return {
    value: all && all.decisions > 0 ? days(all.medianDays) : null,
    numerator: null,
    denominator: all?.decisions ?? 0,
    p90: all && all.decisions > 0 ? days(all.p90Days) : null,
    breakdown: rows
      .filter((r) => r.jurisdiction !== "")
      .map((r) => ({
        dimension: "JURISDICTION" as const,
        key: r.jurisdiction,
        label: `${jurisdictionLabel(r.jurisdiction)}（p90 ${days(r.p90Days) ?? "—"}天）`,
        value: days(r.medianDays),
        numerator: null,
        denominator: r.decisions,
      })),
  };
}

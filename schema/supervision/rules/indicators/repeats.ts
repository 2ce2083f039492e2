/**
 * REPEATED_INSPECTIONS 重复检查（扰企）: a visit to an enterprise whose previous visit — by any department
 * of either province, or a joint task — was at most `windowDays` Beijing days earlier. A joint task is
 * one visit however many records answer it, so its own records never repeat it. The gap is counted in
 * Beijing calendar days: a visit exactly `windowDays` days after the previous one is a repeat, one day
 * later is not. Cross-province pairs (a Chongqing team after a Sichuan team, or the reverse) are what only
 * this gateway can see; the breakdown names each pair.
 */
import { jurisdictionLabel } from "./labels.ts";
import { countMeasure, type Measure } from "./measure.ts";

/** visits grouped by their gap to the previous visit of the same enterprise */
export interface VisitGapRow {
  /** Beijing days from the previous visit to this one (0: the same day) */
  gapDays: number;
  jurisdiction: string;
  previousJurisdiction: string;
  visits: number;
}

/** the default window; SUPERVISION_REPEAT_WINDOW_DAYS sets another */
export const DEFAULT_REPEAT_WINDOW_DAYS = 30;

export const isRepeat = (gapDays: number, windowDays: number) => gapDays >= 0 && gapDays <= windowDays;

const crossProvince = (a: string, b: string) => a !== b && a !== "gz" && b !== "gz";

export function repeatedInspections(rows: readonly VisitGapRow[], windowDays: number): Measure {
  const pairs = new Map<string, { label: string; visits: number }>();
  let repeats = 0;
  for (const row of rows) {
    if (!isRepeat(row.gapDays, windowDays)) continue;
    repeats += row.visits;
    const key = `${row.previousJurisdiction}>${row.jurisdiction}`;
    const cross = crossProvince(row.previousJurisdiction, row.jurisdiction) ? "（跨省）" : "";
    const label = `${jurisdictionLabel(row.previousJurisdiction)}→${jurisdictionLabel(row.jurisdiction)}${cross}`;
    const pair = pairs.get(key) ?? { label, visits: 0 };
    pair.visits += row.visits;
    pairs.set(key, pair);
  }
  const breakdown = [...pairs.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, { label, visits }]) => ({
      dimension: "JURISDICTION" as const,
      key,
      label,
      value: visits,
      numerator: visits,
      denominator: null,
    }));
  return countMeasure(repeats, breakdown);
}

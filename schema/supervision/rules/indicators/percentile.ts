/**
 * percentile_cont over a histogram: the continuous percentile PostgreSQL's `percentile_cont(fraction) WITHIN GROUP
 * (ORDER BY x)` gives over the individual values, computed from (value → how many) — the decision rollup keeps case
 * durations that way (SupervisionDecisionDay.durations). Same arithmetic as PostgreSQL's
 * percentile_cont_final_common and float8_lerp (src/backend/utils/adt/orderedsetaggs.c, float.c): the rows at
 * floor and ceil of fraction × (n − 1), zero-based, and `lo + (hi − lo) × (position − floor)` between them, in
 * float8 — so the figures are identical, not merely close.
 */

export interface HistogramBin {
  value: number;
  count: number;
}

/** the percentile of the values `bins` count (any order, repeated values allowed); null when there are none */
export function percentileCont(bins: readonly HistogramBin[], fraction: number): number | null {
  const sorted = bins.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((n, b) => n + b.count, 0);
  if (total === 0) return null;
  const position = fraction * (total - 1);
  const firstRow = Math.floor(position);
  const secondRow = Math.ceil(position);
  const lo = valueAt(sorted, firstRow);
  if (secondRow === firstRow) return lo;
  const hi = valueAt(sorted, secondRow);
  return lo + (hi - lo) * (position - firstRow);
}

/** the value of the zero-based row `row` of the sorted values */
function valueAt(sorted: readonly HistogramBin[], row: number): number {
  let seen = 0;
  for (const bin of sorted) {
    seen += bin.count;
    if (row < seen) return bin.value;
  }
  throw new RangeError(`row ${row} beyond ${seen} values`);
}

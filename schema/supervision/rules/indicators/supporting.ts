/**
 * Supporting figures: they explain the others rather than measure enforcement.
 *   CERTIFICATES_EXPIRING = ACTIVE officers whose certificate's last valid day falls in the period
 *   QUARANTINE_BACKLOG    = pushed records still quarantined at the end of the period
 *   SYNC_HEALTH           = adapter directions reporting in time / adapter directions (now; schema/sync)
 */
import { jurisdictionLabel } from "./labels.ts";
import { countMeasure, type Measure, rateMeasure, rateSlice, sum } from "./measure.ts";

export interface JurisdictionCountRow {
  jurisdiction: string;
  count: number;
}

export function countByJurisdiction(rows: readonly JurisdictionCountRow[]): Measure {
  return countMeasure(
    sum(rows, (r) => r.count),
    rows.map((r) => ({
      dimension: "JURISDICTION" as const,
      key: r.jurisdiction,
      label: jurisdictionLabel(r.jurisdiction),
      value: r.count,
      numerator: r.count,
      denominator: null,
    })),
  );
}

export interface SyncDirectionRow {
  jurisdiction: string;
  stale: boolean;
}

export function syncHealth(rows: readonly SyncDirectionRow[]): Measure {
  const per = new Map<string, { fresh: number; all: number }>();
  for (const r of rows) {
    const j = per.get(r.jurisdiction) ?? { fresh: 0, all: 0 };
    j.all += 1;
    if (!r.stale) j.fresh += 1;
    per.set(r.jurisdiction, j);
  }
  return rateMeasure(
    rows.filter((r) => !r.stale).length,
    rows.length,
    [...per.entries()].map(([j, c]) => rateSlice("JURISDICTION", j, jurisdictionLabel(j), c.fresh, c.all)),
  );
}

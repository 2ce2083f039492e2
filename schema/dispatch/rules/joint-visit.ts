/**
 * 综合查一次 and the yearly cap (issue 7 §3).
 *
 * Merging: every item due at one enterprise within one window becomes ONE task (one visit) carrying the
 * union of the items and of their domains — the enterprise is visited once per window, not once per
 * item or department. Windows are inclusive Beijing days and must not overlap; items due outside every
 * window are returned unscheduled.
 *
 * Yearly cap: 国办发〔2024〕54号 requires each region to set 同一企业年度检查频次上限. The number is NOT
 * in that document: it is a plan setting (`yearlyCap`, default 2 here as a placeholder the committee
 * replaces). A visit counts once however many items it covers, so visits are counted as distinct
 * Beijing days per enterprise in the calendar year; the caller passes the visits done or already
 * scheduled (tasks not cancelled), and decides whether 个案检查 (complaints, leads) count at all.
 */
import { beijingDay } from "../../common/effective-dates.ts";
import { normaliseUscc } from "./draw-candidates.ts";

export const DEFAULT_YEARLY_CAP = 2;

export interface DueItem {
  uscc: string;
  itemCode: string;
  domainCode: string;
  /** Beijing day the item falls due */
  dueOn: Date;
}

export interface VisitWindow {
  key: string;
  from: Date;
  /** inclusive */
  to: Date;
}

export interface JointVisit {
  uscc: string;
  windowKey: string;
  from: Date;
  to: Date;
  itemCodes: string[];
  domains: string[];
  earliestDueOn: Date;
}

export interface JointVisitPlan {
  visits: JointVisit[];
  unscheduled: DueItem[];
}

const within = (day: Date, w: VisitWindow) => w.from.getTime() <= day.getTime() && day.getTime() <= w.to.getTime();

/** @throws RangeError when windows overlap: an item would belong to two visits. */
export function mergeJointVisits(due: readonly DueItem[], windows: readonly VisitWindow[]): JointVisitPlan {
  const ordered = [...windows].sort((a, b) => a.from.getTime() - b.from.getTime());
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i]!.from.getTime() <= ordered[i - 1]!.to.getTime()) {
      throw new RangeError(`windows ${ordered[i - 1]!.key} and ${ordered[i]!.key} overlap`);
    }
  }
  const visits = new Map<
    string,
    { uscc: string; window: VisitWindow; items: Set<string>; domains: Set<string>; earliest: Date }
  >();
  const unscheduled: DueItem[] = [];
  for (const item of due) {
    const window = ordered.find((w) => within(item.dueOn, w));
    if (!window) {
      unscheduled.push(item);
      continue;
    }
    const uscc = normaliseUscc(item.uscc);
    const id = `${uscc}\u0000${window.key}`;
    const visit = visits.get(id) ?? { uscc, window, items: new Set(), domains: new Set(), earliest: item.dueOn };
    visit.items.add(item.itemCode);
    visit.domains.add(item.domainCode);
    if (item.dueOn < visit.earliest) visit.earliest = item.dueOn;
    visits.set(id, visit);
  }
  return {
    visits: [...visits.values()]
      .map((v) => ({
        uscc: v.uscc,
        windowKey: v.window.key,
        from: v.window.from,
        to: v.window.to,
        itemCodes: [...v.items].sort(),
        domains: [...v.domains].sort(),
        earliestDueOn: v.earliest,
      }))
      .sort((a, b) => a.from.getTime() - b.from.getTime() || (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0)),
    unscheduled,
  };
}

export interface CountedVisit {
  uscc: string;
  /** when the visit happened (or is scheduled) */
  on: Date;
}

/** Distinct Beijing visit days per enterprise in the Beijing calendar year `year`. */
export function visitsInYear(visits: readonly CountedVisit[], year: number): Map<string, number> {
  const days = new Map<string, Set<number>>();
  for (const visit of visits) {
    const day = beijingDay(visit.on);
    if (day.getUTCFullYear() !== year) continue;
    const uscc = normaliseUscc(visit.uscc);
    const set = days.get(uscc) ?? new Set();
    set.add(day.getTime());
    days.set(uscc, set);
  }
  return new Map([...days].map(([uscc, set]) => [uscc, set.size]));
}

export interface CapReached {
  uscc: string;
  visits: number;
  cap: number;
}

/** The enterprises that may not be inspected again this year: the draw excludes them and the plan lists them. */
export function enterprisesAtYearlyCap(
  visits: readonly CountedVisit[],
  options: { now: Date; cap?: number },
): CapReached[] {
  const cap = options.cap ?? DEFAULT_YEARLY_CAP;
  const counts = visitsInYear(visits, beijingDay(options.now).getUTCFullYear());
  return [...counts]
    .filter(([, count]) => count >= cap)
    .map(([uscc, count]) => ({ uscc, visits: count, cap }))
    .sort((a, b) => (a.uscc < b.uscc ? -1 : 1));
}

export interface CappedVisits {
  kept: JointVisit[];
  /** visits that would take their enterprise past the cap in the window's year */
  overCap: { visit: JointVisit; visitsBefore: number; cap: number }[];
}

/**
 * Keeps planned visits, in window order, while each enterprise stays within the cap of the window's
 * year (counting visits already done or scheduled that year); the rest are refused as over the cap.
 */
export function applyYearlyCap(
  planned: readonly JointVisit[],
  done: readonly CountedVisit[],
  options: { cap?: number } = {},
): CappedVisits {
  const cap = options.cap ?? DEFAULT_YEARLY_CAP;
  const countsByYear = new Map<number, Map<string, number>>();
  const result: CappedVisits = { kept: [], overCap: [] };
  for (const visit of [...planned].sort((a, b) => a.from.getTime() - b.from.getTime())) {
    const year = visit.from.getUTCFullYear();
    const counts = countsByYear.get(year) ?? visitsInYear(done, year);
    countsByYear.set(year, counts);
    const before = counts.get(visit.uscc) ?? 0;
    if (before >= cap) {
      result.overCap.push({ visit, visitsBefore: before, cap });
      continue;
    }
    counts.set(visit.uscc, before + 1);
    result.kept.push(visit);
  }
  return result;
}

/**
 * 统计期 — an indicator period: Beijing calendar days `from`…`to`, both inclusive (the one effective-date
 * rule of schema/common/effective-dates.ts). Pure date arithmetic on `YYYY-MM-DD` strings.
 */
import { beijingDayBounds } from "../../../common/effective-dates.ts";

/** the longest period one question may cover: three years of days (a leap day included) */
export const MAX_PERIOD_DAYS = 3 * 366;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Period {
  from: string;
  to: string;
}

export type PeriodRefusal = "PERIOD_REVERSED" | "PERIOD_TOO_LONG";

/** days from `from` to `to`, both counted (a single day = 1) */
export function daysOf(period: Period): number {
  return Math.round((Date.parse(period.to) - Date.parse(period.from)) / DAY_MS) + 1;
}

export function checkPeriod(period: Period): PeriodRefusal | null {
  if (period.to < period.from) return "PERIOD_REVERSED";
  return daysOf(period) > MAX_PERIOD_DAYS ? "PERIOD_TOO_LONG" : null;
}

/** `date` moved by `days` (negative: earlier) */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** the period of the same length that ends the day before `period` begins */
export function previousPeriod(period: Period): Period {
  const to = addDays(period.from, -1);
  return { from: addDays(to, 1 - daysOf(period)), to };
}

/** the first and the last instant of the period (Beijing midnight of `from`, the last millisecond of `to`) */
export function instantsOf(period: Period): { start: Date; end: Date } {
  return { start: new Date(beijingDayBounds(period.from).start), end: new Date(beijingDayBounds(period.to).end) };
}

/** the last day of the calendar month of `date` */
const lastDayOfMonth = (date: string): string => {
  const [year, month] = date.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
};

/** the calendar months (Beijing) the period touches, each cut to the period: one trend point each */
export function monthsOf(period: Period): Period[] {
  const months: Period[] = [];
  let from = period.from;
  while (from <= period.to) {
    const lastDay = lastDayOfMonth(from);
    const to = lastDay < period.to ? lastDay : period.to;
    months.push({ from, to });
    from = addDays(to, 1);
  }
  return months;
}

/**
 * The period as whole calendar months — the first day of its first month and of its last — when it starts on the
 * first of a month and ends on the last day of one; otherwise null (the monthly rollups cannot answer it).
 */
export function wholeMonthsOf(period: Period): { first: string; last: string } | null {
  if (!period.from.endsWith("-01") || lastDayOfMonth(period.to) !== period.to) return null;
  return { first: period.from, last: `${period.to.slice(0, 7)}-01` };
}

/** the period as whole calendar years — the first day of its first year and of its last — or null */
export function wholeYearsOf(period: Period): { first: string; last: string } | null {
  if (!period.from.endsWith("-01-01") || !period.to.endsWith("-12-31")) return null;
  return { first: period.from, last: `${period.to.slice(0, 4)}-01-01` };
}

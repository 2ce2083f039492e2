/**
 * Effective dates: laws, benchmarks, items and division codes carry `from` and an INCLUSIVE `to`
 * (the last day in force; null = still in force). Calendar days are Beijing days (UTC+8).
 */
/** China Standard Time, without daylight saving since 1991 */
export const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Beijing calendar day of an instant, as a UTC-midnight Date (the form `@db.Date` columns use). */
export function beijingDay(instant: Date): Date {
  const shifted = new Date(instant.getTime() + BEIJING_OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

/**
 * Day texts already written, by epoch millisecond. Matching compares the same few instants again and again (the
 * catalog's effective dates, today), and formatting one costs a Date and an ISO string. Keyed by the instant's
 * value, not by the Date object (a Date can be changed in place). Emptied when full, so it stays small.
 */
const beijingDateTexts = new Map<number, string>();
const BEIJING_DATE_TEXTS_MAX = 4096;

/** The Beijing calendar day of an instant as text, `YYYY-MM-DD`. */
export function beijingDate(instant: Date): string {
  const time = instant.getTime();
  let text = beijingDateTexts.get(time);
  if (text === undefined) {
    // an invalid date (NaN) throws here, as it always did, and is never kept
    text = new Date(time + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
    if (beijingDateTexts.size >= BEIJING_DATE_TEXTS_MAX) beijingDateTexts.clear();
    beijingDateTexts.set(time, text);
  }
  return text;
}

/** The first and the last millisecond of a Beijing day given as `YYYY-MM-DD`, as epoch milliseconds. */
export function beijingDayBounds(date: string): { start: number; end: number } {
  const start = Date.parse(`${date}T00:00:00.000+08:00`);
  return { start, end: start + 24 * 60 * 60 * 1000 - 1 };
}

/** The instant a Beijing day (as a UTC-midnight Date) begins: its midnight in Beijing. */
export function beijingMidnight(day: Date): Date {
  return new Date(day.getTime() - BEIJING_OFFSET_MS);
}

/**
 * The one effective-date rule: in force on a Beijing day when `from` ≤ day ≤ `to` (both ends inclusive;
 * `to` null = still in force). Bounds may be UTC-midnight dates (`@db.Date`) or Beijing-midnight instants:
 * both name the same Beijing day.
 */
export function isInForceOn(range: { from: Date; to: Date | null }, date: string): boolean {
  return beijingDate(range.from) <= date && (range.to === null || date <= beijingDate(range.to));
}

/** {@link isInForceOn} for a day given as a Date (any instant of it) */
export function isInForce(range: { from: Date; to: Date | null }, day: Date): boolean {
  return isInForceOn(range, beijingDate(day));
}

/** Prisma `where` fragment for rows in force on `day`, given the names of their from/to columns. */
export function inForceWhere<F extends string, T extends string>(day: Date, fromField: F, toField: T) {
  return {
    [fromField]: { lte: day },
    OR: [{ [toField]: null }, { [toField]: { gte: day } }],
  } as { [K in F]: { lte: Date } } & { OR: Array<{ [K in T]: null | { gte: Date } }> };
}

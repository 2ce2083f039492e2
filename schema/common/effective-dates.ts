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

/** The instant a Beijing day (as a UTC-midnight Date) begins: its midnight in Beijing. */
export function beijingMidnight(day: Date): Date {
  return new Date(day.getTime() - BEIJING_OFFSET_MS);
}

export function isInForce(range: { from: Date; to: Date | null }, day: Date): boolean {
  return range.from.getTime() <= day.getTime() && (range.to === null || day.getTime() <= range.to.getTime());
}

/** Prisma `where` fragment for rows in force on `day`, given the names of their from/to columns. */
export function inForceWhere<F extends string, T extends string>(day: Date, fromField: F, toField: T) {
  return {
    [fromField]: { lte: day },
    OR: [{ [toField]: null }, { [toField]: { gte: day } }],
  } as { [K in F]: { lte: Date } } & { OR: Array<{ [K in T]: null | { gte: Date } }> };
}

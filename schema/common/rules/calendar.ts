/**
 * Dates and instants as the API reads and writes them (ISO 8601 / RFC 3339). Pure. A value that names a
 * day or a time that does not exist (2026-02-30, month 13, 24:00, 10:60, an offset of +24:00) is refused,
 * never rolled forward the way `Date` does. Years are 0001–9999: what PostgreSQL stores and people mean.
 */
import { BEIJING_OFFSET_MS } from "../effective-dates.ts";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** date, `T`, hours:minutes[:seconds[.fraction]], then `Z` or an offset ±HH:MM / ±HHMM */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;
/** the widest offsets in use: UTC−12 to UTC+14 */
const MAX_OFFSET_MINUTES = 14 * 60;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function realDay(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** UTC midnight of a proleptic Gregorian day (Date.UTC maps years 0–99 to 1900–1999: those are set after) */
function utcMidnight(year: number, month: number, day: number): Date {
  // every date of a request passes here (a match has two): setUTCFullYear costs more than the rest of the parse
  if (year >= 100) return new Date(Date.UTC(year, month - 1, day));
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date;
}

/** `YYYY-MM-DD` → that day as a UTC-midnight Date, or null when it is not a real day. */
export function parseIsoDate(text: string): Date | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return realDay(year, month, day) ? utcMidnight(year, month, day) : null;
}

/** An ISO 8601 instant WITH its offset → Date, or null when malformed or when it does not exist. */
export function parseIsoDateTime(text: string): Date | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i])) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(m[6] ?? 0);
  if (!realDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const offsetMinutes = m[8] ? 0 : (m[9] === "-" ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  if (Number(m[11] ?? 0) > 59 || Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) return null;
  const millis = Math.floor(Number(`0${m[7] ?? ""}`) * 1000);
  const local = utcMidnight(year, month, day).getTime() + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  return new Date(local - offsetMinutes * 60_000);
}

/** An instant in Beijing time: `2026-11-21T10:00:00.000+08:00`. */
export function formatBeijingDateTime(instant: Date): string {
  const local = new Date(instant.getTime() + BEIJING_OFFSET_MS);
  return `${local.toISOString().slice(0, 23)}+08:00`;
}

/**
 * Calendar dates (YYYY-MM-DD, as laws and certificates use them) and instants (ISO 8601 with offset,
 * answered in Beijing time). A day or time that does not exist is refused (schema/common/rules/calendar.ts).
 */
import { GraphQLScalarType, Kind, valueFromASTUntyped } from "graphql";
import { badInput } from "../gateway/errors.ts";
import { formatBeijingDateTime, parseIsoDate, parseIsoDateTime } from "./common/rules/calendar.ts";

export function parseCalendarDate(value: unknown): Date {
  const date = typeof value === "string" ? parseIsoDate(value) : null;
  if (!date) {
    throw badInput(`Date must be a real calendar day YYYY-MM-DD, e.g. 2026-11-21; got ${JSON.stringify(value)}`, {
      reason: "BAD_DATE",
    });
  }
  return date;
}

export function formatCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export const dateScalar = new GraphQLScalarType<Date, string>({
  name: "Date",
  description: "日期 — a calendar date, YYYY-MM-DD",
  serialize: (value) => formatCalendarDate(value instanceof Date ? value : new Date(String(value))),
  parseValue: parseCalendarDate,
  parseLiteral: (ast) => parseCalendarDate(ast.kind === Kind.STRING ? ast.value : null),
});

function parseInstant(value: unknown): Date {
  const date = typeof value === "string" ? parseIsoDateTime(value) : null;
  if (!date) {
    throw badInput(
      `DateTime must be a real instant, ISO 8601 with its offset, e.g. 2026-11-21T10:00:00+08:00; got ${JSON.stringify(value)}`,
      { reason: "BAD_DATETIME" },
    );
  }
  return date;
}

export const dateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description:
    "时间 — an instant, ISO 8601 with its offset; answered in Beijing time, e.g. 2026-11-21T10:00:00.000+08:00",
  serialize: (value) => formatBeijingDateTime(value instanceof Date ? value : new Date(String(value))),
  parseValue: parseInstant,
  parseLiteral: (ast) => parseInstant(ast.kind === Kind.STRING ? ast.value : null),
});

/** Any JSON value, as is: the payloads of change events and the extra fields of records. */
export const jsonScalar = new GraphQLScalarType<unknown, unknown>({
  name: "JSON",
  description: "Any JSON value (object, array, string, number, boolean or null)",
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

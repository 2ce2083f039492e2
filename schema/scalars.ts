/**
 * Calendar dates (YYYY-MM-DD, as laws and certificates use them) and instants (ISO 8601 with offset,
 * answered in Beijing time). A day or time that does not exist is refused (schema/common/rules/calendar.ts).
 */
import { GraphQLScalarType, Kind, valueFromASTUntyped } from "graphql";
import { badInput } from "../gateway/errors.ts";
import { fenFromYuanText, yuanTextFromFen } from "./common/money.ts";
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
  description: "日期 — a calendar date, YYYY-MM-DD, a day in Beijing time (UTC+08:00)",
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
  description: "JSON 值 — any JSON value (object, array, string, number, boolean or null), passed through as is",
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

function parseYuan(value: unknown): bigint {
  const fen = typeof value === "string" ? fenFromYuanText(value) : null;
  if (fen === null) {
    throw badInput('Yuan must be a string of decimal yuan, at most two decimals, e.g. "12000.50"', {
      reason: "BAD_AMOUNT",
    });
  }
  return fen;
}

/** Money at the edge: a string of decimal yuan in, integer fen inside (schema/common/money.ts). */
export const yuanScalar = new GraphQLScalarType<bigint, string>({
  name: "Yuan",
  description:
    '金额（元） — an amount of money in yuan, exact: a string with at most two decimals, never negative, at most 13 integer digits (e.g. "12000.50"). Answers always carry two decimals',
  serialize: (fen) => yuanTextFromFen(fen as bigint | number),
  parseValue: parseYuan,
  parseLiteral: (ast) => parseYuan(ast.kind === Kind.STRING ? ast.value : null),
});

function parseRecordBatch(value: unknown): readonly unknown[] {
  if (!Array.isArray(value)) {
    throw badInput("RecordBatch must be a JSON array of records, each shaped as a RecordInput", {
      reason: "BAD_BATCH",
    });
  }
  return value;
}

/**
 * A batch of records as ONE JSON document (`IngestRecordsInput.batch`): its entries are coerced one by one as
 * `RecordInput` by the ingest path (schema/records/record-batch.ts), so a misshapen entry is quarantined alone.
 */
export const recordBatchScalar = new GraphQLScalarType<readonly unknown[], never>({
  name: "RecordBatch",
  description:
    "推送记录批 — a JSON array of records, each shaped exactly as a RecordInput (same fields, same types). Coerced record by record: an entry of the wrong shape is quarantined as INVALID_SHAPE instead of failing the request",
  serialize: () => {
    throw new Error("RecordBatch is an input type: it is never answered");
  },
  parseValue: parseRecordBatch,
  parseLiteral: (ast, variables) => parseRecordBatch(valueFromASTUntyped(ast, variables)),
});

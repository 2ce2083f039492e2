/** Calendar days as the API reads them (schema/common/rules/calendar.ts): every year of 0001–9999 is itself. */
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../../schema/common/rules/calendar.ts";

const ymd = (date: Date | null) =>
  date && [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours()];

describe("parseIsoDate", () => {
  it.each([
    ["2026-11-07", [2026, 11, 7, 0]],
    ["9999-12-31", [9999, 12, 31, 0]],
    ["0100-01-01", [100, 1, 1, 0]],
    // Date.UTC would read years 0–99 as 1900–1999
    ["0099-12-31", [99, 12, 31, 0]],
    ["0050-03-01", [50, 3, 1, 0]],
    ["0001-01-01", [1, 1, 1, 0]],
    ["0004-02-29", [4, 2, 29, 0]],
    ["2024-02-29", [2024, 2, 29, 0]],
  ])("%s is that day at UTC midnight", (text, expected) => {
    expect(ymd(parseIsoDate(text))).toEqual(expected);
  });

  it("is the same instant Date.UTC gives from year 100 on", () => {
    expect(parseIsoDate("2026-11-07")?.getTime()).toBe(Date.UTC(2026, 10, 7));
    expect(parseIsoDate("0100-02-28")?.getTime()).toBe(Date.UTC(100, 1, 28));
  });

  it.each(["0000-01-01", "0001-02-29", "1900-02-29", "2026-02-30", "2026-13-01", "2026-1-01", "2026-01-01T00:00"])(
    "%s is not a day",
    (text) => {
      expect(parseIsoDate(text)).toBeNull();
    },
  );
});

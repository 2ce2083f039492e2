/** How many marks one visit refresh transaction takes (schema/supervision/rules/refresh-steps.ts). */
import { describe, expect, it } from "vitest";
import { marksInStep } from "../../../schema/supervision/rules/refresh-steps.ts";

const bounds = { enterprises: 3, records: 2 };
const mark = (usccs: string[], recordIds: string[] = []) => ({ usccs, recordIds });

describe("the marks one refresh transaction takes", () => {
  it("takes marks naming the same enterprises together, however many: the bound counts distinct ones", () => {
    const feed = Array.from({ length: 50 }, () => mark(["A", "B", "C"]));
    expect(marksInStep(feed, bounds)).toBe(50);
  });

  it("stops before the mark that would take it over a bound, of enterprises or of records", () => {
    expect(marksInStep([mark(["A", "B"]), mark(["B", "C"]), mark(["D"]), mark(["A"])], bounds)).toBe(2);
    expect(marksInStep([mark([], ["r1"]), mark(["A"], ["r1", "r2"]), mark([], ["r3"])], bounds)).toBe(2);
  });

  it("always takes the first mark whole, even over the bounds, and nothing from an empty list", () => {
    expect(marksInStep([mark(["A", "B", "C", "D"]), mark(["A"])], bounds)).toBe(1);
    expect(marksInStep([], bounds)).toBe(0);
    expect(marksInStep([{ usccs: null, recordIds: null }, mark(["A"])], bounds)).toBe(2);
  });
});

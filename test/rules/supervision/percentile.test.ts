/** percentile_cont over a histogram (the decision rollup's case durations), without a database. */
import { describe, expect, it } from "vitest";
import { percentileCont } from "../../../schema/supervision/rules/indicators/percentile.ts";

/** the same over the individual values, as PostgreSQL describes percentile_cont: interpolated between rows */
function overValues(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const lo = sorted[Math.floor(position)]!;
  const hi = sorted[Math.ceil(position)]!;
  return Math.floor(position) === Math.ceil(position) ? lo : lo + (hi - lo) * (position - Math.floor(position));
}

const binsOf = (values: readonly number[]) =>
  [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<number, number>())].map(([value, count]) => ({
    value,
    count,
  }));

describe("percentileCont", () => {
  it("is null without values", () => {
    expect(percentileCont([], 0.5)).toBeNull();
    expect(percentileCont([{ value: 3, count: 0 }], 0.9)).toBeNull();
  });

  it("gives the values' median and p90 as percentile_cont does (hand-computed)", () => {
    // 5, 10, 20, 30, 90 days: median the third row, p90 at row 3.6 → 30 + 0.6 × 60 = 66
    const scenario = [
      { value: 90, count: 1 },
      { value: 10, count: 1 },
      { value: 20, count: 1 },
      { value: 5, count: 1 },
      { value: 30, count: 1 },
    ];
    expect(percentileCont(scenario, 0.5)).toBe(20);
    expect(percentileCont(scenario, 0.9)).toBeCloseTo(66, 10);
    // 1, 1, 1, 4: median at row 1.5 → 1; p90 at row 2.7 → 1 + 0.7 × 3 = 3.1
    const repeated = [
      { value: 4, count: 1 },
      { value: 1, count: 3 },
    ];
    expect(percentileCont(repeated, 0.5)).toBe(1);
    expect(percentileCont(repeated, 0.9)).toBe(1 + (4 - 1) * (0.9 * 3 - 2));
    // two values: the median halfway, even across a negative duration
    expect(percentileCont(binsOf([-2, 7]), 0.5)).toBe(2.5);
    expect(percentileCont(binsOf([12]), 0.9)).toBe(12);
  });

  it("equals the computation over the individual values, bit for bit, on many random samples", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let sample = 0; sample < 500; sample++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 60) }, () => Math.floor(random() * 200) - 5);
      for (const fraction of [0.5, 0.9, 0.25, 0.99]) {
        expect(percentileCont(binsOf(values), fraction)).toBe(overValues(values, fraction));
      }
    }
  });
});

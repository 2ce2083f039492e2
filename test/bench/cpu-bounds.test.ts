import { describe, expect, it } from "vitest";
import { cpuBounds, cpuBudget } from "../../bench/lib/cpu-bounds.ts";

describe("the fastest a pipeline could go on its machine's CPU", () => {
  it("bounds the rate by the cores over the CPU all processes spend on a record", () => {
    // 400 µs a record in all on 2 cores: 2 CPU seconds a second ÷ 400 µs = 5,000 records a second
    const bounds = cpuBounds({
      cores: 2,
      processes: { gateway: 200, postgres: 140, adapter: 45, simulator: 15 },
      mainThread: { process: "gateway", micros: 160 },
    });
    expect(bounds.totalMicros).toBe(400);
    expect(bounds.machine).toBeCloseTo(5_000, 6);
    // one thread does 160 µs of every record one after the other: 6,250 a second at most, whatever the cores
    expect(bounds.mainThread).toBeCloseTo(6_250, 6);
  });

  it("doubles the machine's bound with twice the cores, but not the main thread's", () => {
    const pipeline = { processes: { gateway: 200, postgres: 200 }, mainThread: { process: "gateway", micros: 150 } };
    const two = cpuBounds({ cores: 2, ...pipeline });
    const four = cpuBounds({ cores: 4, ...pipeline });
    expect(four.machine).toBeCloseTo(2 * two.machine!, 6);
    expect(four.mainThread).toBe(two.mainThread);
  });

  it("says nothing of the machine when one process's CPU could not be read", () => {
    const bounds = cpuBounds({
      cores: 2,
      processes: { gateway: 200, postgres: null },
      mainThread: { process: "gateway", micros: null },
    });
    expect(bounds).toEqual({ machine: null, mainThread: null, totalMicros: null });
  });

  it("gives the CPU a record may cost for a rate to be reachable at all", () => {
    // half of a 17,000 rows/s INSERT on 2 cores: ≤ 235 µs a record in all, ≤ 118 µs on one thread
    const budget = cpuBudget(8_500, 2);
    expect(budget.totalMicros).toBeCloseTo(235.29, 2);
    expect(budget.mainThreadMicros).toBeCloseTo(117.65, 2);
    const bounds = cpuBounds({
      cores: 2,
      processes: { all: budget.totalMicros },
      mainThread: { process: "all", micros: budget.mainThreadMicros },
    });
    expect(bounds.machine).toBeCloseTo(8_500, 6);
    expect(bounds.mainThread).toBeCloseTo(8_500, 6);
  });
});

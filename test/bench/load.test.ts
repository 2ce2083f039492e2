import { describe, expect, it } from "vitest";
import { failureShare, type LoadFigures, percentile } from "../../bench/lib/load.ts";
import { postgresCpuClock } from "../../bench/lib/machine.ts";
import { formatRatio } from "../../bench/lib/report.ts";
import { cpuText } from "../../bench/lib/rounds.ts";

const figures = (over: Partial<LoadFigures>): LoadFigures => ({
  requestsPerSecond: 0,
  latencyMs: { p50: 0, p90: 0, p99: 0, mean: 0, max: 0 },
  requests: 0,
  seconds: 10,
  errors: 0,
  timeouts: 0,
  non2xx: 0,
  mismatches: 0,
  cpuSeconds: {},
  ...over,
});

describe("load figures", () => {
  it("takes nearest-rank percentiles of sorted latencies", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 99)).toBe(0);
  });

  it("counts errors, non-2xx and wrong answers as failures, and no answer at all as total failure", () => {
    expect(failureShare(figures({ requests: 990, errors: 5, mismatches: 5 }))).toBeCloseTo(0.01);
    expect(failureShare(figures({ requests: 1000 }))).toBe(0);
    expect(failureShare(figures({}))).toBe(1);
  });

  it("never prints a small ratio as 0.00", () => {
    expect(formatRatio(0.0123)).toBe("0.012");
    expect(formatRatio(0.61)).toBe("0.61");
    expect(formatRatio(null)).toBe("—");
  });
});

describe("CPU a request", () => {
  it("names the server's CPU a request, and Postgres's when it worked for it", () => {
    expect(cpuText({ cpuMicrosPerRequest: 108.4, postgresCpuMicrosPerRequest: 27.2 })).toBe(
      ", CPU 108 µs a request + Postgres 27 µs",
    );
    // a server that uses no database: Postgres's idle share is not named
    expect(cpuText({ cpuMicrosPerRequest: 133, postgresCpuMicrosPerRequest: 0.2 })).toBe(", CPU 133 µs a request");
    expect(cpuText({ cpuMicrosPerRequest: null, postgresCpuMicrosPerRequest: 10 })).toBe("");
  });

  it("reads Postgres's CPU from the machine's processes, from zero and never backwards", async () => {
    const clock = postgresCpuClock();
    const first = clock();
    if (first === null) return; // off Linux, or no PostgreSQL on this machine: the bench says nothing
    expect(first).toBe(0);
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/postgres" });
    const connected = await client.connect().then(
      () => true,
      () => false,
    );
    if (connected) {
      // a backend that starts, works and ends between two readings: the ended one is not subtracted
      await client.query("SELECT count(*) FROM generate_series(1, 300000)");
      await client.end();
    }
    const second = clock();
    expect(second).toBeGreaterThanOrEqual(0);
    expect(clock()).toBeGreaterThanOrEqual(second!);
  });
});

import { describe, expect, it } from "vitest";
import {
  errorResult,
  goalCheck,
  measuredResult,
  median,
  notBuiltResult,
  type ResultCommon,
  ratioOf,
} from "../../bench/lib/result.ts";

const common: ResultCommon = {
  scenario: "read",
  goal: "≥ 0.6 of baseline req/s, p99 ≤ 2×",
  quick: false,
  machine: { cpus: 2, cpuModel: "Test CPU", memoryGb: 24, node: "v20.20.2", platform: "linux-x64", loadAverage: 0.1 },
  startedAt: new Date(2026, 10, 21, 22, 5),
};

describe("ratio and goal checks", () => {
  it("divides measured by baseline, and gives null without a usable baseline", () => {
    expect(ratioOf(1800, 3000)).toBeCloseTo(0.6);
    expect(ratioOf(1800, 0)).toBeNull();
    expect(ratioOf(null, 3000)).toBeNull();
    expect(ratioOf(1800, undefined)).toBeNull();
    expect(ratioOf(Number.NaN, 3000)).toBeNull();
  });

  it("holds a check exactly at its limit, and never holds one that was not measured", () => {
    expect(goalCheck("req/s ratio", 0.6, ">=", 0.6).met).toBe(true);
    expect(goalCheck("req/s ratio", 0.59, ">=", 0.6).met).toBe(false);
    expect(goalCheck("p99 ratio", 2, "<=", 2).met).toBe(true);
    expect(goalCheck("RSS (MB)", 300, "<", 300).met).toBe(false);
    expect(goalCheck("ahead", 1, ">", 1).met).toBe(false);
    expect(goalCheck("req/s ratio", null, ">=", 0.6)).toMatchObject({ value: null, met: false });
  });

  it("takes the median of rounds (the mean of the middle two for an even count)", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4000, 3000])).toBe(3500);
    expect(median([])).toBeNull();
  });
});

describe("result JSON (the contract outside checks rely on)", () => {
  it("carries scenario, ratio, goal and met beside the raw figures", () => {
    const result = measuredResult(common, {
      ratio: 0.7,
      checks: [goalCheck("req/s ratio", 0.7, ">=", 0.6), goalCheck("p99 ratio", 1.5, "<=", 2)],
      summary: "gateway 2,100 req/s vs bare yoga 3,000 req/s",
      raw: { gateway: { requestsPerSecond: 2100 } },
    });
    const json = JSON.parse(JSON.stringify(result));
    expect(json).toMatchObject({ scenario: "read", ratio: 0.7, goal: common.goal, met: true, status: "met" });
    expect(json.date).toBe("2026-11-21");
    expect(json.raw.gateway.requestsPerSecond).toBe(2100);
  });

  it("is missed when any check fails, and not met without any check", () => {
    const missed = measuredResult(common, {
      ratio: 0.7,
      checks: [goalCheck("req/s ratio", 0.7, ">=", 0.6), goalCheck("p99 ratio", 2.5, "<=", 2)],
      summary: "",
      raw: {},
    });
    expect(missed).toMatchObject({ status: "missed", met: false });
    expect(measuredResult(common, { ratio: 1, checks: [], summary: "", raw: {} }).met).toBe(false);
  });

  it("reports a part that is not built, or an error, with a null ratio and met false", () => {
    expect(notBuiltResult(common, "no Query.matchDiscretion")).toMatchObject({
      status: "not built",
      ratio: null,
      met: false,
      reason: "no Query.matchDiscretion",
    });
    expect(errorResult(common, new Error("gateway exited"))).toMatchObject({
      status: "error",
      met: false,
      reason: "gateway exited",
    });
  });
});

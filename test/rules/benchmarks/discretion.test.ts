import { describe, expect, it } from "vitest";
import {
  type BenchmarkVersion,
  type DiscretionInput,
  matchDiscretion,
} from "../../../schema/benchmarks/rules/discretion.ts";
import type { BenchmarkBody } from "../../../schema/benchmarks/rules/types.ts";
import { beijingDate } from "../../../schema/common/effective-dates.ts";
import {
  air99,
  basisView,
  day,
  errorCode,
  fixedRange,
  item,
  oneTier,
  safetyTraining97,
  statuteOf,
  W,
} from "./fixtures.ts";

const version = (v: number, from: string, to: string | null, b: BenchmarkBody, source = "gz"): BenchmarkVersion => ({
  version: v,
  source,
  effectiveFrom: day(from),
  effectiveTo: to ? day(to) : null,
  body: b,
});

/** 大气污染防治法 第99条: "处十万元以上一百万元以下的罚款" */
const air99Basis = basisView("大气污染防治法 第99条第(一)项", { statute: statuteOf(fixedRange(W(10), W(100))) });

const baseInput = (over: Partial<DiscretionInput> = {}): DiscretionInput => ({
  item,
  benchmarks: [version(1, "2024-08-01", null, air99())],
  legalBases: [air99Basis],
  actDate: day("2026-03-01"),
  decisionDate: day("2026-04-01"),
  facts: {},
  ...over,
});
const input = baseInput;

describe("matchDiscretion: ordinary cases", () => {
  it("answers facts {} with the first tier and the statutory range (大气污染防治法 第99条 10万–100万)", () => {
    const m = matchDiscretion(input());
    expect(m.outcome).toBe("PENALTY");
    expect(m.tier).toEqual({ level: 1, name: "一般" });
    expect(m.range).toEqual({ minFen: W(10), maxFen: W(100) });
    expect(m.benchmarkVersion).toBe(1);
    expect(m.citations).toContain("大气污染防治法 第99条第(一)项");
    expect(m.steps[0]).toMatch(/^1\. 事项 GZ-017/);
    expect(m.steps.at(-1)).toContain("结论");
    expect(m.noCoercion).toBe(false);
  });

  it("escalates when not corrected in time (安全生产法 第97条 tier 1: 10万–13万) and reports the daily fine", () => {
    const m = matchDiscretion(
      input({
        benchmarks: [version(1, "2024-08-01", null, safetyTraining97())],
        legalBases: [basisView("安全生产法 第112条", { dailyFine: true })],
        facts: { correctedInTime: false, daysNotCorrected: 2 },
      }),
    );
    expect(m.range).toEqual({ minFen: W(10), maxFen: W(13) });
    expect(m.responsiblePersonRange).toEqual({ minFen: W(2), maxFen: W(5) });
    expect(m.dailyContinuous).toEqual({ minFen: 0, maxFen: W(6), days: 2 });
    expect(m.citations).toContain("安全生产法 第112条");
  });

  it("computes a floor case (固废法 第112条: 处置费用 2万 按20万计 → 60万–100万)", () => {
    const waste = oneTier({
      kind: "MULTIPLE_OF_BASE",
      base: "DISPOSAL_COST",
      minBp: 30_000,
      maxBp: 50_000,
      baseFloorFen: W(20),
    });
    const m = matchDiscretion(
      input({
        benchmarks: [version(1, "2024-08-01", null, waste)],
        facts: { baseAmountsFen: { DISPOSAL_COST: W(2) } },
      }),
    );
    expect(m.range).toEqual({ minFen: W(60), maxFen: W(100) });
    expect(m.steps.join("\n")).toContain("按 200,000元 计算");
  });

  it("computes a per-m² case (土地管理法 第77条 + 实施条例 第57条: 300 m² → 3万–30万)", () => {
    const land = oneTier({ kind: "PER_SQUARE_METRE", minFenPerM2: 10_000, maxFenPerM2: 100_000 });
    const m = matchDiscretion(
      input({ benchmarks: [version(1, "2024-08-01", null, land)], legalBases: [], facts: { areaM2: 300 } }),
    );
    expect(m.range).toEqual({ minFen: W(3), maxFen: W(30) });
  });
});

describe("matchDiscretion: lenient lists", () => {
  it("首违不罚: NO_PENALTY citing 行政处罚法 第33条, with the tier range kept for a discretionary decision", () => {
    const m = matchDiscretion(input({ facts: { firstViolation: true, harm: "MINOR", correctedInTime: true } }));
    expect(m.outcome).toBe("NO_PENALTY");
    expect(m.range).toBeNull();
    expect(m.lenient).toMatchObject({ list: "NO_PENALTY", discretionary: true });
    expect(m.citations).toContain("行政处罚法 第33条第1款");
    expect(m.tierRange).toEqual({ minFen: W(10), maxFen: W(100) });
    expect(m.steps.join("\n")).toContain("首违不罚");
  });

  it("does not need a base amount when the outcome is 不予处罚", () => {
    const investment = oneTier({ kind: "MULTIPLE_OF_BASE", base: "INVESTMENT", minBp: 100, maxBp: 500 });
    const m = matchDiscretion(
      input({ benchmarks: [version(1, "2024-08-01", null, investment)], facts: { subjectiveFault: false } }),
    );
    expect(m.outcome).toBe("NO_PENALTY");
    expect(m.tierRange).toBeNull();
  });

  it("从轻 from the benchmark's own list: lower half of the tier (10万–55万)", () => {
    const b = air99();
    b.lenientRules.push({
      list: "LIGHTER",
      conditions: [{ fact: "firstViolation", op: "eq", value: true }],
      description: "初次违法",
      citation: "重庆市生态环境行政处罚裁量基准",
    });
    const m = matchDiscretion(
      input({ benchmarks: [version(1, "2024-08-01", null, b)], facts: { firstViolation: true } }),
    );
    expect(m.outcome).toBe("LIGHTER_PENALTY");
    expect(m.range).toEqual({ minFen: W(10), maxFen: W(55) });
    expect(m.tierRange).toEqual({ minFen: W(10), maxFen: W(100) });
  });

  it("减轻 goes below the lowest minimum of all tiers (安全生产法 第97条 tier 2 → 0–0, a ≤ max law)", () => {
    const b = safetyTraining97();
    b.lenientRules.push({ list: "MITIGATED", conditions: [], description: "配合查处", citation: "行政处罚法 第32条" });
    const m = matchDiscretion(
      input({ benchmarks: [version(1, "2024-08-01", null, b)], legalBases: [], facts: { proportionAffectedPct: 20 } }),
    );
    expect(m.outcome).toBe("MITIGATED_PENALTY");
    expect(m.range).toEqual({ minFen: 0, maxFen: 0 });
  });

  it("reports 免于行政强制 alongside", () => {
    expect(matchDiscretion(input({ facts: { harm: "NONE", correctedInTime: false } })).noCoercion).toBe(true);
  });
});

describe("matchDiscretion: 从旧兼从轻 across a benchmark version change (行政处罚法 第37条, by analogy)", () => {
  // benchmarks alone: no statute recorded, so nothing is clamped
  const input = (over: Partial<DiscretionInput> = {}) => baseInput({ legalBases: [], ...over });
  const v1 = version(1, "2024-08-01", "2026-08-14", air99(W(10), W(100)));
  const july = day("2026-07-10");
  const september = day("2026-09-10");

  it("keeps the old benchmark when the new one is heavier (act in July, decision in September → v1)", () => {
    const v2 = version(2, "2026-08-15", null, air99(W(20), W(150)));
    const m = matchDiscretion(input({ benchmarks: [v1, v2], actDate: july, decisionDate: september }));
    expect(m.benchmarkVersion).toBe(1);
    expect(m.range).toEqual({ minFen: W(10), maxFen: W(100) });
    expect(m.citations).toContain("行政处罚法 第37条");
    expect(m.steps.join("\n")).toMatch(/从旧兼从轻.*适用违法行为发生时的 v1/);
  });

  it("takes the new benchmark when it is lighter", () => {
    const v2 = version(2, "2026-08-15", null, air99(W(5), W(50)));
    const m = matchDiscretion(input({ benchmarks: [v2, v1], actDate: july, decisionDate: september }));
    expect(m.benchmarkVersion).toBe(2);
    expect(m.range).toEqual({ minFen: W(5), maxFen: W(50) });
    expect(m.steps.join("\n")).toMatch(/新基准 v2 处罚较轻/);
  });

  it("compares by maximum, then minimum: same maximum, lower minimum is lighter", () => {
    const v2 = version(2, "2026-08-15", null, air99(W(5), W(100)));
    expect(
      matchDiscretion(input({ benchmarks: [v1, v2], actDate: july, decisionDate: september })).benchmarkVersion,
    ).toBe(2);
  });

  it("treats the last day of v1 as v1 (effectiveTo is inclusive) and uses one version without 第37条", () => {
    const v2 = version(2, "2026-08-15", null, air99(W(5), W(50)));
    const m = matchDiscretion(
      input({ benchmarks: [v1, v2], actDate: day("2026-08-01"), decisionDate: day("2026-08-14") }),
    );
    expect(m.benchmarkVersion).toBe(1);
    expect(m.citations).not.toContain("行政处罚法 第37条");
  });

  it("counts days in China time: 2026-08-14T17:00Z is 2026-08-15 in Beijing", () => {
    expect(beijingDate(new Date("2026-08-14T17:00:00Z"))).toBe("2026-08-15");
    expect(beijingDate(day("2026-08-14"))).toBe("2026-08-14");
  });

  describe("beijingDate keeps the texts it wrote by instant, answering as it always did", () => {
    // the formula before the texts were kept
    const written = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

    it("around Beijing midnight, asked again and again", () => {
      const midnight = Date.parse("2026-08-14T16:00:00Z"); // 2026-08-15 00:00 in Beijing
      for (const offsetMs of [-86_400_000, -60_000, -1, 0, 1, 60_000, 8 * 3_600_000 - 1, 8 * 3_600_000]) {
        const instant = new Date(midnight + offsetMs);
        for (let i = 0; i < 3; i++) expect(beijingDate(instant)).toBe(written(instant));
      }
      expect(beijingDate(new Date(midnight - 1))).toBe("2026-08-14");
      expect(beijingDate(new Date(midnight))).toBe("2026-08-15");
    });

    it("follows a Date changed in place", () => {
      const instant = day("2026-08-14");
      expect(beijingDate(instant)).toBe("2026-08-14");
      instant.setTime(Date.parse("2026-08-14T16:00:00Z"));
      expect(beijingDate(instant)).toBe("2026-08-15");
    });

    it("stays right past the number of texts it keeps", () => {
      const first = day("2000-01-01");
      for (let d = 0; d < 10_000; d++) {
        const instant = new Date(first.getTime() + d * 86_400_000 + (d % 24) * 3_600_000);
        expect(beijingDate(instant)).toBe(written(instant));
      }
      expect(beijingDate(first)).toBe("2000-01-01");
    });

    it("refuses an invalid date every time", () => {
      const invalid = new Date("not a date");
      expect(() => beijingDate(invalid)).toThrow(RangeError);
      expect(() => beijingDate(invalid)).toThrow(RangeError);
    });
  });

  it("prefers the unified (gz) benchmark when several are in force", () => {
    const cq = version(7, "2024-08-01", null, air99(W(1), W(2)), "cq");
    const gz = version(1, "2024-08-01", null, air99(W(10), W(100)), "gz");
    const m = matchDiscretion(input({ benchmarks: [cq, gz] }));
    expect([m.benchmarkSource, m.benchmarkVersion]).toEqual(["gz", 1]);
  });

  it("among benchmarks of one source in force, takes the highest version, whatever their order", () => {
    const gz2 = version(2, "2024-08-01", null, air99(W(20), W(90)));
    const gz1 = version(1, "2024-08-01", null, air99(W(10), W(100)));
    const cq9 = version(9, "2024-08-01", null, air99(W(1), W(2)), "cq");
    const cq3 = version(3, "2024-08-01", null, air99(W(1), W(2)), "cq");
    for (const benchmarks of [
      [gz1, cq9, gz2],
      [gz2, gz1, cq9],
      [cq9, gz1, gz2],
    ]) {
      expect(matchDiscretion(input({ benchmarks })).benchmarkVersion).toBe(2);
    }
    for (const benchmarks of [
      [cq3, cq9],
      [cq9, cq3],
    ]) {
      expect(matchDiscretion(input({ benchmarks })).benchmarkVersion).toBe(9);
    }
  });
});

describe("matchDiscretion: refusals with stable codes", () => {
  it.each([
    ["NOT_A_PENALTY_ITEM", input({ item: { ...item, kind: "INSPECTION" } })],
    ["DECISION_BEFORE_ACT", input({ actDate: day("2026-04-02"), decisionDate: day("2026-04-01") })],
    ["ACT_BEFORE_EMPOWERMENT", input({ actDate: day("2024-07-31") })],
    ["NO_BENCHMARK_IN_FORCE", input({ benchmarks: [version(1, "2027-01-01", null, air99())] })],
    ["NEGATIVE_BASE_AMOUNT", input({ facts: { baseAmountsFen: { INVESTMENT: -100 } } })],
    ["INVALID_FACTS", input({ facts: { proportionAffectedPct: 140 } })],
    ["INVALID_DATE", input({ actDate: new Date("not a date") })],
    [
      "BASE_AMOUNT_REQUIRED",
      input({
        benchmarks: [
          version(
            1,
            "2024-08-01",
            null,
            oneTier({ kind: "MULTIPLE_OF_BASE", base: "INVESTMENT", minBp: 100, maxBp: 500 }),
          ),
        ],
      }),
    ],
    [
      "NO_TIER_MATCHES",
      input({
        benchmarks: [
          version(
            1,
            "2024-08-01",
            null,
            oneTier({ kind: "UP_TO_MAX", maxFen: W(10) }, [{ fact: "harm", op: "gte", value: "SERIOUS" }], "严重"),
          ),
        ],
      }),
    ],
  ] as [string, DiscretionInput][])("%s", (code, i) => {
    expect(errorCode(() => matchDiscretion(i))).toBe(code);
  });

  it("uses the benchmark of the decision date when none was in force at the act", () => {
    const m = matchDiscretion(input({ benchmarks: [version(3, "2026-03-15", null, air99())] }));
    expect(m.benchmarkVersion).toBe(3);
  });

  it("does not refuse a decision after the empowerment ended, but says so", () => {
    const m = matchDiscretion(input({ item: { ...item, empoweredTo: day("2026-03-31") } }));
    expect(m.empoweredAtDecision).toBe(false);
  });
});

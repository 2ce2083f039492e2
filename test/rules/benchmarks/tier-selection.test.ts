import { describe, expect, it } from "vitest";
import { compareConditionSets, conditionHolds, selectTier } from "../../../schema/benchmarks/rules/tier-selection.ts";
import type { FactCondition } from "../../../schema/benchmarks/rules/types.ts";
import { body, errorCode, facts, safetyTraining97, W } from "./fixtures.ts";

/** 安全生产法 第114条: tiers by accident grade. */
const grade = (level: number, name: string, op: string, value: string, min: number, max: number) => ({
  level,
  name,
  conditions: [{ fact: "accidentLevel", op, value }],
  fine: { kind: "FIXED_RANGE", minFen: W(min), maxFen: W(max) },
});
const accident114 = body({
  tiers: [
    grade(1, "一般事故", "lte", "GENERAL", 30, 100),
    grade(2, "较大事故", "eq", "LARGER", 100, 200),
    grade(3, "重大事故", "eq", "MAJOR", 200, 1000),
    grade(4, "特别重大事故", "gte", "EXTRAORDINARY", 1000, 2000),
  ],
});

describe("selectTier", () => {
  it("matches the first tier of a normal benchmark with all-default facts", () => {
    expect(selectTier(safetyTraining97().tiers, facts()).tier.level).toBe(1);
  });

  it.each([
    [9.9, 1],
    [10, 2],
    [29, 2],
    [30, 3],
  ])("picks the first tier whose conditions hold: 占比 %s%% → tier %s", (pct, level) => {
    expect(selectTier(safetyTraining97().tiers, facts({ proportionAffectedPct: pct })).tier.level).toBe(level);
  });

  it("orders accident grades by the enum for lte/gte (安全生产法 第114条)", () => {
    const level = (accidentLevel: "NONE" | "GENERAL" | "LARGER" | "MAJOR" | "EXTRAORDINARY") =>
      selectTier(accident114.tiers, facts({ accidentLevel })).tier.level;
    expect([level("NONE"), level("GENERAL"), level("LARGER"), level("MAJOR"), level("EXTRAORDINARY")]).toEqual([
      1, 1, 2, 3, 4,
    ]);
  });

  it("tries tiers in level order even when stored out of order", () => {
    const tiers = [...safetyTraining97().tiers].reverse();
    expect(selectTier(tiers, facts()).tier.level).toBe(1);
  });

  it("says so when no tier matches (NO_TIER_MATCHES)", () => {
    const onlyMajor = accident114.tiers.slice(2);
    expect(errorCode(() => selectTier(onlyMajor, facts()))).toBe("NO_TIER_MATCHES");
  });

  it("explains the choice and the tiers skipped", () => {
    const { steps } = selectTier(safetyTraining97().tiers, facts({ proportionAffectedPct: 20 }));
    expect(steps[0]).toContain("第1阶次");
    expect(steps.at(-1)).toContain("适用第2阶次「一般」");
  });
});

describe("conditionHolds", () => {
  const f = facts({ harm: "MINOR", firstViolation: true, daysNotCorrected: 3 });
  it.each([
    [{ fact: "harm", op: "lt", value: "GENERAL" }, true],
    [{ fact: "harm", op: "gt", value: "MINOR" }, false],
    [{ fact: "harm", op: "gte", value: "NONE" }, true],
    [{ fact: "harm", op: "in", value: ["NONE", "MINOR"] }, true],
    [{ fact: "harm", op: "ne", value: "MINOR" }, false],
    [{ fact: "firstViolation", op: "eq", value: true }, true],
    [{ fact: "firstViolation", op: "in", value: ["false"] }, false],
    [{ fact: "daysNotCorrected", op: "lte", value: 3 }, true],
    [{ fact: "daysNotCorrected", op: "gt", value: 3 }, false],
  ] as [FactCondition, boolean][])("%j → %s", (c, expected) => {
    expect(conditionHolds(c, f)).toBe(expected);
  });

  it.each([
    [{ fact: "harm", op: "lt", value: 3 }],
    [{ fact: "harm", op: "eq", value: "TERRIBLE" }],
    [{ fact: "firstViolation", op: "gt", value: true }],
    [{ fact: "areaM2", op: "gt", value: "big" }],
    [{ fact: "harm", op: "in", value: "MINOR" }],
  ] as [FactCondition][])("rejects a condition that does not fit its fact: %j", (c) => {
    expect(errorCode(() => conditionHolds(c, f))).toBe("INVALID_CONDITION");
  });
});

describe("compareConditionSets (wider = admits every case of the other)", () => {
  const lt = (v: number): FactCondition => ({ fact: "proportionAffectedPct", op: "lt", value: v });
  it.each([
    [[lt(20)], [lt(10)], "a"],
    [[lt(10)], [lt(20)], "b"],
    [[], [lt(10)], "a"],
    [[{ fact: "harm", op: "lte", value: "MINOR" }], [{ fact: "harm", op: "in", value: ["NONE", "MINOR"] }], "equal"],
    [
      [lt(20), { fact: "harm", op: "eq", value: "NONE" }],
      [lt(10), { fact: "harm", op: "lte", value: "MINOR" }],
      "unordered",
    ],
    [[{ fact: "daysNotCorrected", op: "ne", value: 3 }], [{ fact: "daysNotCorrected", op: "gt", value: 3 }], "a"],
    [
      [{ fact: "daysNotCorrected", op: "ne", value: 3 }],
      [{ fact: "daysNotCorrected", op: "gte", value: 3 }],
      "unordered",
    ],
  ] as [FactCondition[], FactCondition[], string][])("%j vs %j → %s", (a, b, expected) => {
    expect(compareConditionSets(a, b)).toBe(expected);
  });
});

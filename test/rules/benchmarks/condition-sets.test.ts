/**
 * The ordering of condition sets that the 有利相对人 merge relies on (which of two tiers admits more cases),
 * and the overlap test the statute clamp relies on, pinned at every boundary: open and closed interval ends,
 * single points, `in` lists of numbers, excluded values, contradictory (empty) sets; and the exact wording
 * of the steps and refusals tier selection reports.
 */
import { describe, expect, it } from "vitest";
import {
  compareConditionSets,
  conditionHolds,
  conditionsOverlap,
  selectTier,
} from "../../../schema/benchmarks/rules/tier-selection.ts";
import type { BenchmarkTier, FactCondition } from "../../../schema/benchmarks/rules/types.ts";
import { facts, W } from "./fixtures.ts";

const days = (op: FactCondition["op"], value: number | string[]): FactCondition =>
  ({ fact: "daysNotCorrected", op, value }) as FactCondition;

describe("compareConditionSets at the ends of numeric intervals", () => {
  it.each([
    ["≤5 is wider than <5", [days("lte", 5)], [days("lt", 5)], "a"],
    ["<5 is narrower than ≤5", [days("lt", 5)], [days("lte", 5)], "b"],
    ["≥5 is wider than >5", [days("gte", 5)], [days("gt", 5)], "a"],
    [">5 is narrower than ≥5", [days("gt", 5)], [days("gte", 5)], "b"],
    ["≥5 and >5 together are >5", [days("gte", 5), days("gt", 5)], [days("gt", 5)], "equal"],
    [">5 and ≥5 together are >5", [days("gt", 5), days("gte", 5)], [days("gt", 5)], "equal"],
    ["≤5 and <5 together are <5", [days("lte", 5), days("lt", 5)], [days("lt", 5)], "equal"],
    ["<5 and ≤5 together are <5", [days("lt", 5), days("lte", 5)], [days("lt", 5)], "equal"],
    ["a lower bound raised by a larger one", [days("gt", 2), days("gt", 4)], [days("gt", 4)], "equal"],
    ["an upper bound lowered by a smaller one", [days("lt", 9), days("lt", 7)], [days("lt", 7)], "equal"],
    ["a larger bound does not lower it", [days("lt", 7), days("lt", 9)], [days("lt", 7)], "equal"],
    ["a smaller bound does not raise it", [days("gt", 4), days("gt", 2)], [days("gt", 4)], "equal"],
    ["=5 is the range 5…5", [days("eq", 5)], [days("gte", 5), days("lte", 5)], "equal"],
    ["≤5 admits the point 5", [days("lte", 5)], [days("eq", 5)], "a"],
    ["<5 does not admit the point 5", [days("lt", 5)], [days("eq", 5)], "unordered"],
    ["≥5 admits the point 5", [days("gte", 5)], [days("eq", 5)], "a"],
    [">5 does not admit the point 5", [days("gt", 5)], [days("eq", 5)], "unordered"],
    ["3…7 inside 0…10", [days("gte", 3), days("lte", 7)], [days("gte", 0), days("lte", 10)], "b"],
    ["overlapping 0…5 and 3…8", [days("gte", 0), days("lte", 5)], [days("gte", 3), days("lte", 8)], "unordered"],
    ["unbounded wider than any interval", [], [days("gte", 3), days("lte", 7)], "a"],
  ] as [string, FactCondition[], FactCondition[], string][])("%s", (_why, a, b, expected) => {
    expect(compareConditionSets(a, b)).toBe(expected);
  });
});

describe("compareConditionSets with excluded values and `in` lists of numbers", () => {
  it.each([
    ["≠3 is wider than >3", [days("ne", 3)], [days("gt", 3)], "a"],
    ["≠3 against <10 (which admits 3)", [days("ne", 3)], [days("lt", 10)], "unordered"],
    ["≠3 on ≥0 covers 4…9", [days("gte", 0), days("ne", 3)], [days("gte", 4), days("lte", 9)], "a"],
    ["in [1, 2] inside ≤2", [days("in", ["1", "2"])], [days("lte", 2)], "b"],
    ["in [1, 3] not inside ≤2", [days("in", ["1", "3"])], [days("lte", 2)], "unordered"],
    ["in [3] is =3", [days("in", ["3"])], [days("eq", 3)], "equal"],
    ["in [1, 2] wider than in [2]", [days("in", ["1", "2"])], [days("in", ["2"])], "a"],
    [
      "two lists meet in their common points",
      [days("in", ["1", "2"]), days("in", ["2", "3"])],
      [days("eq", 2)],
      "equal",
    ],
    ["a list cannot cover an interval", [days("in", ["1", "2", "3"])], [days("gt", 0), days("lt", 4)], "b"],
    ["in [1, 2] minus 2 is in [1]", [days("in", ["1", "2"]), days("ne", 2)], [days("in", ["1"])], "equal"],
    [
      "a listed point outside the bounds does not count",
      [days("in", ["1", "8"]), days("lt", 5)],
      [days("eq", 1)],
      "equal",
    ],
    ["'1.0' never equals String(1): only 2 is listed", [days("in", ["1.0", "2"])], [days("eq", 2)], "equal"],
  ] as [string, FactCondition[], FactCondition[], string][])("%s", (_why, a, b, expected) => {
    expect(compareConditionSets(a, b)).toBe(expected);
  });
});

describe("compareConditionSets with sets that admit no case", () => {
  const never = [days("gt", 5), days("lt", 3)];
  it.each([
    ["a contradiction is narrower than anything", never, [days("eq", 1)], "b"],
    ["anything is wider than a contradiction", [days("eq", 1)], never, "a"],
    ["two contradictions are equal", never, [days("gt", 5), days("lte", 5)], "equal"],
    ["an open point (>5 and ≤5) is empty", [days("gt", 5), days("lte", 5)], [], "b"],
    ["a closed point (≥5 and ≤5) is not empty", [days("gte", 5), days("lte", 5)], [days("eq", 5)], "equal"],
    ["a closed point minus itself is empty", [days("gte", 5), days("lte", 5), days("ne", 5)], never, "equal"],
    ["a list outside the bounds is empty", [days("in", ["1"]), days("gt", 3)], never, "equal"],
    [
      "a yes/no fact both yes and no is empty",
      [
        { fact: "firstViolation", op: "eq", value: true },
        { fact: "firstViolation", op: "eq", value: false },
      ],
      [],
      "b",
    ],
  ] as [string, FactCondition[], FactCondition[], string][])("%s", (_why, a, b, expected) => {
    expect(compareConditionSets(a, b)).toBe(expected);
  });
});

describe("compareConditionSets on finite facts", () => {
  it.each([
    ["first violation only is narrower than any case", [{ fact: "firstViolation", op: "eq", value: true }], [], "b"],
    [
      "accident ≤ GENERAL is NONE or GENERAL",
      [{ fact: "accidentLevel", op: "lte", value: "GENERAL" }],
      [{ fact: "accidentLevel", op: "in", value: ["NONE", "GENERAL"] }],
      "equal",
    ],
    [
      "harm > MINOR wider than harm = SEVERE",
      [{ fact: "harm", op: "gt", value: "MINOR" }],
      [{ fact: "harm", op: "eq", value: "SEVERE" }],
      "a",
    ],
    [
      "facts of different kinds, each narrower on one",
      [{ fact: "harm", op: "eq", value: "NONE" }],
      [days("lt", 3)],
      "unordered",
    ],
  ] as [string, FactCondition[], FactCondition[], string][])("%s", (_why, a, b, expected) => {
    expect(compareConditionSets(a, b)).toBe(expected);
  });
});

describe("each yes/no fact admits both yes and no", () => {
  const facts3 = ["firstViolation", "correctedInTime", "subjectiveFault"] as const;
  it.each(facts3)("%s: yes and no are two different cases, neither wider", (fact) => {
    const yes = [{ fact, op: "eq", value: true }] as FactCondition[];
    const no = [{ fact, op: "eq", value: false }] as FactCondition[];
    expect([compareConditionSets(yes, no), compareConditionSets(no, yes)]).toEqual(["unordered", "unordered"]);
    expect([conditionsOverlap(yes, []), conditionsOverlap(no, []), conditionsOverlap(yes, no)]).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe("conditionsOverlap: some case satisfies both sets", () => {
  it.each([
    ["<10 and >20", [days("lt", 10)], [days("gt", 20)], false],
    ["≤10 and ≥10 meet at 10", [days("lte", 10)], [days("gte", 10)], true],
    ["<10 and ≥10", [days("lt", 10)], [days("gte", 10)], false],
    [
      "harm ≤ MINOR and harm ≥ GENERAL",
      [{ fact: "harm", op: "lte", value: "MINOR" }],
      [{ fact: "harm", op: "gte", value: "GENERAL" }],
      false,
    ],
    [
      "harm ≤ GENERAL and harm ≥ GENERAL",
      [{ fact: "harm", op: "lte", value: "GENERAL" }],
      [{ fact: "harm", op: "gte", value: "GENERAL" }],
      true,
    ],
    ["in [1, 2] and >1", [days("in", ["1", "2"])], [days("gt", 1)], true],
    ["in [1, 2] and >2", [days("in", ["1", "2"])], [days("gt", 2)], false],
    ["different facts always overlap", [days("gt", 3)], [{ fact: "harm", op: "eq", value: "SEVERE" }], true],
    ["no conditions overlap with anything possible", [], [days("eq", 0)], true],
  ] as [string, FactCondition[], FactCondition[], boolean][])("%s → %s", (_why, a, b, expected) => {
    expect(conditionsOverlap(a, b)).toBe(expected);
  });
});

describe("refusals name the condition and what was expected (INVALID_CONDITION)", () => {
  const f = facts();
  const message = (c: FactCondition) => {
    try {
      conditionHolds(c, f);
    } catch (error) {
      return (error as Error).message;
    }
    return "no error";
  };
  it.each([
    [
      { fact: "harm", op: "lt", value: "TERRIBLE" },
      'condition harm lt "TERRIBLE": expected one of NONE, MINOR, GENERAL, SERIOUS, SEVERE',
    ],
    [
      { fact: "harm", op: "lt", value: 2 },
      "condition harm lt 2: expected one of NONE, MINOR, GENERAL, SERIOUS, SEVERE",
    ],
    [{ fact: "areaM2", op: "gt", value: "big" }, 'condition areaM2 gt "big": expected a number'],
    [
      { fact: "firstViolation", op: "lt", value: true },
      "condition firstViolation lt true: a yes/no fact only supports eq, ne and in",
    ],
    [{ fact: "harm", op: "in", value: "MINOR" }, 'condition harm in "MINOR": `in` expects a list of strings'],
    [{ fact: "firstViolation", op: "eq", value: "yes" }, 'condition firstViolation eq "yes": expected a boolean'],
    [{ fact: "areaM2", op: "eq", value: [1] }, "condition areaM2 eq [1]: expected a number"],
  ] as [FactCondition, string][])("%j", (c, expected) => {
    expect(message(c)).toBe(expected);
  });

  it("refuses an `in` that is not a list inside an ordering too", () => {
    expect(() => compareConditionSets([days("in", "3" as unknown as string[])], [])).toThrow(
      'condition daysNotCorrected in "3": `in` expects a list of strings',
    );
  });

  it("ne compares the value, eq of an unknown level is refused", () => {
    expect(conditionHolds({ fact: "harm", op: "ne", value: "MINOR" }, facts({ harm: "NONE" }))).toBe(true);
    expect(() => conditionHolds({ fact: "harm", op: "eq", value: "HUGE" }, f)).toThrow("expected one of");
  });

  it("numeric comparisons at the boundary", () => {
    const three = facts({ daysNotCorrected: 3 });
    expect([
      conditionHolds(days("lt", 3), three),
      conditionHolds(days("lte", 3), three),
      conditionHolds(days("gt", 3), three),
      conditionHolds(days("gte", 3), three),
    ]).toEqual([false, true, false, true]);
  });
});

describe("selectTier's steps, word for word", () => {
  const tier = (level: number, name: string, conditions: FactCondition[], conditionText?: string): BenchmarkTier =>
    ({
      level,
      name,
      conditions,
      conditionText,
      fine: { kind: "FIXED_RANGE", minFen: W(1), maxFen: W(2) },
    }) as BenchmarkTier;

  it("names the tier applied, its text and why; each tier skipped with the conditions that failed", () => {
    const tiers = [
      tier(1, "轻微", [days("lt", 3), { fact: "harm", op: "eq", value: "NONE" }], "改正及时"),
      tier(2, "一般", [days("gte", 3)]),
    ];
    expect(selectTier(tiers, facts({ daysNotCorrected: 5, harm: "MINOR" })).steps).toEqual([
      '第1阶次「轻微」不适用: daysNotCorrected lt 3、harm eq "NONE" 不成立',
      "适用第2阶次「一般」: daysNotCorrected gte 3",
    ]);
  });

  it("quotes the condition text and joins conditions with 且", () => {
    const tiers = [tier(1, "轻微", [days("lt", 3), { fact: "harm", op: "eq", value: "NONE" }], "改正及时")];
    expect(selectTier(tiers, facts({ daysNotCorrected: 0, harm: "NONE" })).steps).toEqual([
      '适用第1阶次「轻微」「改正及时」: daysNotCorrected lt 3 且 harm eq "NONE"',
    ]);
  });

  it("a tier without conditions says so", () => {
    expect(selectTier([tier(1, "一般", [])], facts()).steps).toEqual(["适用第1阶次「一般」: 无条件 (no conditions)"]);
  });

  it("NO_TIER_MATCHES lists the levels tried in order", () => {
    const tiers = [tier(3, "严重", [days("gt", 9)]), tier(2, "较重", [days("gt", 5)])];
    expect(() => selectTier(tiers, facts())).toThrow("no tier's conditions hold for these facts (2, 3 tried)");
  });
});

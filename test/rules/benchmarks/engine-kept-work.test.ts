/**
 * The engine keeps what it works out of a benchmark's and a day's law's arrays (tiers by level, the lenient rules
 * tagged, the citations of the bases in force) with those arrays, as the catalog's copy reuses them from match to
 * match. What it keeps must depend on the arrays alone: a case matched after others on the same arrays gets the
 * answer it gets on fresh copies of them.
 */
import { describe, expect, it } from "vitest";
import { type DiscretionInput, matchDiscretion } from "../../../schema/benchmarks/rules/discretion.ts";
import type { CaseFactsInput } from "../../../schema/benchmarks/rules/types.ts";
import { basisView, body, day, errorCode, fixedRange, item, safetyTraining97, statuteOf, W } from "./fixtures.ts";

/** 安全生产法 第97条 with 第112条's 按日连续处罚 and a lenient rule of the benchmark's own */
const shared: Pick<DiscretionInput, "benchmarks" | "legalBases"> = {
  benchmarks: [
    {
      version: 1,
      source: "gz",
      effectiveFrom: day("2024-08-01"),
      effectiveTo: null,
      body: body({
        ...safetyTraining97(),
        lenientRules: [
          {
            list: "LIGHTER",
            conditions: [{ fact: "harm", op: "lte", value: "MINOR" }],
            description: "危害后果轻微的，从轻处罚",
            citation: "行政处罚法 第32条",
          },
        ],
      }),
    },
  ],
  legalBases: [
    basisView("安全生产法 第97条", { statute: statuteOf(fixedRange(0, W(10))) }),
    basisView("安全生产法 第112条", { dailyFine: true }),
  ],
};

const cases: Array<{ facts: CaseFactsInput | null; act: string; decision: string }> = [
  {
    facts: { correctedInTime: false, daysNotCorrected: 2, harm: "GENERAL" },
    act: "2026-11-07",
    decision: "2026-12-07",
  },
  { facts: { harm: "MINOR", proportionAffectedPct: 20 }, act: "2026-03-01", decision: "2026-04-01" },
  { facts: { harm: "NONE", correctedInTime: true }, act: "2026-03-01", decision: "2026-03-01" },
  {
    facts: { proportionAffectedPct: 50, correctedInTime: false, daysNotCorrected: 0 },
    act: "2025-01-01",
    decision: "2026-01-01",
  },
  { facts: null, act: "2026-03-01", decision: "2026-04-01" },
  { facts: { proportionAffectedPct: 140 }, act: "2026-03-01", decision: "2026-04-01" },
];

const inputOf = (arrays: typeof shared, c: (typeof cases)[number]): DiscretionInput => ({
  item,
  ...arrays,
  actDate: day(c.act),
  decisionDate: day(c.decision),
  facts: c.facts,
});

/** the answer, or the refusal's code */
const answerOf = (input: DiscretionInput) => {
  const code = errorCode(() => matchDiscretion(input));
  return code === "NO_ERROR" ? matchDiscretion(input) : code;
};

describe("matchDiscretion: work kept with the arrays", () => {
  it("answers every case on the same arrays, in any order, as on fresh copies of them", () => {
    const fresh = cases.map((c) => answerOf(inputOf(structuredClone(shared), c)));
    for (const order of [cases, [...cases].reverse(), [...cases, ...cases]]) {
      for (const c of order) expect(answerOf(inputOf(shared, c))).toEqual(fresh[cases.indexOf(c)]);
    }
  });

  it("keeps the cases apart: the lighter list, the daily fine and the refusal each stay with their own case", () => {
    const [overdue, minor, corrected, , , invalid] = cases.map((c) => answerOf(inputOf(shared, c)));
    expect(overdue).toMatchObject({ outcome: "PENALTY", dailyContinuous: { days: 2 } });
    expect(minor).toMatchObject({ outcome: "LIGHTER_PENALTY", dailyContinuous: null });
    expect(corrected).toMatchObject({ outcome: "NO_PENALTY" });
    expect(invalid).toBe("INVALID_FACTS");
  });
});

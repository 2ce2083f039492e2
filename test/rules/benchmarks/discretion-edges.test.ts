/**
 * matchDiscretion at its edges: the same day at both ends of every date rule (act and decision, act and
 * empowerment, decision and the end of empowerment), which benchmark wins among several in force, how 第37条
 * weighs a lighter new rule by its maximum before its minimum, and the refusals and steps word for word.
 */
import { describe, expect, it } from "vitest";
import {
  type BenchmarkVersion,
  type DiscretionInput,
  matchDiscretion,
} from "../../../schema/benchmarks/rules/discretion.ts";
import { rangeText } from "../../../schema/benchmarks/rules/fine-engine.ts";
import type { BenchmarkBody, LenientRule } from "../../../schema/benchmarks/rules/types.ts";
import { air99, basisView, day, fixedRange, item, oneTier, statuteOf, W } from "./fixtures.ts";

const version = (v: number, from: string, to: string | null, b: BenchmarkBody, source = "gz"): BenchmarkVersion => ({
  version: v,
  source,
  effectiveFrom: day(from),
  effectiveTo: to ? day(to) : null,
  body: b,
});
const input = (over: Partial<DiscretionInput> = {}): DiscretionInput => ({
  item,
  benchmarks: [version(1, "2024-08-01", null, air99())],
  legalBases: [],
  actDate: day("2026-03-01"),
  decisionDate: day("2026-04-01"),
  facts: {},
  ...over,
});
/** the error matchDiscretion throws, as name, code and message */
function refusal(i: DiscretionInput) {
  try {
    matchDiscretion(i);
  } catch (e) {
    const { name, code, message } = e as Error & { code: string };
    return { name, code, message };
  }
  return null;
}
const withLenient = (b: BenchmarkBody, rule: Partial<LenientRule>): BenchmarkBody => ({
  ...b,
  lenientRules: [
    { list: "LIGHTER", conditions: [], description: "配合查处", citation: "本基准", ...rule } as LenientRule,
  ],
});

describe("refusals, word for word", () => {
  it.each([
    [
      input({ actDate: new Date("x") }),
      { name: "DiscretionError", code: "INVALID_DATE", message: "actDate is not a valid date" },
    ],
    [
      input({ decisionDate: new Date("x") }),
      { name: "DiscretionError", code: "INVALID_DATE", message: "decisionDate is not a valid date" },
    ],
    [
      input({ item: { ...item, empoweredFrom: new Date("x") } }),
      { name: "DiscretionError", code: "INVALID_DATE", message: "empoweredFrom is not a valid date" },
    ],
    [
      input({ item: { ...item, kind: "INSPECTION" } }),
      {
        name: "DiscretionError",
        code: "NOT_A_PENALTY_ITEM",
        message: "item GZ-017 is a INSPECTION item, not a penalty (行政处罚) item",
      },
    ],
    [
      input({ actDate: day("2026-04-02"), decisionDate: day("2026-04-01") }),
      {
        name: "DiscretionError",
        code: "DECISION_BEFORE_ACT",
        message: "decision date 2026-04-01 is before the act (2026-04-02)",
      },
    ],
    [
      input({ actDate: day("2024-07-31") }),
      {
        name: "DiscretionError",
        code: "ACT_BEFORE_EMPOWERMENT",
        message: "the act (2024-07-31) is before item GZ-017 was empowered to the committee (2024-08-01)",
      },
    ],
    [
      input({ benchmarks: [version(1, "2027-01-01", null, air99())] }),
      {
        name: "DiscretionError",
        code: "NO_BENCHMARK_IN_FORCE",
        message: "no benchmark of item GZ-017 is in force on 2026-03-01 or 2026-04-01",
      },
    ],
    [
      input({ facts: { baseAmountsFen: { INVESTMENT: -100 } } }),
      {
        name: "DiscretionError",
        code: "NEGATIVE_BASE_AMOUNT",
        message: "base amount INVESTMENT is negative (-100 fen)",
      },
    ],
  ] as [DiscretionInput, object][])("%#: %j", (i, expected) => {
    expect(refusal(i)).toEqual(expected);
  });

  it("names every invalid fact by its path, joined with '; '", () => {
    const r = refusal(input({ facts: { proportionAffectedPct: 140, baseAmountsFen: { INVESTMENT: 1.5 } } }));
    expect(r?.code).toBe("INVALID_FACTS");
    expect(r?.message).toMatch(/^invalid facts: proportionAffectedPct: [^;]+; baseAmountsFen\.INVESTMENT: [^;]+$/);
  });

  it("a base amount that is not a number is invalid, not negative", () => {
    const facts = { baseAmountsFen: { INVESTMENT: "-5" } } as unknown as DiscretionInput["facts"];
    expect(refusal(input({ facts }))?.code).toBe("INVALID_FACTS");
  });

  it("a base amount of 0 is not negative", () => {
    expect(refusal(input({ facts: { baseAmountsFen: { INVESTMENT: 0 } } }))).toBeNull();
  });

  it("a rule error of the benchmark keeps its code and message inside a DiscretionError", () => {
    const needsBase = version(
      1,
      "2024-08-01",
      null,
      oneTier({ kind: "MULTIPLE_OF_BASE", base: "INVESTMENT", minBp: 1, maxBp: 2 }),
    );
    const r = refusal(input({ benchmarks: [needsBase] }));
    expect(r).toMatchObject({ name: "DiscretionError", code: "BASE_AMOUNT_REQUIRED" });
    expect(r?.message).toContain("INVESTMENT");
  });
});

describe("the same day at both ends of a date rule", () => {
  it("a decision on the very day of the act is allowed", () => {
    expect(refusal(input({ actDate: day("2026-04-01"), decisionDate: day("2026-04-01") }))).toBeNull();
  });

  it("days are Beijing days: a decision at 00:30 in Beijing is on the act's day, not before it", () => {
    // the act as a day (UTC midnight = 08:00 in Beijing), the decision as an instant earlier that Beijing day
    const decidedAt = new Date("2026-03-31T16:30:00Z");
    expect(refusal(input({ actDate: day("2026-04-01"), decisionDate: decidedAt }))).toBeNull();
    expect(refusal(input({ actDate: day("2026-04-02"), decisionDate: decidedAt }))?.code).toBe("DECISION_BEFORE_ACT");
  });

  it("an act on the day of empowerment is allowed", () => {
    expect(refusal(input({ actDate: day("2024-08-01") }))).toBeNull();
  });

  it("a decision on the last day of empowerment is still empowered; the next day is not, and the steps say so", () => {
    const onLastDay = matchDiscretion(input({ item: { ...item, empoweredTo: day("2026-04-01") } }));
    const dayAfter = matchDiscretion(input({ item: { ...item, empoweredTo: day("2026-03-31") } }));
    expect([onLastDay.empoweredAtDecision, dayAfter.empoweredAtDecision]).toEqual([true, false]);
    expect(dayAfter.steps[1]).toBe("2. 注意: 决定日已超出赋权期限 (至 2026-03-31)");
    expect(onLastDay.steps.join("\n")).not.toContain("超出赋权期限");
  });
});

describe("which benchmark applies when several are in force", () => {
  const cq = version(7, "2024-08-01", null, air99(W(1), W(2)), "cq");
  const gz1 = version(1, "2024-08-01", null, air99(W(10), W(100)));
  const gz3 = version(3, "2024-08-01", null, air99(W(10), W(90)));
  it.each([
    ["cq first", [cq, gz1], ["gz", 1]],
    ["gz first", [gz1, cq], ["gz", 1]],
    ["two gz versions, older first", [gz1, gz3], ["gz", 3]],
    ["two gz versions, newer first", [gz3, gz1], ["gz", 3]],
    ["a province's alone", [cq], ["cq", 7]],
  ] as [string, BenchmarkVersion[], [string, number]][])("%s → %j", (_why, benchmarks, expected) => {
    const m = matchDiscretion(input({ benchmarks }));
    expect([m.benchmarkSource, m.benchmarkVersion]).toEqual(expected);
  });
});

describe("从旧兼从轻: which rule is lighter, and what the steps say", () => {
  const july = day("2026-07-10");
  const september = day("2026-09-10");
  const v1 = (b: BenchmarkBody) => version(1, "2024-08-01", "2026-08-14", b);
  const v2 = (b: BenchmarkBody) => version(2, "2026-08-15", null, b);
  const across = (old: BenchmarkBody, next: BenchmarkBody, over: Partial<DiscretionInput> = {}) =>
    matchDiscretion(input({ benchmarks: [v1(old), v2(next)], actDate: july, decisionDate: september, ...over }));

  it("a lower maximum is lighter even with a higher minimum (10万–100万 against 20万–50万)", () => {
    expect(across(air99(W(10), W(100)), air99(W(20), W(50))).benchmarkVersion).toBe(2);
    expect(across(air99(W(20), W(50)), air99(W(10), W(100))).benchmarkVersion).toBe(1);
  });

  it("the same range is not lighter: the act's rule stays", () => {
    const m = across(air99(), air99());
    expect(m.benchmarkVersion).toBe(1);
    expect(m.steps[2]).toBe(
      "3. 从旧兼从轻 (参照行政处罚法 第37条: 裁量基准不是法律、法规、规章，比照适用 — by analogy): 新的规定并不更轻，适用违法行为发生时的规定 (适用违法行为发生时的 v1)",
    );
  });

  it("names each side's outcome: 从轻 against 减轻, with each range", () => {
    const m = across(withLenient(air99(), { list: "LIGHTER" }), withLenient(air99(), { list: "MITIGATED" }));
    expect(m.outcome).toBe("MITIGATED_PENALTY");
    expect(m.steps[1]).toBe(
      `2. 违法行为发生时 (2026-07-10) 的裁量基准: gz v1 (2024-08-01 至 2026-08-14)，依据 无 → 从轻处罚 100,000元–550,000元；作出决定时 (2026-09-10): gz v2 (2026-08-15 至 今)，依据 无 → 减轻处罚 ${rangeText(m.range!)}`,
    );
    expect(m.steps[2]).toBe(
      "3. 从旧兼从轻 (参照行政处罚法 第37条: 裁量基准不是法律、法规、规章，比照适用 — by analogy): 新的规定处罚较轻，适用作出决定时的规定 (新基准 v2 处罚较轻)",
    );
  });

  it("names a plain penalty 处罚 with its range", () => {
    const m = across(air99(W(20), W(50)), air99(W(10), W(100)));
    expect(m.steps[1]).toContain("→ 处罚 200,000元–500,000元；作出决定时");
    expect(m.steps[1]).toMatch(/→ 处罚 100,000元–1,000,000元$/);
  });

  it("不予处罚 is lighter than a penalty of 0–0, and a binding one lighter than a discretionary one", () => {
    const mitigatedToZero = withLenient(air99(W(0), W(0)), { list: "MITIGATED" });
    const noPenalty = withLenient(air99(), { list: "NO_PENALTY" });
    const mayNotPenalise = withLenient(air99(), { list: "NO_PENALTY", discretionary: true });
    expect(across(mitigatedToZero, noPenalty).outcome).toBe("NO_PENALTY");
    expect(across(mayNotPenalise, noPenalty).benchmarkVersion).toBe(2);
    expect(across(noPenalty, mayNotPenalise).benchmarkVersion).toBe(1);
  });

  it("says 不予处罚 (可以) for a discretionary one and 不予处罚 for a binding one", () => {
    const noPenalty = withLenient(air99(), { list: "NO_PENALTY" });
    const mayNotPenalise = withLenient(air99(), { list: "NO_PENALTY", discretionary: true });
    expect(across(mayNotPenalise, noPenalty).steps[1]).toMatch(/→ 不予处罚 \(可以\)；作出决定时 .* → 不予处罚$/);
  });

  it("weighs the law itself when a legal basis starts between the act and the decision (法律依据, 第37条 itself)", () => {
    const a = basisView("大气污染防治法 第99条");
    const b = basisView("生态环境法典 第1140条", { from: "2026-08-15" });
    const m = matchDiscretion(
      input({
        benchmarks: [version(1, "2024-08-01", null, air99())],
        legalBases: [a, b],
        actDate: july,
        decisionDate: september,
      }),
    );
    expect(m.citations).toContain("行政处罚法 第37条");
    expect(m.steps[1]).toContain(
      "的法律依据: gz v1 (2024-08-01 至 今)，依据 大气污染防治法 第99条 → 处罚 100,000元–1,000,000元；作出决定时 (2026-09-10): gz v1 (2024-08-01 至 今)，依据 大气污染防治法 第99条、生态环境法典 第1140条 → ",
    );
    expect(m.steps[2]).toMatch(/^3\. 从旧兼从轻 \(行政处罚法 第37条\): /);
  });

  it("answers the same arrays of law, asked across days in any order, as fresh copies of them", () => {
    // the engine keeps what it works out of the legal bases in force per array of bases (./discretion.ts basesOn)
    const statute = (min: number, max: number) => statuteOf(fixedRange(W(min), W(max)));
    const legalBases = [
      basisView("大气污染防治法 第99条", { statute: statute(10, 100), to: "2026-08-14" }),
      basisView("生态环境法典 第1140条", { statute: statute(5, 50), from: "2026-08-15" }),
      basisView("安全生产法 第112条", { dailyFine: true, from: "2026-06-01" }),
    ];
    const benchmarks = [version(1, "2024-08-01", null, air99())];
    const days = ["2026-05-20", "2026-06-01", "2026-08-14", "2026-08-15", "2026-10-01"].map(day);
    const asked = days.flatMap((act) => days.filter((d) => d >= act).map((decision) => [act, decision] as const));
    for (const [actDate, decisionDate] of [...asked, ...asked.reverse()]) {
      const facts = { correctedInTime: false, daysNotCorrected: 3 };
      const shared = matchDiscretion(input({ benchmarks, legalBases, actDate, decisionDate, facts }));
      const fresh = matchDiscretion(
        input({
          benchmarks: benchmarks.map((b) => ({ ...b })),
          legalBases: legalBases.map((b) => ({ ...b })),
          actDate,
          decisionDate,
          facts,
        }),
      );
      expect(shared, `${actDate.toISOString()} → ${decisionDate.toISOString()}`).toEqual(fresh);
    }
  });

  it("keeps the law in force apart for items whose bases fall in force on the same days", () => {
    const statute = (min: number, max: number) => statuteOf(fixedRange(W(min), W(max)));
    const air = [basisView("大气污染防治法 第99条", { statute: statute(10, 100) })];
    const water = [basisView("水污染防治法 第83条", { statute: statute(20, 100) })];
    const matchWith = (legalBases: typeof air) =>
      matchDiscretion(input({ legalBases, actDate: july, decisionDate: september }));
    for (let round = 0; round < 2; round++) {
      expect(matchWith(air).citations).toEqual(["大气污染防治法 第99条"]);
      expect(matchWith(water).citations).toEqual(["水污染防治法 第83条"]);
      expect(matchWith(water).range).toEqual({ minFen: W(20), maxFen: W(100) });
    }
  });

  it("finds the law in force among more legal bases than it keeps combinations of", () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      basisView(`地方性法规 第${i + 1}条`, { from: "2024-08-01", to: "2024-12-31" }),
    );
    many.push(basisView("大气污染防治法 第99条", { statute: statuteOf(fixedRange(W(10), W(100))) }));
    const m = matchDiscretion(input({ legalBases: many, actDate: july, decisionDate: september }));
    expect(m.citations).toEqual(["大气污染防治法 第99条"]);
    expect(m.range).toEqual({ minFen: W(10), maxFen: W(100) });
  });

  it("ends with the conclusion, and 可免于行政强制 only when it applies", () => {
    expect(matchDiscretion(input({ facts: { harm: "NONE", correctedInTime: false } })).steps.at(-1)).toMatch(
      /^\d+\. 结论: 处罚 100,000元–1,000,000元；可免于行政强制$/,
    );
    expect(matchDiscretion(input()).steps.at(-1)).toMatch(/^\d+\. 结论: 处罚 100,000元–1,000,000元$/);
  });
});

/**
 * One case under one rule set (evaluateCase) at its edges: which legal bases are cited, the statute clamp when only
 * one end leaves the statutory range, the aggravation left unapplied, the daily fine's steps when it is not offered,
 * 不予处罚 with a tier that cannot be judged, and 减轻 measured against the lowest tier a case could reach. Steps are
 * compared whole, built from the rules each step comes from.
 */
import { describe, expect, it } from "vitest";
import { type BenchmarkVersion, evaluateCase, type RuleSet } from "../../../schema/benchmarks/rules/case-evaluation.ts";
import { evaluateTierFine, rangeText } from "../../../schema/benchmarks/rules/fine-engine.ts";
import { assessLenient, lenientRange } from "../../../schema/benchmarks/rules/lenient.ts";
import { selectTier } from "../../../schema/benchmarks/rules/tier-selection.ts";
import type { BenchmarkBody, CaseFactsInput } from "../../../schema/benchmarks/rules/types.ts";
import { air99, basisView, body, day, facts, fixedRange, statuteOf, W } from "./fixtures.ts";

const benchmark = (b: BenchmarkBody): BenchmarkVersion => ({
  version: 1,
  source: "gz",
  effectiveFrom: day("2024-08-01"),
  effectiveTo: null,
  body: b,
});
const set = (b: BenchmarkBody, bases: RuleSet["bases"] = []): RuleSet => ({
  day: "2026-03-01",
  benchmark: benchmark(b),
  bases,
});
/** the steps of the lenient lists, the tier and its fine, as the rules themselves write them */
const ruleSteps = (b: BenchmarkBody, input: CaseFactsInput) => {
  const f = facts(input);
  const tier = selectTier(b.tiers, f);
  return [...assessLenient(b.lenientRules, f).steps, ...tier.steps, ...evaluateTierFine(tier.tier, f).steps];
};
const NO_STATUTE = "法定幅度未录入 (no statutory range recorded for the legal bases in force): 以裁量基准为准";
const investment = body({
  tiers: [{ level: 1, name: "一般", fine: { kind: "MULTIPLE_OF_BASE", base: "INVESTMENT", minBp: 100, maxBp: 500 } }],
});

describe("which legal bases are cited", () => {
  it("a basis that fines and also provides a daily fine is cited even when no daily fine is offered", () => {
    const both = basisView("大气污染防治法 第99条", { statute: statuteOf(fixedRange(W(10), W(100))), dailyFine: true });
    const onlyDaily = basisView("大气污染防治法 第123条", { dailyFine: true });
    const m = evaluateCase(set(air99(), [both, onlyDaily]), facts({}));
    expect(m.citations).toEqual(["大气污染防治法 第99条"]);
  });

  it("without facts and without any statute: the bases, and two steps that say why no range is known", () => {
    const m = evaluateCase(set(air99(), [basisView("某条例 第5条")]), null);
    expect(m.citations).toEqual(["某条例 第5条"]);
    expect(m.range).toBeNull();
    expect(m.steps).toEqual([
      "未提供案件事实 (no facts): 无法判断阶次与四张清单，按法定幅度整体判断 (judged against the whole statutory range)",
      "法定幅度取决于未提供的数额 (基数、面积) 或未录入，无法判断罚款幅度 (the statutory range cannot be known without facts)",
    ]);
  });
});

describe("the tier kept inside the statute", () => {
  const statute99 = basisView("大气污染防治法 第99条", { statute: statuteOf(fixedRange(W(10), W(100))) });
  it.each([
    ["inside: no clamp step", air99(W(20), W(50)), false, [W(20), W(50)]],
    ["only the minimum below", air99(W(8), W(50)), true, [W(10), W(50)]],
    ["only the maximum above", air99(W(20), W(150)), true, [W(20), W(100)]],
  ] as [string, BenchmarkBody, boolean, [number, number]][])("%s", (_why, b, clampStep, [min, max]) => {
    const m = evaluateCase(set(b, [statute99]), facts({}));
    expect([m.range?.minFen, m.range?.maxFen]).toEqual([min, max]);
    expect(m.steps.some((s) => s.includes("超出法定幅度"))).toBe(clampStep);
  });

  it("an aggravation stated not to apply is not cited", () => {
    const s114 = basisView("安全生产法 第114条", {
      statute: statuteOf(fixedRange(W(30), W(100)), {}),
    });
    (s114.statute as { aggravation?: unknown }).aggravation = { clause: 2, minBp: 20_000, maxBp: 50_000 };
    const m = evaluateCase(set(air99(W(30), W(100)), [s114]), facts({ particularlySerious: false }));
    expect(m.citations).toEqual(["安全生产法 第114条"]);
    expect(m.range).toEqual({ minFen: W(30), maxFen: W(100) });
  });
});

describe("the daily fine (按日连续处罚) when it is not offered", () => {
  const daily = (citation: string) => basisView(citation, { dailyFine: true });

  it("corrected in time: no step at all about it", () => {
    const m = evaluateCase(set(air99(), [daily("A法 第1条")]), facts({ correctedInTime: true }));
    expect(m.steps).toEqual([...ruleSteps(air99(), { correctedInTime: true }), NO_STATUTE]);
  });

  it("not corrected for 0 days and no basis provides it: no step", () => {
    const m = evaluateCase(set(air99(), []), facts({ correctedInTime: false, daysNotCorrected: 0 }));
    expect(m.steps).toEqual([...ruleSteps(air99(), { correctedInTime: false }), NO_STATUTE]);
  });

  it("not corrected for 3 days and no basis provides it: says so", () => {
    const input = { correctedInTime: false, daysNotCorrected: 3 };
    const m = evaluateCase(set(air99(), []), facts(input));
    expect(m.steps).toEqual([
      ...ruleSteps(air99(), input),
      NO_STATUTE,
      "按日连续处罚不适用: 在效的法律依据均未规定 (no legal basis in force provides a daily fine)",
    ]);
  });

  it("0 days with two bases providing it names both", () => {
    const m = evaluateCase(set(air99(), [daily("A法 第1条"), daily("B法 第2条")]), facts({ correctedInTime: false }));
    expect(m.steps.at(-1)).toBe("可按日连续处罚 (A法 第1条、B法 第2条)，但未改正天数为 0，不适用");
  });

  it("3 days names the bases and multiplies the original range", () => {
    const m = evaluateCase(
      set(air99(), [daily("A法 第1条"), daily("B法 第2条")]),
      facts({ correctedInTime: false, daysNotCorrected: 3 }),
    );
    expect(m.steps.at(-1)).toBe(
      `按日连续处罚 (A法 第1条、B法 第2条): 原处罚数额 ${rangeText({ minFen: W(10), maxFen: W(100) })} × 3 日 = ${rangeText({ minFen: W(30), maxFen: W(300) })}，另行决定，不计入本决定区间 (a separate decision)`,
    );
  });
});

describe("不予处罚", () => {
  it("a binding one with a tier: no hint about deciding to penalise, no daily fine, no responsible-person range", () => {
    const input = { subjectiveFault: false, correctedInTime: false, daysNotCorrected: 3 };
    const m = evaluateCase(set(air99(), [basisView("A法 第1条", { dailyFine: true })]), facts(input));
    expect(m.outcome).toBe("NO_PENALTY");
    expect(m.steps).toEqual([...ruleSteps(air99(), input), NO_STATUTE]);
    expect(m.dailyContinuous).toBeNull();
  });

  it("a tier that cannot be judged (no base amount) is reported as such, and adds no citation", () => {
    const m = evaluateCase(set(investment, [basisView("A法 第1条")]), facts({ subjectiveFault: false }));
    expect(m.outcome).toBe("NO_PENALTY");
    expect(m.tier).toBeNull();
    expect(m.citations).toEqual(["A法 第1条", "行政处罚法 第33条第2款"]);
    expect(m.steps.at(-1)).toMatch(/^（不予处罚时阶次仅供参考，未能确定: .*INVESTMENT.*）$/);
  });

  it("a discretionary one (首违不罚) without a judged tier gives no range hint", () => {
    const m = evaluateCase(set(investment), facts({ firstViolation: true, harm: "MINOR", correctedInTime: true }));
    expect(m.outcome).toBe("NO_PENALTY");
    expect(m.steps.some((s) => s.includes("如决定处罚"))).toBe(false);
  });
});

describe("减轻 against the lowest minimum the case could reach", () => {
  it("skips tiers that cannot be computed for this case (a multiple of a base not given)", () => {
    const b = body({
      tiers: [
        { level: 1, name: "一般", fine: fixedRange(W(10), W(20)) },
        { level: 2, name: "较重", fine: { kind: "MULTIPLE_OF_BASE", base: "INVESTMENT", minBp: 100, maxBp: 500 } },
      ],
      lenientRules: [{ list: "MITIGATED", conditions: [], description: "配合查处", citation: "行政处罚法 第32条" }],
    });
    const m = evaluateCase(set(b), facts({}));
    const expected = lenientRange({ minFen: W(10), maxFen: W(20) }, "MITIGATED", W(10));
    expect(m.outcome).toBe("MITIGATED_PENALTY");
    expect(m.range).toEqual({ minFen: expected.minFen, maxFen: expected.maxFen });
  });
});

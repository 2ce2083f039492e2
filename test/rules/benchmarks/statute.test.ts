/**
 * The statute in the engine, each case computed by hand from the article's words (quoted). Money in fen: W(n) = n万元.
 */
import { describe, expect, it } from "vitest";
import { type DiscretionInput, matchDiscretion } from "../../../schema/benchmarks/rules/discretion.ts";
import {
  aggravate,
  clampInto,
  governingNorm,
  governingNormWithoutFacts,
  normRange,
  ordinaryRange,
  statutoryRangeFor,
  wholeStatutoryRange,
} from "../../../schema/benchmarks/rules/statute.ts";
import type { BenchmarkBody } from "../../../schema/benchmarks/rules/types.ts";
import {
  air99,
  basisView,
  day,
  errorCode,
  facts,
  fixedRange,
  item,
  oneTier,
  safetyTraining97,
  statuteOf,
  W,
} from "./fixtures.ts";

/** 大气污染防治法 第99条: "并处十万元以上一百万元以下的罚款" */
const AIR_99 = statuteOf(fixedRange(W(10), W(100)));
/** 排污许可管理条例 第33条: "处20万元以上100万元以下的罚款" */
const PERMIT_33 = statuteOf(fixedRange(W(20), W(100)));
/** 安全生产法 第97条: "处十万元以下的罚款；逾期未改正的 … 并处十万元以上二十万元以下的罚款" */
const SAFETY_97 = statuteOf({ kind: "UP_TO_MAX", maxFen: W(10) }, { escalation: fixedRange(W(10), W(20)) });
/** 安全生产法 第114条: 一般事故 三十万元以上一百万元以下 … 较大事故 一百万元以上二百万元以下; 第2款 二倍以上五倍以下 */
const SAFETY_114 = {
  ranges: [
    {
      conditions: [{ fact: "accidentLevel" as const, op: "in" as const, value: ["NONE", "GENERAL"] }],
      fine: fixedRange(W(30), W(100)),
    },
    {
      conditions: [{ fact: "accidentLevel" as const, op: "eq" as const, value: "LARGER" }],
      fine: fixedRange(W(100), W(200)),
    },
  ],
  aggravation: { clause: 2, minBp: 20_000, maxBp: 50_000 },
};
const air = { citation: "大气污染防治法 第99条第(一)项", statute: AIR_99 };
const permit = { citation: "排污许可管理条例 第33条第(一)项", statute: PERMIT_33 };

describe("行政处罚法 第29条: 同一个违法行为违反多个法律规范 … 按照罚款数额高的规定处罚", () => {
  it("takes 排污许可管理条例 第33条 (20万–100万) over 大气法 第99条 (10万–100万), whatever the order", () => {
    for (const norms of [
      [air, permit],
      [permit, air],
    ]) {
      const g = governingNorm(norms, facts())!;
      expect(g.norm.citation).toBe("排污许可管理条例 第33条第(一)项");
      expect(g.range).toEqual({ minFen: W(20), maxFen: W(100) });
      expect(g.citations).toEqual(["行政处罚法 第29条", "排污许可管理条例 第33条第(一)项"]);
    }
  });

  it("weighs one norm alone without citing 第29条, and no norm as none", () => {
    expect(governingNorm([air], facts())).toEqual({
      norm: air,
      range: { minFen: W(10), maxFen: W(100) },
      steps: [],
      citations: [],
    });
    expect(governingNorm([], facts())).toBeNull();
  });

  it("keeps a benchmark tier of the lower norm inside the higher one: GZ-031-like 10万–40万 → 20万–40万", () => {
    const m = matchDiscretion(caseOf(oneTier(fixedRange(W(10), W(40))), [air, permit]));
    expect(m.range).toEqual({ minFen: W(20), maxFen: W(40) });
    expect(m.citations).toContain("行政处罚法 第29条");
    expect(m.steps.join("\n")).toContain("超出法定幅度");
  });
});

describe("the statute's range for a case", () => {
  it("escalates on 逾期未改正 only where the statute says so (安全生产法 第97条: 10万–20万)", () => {
    const norm = { citation: "安全生产法 第97条", statute: SAFETY_97 };
    expect(normRange(norm, facts())).toEqual({ minFen: 0, maxFen: W(10) });
    expect(normRange(norm, facts({ correctedInTime: false }))).toEqual({ minFen: W(10), maxFen: W(20) });
    expect(ordinaryRange(norm, facts({ correctedInTime: false }))).toEqual({ minFen: 0, maxFen: W(10) });
    // 大气法 第99条 names no heavier fine for 拒不改正: the range stays
    expect(normRange(air, facts({ correctedInTime: false }))).toEqual({ minFen: W(10), maxFen: W(100) });
  });

  it("picks the range of the accident grade (第114条: 较大事故 100万–200万) and refuses facts no range covers", () => {
    const s = statuteOf(fixedRange(W(1), W(2)), {
      conditions: [{ fact: "accidentLevel", op: "eq", value: "MAJOR" }],
    });
    expect(statutoryRangeFor(SAFETY_114, facts({ accidentLevel: "LARGER" })).fine).toEqual(fixedRange(W(100), W(200)));
    expect(errorCode(() => statutoryRangeFor(s, facts()))).toBe("NO_STATUTORY_RANGE");
  });

  it("is everything the statute allows when facts are missing: 第97条 0–20万; 第114条 30万–1亿 (2000万 × 5)", () => {
    expect(wholeStatutoryRange(SAFETY_97)).toEqual({ minFen: 0, maxFen: W(20) });
    const withTop = {
      ...SAFETY_114,
      ranges: [...SAFETY_114.ranges, { conditions: [], fine: fixedRange(W(1000), W(2000)) }],
    };
    expect(wholeStatutoryRange(withTop)).toEqual({ minFen: W(30), maxFen: W(10_000) });
    // 固废法 第112条: a multiple of the disposal cost cannot be bounded without the cost
    expect(
      wholeStatutoryRange(statuteOf({ kind: "MULTIPLE_OF_BASE", base: "DISPOSAL_COST", minBp: 30_000, maxBp: 50_000 })),
    ).toBeNull();
    expect(wholeStatutoryRange(statuteOf({ kind: "PER_SQUARE_METRE", minFenPerM2: 1, maxFenPerM2: 2 }))).toBeNull();
  });

  it("weighs norms without facts by everything each allows, and not at all when one cannot be bounded", () => {
    expect(governingNormWithoutFacts([air, permit])?.range).toEqual({ minFen: W(20), maxFen: W(100) });
    const cost = { citation: "x", statute: statuteOf({ kind: "PER_SQUARE_METRE", minFenPerM2: 1, maxFenPerM2: 2 }) };
    expect(governingNormWithoutFacts([air, cost])).toBeNull();
  });

  it("clamps each bound into the statute", () => {
    const statute = { minFen: W(10), maxFen: W(100) };
    expect(clampInto({ minFen: W(8), maxFen: W(40) }, statute)).toEqual({ minFen: W(10), maxFen: W(40) });
    expect(clampInto({ minFen: W(80), maxFen: W(120) }, statute)).toEqual({ minFen: W(80), maxFen: W(100) });
    expect(clampInto({ minFen: W(1), maxFen: W(5) }, statute)).toEqual({ minFen: W(10), maxFen: W(10) });
  });
});

describe("安全生产法 第114条第2款: 情节特别严重、影响特别恶劣的 … 二倍以上五倍以下", () => {
  const agg = SAFETY_114.aggravation;
  const general = { minFen: W(30), maxFen: W(100) };

  it("stated true: 30万–100万 × 2–5 = 60万–500万, cited", () => {
    expect(aggravate(general, agg, true, "安全生产法 第114条第2款")).toMatchObject({
      range: { minFen: W(60), maxFen: W(500) },
      citation: "安全生产法 第114条第2款",
    });
  });

  it("not stated: from the ordinary minimum to the aggravated maximum (30万–500万), said in the step", () => {
    const a = aggravate(general, agg, undefined, "安全生产法 第114条第2款");
    expect(a.range).toEqual({ minFen: W(30), maxFen: W(500) });
    expect(a.citation).toBeNull();
    expect(a.step).toContain("未说明是否情节特别严重");
  });

  it("stated false: the ordinary range", () => {
    expect(aggravate(general, agg, false, "安全生产法 第114条第2款")).toMatchObject({ range: general, citation: null });
  });

  it("in matchDiscretion: a 一般事故 without the fact is judged against 30万–500万", () => {
    const body = oneTier(fixedRange(W(30), W(100)));
    const norm = { citation: "安全生产法 第114条", statute: SAFETY_114 };
    const unstated = matchDiscretion(caseOf(body, [norm], { accidentLevel: "GENERAL" }));
    expect(unstated.range).toEqual({ minFen: W(30), maxFen: W(500) });
    const stated = matchDiscretion(caseOf(body, [norm], { accidentLevel: "GENERAL", particularlySerious: true }));
    expect(stated.range).toEqual({ minFen: W(60), maxFen: W(500) });
    expect(stated.citations).toContain("安全生产法 第114条第2款");
  });
});

/** A case on one gz benchmark with the given norms (each a basis in force from 2024-08-01). */
function caseOf(
  body: BenchmarkBody,
  norms: { citation: string; statute: ReturnType<typeof statuteOf> }[],
  input: DiscretionInput["facts"] = {},
  extraBases: DiscretionInput["legalBases"] = [],
): DiscretionInput {
  return {
    item,
    benchmarks: [{ version: 1, source: "gz", effectiveFrom: day("2024-08-01"), effectiveTo: null, body }],
    legalBases: [...norms.map((n) => basisView(n.citation, { statute: n.statute })), ...extraBases],
    actDate: day("2026-03-01"),
    decisionDate: day("2026-04-01"),
    facts: input,
  };
}

describe("按日连续处罚 only where an article in force provides it", () => {
  const norm97 = { citation: "安全生产法 第97条第(四)项", statute: SAFETY_97 };
  const daily112 = basisView("安全生产法 第112条", { dailyFine: true });

  it("安全生产法 第112条 '按照原处罚数额按日连续处罚': tier ≤3万 not corrected for 10 days → 0–30万", () => {
    const m = matchDiscretion(
      caseOf(safetyTraining97(), [norm97], { correctedInTime: false, daysNotCorrected: 10 }, [daily112]),
    );
    expect(m.range).toEqual({ minFen: W(10), maxFen: W(13) }); // the escalated decision itself
    expect(m.dailyContinuous).toEqual({ minFen: 0, maxFen: W(30), days: 10 });
    expect(m.citations).toContain("安全生产法 第112条");
  });

  it("no article in force provides it: none, and the step says why", () => {
    const m = matchDiscretion(caseOf(air99(), [air], { correctedInTime: false, daysNotCorrected: 7 }));
    expect(m.dailyContinuous).toBeNull();
    expect(m.steps.join("\n")).toContain("按日连续处罚不适用");
  });

  it("provided, but 0 days not corrected, or corrected in time: none, and the daily basis is not cited", () => {
    const zero = matchDiscretion(caseOf(safetyTraining97(), [norm97], { correctedInTime: false }, [daily112]));
    expect(zero.dailyContinuous).toBeNull();
    expect(zero.steps.join("\n")).toContain("未改正天数为 0");
    const corrected = matchDiscretion(caseOf(safetyTraining97(), [norm97], { daysNotCorrected: 4 }, [daily112]));
    expect(corrected.dailyContinuous).toBeNull();
    expect(corrected.citations).not.toContain("安全生产法 第112条");
  });

  it("cites the daily article of the day the law was in force: 大气法 第123条 ends with the Code (2026-08-15)", () => {
    const air123 = basisView("大气污染防治法 第123条第(一)项", { dailyFine: true, to: "2026-08-14" });
    const code = basisView("生态环境法典 (条款待核实 — article not verified)", {
      dailyFine: true,
      statute: AIR_99,
      from: "2026-08-15",
    });
    const preCode = basisView(air.citation, { statute: AIR_99, to: "2026-08-14" });
    const input = {
      ...caseOf(air99(), [], { correctedInTime: false, daysNotCorrected: 2 }, [preCode, air123, code]),
      actDate: day("2026-09-01"),
      decisionDate: day("2026-09-10"),
    };
    const m = matchDiscretion(input);
    expect(m.citations.some((c) => c.startsWith("大气污染防治法"))).toBe(false);
    expect(m.dailyContinuous).toEqual({ minFen: W(20), maxFen: W(200), days: 2 });
  });
});

describe("行政处罚法 第37条 on the law itself: the act's law unless the decision day's is lighter", () => {
  const old = basisView("旧法 第1条", { statute: statuteOf(fixedRange(W(10), W(100))), to: "2026-08-14" });
  const lighter = basisView("新法 第1条", { statute: statuteOf(fixedRange(W(5), W(50))), from: "2026-08-15" });
  const heavier = basisView("新法 第2条", { statute: statuteOf(fixedRange(W(20), W(100))), from: "2026-08-15" });
  const across = (bases: DiscretionInput["legalBases"]) =>
    matchDiscretion({
      ...caseOf(oneTier(fixedRange(W(0), W(100))), [], {}, bases),
      actDate: day("2026-08-01"),
      decisionDate: day("2026-09-01"),
    });

  it("applies the lighter new law and cites 第37条", () => {
    const m = across([old, lighter]);
    expect(m.range).toEqual({ minFen: W(5), maxFen: W(50) });
    expect(m.citations).toEqual(expect.arrayContaining(["新法 第1条", "行政处罚法 第37条"]));
    expect(m.citations).not.toContain("旧法 第1条");
  });

  it("keeps the act's law when the new one is not lighter", () => {
    const m = across([old, heavier]);
    expect(m.range).toEqual({ minFen: W(10), maxFen: W(100) });
    expect(m.citations).toEqual(expect.arrayContaining(["旧法 第1条", "行政处罚法 第37条"]));
    expect(m.steps.join("\n")).toContain("适用违法行为发生时的规定");
  });
});

describe("no facts: the whole statutory range", () => {
  it("judges against everything the statute allows, with no tier and no lenient list", () => {
    const m = matchDiscretion(
      caseOf(safetyTraining97(), [{ citation: "安全生产法 第97条", statute: SAFETY_97 }], null),
    );
    expect(m).toMatchObject({ factsMissing: true, outcome: "PENALTY", tier: null, lenient: null });
    expect(m.range).toEqual({ minFen: 0, maxFen: W(20) });
    expect(m.steps.join("\n")).toContain("未提供案件事实");
  });

  it("says the range cannot be known when it depends on a figure the facts would give", () => {
    const cost = {
      citation: "固废法 第112条",
      statute: statuteOf({ kind: "MULTIPLE_OF_BASE", base: "DISPOSAL_COST", minBp: 30_000, maxBp: 50_000 }),
    };
    const m = matchDiscretion(caseOf(oneTier(cost.statute.ranges[0]!.fine), [cost], null));
    expect(m.range).toBeNull();
    expect(m.factsMissing).toBe(true);
  });
});

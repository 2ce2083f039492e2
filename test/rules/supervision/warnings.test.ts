import { describe, expect, it } from "vitest";
import { type DiscretionMatch, matchDiscretion } from "../../../schema/benchmarks/rules/discretion.ts";
import { assessDecision } from "../../../schema/supervision/rules/warnings.ts";
import { air99, day, item, W } from "../benchmarks/fixtures.ts";

const match = (facts = {}, b = air99()): DiscretionMatch =>
  matchDiscretion({
    item,
    benchmarks: [{ version: 1, source: "gz", effectiveFrom: day("2024-08-01"), effectiveTo: null, body: b }],
    legalBases: [],
    actDate: day("2026-03-01"),
    decisionDate: day("2026-04-01"),
    facts,
  });

describe("assessDecision: range bounds are inclusive", () => {
  // computed inside each `it`: a match made while vitest collects would count as no kill under mutation testing
  const m = () => match(); // 10万–100万

  it.each([W(10), W(100), W(55)])("raises nothing for a fine of %s fen", (fineFen) => {
    expect(assessDecision(m(), { fineFen }, true)).toEqual([]);
  });

  it("raises exactly one FINE_ABOVE_RANGE (HIGH) one fen above the maximum", () => {
    const w = assessDecision(m(), { fineFen: W(100) + 1 }, true);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ kind: "FINE_ABOVE_RANGE", severity: "HIGH" });
  });

  it("raises exactly one FINE_BELOW_RANGE one fen below the minimum, bigint accepted", () => {
    const w = assessDecision(m(), { fineFen: BigInt(W(10) - 1) }, true);
    expect(w.map((x) => x.kind)).toEqual(["FINE_BELOW_RANGE"]);
  });

  it("raises nothing for a decision without a fine", () => {
    expect(assessDecision(m(), { fineFen: null }, true)).toEqual([]);
  });

  it("raises ITEM_NOT_EMPOWERED for an item not empowered", () => {
    expect(assessDecision(m(), { fineFen: W(20) }, false).map((x) => x.kind)).toEqual(["ITEM_NOT_EMPOWERED"]);
  });
});

describe("assessDecision: lenient lists ignored", () => {
  it("a fine despite binding 不予处罚 (没有主观过错) is LENIENT_IGNORED, HIGH", () => {
    const w = assessDecision(match({ subjectiveFault: false }), { fineFen: W(20) }, true);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ kind: "LENIENT_IGNORED", severity: "HIGH" });
    expect(w[0]?.message).toContain("第33条第2款");
  });

  it("a fine despite the discretionary 首违不罚 is LENIENT_IGNORED, LOW", () => {
    const w = assessDecision(match({ firstViolation: true, harm: "MINOR" }), { fineFen: W(20) }, true);
    expect(w).toEqual([expect.objectContaining({ kind: "LENIENT_IGNORED", severity: "LOW" })]);
  });

  it("no fine and no lenient flag under 不予处罚 raises nothing; a non-fine penalty (lenientApplied false) does", () => {
    const m = match({ subjectiveFault: false });
    expect(assessDecision(m, { fineFen: null }, true)).toEqual([]);
    expect(assessDecision(m, { fineFen: null, lenientApplied: false }, true).map((x) => x.kind)).toEqual([
      "LENIENT_IGNORED",
    ]);
  });

  it("a fine above the 从轻 range but inside the tier is one LENIENT_IGNORED (MEDIUM); above the tier it is FINE_ABOVE_RANGE", () => {
    const b = air99();
    b.lenientRules.push({
      list: "LIGHTER",
      conditions: [],
      description: "主动消除危害后果",
      citation: "行政处罚法 第32条",
    });
    const m = match({}, b); // 从轻 → 10万–55万
    expect(assessDecision(m, { fineFen: W(55) }, true)).toEqual([]);
    expect(assessDecision(m, { fineFen: W(55) + 1 }, true)).toEqual([
      expect.objectContaining({ kind: "LENIENT_IGNORED", severity: "MEDIUM" }),
    ]);
    expect(assessDecision(m, { fineFen: W(100) + 1 }, true).map((x) => x.kind)).toEqual(["FINE_ABOVE_RANGE"]);
  });
});

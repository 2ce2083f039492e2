/**
 * Which of the four lists governs when several hold, and what the steps say. 行政处罚法 第33条: "不予行政处罚" binds,
 * "可以不予行政处罚" (首违不罚) does not; 行政强制法 第16条第2款 "可以不采取行政强制措施" is reported beside the penalty.
 */
import { describe, expect, it } from "vitest";
import { assessLenient, lenientRange, STATUTORY_LENIENT_RULES } from "../../../schema/benchmarks/rules/lenient.ts";
import type { LenientRule } from "../../../schema/benchmarks/rules/types.ts";
import { facts, W } from "./fixtures.ts";

const rule = (list: LenientRule["list"], description: string, discretionary?: boolean): LenientRule => ({
  list,
  conditions: [],
  description,
  citation: `c-${description}`,
  ...(discretionary === undefined ? {} : { discretionary }),
});

describe("precedence: 不予处罚 > 减轻 > 从轻; binding before discretionary", () => {
  it("减轻 wins over 从轻 whichever is listed first", () => {
    for (const rules of [
      [rule("LIGHTER", "轻"), rule("MITIGATED", "减")],
      [rule("MITIGATED", "减"), rule("LIGHTER", "轻")],
    ]) {
      const a = assessLenient(rules, facts());
      expect(a.applied?.list).toBe("MITIGATED");
      expect(a.steps[0]).toBe("适用减轻处罚: 减 (c-减)");
    }
  });

  it("a binding 不予处罚 wins over a discretionary one, whichever is listed first", () => {
    for (const rules of [
      [rule("NO_PENALTY", "可以", true), rule("NO_PENALTY", "应当")],
      [rule("NO_PENALTY", "应当"), rule("NO_PENALTY", "可以", true)],
    ]) {
      const a = assessLenient(rules, facts());
      expect(a.applied).toMatchObject({ description: "应当", discretionary: false, source: "benchmark" });
    }
    // two of one list and kind: the first stays
    expect(assessLenient([rule("LIGHTER", "一"), rule("LIGHTER", "二")], facts()).applied?.description).toBe("一");
  });

  it("免于行政强制 never governs the penalty, and a binding entry is preferred for it", () => {
    const only = assessLenient([rule("NO_COERCION", "免")], facts());
    expect(only.applied).toBeNull();
    expect(only.noCoercion).toMatchObject({ description: "免", discretionary: false });
    expect(only.steps).toEqual([
      "不符合不予处罚、减轻、从轻处罚的情形 (no lenient list applies)",
      "免于行政强制: 免 (c-免)",
    ]);
    const both = assessLenient([rule("NO_COERCION", "可以免", true), rule("NO_COERCION", "应当免")], facts());
    expect(both.noCoercion?.description).toBe("应当免");
  });

  it("the statute's 免于行政强制 (行政强制法 第16条第2款) is discretionary and cited", () => {
    const a = assessLenient([], facts({ harm: "NONE", correctedInTime: false }));
    expect(a.noCoercion).toMatchObject({ citation: "行政强制法 第16条第2款", discretionary: true, source: "statute" });
    expect(a.citations).toEqual(["行政强制法 第16条第2款"]);
    expect(a.steps[1]).toBe(
      "免于行政强制: 违法行为情节显著轻微或者没有明显社会危害的，可以不采取行政强制措施 (行政强制法 第16条第2款，可以 — 裁量适用 discretionary)",
    );
    expect(STATUTORY_LENIENT_RULES.filter((r) => r.discretionary).map((r) => r.list)).toEqual([
      "NO_PENALTY",
      "NO_COERCION",
    ]);
  });
});

describe("what 从轻 and 减轻 do to a range", () => {
  it("从轻: the lower half (10万–100万 → 10万–55万)", () => {
    expect(lenientRange({ minFen: W(10), maxFen: W(100) }, "LIGHTER")).toEqual({
      minFen: W(10),
      maxFen: W(55),
      step: "从轻处罚: 在 100,000元–1,000,000元 的下半段 → 100,000元–550,000元",
    });
  });

  it("减轻: below the statutory minimum; with a minimum of 0 only a lighter kind of penalty is left", () => {
    expect(lenientRange({ minFen: W(10), maxFen: W(100) }, "MITIGATED").step).toBe(
      "减轻处罚: 低于法定最低额 (below the statutory minimum) → 0元–100,000元",
    );
    expect(lenientRange({ minFen: W(10), maxFen: W(100) }, "MITIGATED", W(5))).toMatchObject({
      minFen: 0,
      maxFen: W(5),
    });
    expect(lenientRange({ minFen: 0, maxFen: W(10) }, "MITIGATED").step).toBe(
      "减轻处罚: 低于法定最低额 (below the statutory minimum) → 0元–0元，即不处罚款，只可选择较轻的处罚种类",
    );
  });
});

import { describe, expect, it } from "vitest";
import { assessLenient, lenientRange } from "../../../schema/benchmarks/rules/lenient.ts";
import type { LenientRule } from "../../../schema/benchmarks/rules/types.ts";
import { facts, W } from "./fixtures.ts";

const lighter: LenientRule = {
  list: "LIGHTER",
  conditions: [{ fact: "proportionAffectedPct", op: "lt", value: 5 }],
  description: "占比 5% 以下",
  citation: "行政处罚法 第32条",
};
const mitigated: LenientRule = {
  list: "MITIGATED",
  conditions: [{ fact: "harm", op: "lte", value: "MINOR" }],
  description: "危害后果轻微",
  citation: "行政处罚法 第32条",
};

describe("assessLenient: statutory rules apply to every item", () => {
  it("首违不罚: first violation, minor harm, corrected → NO_PENALTY, discretionary (行政处罚法 第33条第1款)", () => {
    const r = assessLenient([], facts({ firstViolation: true, harm: "MINOR", correctedInTime: true }));
    expect(r.applied?.list).toBe("NO_PENALTY");
    expect(r.applied?.discretionary).toBe(true);
    expect(r.applied?.citation).toBe("行政处罚法 第33条第1款");
    expect(r.steps[0]).toContain("可以");
  });

  it("轻微并及时改正、没有危害后果 → binding NO_PENALTY, which wins over 首违不罚", () => {
    const r = assessLenient([], facts({ firstViolation: true, harm: "NONE" }));
    expect(r.applied).toMatchObject({ list: "NO_PENALTY", discretionary: false, citation: "行政处罚法 第33条第1款" });
  });

  it("没有主观过错 → NO_PENALTY (行政处罚法 第33条第2款)", () => {
    const r = assessLenient([], facts({ subjectiveFault: false }));
    expect(r.applied).toMatchObject({ list: "NO_PENALTY", discretionary: false, citation: "行政处罚法 第33条第2款" });
  });

  it("applies nothing to an ordinary case or to a first violation not corrected in time", () => {
    expect(assessLenient([], facts()).applied).toBeNull();
    expect(
      assessLenient([], facts({ firstViolation: true, harm: "MINOR", correctedInTime: false })).applied,
    ).toBeNull();
  });

  it("reports 免于行政强制 alongside the penalty outcome (行政强制法 第16条第2款)", () => {
    const r = assessLenient([], facts({ harm: "NONE" }));
    expect(r.noCoercion?.citation).toBe("行政强制法 第16条第2款");
    expect(r.citations).toEqual(["行政处罚法 第33条第1款", "行政强制法 第16条第2款"]);
  });
});

describe("assessLenient: precedence NO_PENALTY > MITIGATED > LIGHTER", () => {
  it("减轻 wins over 从轻", () => {
    const r = assessLenient([lighter, mitigated], facts({ harm: "MINOR" }));
    expect(r.applied?.list).toBe("MITIGATED");
    expect(r.matches.map((m) => m.list)).toEqual(["LIGHTER", "MITIGATED"]);
  });
  it("不予处罚 wins over 减轻", () => {
    const r = assessLenient([mitigated], facts({ harm: "MINOR", firstViolation: true }));
    expect(r.applied?.list).toBe("NO_PENALTY");
  });
  it("从轻 alone", () => {
    expect(assessLenient([lighter, mitigated], facts({ proportionAffectedPct: 1 })).applied?.list).toBe("LIGHTER");
  });
});

describe("lenientRange", () => {
  it("从轻 keeps the lower half of the range: 10万–100万 → 10万–55万", () => {
    expect(lenientRange({ minFen: W(10), maxFen: W(100) }, "LIGHTER")).toMatchObject({ minFen: W(10), maxFen: W(55) });
  });
  it("从轻 on a ≤ max fine: 0–10万 → 0–5万", () => {
    expect(lenientRange({ minFen: 0, maxFen: W(10) }, "LIGHTER")).toMatchObject({ minFen: 0, maxFen: W(5) });
  });
  it("减轻 goes below the statutory minimum: 0 up to it", () => {
    expect(lenientRange({ minFen: W(30), maxFen: W(60) }, "MITIGATED", W(10))).toMatchObject({
      minFen: 0,
      maxFen: W(10),
    });
    expect(lenientRange({ minFen: W(10), maxFen: W(100) }, "MITIGATED")).toMatchObject({ minFen: 0, maxFen: W(10) });
  });
});

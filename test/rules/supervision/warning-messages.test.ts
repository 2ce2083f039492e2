/**
 * Every supervision warning of a pushed penalty decision, word for word and with its severity, on matches written
 * out by hand (the match's shape is matchDiscretion's): what the committee reads must say which bound, which list
 * and which article.
 */
import { describe, expect, it } from "vitest";
import type { DiscretionMatch } from "../../../schema/benchmarks/rules/discretion.ts";
import { assessDecision, type PushedDecision } from "../../../schema/supervision/rules/warnings.ts";
import { W } from "../benchmarks/fixtures.ts";

type Match = Parameters<typeof assessDecision>[0];
const range = (min: number, max: number) => ({ minFen: W(min), maxFen: W(max) });
const penalty = (over: Partial<Match> = {}): Match => ({
  outcome: "PENALTY",
  lenient: null,
  range: range(10, 100),
  tierRange: range(10, 100),
  factsMissing: false,
  ...over,
});
const lenient = (list: "NO_PENALTY" | "LIGHTER" | "MITIGATED", discretionary: boolean) =>
  ({
    list,
    discretionary,
    description: list === "NO_PENALTY" ? "初次违法且危害后果轻微并及时改正的" : "主动消除危害后果的",
    citation: list === "NO_PENALTY" ? "行政处罚法 第33条第1款" : "行政处罚法 第32条",
    source: "statute",
  }) as DiscretionMatch["lenient"];
const warnings = (m: Match, decision: PushedDecision, empowered = true) => assessDecision(m, decision, empowered);

describe("outside the range", () => {
  it.each([
    [
      penalty(),
      W(100) + 100,
      { kind: "FINE_ABOVE_RANGE", severity: "HIGH", message: "罚款 1,000,001元 高于裁量上限 1,000,000元" },
    ],
    [
      penalty(),
      W(10) - 100,
      { kind: "FINE_BELOW_RANGE", severity: "MEDIUM", message: "罚款 99,999元 低于裁量下限 100,000元" },
    ],
    [
      penalty({ factsMissing: true }),
      W(100) + 100,
      { kind: "FINE_ABOVE_RANGE", severity: "HIGH", message: "罚款 1,000,001元 高于法定上限 1,000,000元" },
    ],
    [
      penalty({ factsMissing: true }),
      W(10) - 100,
      { kind: "FINE_BELOW_RANGE", severity: "MEDIUM", message: "罚款 99,999元 低于法定下限 100,000元" },
    ],
  ] as [Match, number, object][])("%#", (m, fineFen, expected) => {
    const out = warnings(m, { fineFen });
    expect(out.at(-1)).toEqual(expected);
  });

  it("without facts the FACTS_MISSING warning comes first, LOW", () => {
    expect(warnings(penalty({ factsMissing: true }), { fineFen: W(50) })).toEqual([
      {
        kind: "FACTS_MISSING",
        severity: "LOW",
        message: "处罚决定未附案件事实，按法定幅度整体衡量 (no facts: measured against the whole statutory range)",
      },
    ]);
  });

  it("an item not empowered, HIGH, before anything else", () => {
    expect(warnings(penalty(), { fineFen: W(50) }, false)).toEqual([
      {
        kind: "ITEM_NOT_EMPOWERED",
        severity: "HIGH",
        message: "事项未赋权给管委会 (the item is not empowered to the committee)",
      },
    ]);
  });

  it("a fine of 0 is inside a range starting at 0, and below one starting above", () => {
    expect(warnings(penalty({ range: range(0, 1), tierRange: range(0, 1) }), { fineFen: 0 })).toEqual([]);
    expect(warnings(penalty(), { fineFen: 0 }).map((w) => w.message)).toEqual(["罚款 0元 低于裁量下限 100,000元"]);
  });
});

describe("a 从轻 or 减轻 range exceeded inside the tier's range", () => {
  it.each([
    ["LIGHTER_PENALTY", "LIGHTER", "罚款 600,000元 在阶次区间内，但高于从轻处罚上限 550,000元 (行政处罚法 第32条)"],
    ["MITIGATED_PENALTY", "MITIGATED", "罚款 600,000元 在阶次区间内，但高于减轻处罚上限 550,000元 (行政处罚法 第32条)"],
  ] as const)("%s", (outcome, list, message) => {
    const m = penalty({ outcome, lenient: lenient(list, false), range: range(10, 55) });
    expect(warnings(m, { fineFen: W(60) })).toEqual([{ kind: "LENIENT_IGNORED", severity: "MEDIUM", message }]);
  });

  it("beyond the tier's range too, it is a fine above the range", () => {
    const m = penalty({ outcome: "LIGHTER_PENALTY", lenient: lenient("LIGHTER", false), range: range(10, 55) });
    expect(warnings(m, { fineFen: W(120) })).toEqual([
      { kind: "FINE_ABOVE_RANGE", severity: "HIGH", message: "罚款 1,200,000元 高于裁量上限 550,000元" },
    ]);
  });
});

describe("不予处罚 ignored", () => {
  const noPenalty = (discretionary: boolean) =>
    penalty({ outcome: "NO_PENALTY", lenient: lenient("NO_PENALTY", discretionary), range: null });

  it("a binding one: HIGH, with the list's words and article", () => {
    expect(warnings(noPenalty(false), { fineFen: W(20) })).toEqual([
      {
        kind: "LENIENT_IGNORED",
        severity: "HIGH",
        message: "罚款 200,000元，但应当不予处罚: 初次违法且危害后果轻微并及时改正的 (行政处罚法 第33条第1款)",
      },
    ]);
  });

  it("a discretionary one: LOW, and then the fine must stay inside the tier's range", () => {
    expect(warnings(noPenalty(true), { fineFen: W(120) })).toEqual([
      {
        kind: "LENIENT_IGNORED",
        severity: "LOW",
        message: "罚款 1,200,000元，但可以不予处罚: 初次违法且危害后果轻微并及时改正的 (行政处罚法 第33条第1款)",
      },
      { kind: "FINE_ABOVE_RANGE", severity: "HIGH", message: "罚款 1,200,000元 高于阶次上限 1,000,000元" },
    ]);
    expect(warnings(noPenalty(true), { fineFen: W(5) }).at(-1)).toEqual({
      kind: "FINE_BELOW_RANGE",
      severity: "MEDIUM",
      message: "罚款 50,000元 低于阶次下限 100,000元",
    });
  });

  it("a binding one with a fine outside the tier: only LENIENT_IGNORED (the tier does not bind it)", () => {
    expect(warnings(noPenalty(false), { fineFen: W(120) }).map((w) => w.kind)).toEqual(["LENIENT_IGNORED"]);
  });

  it("a penalty that is not a fine says 作出处罚", () => {
    expect(warnings(noPenalty(false), { fineFen: null, lenientApplied: false })[0]?.message).toBe(
      "作出处罚，但应当不予处罚: 初次违法且危害后果轻微并及时改正的 (行政处罚法 第33条第1款)",
    );
  });

  it("a fine of 0 under 不予处罚 is no penalty", () => {
    expect(warnings(noPenalty(false), { fineFen: 0 })).toEqual([]);
  });
});

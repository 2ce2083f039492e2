/**
 * What matchDiscretion says and cites along the way — the steps an officer reads — for the paths the statute added:
 * no statute recorded, 减轻 against the statute's minimum, citations of daily-fine articles, the rule set of each day.
 */
import { describe, expect, it } from "vitest";
import { type DiscretionInput, matchDiscretion } from "../../../schema/benchmarks/rules/discretion.ts";
import { assessDecision } from "../../../schema/supervision/rules/warnings.ts";
import { air99, basisView, day, fixedRange, item, oneTier, safetyTraining97, statuteOf, W } from "./fixtures.ts";

const AIR_99 = statuteOf(fixedRange(W(10), W(100)));
const input = (over: Partial<DiscretionInput> = {}): DiscretionInput => ({
  item,
  benchmarks: [{ version: 1, source: "gz", effectiveFrom: day("2024-08-01"), effectiveTo: null, body: air99() }],
  legalBases: [basisView("大气污染防治法 第99条", { statute: AIR_99 })],
  actDate: day("2026-03-01"),
  decisionDate: day("2026-04-01"),
  facts: {},
  ...over,
});
const text = (m: { steps: string[] }) => m.steps.join("\n");

describe("steps and citations of one rule set", () => {
  it("no statute recorded: the benchmark alone, and the step says so", () => {
    const m = matchDiscretion(input({ legalBases: [basisView("某法 第1条")] }));
    expect(text(m)).toContain("法定幅度未录入");
    expect(m.citations).toEqual(["某法 第1条"]);
  });

  it("a duty basis is cited; a daily-fine article only when a daily fine is offered", () => {
    const bases = [
      basisView("大气污染防治法 第18条"),
      basisView("大气污染防治法 第99条", { statute: AIR_99 }),
      basisView("大气污染防治法 第123条", { dailyFine: true }),
    ];
    expect(matchDiscretion(input({ legalBases: bases })).citations).toEqual([
      "大气污染防治法 第18条",
      "大气污染防治法 第99条",
    ]);
    const notCorrected = matchDiscretion(
      input({ legalBases: bases, facts: { correctedInTime: false, daysNotCorrected: 1 } }),
    );
    expect(notCorrected.citations).toEqual([
      "大气污染防治法 第18条",
      "大气污染防治法 第99条",
      "大气污染防治法 第123条",
    ]);
    expect(notCorrected.dailyContinuous).toEqual({ minFen: W(10), maxFen: W(100), days: 1 });
    // not corrected but 0 days and no daily article: nothing said about daily fines
    const none = matchDiscretion(input({ facts: { correctedInTime: false } }));
    expect(text(none)).not.toContain("按日连续处罚");
  });

  it("减轻 goes below the statute's minimum (大气法 第99条: 10万), not below the tier's", () => {
    const b = oneTier(fixedRange(W(40), W(70)));
    b.lenientRules.push({ list: "MITIGATED", conditions: [], description: "配合查处", citation: "行政处罚法 第32条" });
    const m = matchDiscretion(input({ benchmarks: [{ ...input().benchmarks[0]!, body: b }] }));
    expect(m.outcome).toBe("MITIGATED_PENALTY");
    expect(m.range).toEqual({ minFen: 0, maxFen: W(10) });
    expect(m.tierRange).toEqual({ minFen: W(40), maxFen: W(70) });
    // no statute: the lowest tier minimum of the benchmark instead
    const noStatute = matchDiscretion(
      input({
        legalBases: [],
        benchmarks: [{ ...input().benchmarks[0]!, body: safetyWithMitigation() }],
        facts: { proportionAffectedPct: 50 },
      }),
    );
    expect(noStatute.range).toEqual({ minFen: 0, maxFen: 0 });
  });

  it("不予处罚: no daily fine and no responsible-person range, though the tier is still told", () => {
    const m = matchDiscretion(
      input({
        benchmarks: [{ ...input().benchmarks[0]!, body: safetyTraining97() }],
        legalBases: [basisView("安全生产法 第112条", { dailyFine: true })],
        facts: { subjectiveFault: false, correctedInTime: false, daysNotCorrected: 3 },
      }),
    );
    expect(m.outcome).toBe("NO_PENALTY");
    expect([m.dailyContinuous, m.responsiblePersonRange]).toEqual([null, null]);
    expect(m.tier).toEqual({ level: 1, name: "较轻" });
    expect(m.citations).not.toContain("安全生产法 第112条");
  });

  it("without facts: the steps say the whole statutory range is used, and no daily article is cited", () => {
    const m = matchDiscretion(
      input({ facts: null, legalBases: [...input().legalBases, basisView("第123条", { dailyFine: true })] }),
    );
    expect(m.steps[2]).toContain("未提供案件事实");
    expect(text(m)).toContain("法定幅度 (含逾期未改正与加重情形): 大气污染防治法 第99条 100,000元–1,000,000元");
    expect(m.citations).toEqual(["大气污染防治法 第99条"]);
    expect(m.noCoercion).toBe(false);
    const unknown = matchDiscretion(input({ facts: null, legalBases: [] }));
    expect(unknown.range).toBeNull();
    expect(text(unknown)).toContain("无法判断罚款幅度");
  });
});

function safetyWithMitigation() {
  const b = safetyTraining97();
  b.lenientRules.push({ list: "MITIGATED", conditions: [], description: "配合查处", citation: "行政处罚法 第32条" });
  return b;
}

describe("which day's rules, said in the steps", () => {
  const v = (version: number, from: string, to: string | null) => ({
    version,
    source: "gz",
    effectiveFrom: day(from),
    effectiveTo: to ? day(to) : null,
    body: air99(),
  });

  it("one rule set on both days: named once, no 第37条", () => {
    const m = matchDiscretion(input());
    expect(m.steps[1]).toBe("2. 适用裁量基准 gz v1 (2024-08-01 至 今)，违法行为发生时和作出决定时均有效");
    expect(m.citations).not.toContain("行政处罚法 第37条");
  });

  it("a benchmark only at the decision, or only at the act: says which, and uses it", () => {
    const late = matchDiscretion(input({ benchmarks: [v(3, "2026-03-15", null)] }));
    expect(text(late)).toContain("违法行为发生时无有效裁量基准，适用作出决定时有效的基准");
    const early = matchDiscretion(input({ benchmarks: [v(2, "2024-08-01", "2026-03-20")] }));
    expect(text(early)).toContain("作出决定时无有效裁量基准，适用违法行为发生时有效的基准");
    expect(early.benchmarkVersion).toBe(2);
  });

  it("a change of benchmark alone is weighed by analogy; a change of law under 第37条 itself", () => {
    const analogy = matchDiscretion(
      input({ benchmarks: [v(1, "2024-08-01", "2026-03-10"), v(2, "2026-03-11", null)] }),
    );
    expect(text(analogy)).toContain("参照行政处罚法 第37条");
    expect(text(analogy)).toContain("裁量基准: gz v1");
    const law = matchDiscretion(
      input({
        legalBases: [
          basisView("旧法 第1条", { statute: AIR_99, to: "2026-03-10" }),
          basisView("新法 第1条", { statute: AIR_99, from: "2026-03-11" }),
        ],
      }),
    );
    expect(text(law)).toContain("从旧兼从轻 (行政处罚法 第37条)");
    expect(text(law)).toContain("法律依据: gz v1 (2024-08-01 至 今)，依据 旧法 第1条 → 处罚 100,000元–1,000,000元");
    expect(law.citations).toEqual(["旧法 第1条", "行政处罚法 第37条"]);
  });

  it("says when the decision falls after the empowerment ended", () => {
    const m = matchDiscretion(input({ item: { ...item, empoweredTo: day("2026-03-31") } }));
    expect(m.steps[1]).toBe("2. 注意: 决定日已超出赋权期限 (至 2026-03-31)");
  });
});

describe("warning messages", () => {
  it("measured without facts, they speak of the statute's bounds", () => {
    const m = matchDiscretion(input({ facts: null }));
    expect(assessDecision(m, { fineFen: W(100) + 1 }, true).map((w) => w.message)).toEqual([
      "处罚决定未附案件事实，按法定幅度整体衡量 (no facts: measured against the whole statutory range)",
      "罚款 1,000,000.01元 高于法定上限 1,000,000元",
    ]);
    expect(assessDecision(m, { fineFen: W(10) - 1 }, true)[1]?.message).toBe("罚款 99,999.99元 低于法定下限 100,000元");
  });

  it("with facts, of the discretion's bounds", () => {
    const withFacts = matchDiscretion(input());
    expect(assessDecision(withFacts, { fineFen: W(100) + 1 }, true)[0]?.message).toBe(
      "罚款 1,000,000.01元 高于裁量上限 1,000,000元",
    );
  });
});

import { describe, expect, it } from "vitest";
import {
  combineConcurrentNorms,
  evaluateFine,
  evaluateTierFine,
} from "../../../schema/benchmarks/rules/fine-engine.ts";
import type { CaseFacts, FineRule } from "../../../schema/benchmarks/rules/types.ts";
import { errorCode, facts, mining64, safetyTraining97, W } from "./fixtures.ts";

const wasteDisposal112: FineRule = {
  kind: "MULTIPLE_OF_BASE",
  base: "DISPOSAL_COST",
  minBp: 30_000,
  maxBp: 50_000,
  baseFloorFen: W(20),
};

describe("evaluateFine: every fine-rule kind with statutory figures", () => {
  it.each([
    ["安全生产法 第97条 ≤10万 (UP_TO_MAX, min 0)", { kind: "UP_TO_MAX", maxFen: W(10) }, {}, 0, W(10)],
    ["大气污染防治法 第99条 10万–100万", { kind: "FIXED_RANGE", minFen: W(10), maxFen: W(100) }, {}, W(10), W(100)],
    [
      "环评法 第31条 总投资额 1%–5%: 5,000万 → 50万–250万",
      { kind: "MULTIPLE_OF_BASE", base: "INVESTMENT", minBp: 100, maxBp: 500 },
      { baseAmountsFen: { INVESTMENT: W(5000) } },
      W(50),
      W(250),
    ],
    [
      "土地管理法 第77条 + 实施条例 第57条 每平方米100–1000元: 300 m² → 3万–30万",
      { kind: "PER_SQUARE_METRE", minFenPerM2: 10_000, maxFenPerM2: 100_000 },
      { areaM2: 300 },
      W(3),
      W(30),
    ],
    [
      "固废法 第112条 处置费用 2万 按20万计 → 60万–100万",
      wasteDisposal112,
      { baseAmountsFen: { DISPOSAL_COST: W(2) } },
      W(60),
      W(100),
    ],
    [
      "固废法 第112条 处置费用 10万 按20万计 → 60万–100万",
      wasteDisposal112,
      { baseAmountsFen: { DISPOSAL_COST: W(10) } },
      W(60),
      W(100),
    ],
    [
      "固废法 第112条 处置费用 30万 (above the floor) → 90万–150万",
      wasteDisposal112,
      { baseAmountsFen: { DISPOSAL_COST: W(30) } },
      W(90),
      W(150),
    ],
    ["矿产资源法 第64条 没有采出矿产品 → 10万–100万", mining64, {}, W(10), W(100)],
    [
      "矿产资源法 第64条 市场价值 5万 不足10万 → 10万–100万",
      mining64,
      { baseAmountsFen: { MARKET_VALUE: W(5) } },
      W(10),
      W(100),
    ],
    [
      "矿产资源法 第64条 市场价值恰为 10万 → 3–5倍 30万–50万",
      mining64,
      { baseAmountsFen: { MARKET_VALUE: W(10) } },
      W(30),
      W(50),
    ],
    [
      "矿产资源法 第64条 市场价值 40万 → 120万–200万",
      mining64,
      { baseAmountsFen: { MARKET_VALUE: W(40) } },
      W(120),
      W(200),
    ],
  ] as [string, FineRule, Parameters<typeof facts>[0], number, number][])("%s", (_name, rule, input, min, max) => {
    const result = evaluateFine(rule, facts(input));
    expect({ minFen: result.minFen, maxFen: result.maxFen }).toEqual({ minFen: min, maxFen: max });
    expect(result.steps.length).toBeGreaterThan(0);
  });

  it("floorFen raises a computed bound that falls below it (mechanics of the field, 3–5倍 with a 20万 floor)", () => {
    const rule: FineRule = {
      kind: "MULTIPLE_OF_BASE",
      base: "DISPOSAL_COST",
      minBp: 30_000,
      maxBp: 50_000,
      floorFen: W(20),
    };
    const low = evaluateFine(rule, facts({ baseAmountsFen: { DISPOSAL_COST: W(2) } }));
    expect([low.minFen, low.maxFen]).toEqual([W(20), W(20)]);
    const high = evaluateFine(rule, facts({ baseAmountsFen: { DISPOSAL_COST: W(10) } }));
    expect([high.minFen, high.maxFen]).toEqual([W(30), W(50)]);
  });

  it("rounds bounds inward to whole fen: minimum up, maximum down", () => {
    const rule: FineRule = { kind: "MULTIPLE_OF_BASE", base: "INVESTMENT", minBp: 100, maxBp: 500 };
    // 123.45 元 investment: 1% = 123.45 fen → 124; 5% = 617.25 fen → 617
    const r = evaluateFine(rule, facts({ baseAmountsFen: { INVESTMENT: 12_345 } }));
    expect([r.minFen, r.maxFen]).toEqual([124, 617]);
    expect(r.steps.join(" ")).toContain("rounded inward");
  });

  it("computes per-m² amounts without float error (0.07 m² × 1元/m² is exactly 7 fen)", () => {
    const rule: FineRule = { kind: "PER_SQUARE_METRE", minFenPerM2: 100, maxFenPerM2: 100 };
    const r = evaluateFine(rule, facts({ areaM2: 0.07 }));
    expect([r.minFen, r.maxFen]).toEqual([7, 7]);
  });

  it("refuses a multiple without its base (BASE_AMOUNT_REQUIRED) unless whenBaseUnknown applies", () => {
    expect(errorCode(() => evaluateFine(wasteDisposal112, facts()))).toBe("BASE_AMOUNT_REQUIRED");
    expect(errorCode(() => evaluateFine(mining64, facts()))).toBe("NO_ERROR");
  });

  it("refuses a negative base, an absent area and an inverted rule with stable codes", () => {
    const negative = { ...facts(), baseAmountsFen: { DISPOSAL_COST: -1 } } as CaseFacts;
    expect(errorCode(() => evaluateFine(wasteDisposal112, negative))).toBe("NEGATIVE_BASE_AMOUNT");
    expect(
      errorCode(() => evaluateFine({ kind: "PER_SQUARE_METRE", minFenPerM2: 10_000, maxFenPerM2: 100_000 }, facts())),
    ).toBe("AREA_REQUIRED");
    expect(errorCode(() => evaluateFine({ kind: "FIXED_RANGE", minFen: W(2), maxFen: W(1) }, facts()))).toBe(
      "INVALID_RULE",
    );
  });
});

describe("evaluateTierFine: escalation and responsible persons", () => {
  const tier97 = safetyTraining97().tiers[0]!;

  it("uses the tier's own range when corrected in time (安全生产法 第97条: ≤3万 in tier 1)", () => {
    const r = evaluateTierFine(tier97, facts());
    expect([r.minFen, r.maxFen, r.escalated]).toEqual([0, W(3), false]);
    expect(r.base).toEqual({ minFen: 0, maxFen: W(3) });
  });

  it("escalates on 逾期未改正 to escalation.fine with the responsible-person fine (10万–13万; 人 2万–5万)", () => {
    const r = evaluateTierFine(tier97, facts({ correctedInTime: false }));
    expect([r.minFen, r.maxFen, r.escalated]).toEqual([W(10), W(13), true]);
    expect(r.responsiblePerson).toEqual({ minFen: W(2), maxFen: W(5) });
    expect(r.otherMeasures).toContain("责令停产停业整顿");
  });
});

describe("combineConcurrentNorms (行政处罚法 第29条)", () => {
  const air = { citation: "大气污染防治法 第99条第(一)项", minFen: W(10), maxFen: W(100) };
  const permit = { citation: "排污许可管理条例 第33条", minFen: W(20), maxFen: W(100) };

  it("fines once under the higher norm: equal maxima → the higher minimum (20万–100万)", () => {
    for (const norms of [
      [air, permit],
      [permit, air],
    ]) {
      const r = combineConcurrentNorms(norms);
      expect(r.chosen.citation).toBe("排污许可管理条例 第33条");
      expect([r.minFen, r.maxFen]).toEqual([W(20), W(100)]);
      expect(r.citations).toContain("行政处罚法 第29条");
    }
  });

  it("compares by maximum first", () => {
    const wide = { citation: "A", minFen: W(5), maxFen: W(200) };
    expect(combineConcurrentNorms([permit, wide]).chosen.citation).toBe("A");
  });

  it("refuses an empty list (NO_NORMS)", () => {
    expect(errorCode(() => combineConcurrentNorms([]))).toBe("NO_NORMS");
  });
});

/**
 * The 有利相对人 merge never leaves the statute. Expected figures computed by hand from the articles quoted.
 */
import { describe, expect, it } from "vitest";
import { evaluateTierFine } from "../../../schema/benchmarks/rules/fine-engine.ts";
import { mergeBenchmarks } from "../../../schema/benchmarks/rules/merge.ts";
import { clampRule, clampTier } from "../../../schema/benchmarks/rules/merge-statute.ts";
import type { BenchmarkBody, FineRule } from "../../../schema/benchmarks/rules/types.ts";
import { body, facts, fixedRange, safetyTraining97, statuteOf, W } from "./fixtures.ts";

const ok = (r: ReturnType<typeof mergeBenchmarks>) => {
  if (!r.ok) throw new Error(`unexpected conflicts: ${JSON.stringify(r.conflicts)}`);
  return r;
};
const single = (fine: FineRule, extra: Record<string, unknown> = {}): BenchmarkBody =>
  body({ tiers: [{ level: 1, name: "一般", fine, ...extra }] });

/** 固体废物污染环境防治法 第112条第2款: "处所需处置费用三倍以上五倍以下的罚款，所需处置费用不足二十万元的，按二十万元计算" */
const cost = (baseFloorFen?: number): FineRule => ({
  kind: "MULTIPLE_OF_BASE",
  base: "DISPOSAL_COST",
  minBp: 30_000,
  maxBp: 50_000,
  ...(baseFloorFen === undefined ? {} : { baseFloorFen }),
});
const waste112 = { citation: "固体废物污染环境防治法 第112条", statute: statuteOf(cost(W(20))) };
/** 大气污染防治法 第99条: "并处十万元以上一百万元以下的罚款" */
const air99 = { citation: "大气污染防治法 第99条", statute: statuteOf(fixedRange(W(10), W(100))) };

describe("a statutory rule stated by one side is kept (固废法 第112条: 不足二十万元的，按二十万元计算)", () => {
  it("keeps the floor: a 1万 disposal cost gives 60万–100万, not 3万–5万", () => {
    for (const [cq, sc] of [
      [single(cost(W(20))), single(cost())],
      [single(cost()), single(cost(W(20)))],
    ] as const) {
      const m = ok(mergeBenchmarks(cq, sc));
      const r = evaluateTierFine(m.body.tiers[0]!, facts({ baseAmountsFen: { DISPOSAL_COST: W(1) } }));
      expect([r.minFen, r.maxFen]).toEqual([W(60), W(100)]);
    }
  });

  it("keeps a fallback range stated by one side with its threshold (矿产资源法 第64条: 不足十万元的 10万–100万)", () => {
    const mining = (fallback: boolean): FineRule => ({
      kind: "MULTIPLE_OF_BASE",
      base: "MARKET_VALUE",
      minBp: 30_000,
      maxBp: 50_000,
      ...(fallback ? { baseThresholdFen: W(10), whenBaseUnknown: fixedRange(W(10), W(100)) } : {}),
    });
    const m = ok(mergeBenchmarks(single(mining(false)), single(mining(true))));
    expect(m.body.tiers[0]!.fine).toMatchObject({
      baseThresholdFen: W(10),
      whenBaseUnknown: fixedRange(W(10), W(100)),
    });
  });

  it("restores the statute's floor when neither side states it, and reports it", () => {
    const m = ok(mergeBenchmarks(single(cost()), single(cost()), waste112));
    expect(m.body.tiers[0]!.fine).toMatchObject({ baseFloorFen: W(20) });
    expect(m.clamped).toEqual([
      {
        level: 1,
        part: "fine",
        bound: "baseFloorFen",
        unit: "FEN",
        before: null,
        after: W(20),
        citation: "固体废物污染环境防治法 第112条",
      },
    ]);
  });
});

describe("a merged tier is clamped into the statute, and the clamp is reported", () => {
  it("raises a Sichuan floor of 8万 under 大气法 第99条 (minimum 10万) to 10万", () => {
    const m = ok(mergeBenchmarks(single(fixedRange(W(10), W(40))), single(fixedRange(W(8), W(40))), air99));
    expect(m.body.tiers[0]!.fine).toEqual(fixedRange(W(10), W(40)));
    expect(m.clamped).toEqual([
      {
        level: 1,
        part: "fine",
        bound: "minFen",
        unit: "FEN",
        before: W(8),
        after: W(10),
        citation: "大气污染防治法 第99条",
      },
    ]);
    expect(m.provenance.tiers[0]!.fine).toEqual({ minFen: "sc", maxFen: "both" });
  });

  it("changes nothing and reports nothing for a merge already inside the statute", () => {
    const m = ok(mergeBenchmarks(single(fixedRange(W(10), W(40))), single(fixedRange(W(20), W(50))), air99));
    expect(m.body.tiers[0]!.fine).toEqual(fixedRange(W(10), W(40)));
    expect(m.clamped).toEqual([]);
  });

  it("lowers a maximum above the statute and gives a '≤ max' tier the statute's minimum", () => {
    const rec: unknown[] = [];
    const record = (...args: unknown[]) => rec.push(args);
    expect(clampRule({ kind: "UP_TO_MAX", maxFen: W(150) }, fixedRange(W(10), W(100)), record)).toEqual(
      fixedRange(W(10), W(100)),
    );
    expect(rec).toEqual([
      ["maxFen", "FEN", W(150), W(100)],
      ["minFen", "FEN", 0, W(10)],
    ]);
    // under a "≤ max" statute it stays "≤ max"
    expect(clampRule({ kind: "UP_TO_MAX", maxFen: W(3) }, { kind: "UP_TO_MAX", maxFen: W(10) }, () => {})).toEqual({
      kind: "UP_TO_MAX",
      maxFen: W(3),
    });
  });

  it("clamps multiples and per-m² rates bound by bound, and the statute's fallback replaces a side's", () => {
    const statute: FineRule = {
      kind: "MULTIPLE_OF_BASE",
      base: "MARKET_VALUE",
      minBp: 30_000,
      maxBp: 50_000,
      baseThresholdFen: W(10),
      whenBaseUnknown: fixedRange(W(10), W(100)),
    };
    const tier: FineRule = {
      kind: "MULTIPLE_OF_BASE",
      base: "MARKET_VALUE",
      minBp: 20_000,
      maxBp: 60_000,
      baseThresholdFen: W(5),
      whenBaseUnknown: fixedRange(W(5), W(200)),
    };
    expect(clampRule(tier, statute, () => {})).toEqual({ ...statute });
    expect(
      clampRule(
        { kind: "PER_SQUARE_METRE", minFenPerM2: 5_000, maxFenPerM2: 200_000 },
        { kind: "PER_SQUARE_METRE", minFenPerM2: 10_000, maxFenPerM2: 100_000 },
        () => {},
      ),
    ).toEqual({ kind: "PER_SQUARE_METRE", minFenPerM2: 10_000, maxFenPerM2: 100_000 });
    // a fallback the statute does not have is dropped
    const noFallback = { ...statute, baseThresholdFen: undefined, whenBaseUnknown: undefined } as FineRule;
    const rec: unknown[] = [];
    const out = clampRule(tier, noFallback, (...args) => rec.push(args));
    expect(out).not.toHaveProperty("whenBaseUnknown");
    expect(rec).toContainEqual(["whenBaseUnknown.minFen", "FEN", W(5), undefined]);
  });

  it("keeps escalation inside the statute's escalation, or its ordinary range where it sets none", () => {
    // 安全生产法 第97条: 逾期 10万–20万; 第102条: 拒不执行 no heavier unit fine (≤5万)
    const tier = safetyTraining97().tiers[2]!; // 7万–10万, 逾期 17万–20万
    const s97 = statuteOf({ kind: "UP_TO_MAX", maxFen: W(10) }, { escalation: fixedRange(W(10), W(20)) });
    expect(clampTier(tier, { citation: "第97条", statute: s97 }).clamps).toEqual([]);
    const s102 = statuteOf({ kind: "UP_TO_MAX", maxFen: W(5) });
    const clamped = clampTier(tier, { citation: "第102条", statute: s102 });
    expect(clamped.tier.fine).toEqual(fixedRange(W(5), W(5)));
    expect(clamped.tier.escalation?.fine).toEqual(fixedRange(W(5), W(5)));
    expect(clamped.clamps.map((c) => `${c.part}.${c.bound}`)).toEqual([
      "fine.maxFen",
      "fine.minFen",
      "escalation.maxFen",
      "escalation.minFen",
    ]);
  });

  it("clamps responsible-person fines where the statute states them", () => {
    const tier = body({
      tiers: [
        {
          level: 1,
          name: "一般",
          fine: fixedRange(W(20), W(40)),
          responsiblePersonFine: fixedRange(W(1), W(30)),
          escalation: { fine: fixedRange(W(100), W(200)), responsiblePersonFine: fixedRange(W(5), W(25)) },
        },
      ],
    }).tiers[0]!;
    // 建设项目环境保护管理条例 第23条: 人 "处5万元以上20万元以下的罚款"
    const s23 = statuteOf(fixedRange(W(20), W(100)), {
      escalation: fixedRange(W(100), W(200)),
      responsiblePersonFine: fixedRange(W(5), W(20)),
      escalationResponsiblePersonFine: fixedRange(W(5), W(20)),
    });
    const { tier: out, clamps } = clampTier(tier, { citation: "第23条", statute: s23 });
    expect(out.responsiblePersonFine).toEqual(fixedRange(W(5), W(20)));
    expect(out.escalation?.responsiblePersonFine).toEqual(fixedRange(W(5), W(20)));
    expect(clamps.map((c) => c.part)).toEqual([
      "responsiblePersonFine",
      "responsiblePersonFine",
      "escalationResponsiblePersonFine",
    ]);
  });

  it("takes the statutory range that covers the tier (安全生产法 第114条: 较大事故 100万–200万)", () => {
    const larger = body({
      tiers: [
        {
          level: 2,
          name: "较大事故",
          conditions: [{ fact: "accidentLevel", op: "eq", value: "LARGER" }],
          fine: fixedRange(W(90), W(250)),
        },
      ],
    }).tiers[0]!;
    const s114 = {
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
    };
    expect(clampTier(larger, { citation: "第114条", statute: s114 }).tier.fine).toEqual(fixedRange(W(100), W(200)));
    // a tier covering both grades is held inside their envelope, 30万–200万
    const wide = { ...larger, conditions: [] };
    expect(clampTier(wide, { citation: "第114条", statute: s114 }).tier.fine).toEqual(fixedRange(W(90), W(200)));
  });
});

describe("conflicts instead of guesses", () => {
  it("STATUTE_MISMATCH: a fixed tier against a statute that fines a multiple", () => {
    const r = mergeBenchmarks(single(fixedRange(W(1), W(2))), single(fixedRange(W(1), W(2))), waste112);
    expect(r).toEqual({ ok: false, conflicts: [expect.objectContaining({ level: 1, code: "STATUTE_MISMATCH" })] });
  });

  it("STATUTE_MISMATCH: a multiple of another base, or statutory ranges of two kinds over one tier", () => {
    const investment: FineRule = { kind: "MULTIPLE_OF_BASE", base: "INVESTMENT", minBp: 100, maxBp: 500 };
    const r = mergeBenchmarks(single(investment), single(investment), waste112);
    expect(r.ok).toBe(false);
    const mixed = {
      citation: "x",
      statute: {
        ranges: [
          { conditions: [], fine: fixedRange(W(1), W(3)) },
          { conditions: [], fine: cost() },
        ],
      },
    };
    expect(mergeBenchmarks(single(fixedRange(W(1), W(2))), single(fixedRange(W(1), W(2))), mixed).ok).toBe(false);
  });

  it("FINE_SHAPE_MISMATCH: both sides give a fallback range, below different thresholds", () => {
    const withThreshold = (t: number): FineRule => ({
      kind: "MULTIPLE_OF_BASE",
      base: "MARKET_VALUE",
      minBp: 30_000,
      maxBp: 50_000,
      baseThresholdFen: t,
      whenBaseUnknown: fixedRange(W(10), W(100)),
    });
    const r = mergeBenchmarks(single(withThreshold(W(10))), single(withThreshold(W(5))));
    expect(r).toEqual({ ok: false, conflicts: [expect.objectContaining({ level: 1, code: "FINE_SHAPE_MISMATCH" })] });
    const bases = mergeBenchmarks(single(cost()), single({ ...cost(), base: "INVESTMENT" } as FineRule));
    expect(bases).toEqual({ ok: false, conflicts: [expect.objectContaining({ code: "FINE_SHAPE_MISMATCH" })] });
  });

  it("DUPLICATE_LEVEL: a side with the same level twice", () => {
    const twice = safetyTraining97();
    twice.tiers[1]!.level = 1;
    const r = mergeBenchmarks(twice, safetyTraining97());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.conflicts.map((c) => [c.level, c.code])).toContainEqual([1, "DUPLICATE_LEVEL"]);
  });
});

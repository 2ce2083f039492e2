/**
 * The fine engine at its edges (the cases mutation testing found unpinned): rounding where the exact range is
 * narrower than one fen, a base of exactly 0, amounts past the safe range, the 第29条 tie, and money text.
 */
import { describe, expect, it } from "vitest";
import {
  combineConcurrentNorms,
  evaluateFine,
  evaluateTierFine,
  fineRange,
  rangeText,
  timesBp,
  timesDays,
  yuan,
} from "../../../schema/benchmarks/rules/fine-engine.ts";
import type { FineRule } from "../../../schema/benchmarks/rules/types.ts";
import { errorCode, facts, mining64, W } from "./fixtures.ts";

const multiple = (minBp: number, maxBp: number, extra: Partial<FineRule> = {}): FineRule =>
  ({ kind: "MULTIPLE_OF_BASE", base: "INVESTMENT", minBp, maxBp, ...extra }) as FineRule;

describe("rounding inward to whole fen", () => {
  it("when the exact range is narrower than one fen, both bounds are the maximum rounded down", () => {
    // 1 fen × 1.5%–1.6% = 0.015–0.016 fen: min rounds up to 1, max down to 0 → both 0
    const r = evaluateFine(multiple(150, 160), facts({ baseAmountsFen: { INVESTMENT: 1 } }));
    expect([r.minFen, r.maxFen]).toEqual([0, 0]);
    // 150 fen × 1%–1% = 1.5 fen exactly: min up to 2, max down to 1 → both 1
    const s = evaluateFine(multiple(100, 100), facts({ baseAmountsFen: { INVESTMENT: 150 } }));
    expect([s.minFen, s.maxFen]).toEqual([1, 1]);
  });

  it("a whole product is not rounded: 200 fen × 1% is exactly 2 fen", () => {
    const r = evaluateFine(multiple(100, 100), facts({ baseAmountsFen: { INVESTMENT: 200 } }));
    expect([r.minFen, r.maxFen]).toEqual([2, 2]);
  });
});

describe("a base of exactly 0", () => {
  const mining = mining64;

  it("is 'no base' for a fallback range (矿产资源法 第64条 没有采出矿产品 → 10万–100万), said so", () => {
    const r = evaluateFine(mining, facts({ baseAmountsFen: { MARKET_VALUE: 0 } }));
    expect([r.minFen, r.maxFen]).toEqual([W(10), W(100)]);
    expect(r.steps[0]).toContain("没有MARKET_VALUE基数");
    const below = evaluateFine(mining, facts({ baseAmountsFen: { MARKET_VALUE: W(5) } }));
    expect(below.steps[0]).toContain("不足");
  });

  it("is a base of 0 for a plain multiple (0 × 1%–5% = 0–0), not a missing base", () => {
    const r = evaluateFine(multiple(100, 500), facts({ baseAmountsFen: { INVESTMENT: 0 } }));
    expect([r.minFen, r.maxFen]).toEqual([0, 0]);
  });

  it("raises a base below its floor to the floor, and a base at the floor stays (固废法 第112条 按二十万元计算)", () => {
    const rule = multiple(30_000, 50_000, { base: "DISPOSAL_COST", baseFloorFen: W(20) } as Partial<FineRule>);
    const at = evaluateFine(rule, facts({ baseAmountsFen: { DISPOSAL_COST: W(20) } }));
    expect([at.minFen, at.maxFen]).toEqual([W(60), W(100)]);
    expect(at.steps.join("\n")).not.toContain("不足");
  });

  it("a floorFen raises the maximum too when the computed maximum is below it", () => {
    const rule = multiple(100, 200, { floorFen: W(1) } as Partial<FineRule>);
    const r = evaluateFine(rule, facts({ baseAmountsFen: { INVESTMENT: W(10) } })); // 1%–2% of 10万 = 1000–2000元
    expect([r.minFen, r.maxFen]).toEqual([W(1), W(1)]);
    const high = evaluateFine(rule, facts({ baseAmountsFen: { INVESTMENT: W(100) } })); // 1万–2万: above the floor
    expect([high.minFen, high.maxFen]).toEqual([W(1), W(2)]);
  });

  it("refuses an inverted multiple or fallback and a negative base with their codes", () => {
    expect(errorCode(() => evaluateFine(multiple(500, 100), facts({ baseAmountsFen: { INVESTMENT: 1 } })))).toBe(
      "INVALID_RULE",
    );
    const inverted = { ...mining, whenBaseUnknown: { kind: "FIXED_RANGE" as const, minFen: W(2), maxFen: W(1) } };
    expect(errorCode(() => evaluateFine(inverted, facts()))).toBe("INVALID_RULE");
    expect(
      errorCode(() =>
        evaluateFine(multiple(1, 2), { ...facts(), baseAmountsFen: { INVESTMENT: -1 } } as ReturnType<typeof facts>),
      ),
    ).toBe("NEGATIVE_BASE_AMOUNT");
    expect(errorCode(() => evaluateFine({ kind: "PER_SQUARE_METRE", minFenPerM2: 2, maxFenPerM2: 1 }, facts()))).toBe(
      "INVALID_RULE",
    );
  });
});

describe("amounts past the safe integer range", () => {
  it("AMOUNT_TOO_LARGE: a multiple, a daily fine or an aggravation beyond 2^53 fen", () => {
    const huge = Number.MAX_SAFE_INTEGER;
    expect(
      errorCode(() => evaluateFine(multiple(20_000, 20_000), facts({ baseAmountsFen: { INVESTMENT: huge } }))),
    ).toBe("AMOUNT_TOO_LARGE");
    expect(errorCode(() => timesDays({ minFen: 0, maxFen: huge }, 2))).toBe("AMOUNT_TOO_LARGE");
    expect(errorCode(() => timesBp({ minFen: 0, maxFen: huge }, 10_000, 50_000))).toBe("AMOUNT_TOO_LARGE");
    // exactly the largest safe amount is still an amount
    expect(timesDays({ minFen: 0, maxFen: huge }, 1)).toEqual({ minFen: 0, maxFen: huge });
  });

  it("multiplies exactly: 30万–100万 × 2–5 = 60万–500万; 3万 × 10 days = 30万", () => {
    expect(timesBp({ minFen: W(30), maxFen: W(100) }, 20_000, 50_000)).toEqual({ minFen: W(60), maxFen: W(500) });
    expect(timesDays({ minFen: W(1), maxFen: W(3) }, 10)).toEqual({ minFen: W(10), maxFen: W(30) });
  });
});

describe("行政处罚法 第29条: ties and order", () => {
  const a = { citation: "A", minFen: W(10), maxFen: W(100) };
  const b = { citation: "B", minFen: W(10), maxFen: W(100) };

  it("a full tie keeps the first norm given", () => {
    expect(combineConcurrentNorms([a, b]).chosen.citation).toBe("A");
    expect(combineConcurrentNorms([b, a]).chosen.citation).toBe("B");
  });

  it("a higher maximum wins even with a lower minimum; a lower maximum never does", () => {
    const wide = { citation: "W", minFen: W(1), maxFen: W(101) };
    expect(combineConcurrentNorms([a, wide]).chosen.citation).toBe("W");
    const narrow = { citation: "N", minFen: W(50), maxFen: W(99) };
    expect(combineConcurrentNorms([a, narrow]).chosen.citation).toBe("A");
    const r = combineConcurrentNorms([a, narrow]);
    expect(r.steps[0]).toBe(
      "同一违法行为违反多个规定 (one act, several norms): A 100,000元–1,000,000元；N 500,000元–990,000元",
    );
  });
});

describe("money as text", () => {
  it.each([
    [0, "0元"],
    [5, "0.05元"],
    [12_345, "123.45元"],
    [12_340, "123.40元"],
    [100_000_000, "1,000,000元"],
    [123_456_789_012, "1,234,567,890.12元"],
    [-150, "-1.50元"],
    [-100_000_000n, "-1,000,000元"],
  ])("yuan(%s) = %s", (fen, text) => {
    expect(yuan(fen)).toBe(text);
  });

  it("writes every amount as the exact BigInt formula did, plain numbers and bigints alike", () => {
    const exact = (fen: number | bigint) => {
      const f = BigInt(fen);
      const abs = f < 0n ? -f : f;
      const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      const cents = abs % 100n;
      return `${f < 0n ? "-" : ""}${whole}${cents === 0n ? "" : `.${cents.toString().padStart(2, "0")}`}元`;
    };
    const amounts: (number | bigint)[] = [-0, 2 ** 53, -(2 ** 53) - 2, 1e21, 10n ** 25n + 7n, -(10n ** 25n) - 50n];
    for (let digits = 0; digits <= 15; digits++) {
      for (const near of [-1, 0, 1, 99, 100]) {
        const fen = Math.min(10 ** digits + near, Number.MAX_SAFE_INTEGER);
        amounts.push(fen, -fen, BigInt(fen));
      }
    }
    amounts.push(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER);
    for (const fen of amounts) expect(yuan(fen), String(fen)).toBe(exact(fen));
  });

  it("refuses a fraction of a fen, as BigInt always did", () => {
    for (const fen of [1.5, -0.01, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => yuan(fen)).toThrow(RangeError);
  });

  it("writes a range with an en dash", () => {
    expect(rangeText({ minFen: W(1), maxFen: W(2) })).toBe("10,000元–20,000元");
  });
});

describe("the steps say how each range was computed", () => {
  it("names the rule and its figures", () => {
    expect(evaluateFine({ kind: "FIXED_RANGE", minFen: W(2), maxFen: W(5) }, facts())).toEqual({
      minFen: W(2),
      maxFen: W(5),
      steps: ["固定区间 (fixed range): 20,000元–50,000元"],
      citations: [],
    });
    expect(evaluateFine({ kind: "UP_TO_MAX", maxFen: W(10) }, facts()).steps).toEqual([
      "100,000元以下 (up to the maximum, minimum 0): 0元–100,000元",
    ]);
    expect(evaluateFine(multiple(100, 500), facts({ baseAmountsFen: { INVESTMENT: W(100) } })).steps).toEqual([
      "INVESTMENT 1,000,000元 × 1%–5% = 10,000元–50,000元 (bounds rounded inward to whole fen)",
    ]);
    expect(
      evaluateFine({ kind: "PER_SQUARE_METRE", minFenPerM2: 10_000, maxFenPerM2: 100_000 }, facts({ areaM2: 2.5 }))
        .steps,
    ).toEqual(["每平方米 100元–1,000元 × 2.5 m² = 250元–2,500元 (area to 0.0001 m², bounds rounded inward)"]);
  });

  it("says when a base below the floor is raised, and when a computed bound is raised to floorFen", () => {
    const rule = multiple(30_000, 50_000, { base: "DISPOSAL_COST", baseFloorFen: W(20) } as Partial<FineRule>);
    expect(evaluateFine(rule, facts({ baseAmountsFen: { DISPOSAL_COST: W(1) } })).steps[0]).toBe(
      "基数 10,000元 不足 200,000元，按 200,000元 计算 (base floor)",
    );
    const floored = evaluateFine(
      multiple(100, 200, { floorFen: W(1) } as Partial<FineRule>),
      facts({ baseAmountsFen: { INVESTMENT: W(10) } }),
    );
    expect(floored.steps[1]).toBe("计算结果低于 10,000元 的界限提高到 10,000元 (floor): 10,000元–10,000元");
    // exactly at the floor: nothing is raised, nothing is said
    const at = evaluateFine(
      multiple(100, 200, { floorFen: W(1) } as Partial<FineRule>),
      facts({ baseAmountsFen: { INVESTMENT: W(100) } }),
    );
    expect(at.steps).toHaveLength(1);
  });
});

describe("evaluateTierFine: what escalation keeps and adds", () => {
  const tier = {
    level: 1,
    name: "一般",
    conditions: [],
    conditionText: "",
    fine: { kind: "UP_TO_MAX" as const, maxFen: W(5) },
    escalation: {
      fine: { kind: "FIXED_RANGE" as const, minFen: W(5), maxFen: W(20) },
      otherMeasures: ["责令停产停业整顿"],
    },
    responsiblePersonFine: { kind: "UP_TO_MAX" as const, maxFen: W(1) },
    otherMeasures: ["责令限期改正"],
  };

  it("keeps the ordinary responsible-person fine when the escalation sets none, and both measure lists", () => {
    const r = evaluateTierFine(tier, facts({ correctedInTime: false }));
    expect(r.responsiblePerson).toEqual({ minFen: 0, maxFen: W(1) });
    expect(r.otherMeasures).toEqual(["责令限期改正", "责令停产停业整顿"]);
    expect(r.steps).toEqual([
      "50,000元以下 (up to the maximum, minimum 0): 0元–50,000元",
      "逾期未改正 (not corrected in time): 适用加重区间 50,000元–200,000元",
      "对直接负责的主管人员和其他直接责任人员 (responsible persons): 0元–10,000元",
    ]);
    expect(r.citations).toEqual([]);
  });

  it("corrected in time: the tier's own measures only", () => {
    expect(evaluateTierFine(tier, facts()).otherMeasures).toEqual(["责令限期改正"]);
  });
});

describe("refusals say what is wrong", () => {
  const message = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
    return "NO_ERROR";
  };

  it.each([
    [
      () => evaluateFine({ kind: "FIXED_RANGE", minFen: 2, maxFen: 1 }, facts()),
      "FineRuleError: FIXED_RANGE: minimum 2 is above maximum 1",
    ],
    [
      () => evaluateFine(multiple(3, 2), facts({ baseAmountsFen: { INVESTMENT: 1 } })),
      "FineRuleError: MULTIPLE_OF_BASE INVESTMENT: minimum 3 is above maximum 2",
    ],
    [
      () => evaluateFine({ kind: "PER_SQUARE_METRE", minFenPerM2: 2, maxFenPerM2: 1 }, facts()),
      "FineRuleError: PER_SQUARE_METRE: minimum 2 is above maximum 1",
    ],
    [
      () => evaluateFine({ kind: "PER_SQUARE_METRE", minFenPerM2: 1, maxFenPerM2: 2 }, facts()),
      "FineRuleError: this fine is per square metre; facts.areaM2 must be above 0",
    ],
    [
      () => evaluateFine(multiple(1, 2), facts()),
      "FineRuleError: this fine is a multiple of INVESTMENT; facts.baseAmountsFen.INVESTMENT is required",
    ],
    [
      () =>
        evaluateFine(multiple(1, 2), { ...facts(), baseAmountsFen: { INVESTMENT: -5 } } as ReturnType<typeof facts>),
      "FineRuleError: base amount INVESTMENT is negative (-5 fen)",
    ],
    [
      () =>
        evaluateFine(
          { ...mining64, whenBaseUnknown: { kind: "FIXED_RANGE", minFen: 2, maxFen: 1 } } as FineRule,
          facts(),
        ),
      "FineRuleError: whenBaseUnknown: minimum 2 is above maximum 1",
    ],
    [
      () => timesDays({ minFen: 0, maxFen: Number.MAX_SAFE_INTEGER }, 2),
      `FineRuleError: computed amount ${2n * BigInt(Number.MAX_SAFE_INTEGER)} fen exceeds the safe integer range`,
    ],
    [() => combineConcurrentNorms([]), "FineRuleError: combineConcurrentNorms needs at least one norm"],
  ])("%#", (fn, text) => {
    expect(message(fn)).toBe(text);
  });

  it("the 第29条 step names the chosen norm", () => {
    const r = combineConcurrentNorms([
      { citation: "A", minFen: W(10), maxFen: W(100) },
      { citation: "B", minFen: W(20), maxFen: W(100) },
    ]);
    expect(r.steps[1]).toBe(
      "行政处罚法 第29条: 不得给予两次以上罚款，按罚款数额高的规定处罚 — 比较最高额，相同再比较最低额 → B 200,000元–1,000,000元",
    );
  });
});

describe("fineRange: the range alone, for callers that do not show its reasoning", () => {
  const rules: FineRule[] = [
    { kind: "FIXED_RANGE", minFen: W(2), maxFen: W(5) },
    { kind: "UP_TO_MAX", maxFen: W(10) },
    { kind: "PER_SQUARE_METRE", minFenPerM2: 10_000, maxFenPerM2: 100_000 },
    multiple(100, 500, { floorFen: W(60), baseFloorFen: W(20) }),
    mining64,
  ];
  const cases = [
    facts({ areaM2: 12.345, baseAmountsFen: { INVESTMENT: W(7), MARKET_VALUE: W(50) } }),
    facts({ areaM2: 1, baseAmountsFen: { INVESTMENT: 0, MARKET_VALUE: 0 } }),
  ];

  it("is the range evaluateFine gives, with or without the steps written", () => {
    for (const rule of rules) {
      for (const f of cases) {
        const { minFen, maxFen, steps } = evaluateFine(rule, f);
        expect(fineRange(rule, f, null)).toEqual({ minFen, maxFen });
        const written: string[] = [];
        expect(fineRange(rule, f, written)).toEqual({ minFen, maxFen });
        expect(written).toEqual(steps);
      }
    }
  });

  it("refuses what evaluateFine refuses, with the same code", () => {
    const none = facts();
    expect(errorCode(() => fineRange(rules[2] as FineRule, none, null))).toBe("AREA_REQUIRED");
    expect(errorCode(() => fineRange(multiple(100, 500), none, null))).toBe("BASE_AMOUNT_REQUIRED");
    expect(errorCode(() => fineRange({ kind: "FIXED_RANGE", minFen: 5, maxFen: 1 }, none, null))).toBe("INVALID_RULE");
  });
});

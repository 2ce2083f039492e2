/**
 * mergeBenchmarks (有利相对人: the lower bound of each side) shape by shape: every fine kind and its provenance,
 * statutory rules stated by one side or both, fallbacks for an unknown base, escalation and responsible-person
 * fines present on one side only, list fields, tiers whose conditions are equal in meaning but not in spelling,
 * duplicate lenient entries, and every conflict's reason word for word. Each case is computed inside its `it`.
 */
import { describe, expect, it } from "vitest";
import { type MergeResult, mergeBenchmarks } from "../../../schema/benchmarks/rules/merge.ts";
import type { BenchmarkBody, FactCondition, FineRule, LenientRule } from "../../../schema/benchmarks/rules/types.ts";
import { body, fixedRange, statuteOf, W } from "./fixtures.ts";

type TierInput = Record<string, unknown> & { level?: number; fine: FineRule };
const tier = ({ level = 1, ...rest }: TierInput) => ({ level, name: "一般", ...rest });
const bench = (...tiers: TierInput[]): BenchmarkBody => body({ tiers: tiers.map(tier) });
const withLenient = (rules: Partial<LenientRule>[]): BenchmarkBody => ({
  ...bench({ fine: fixedRange(W(1), W(2)) }),
  lenientRules: rules.map(
    (r) => ({ list: "LIGHTER", conditions: [], description: "d", citation: "c", ...r }) as LenientRule,
  ),
});
const ok = (r: MergeResult) => {
  if (!r.ok) throw new Error(`unexpected conflicts: ${JSON.stringify(r.conflicts)}`);
  return r;
};
const conflicts = (r: MergeResult) => (r.ok ? [] : r.conflicts);
const multiple = (extra: Partial<FineRule> = {}): FineRule =>
  ({ kind: "MULTIPLE_OF_BASE", base: "INVESTMENT", minBp: 100, maxBp: 500, ...extra }) as FineRule;
const days = (op: FactCondition["op"], value: number): FactCondition => ({ fact: "daysNotCorrected", op, value });

describe("each fine kind takes the lower bound of each side and says whose it is", () => {
  it.each([
    [
      "fixed, each side lower once",
      fixedRange(W(10), W(100)),
      fixedRange(W(20), W(50)),
      fixedRange(W(10), W(50)),
      { minFen: "cq", maxFen: "sc" },
    ],
    [
      "fixed, the same",
      fixedRange(W(10), W(100)),
      fixedRange(W(10), W(100)),
      fixedRange(W(10), W(100)),
      { minFen: "both", maxFen: "both" },
    ],
    [
      "up to a maximum",
      { kind: "UP_TO_MAX", maxFen: W(9) },
      { kind: "UP_TO_MAX", maxFen: W(3) },
      { kind: "UP_TO_MAX", maxFen: W(3) },
      { maxFen: "sc" },
    ],
    [
      "per square metre",
      { kind: "PER_SQUARE_METRE", minFenPerM2: 1_000, maxFenPerM2: 9_000 },
      { kind: "PER_SQUARE_METRE", minFenPerM2: 2_000, maxFenPerM2: 5_000 },
      { kind: "PER_SQUARE_METRE", minFenPerM2: 1_000, maxFenPerM2: 5_000 },
      { minFenPerM2: "cq", maxFenPerM2: "sc" },
    ],
    [
      "a multiple of the base",
      multiple({ minBp: 300, maxBp: 400 }),
      multiple({ minBp: 200, maxBp: 500 }),
      multiple({ minBp: 200, maxBp: 400 }),
      { minBp: "sc", maxBp: "cq" },
    ],
  ] as [string, FineRule, FineRule, FineRule, object][])("%s", (_why, cq, sc, fine, provenance) => {
    const r = ok(mergeBenchmarks(bench({ fine: cq }), bench({ fine: sc })));
    expect(r.body.tiers[0]?.fine).toEqual(fine);
    expect(r.provenance.tiers[0]?.fine).toEqual(provenance);
  });
});

describe("statutory rules inside a multiple of the base", () => {
  it.each([
    ["stated by cq only", multiple({ floorFen: W(5) }), multiple(), { floorFen: W(5) }, { floorFen: "cq" }],
    [
      "stated by sc only",
      multiple(),
      multiple({ baseFloorFen: W(20) }),
      { baseFloorFen: W(20) },
      { baseFloorFen: "sc" },
    ],
    [
      "stated by both: the lower",
      multiple({ floorFen: W(5) }),
      multiple({ floorFen: W(3) }),
      { floorFen: W(3) },
      { floorFen: "sc" },
    ],
    [
      "stated by both alike",
      multiple({ floorFen: W(5) }),
      multiple({ floorFen: W(5) }),
      { floorFen: W(5) },
      { floorFen: "both" },
    ],
    ["stated by neither", multiple(), multiple(), {}, {}],
  ] as [string, FineRule, FineRule, object, object][])("%s", (_why, cq, sc, rules, provenance) => {
    const r = ok(mergeBenchmarks(bench({ fine: cq }), bench({ fine: sc })));
    expect(r.body.tiers[0]?.fine).toEqual({ ...multiple({ minBp: 100, maxBp: 500 }), ...rules });
    expect(r.provenance.tiers[0]?.fine).toEqual({ minBp: "both", maxBp: "both", ...provenance });
  });

  const fallback = (maxFen: number, baseThresholdFen = W(10)) =>
    multiple({ baseThresholdFen, whenBaseUnknown: fixedRange(W(1), maxFen) } as Partial<FineRule>);

  it("a fallback for an unknown base stated by both is merged bound by bound, with its threshold", () => {
    const r = ok(mergeBenchmarks(bench({ fine: fallback(W(50)) }), bench({ fine: fallback(W(30)) })));
    expect(r.body.tiers[0]?.fine).toMatchObject({ baseThresholdFen: W(10), whenBaseUnknown: fixedRange(W(1), W(30)) });
    expect(r.provenance.tiers[0]?.fine).toEqual({
      minBp: "both",
      maxBp: "both",
      "whenBaseUnknown.minFen": "both",
      "whenBaseUnknown.maxFen": "sc",
    });
  });

  it.each([
    ["cq", [fallback(W(50)), multiple()]],
    ["sc", [multiple(), fallback(W(50))]],
  ] as [string, [FineRule, FineRule]][])(
    "a fallback stated by %s only is kept with its threshold",
    (_side, [cq, sc]) => {
      const r = ok(mergeBenchmarks(bench({ fine: cq }), bench({ fine: sc })));
      expect(r.body.tiers[0]?.fine).toMatchObject({
        baseThresholdFen: W(10),
        whenBaseUnknown: fixedRange(W(1), W(50)),
      });
    },
  );

  it("two fallbacks under different thresholds cannot be merged", () => {
    const r = mergeBenchmarks(bench({ fine: fallback(W(50), W(10)) }), bench({ fine: fallback(W(50), W(20)) }));
    expect(conflicts(r)).toEqual([
      {
        level: 1,
        code: "FINE_SHAPE_MISMATCH",
        reason: "level 1 fine: the threshold below which the fallback range applies differs",
      },
    ]);
  });

  it("two multiples of different bases cannot be merged", () => {
    const r = mergeBenchmarks(
      bench({ fine: multiple() }),
      bench({ fine: multiple({ base: "ILLEGAL_GAINS" } as Partial<FineRule>) }),
    );
    expect(conflicts(r)).toEqual([
      { level: 1, code: "FINE_SHAPE_MISMATCH", reason: "level 1 fine: multiple of INVESTMENT vs ILLEGAL_GAINS" },
    ]);
  });

  it("two fines of different kinds cannot be merged, and say which side has which", () => {
    const r = mergeBenchmarks(
      bench({ fine: fixedRange(W(1), W(2)) }),
      bench({ fine: { kind: "UP_TO_MAX", maxFen: W(2) } }),
    );
    expect(conflicts(r)).toEqual([
      { level: 1, code: "FINE_KIND_MISMATCH", reason: "level 1 fine: FIXED_RANGE (cq) vs UP_TO_MAX (sc)" },
    ]);
  });
});

describe("escalation (逾期未改正) and responsible-person fines", () => {
  const escalation = (maxFen: number, extra: Record<string, unknown> = {}) => ({
    fine: fixedRange(W(10), maxFen),
    otherMeasures: [],
    ...extra,
  });
  const base = fixedRange(W(1), W(5));

  it("merges both sides' escalations, their responsible-person fines and their measures", () => {
    const cq = bench({
      fine: base,
      escalation: escalation(W(20), {
        responsiblePersonFine: fixedRange(W(2), W(5)),
        otherMeasures: ["责令停产停业整顿"],
      }),
    });
    const sc = bench({
      fine: base,
      escalation: escalation(W(15), { responsiblePersonFine: fixedRange(W(1), W(5)), otherMeasures: ["吊销许可证"] }),
    });
    const r = ok(mergeBenchmarks(cq, sc));
    expect(r.body.tiers[0]?.escalation).toEqual({
      fine: fixedRange(W(10), W(15)),
      otherMeasures: ["吊销许可证", "责令停产停业整顿"],
      responsiblePersonFine: fixedRange(W(1), W(5)),
    });
    expect(r.provenance.tiers[0]).toMatchObject({
      escalation: { minFen: "both", maxFen: "sc" },
      escalationResponsiblePerson: { minFen: "sc", maxFen: "both" },
    });
  });

  it("an escalation without responsible-person fines stays without", () => {
    const r = ok(
      mergeBenchmarks(
        bench({ fine: base, escalation: escalation(W(20)) }),
        bench({ fine: base, escalation: escalation(W(20)) }),
      ),
    );
    expect(r.body.tiers[0]?.escalation).toEqual({ fine: fixedRange(W(10), W(20)), otherMeasures: [] });
    expect(r.provenance.tiers[0]?.escalationResponsiblePerson).toBeNull();
    expect(r.body.tiers[0]?.responsiblePersonFine).toBeUndefined();
    expect(r.provenance.tiers[0]?.responsiblePersonFine).toBeNull();
  });

  it.each([
    ["cq", bench({ fine: base, escalation: escalation(W(20)) }), bench({ fine: base })],
    ["sc", bench({ fine: base }), bench({ fine: base, escalation: escalation(W(20)) })],
  ])("an escalation stated by %s only is a conflict", (side, cq, sc) => {
    expect(conflicts(mergeBenchmarks(cq, sc))).toEqual([
      { level: 1, code: "ESCALATION_MISMATCH", reason: `escalation (逾期未改正) is set only by ${side}` },
    ]);
  });

  it.each([
    ["cq", bench({ fine: base, responsiblePersonFine: base }), bench({ fine: base })],
    ["sc", bench({ fine: base }), bench({ fine: base, responsiblePersonFine: base })],
  ])("a responsible-person fine stated by %s only is a conflict", (side, cq, sc) => {
    expect(conflicts(mergeBenchmarks(cq, sc))).toEqual([
      {
        level: 1,
        code: "RESPONSIBLE_PERSON_MISMATCH",
        reason: `level 1 responsible-person fine is set only by ${side}`,
      },
    ]);
  });

  it("a responsible-person fine inside one escalation only is a conflict naming the escalation", () => {
    const cq = bench({ fine: base, escalation: escalation(W(20)) });
    const sc = bench({ fine: base, escalation: escalation(W(20), { responsiblePersonFine: base }) });
    expect(conflicts(mergeBenchmarks(cq, sc))).toEqual([
      {
        level: 1,
        code: "RESPONSIBLE_PERSON_MISMATCH",
        reason: "level 1 escalation responsible-person fine is set only by sc",
      },
    ]);
  });

  it("escalation fines of different kinds name the escalation", () => {
    const cq = bench({ fine: base, escalation: escalation(W(20)) });
    const sc = bench({ fine: base, escalation: { fine: { kind: "UP_TO_MAX", maxFen: W(20) }, otherMeasures: [] } });
    expect(conflicts(mergeBenchmarks(cq, sc))).toEqual([
      { level: 1, code: "FINE_KIND_MISMATCH", reason: "level 1 escalation: FIXED_RANGE (cq) vs UP_TO_MAX (sc)" },
    ]);
  });

  it("the tier's responsible-person fines are merged with their provenance", () => {
    const r = ok(
      mergeBenchmarks(
        bench({ fine: base, responsiblePersonFine: fixedRange(W(1), W(3)) }),
        bench({ fine: base, responsiblePersonFine: fixedRange(W(2), W(2)) }),
      ),
    );
    expect(r.body.tiers[0]?.responsiblePersonFine).toEqual(fixedRange(W(1), W(2)));
    expect(r.provenance.tiers[0]?.responsiblePersonFine).toEqual({ minFen: "cq", maxFen: "sc" });
  });
});

describe("lists, names and conditions of a tier", () => {
  const base = fixedRange(W(1), W(5));

  it("keeps one side's measures in their order when both say the same, else the sorted union", () => {
    const same = ok(
      mergeBenchmarks(
        bench({ fine: base, otherMeasures: ["b", "a"] }),
        bench({ fine: base, otherMeasures: ["b", "a"] }),
      ),
    );
    const differ = ok(
      mergeBenchmarks(
        bench({ fine: base, otherMeasures: ["c", "a"] }),
        bench({ fine: base, otherMeasures: ["b", "a"] }),
      ),
    );
    expect(same.body.tiers[0]?.otherMeasures).toEqual(["b", "a"]);
    expect(differ.body.tiers[0]?.otherMeasures).toEqual(["a", "b", "c"]);
  });

  it("equal conditions spelt differently: the same tier whichever side is given first", () => {
    const cq = bench({
      fine: base,
      name: "轻微",
      conditionText: "三日内",
      conditions: [days("gt", 1), days("lte", 3)],
    });
    const sc = bench({
      fine: base,
      name: "较轻",
      conditionText: "3日以内",
      conditions: [days("lte", 3), days("gt", 1)],
    });
    const one = ok(mergeBenchmarks(cq, sc)).body.tiers[0];
    const other = ok(mergeBenchmarks(sc, cq)).body.tiers[0];
    expect(one).toEqual(other);
    expect(one).toMatchObject({ name: "轻微", conditionText: "三日内" }); // the texts that sort first
    expect(one?.conditions).toEqual([days("gt", 1), days("lte", 3)]);
    expect(ok(mergeBenchmarks(cq, sc)).provenance.tiers[0]?.conditions).toBe("both");
  });

  it.each([
    ["cq", [days("lte", 5)], [days("lte", 3)], "宽"],
    ["sc", [days("lte", 3)], [days("lte", 5)], "窄"],
  ] as [string, FactCondition[], FactCondition[], string][])(
    "the wider conditions (%s) bring their own name and text",
    (side, cqConditions, scConditions) => {
      const cq = bench({ fine: base, name: "cq名", conditionText: "cq文", conditions: cqConditions });
      const sc = bench({ fine: base, name: "sc名", conditionText: "sc文", conditions: scConditions });
      const r = ok(mergeBenchmarks(cq, sc));
      expect(r.body.tiers[0]).toMatchObject({ name: `${side}名`, conditionText: `${side}文` });
      expect(r.provenance.tiers[0]?.conditions).toBe(side);
    },
  );

  it("conditions that cannot be ordered are a conflict quoting both", () => {
    const cq = bench({ fine: base, conditions: [days("lt", 3)] });
    const sc = bench({ fine: base, conditions: [days("gt", 1)] });
    expect(conflicts(mergeBenchmarks(cq, sc))).toEqual([
      {
        level: 1,
        code: "CONDITIONS_UNORDERED",
        reason:
          'neither side\'s conditions admit every case of the other (cq: [{"fact":"daysNotCorrected","op":"lt","value":3}]; sc: [{"fact":"daysNotCorrected","op":"gt","value":1}])',
      },
    ]);
  });
});

describe("tiers by level", () => {
  const t = (level: number) => ({ level, fine: fixedRange(W(1), W(2)) });

  it("a level on one side only is a conflict saying which, in numeric level order", () => {
    const r = mergeBenchmarks(bench(t(1), t(2), t(10)), bench(t(1), t(9)));
    expect(conflicts(r)).toEqual([
      { level: 2, code: "TIER_MISSING", reason: "level 2 exists only in cq (cq has 3 tiers, sc has 2)" },
      { level: 9, code: "TIER_MISSING", reason: "level 9 exists only in sc (cq has 3 tiers, sc has 2)" },
      { level: 10, code: "TIER_MISSING", reason: "level 10 exists only in cq (cq has 3 tiers, sc has 2)" },
    ]);
  });

  it("a level twice on one side is a conflict", () => {
    expect(conflicts(mergeBenchmarks(bench(t(1)), bench(t(1), t(1))))).toEqual([
      { level: 1, code: "DUPLICATE_LEVEL", reason: "sc has level 1 twice" },
    ]);
  });

  it("merges tiers in level order whatever order they are stored in", () => {
    const r = ok(mergeBenchmarks(bench(t(2), t(10), t(1)), bench(t(10), t(1), t(2))));
    expect(r.body.tiers.map((x) => x.level)).toEqual([1, 2, 10]);
  });

  it("a statute the tier cannot be measured against is a conflict citing it", () => {
    const statute = {
      citation: "固体废物污染环境防治法 第112条",
      statute: statuteOf(multiple({ base: "DISPOSAL_COST" } as Partial<FineRule>)),
    };
    const r = mergeBenchmarks(bench(t(1)), bench(t(1)), statute);
    expect(conflicts(r)).toEqual([
      {
        level: 1,
        code: "STATUTE_MISMATCH",
        reason: "固体废物污染环境防治法 第112条: a FIXED_RANGE fine against the statute's MULTIPLE_OF_BASE",
      },
    ]);
  });
});

describe("lenient entries (四张清单) of both sides", () => {
  it("the same entry on both sides is kept once, from both; entries of one side keep theirs", () => {
    const r = ok(
      mergeBenchmarks(
        withLenient([{ description: "共同" }, { list: "MITIGATED", description: "只有重庆" }]),
        withLenient([{ description: "共同" }, { list: "NO_PENALTY", description: "只有四川" }]),
      ),
    );
    expect(r.body.lenientRules.map((x) => [x.list, x.description])).toEqual([
      ["NO_PENALTY", "只有四川"],
      ["LIGHTER", "共同"],
      ["MITIGATED", "只有重庆"],
    ]);
    expect(r.provenance.lenientRules).toEqual(["sc", "both", "cq"]);
  });

  it("entries in the same order on both sides keep that order", () => {
    const rules = [
      { list: "MITIGATED" as const, description: "甲" },
      { list: "NO_PENALTY" as const, description: "乙", conditions: [days("lt", 1)] },
    ];
    const r = ok(mergeBenchmarks(withLenient(rules), withLenient(rules)));
    expect(r.body.lenientRules.map((x) => x.list)).toEqual(["MITIGATED", "NO_PENALTY"]);
    expect(r.provenance.lenientRules).toEqual(["both", "both"]);
  });

  it("the same conditions in another order are the same entry", () => {
    const r = ok(
      mergeBenchmarks(
        withLenient([{ conditions: [days("lt", 3), days("gte", 1)] }]),
        withLenient([{ conditions: [days("gte", 1), days("lt", 3)] }]),
      ),
    );
    expect(r.body.lenientRules).toHaveLength(1);
    expect(r.provenance.lenientRules).toEqual(["both"]);
  });

  it("entries of one list are ordered by their content, whichever side is first", () => {
    const cq = withLenient([{ description: "乙", conditions: [days("lt", 2)] }]);
    const sc = withLenient([{ description: "甲", conditions: [days("lt", 1)] }]);
    const one = ok(mergeBenchmarks(cq, sc)).body.lenientRules.map((x) => x.description);
    const other = ok(mergeBenchmarks(sc, cq)).body.lenientRules.map((x) => x.description);
    expect(one).toEqual(other);
  });

  it.each([
    [
      "binding against 可以: the binding text, and binding stays implicit",
      { description: "不予", discretionary: undefined },
      { description: "可以不予", discretionary: true },
      { description: "不予" },
    ],
    [
      "可以 against binding, either order",
      { description: "可以不予", discretionary: true },
      { description: "不予" },
      { description: "不予" },
    ],
    [
      "an explicit false wins",
      { description: "甲", discretionary: false },
      { description: "乙", discretionary: true },
      { description: "甲", discretionary: false },
    ],
    [
      "explicit false on the other side",
      { description: "乙", discretionary: true },
      { description: "甲", discretionary: false },
      { description: "甲", discretionary: false },
    ],
    [
      "可以 on both stays 可以",
      { description: "乙", discretionary: true },
      { description: "甲", discretionary: true },
      { description: "乙", discretionary: true },
    ],
    [
      "binding on both: the text that sorts first (乙 U+4E59 before 甲 U+7532)",
      { description: "乙" },
      { description: "甲" },
      { description: "乙" },
    ],
    ["binding on both, the other order", { description: "甲" }, { description: "乙" }, { description: "乙" }],
  ] as [string, Partial<LenientRule>, Partial<LenientRule>, Partial<LenientRule>][])(
    "a duplicate entry, %s",
    (_why, cq, sc, expected) => {
      const r = ok(mergeBenchmarks(withLenient([cq]), withLenient([sc])));
      const rule = r.body.lenientRules[0];
      expect(rule).toMatchObject(expected);
      if (!("discretionary" in expected)) expect(rule && "discretionary" in rule).toBe(false);
    },
  );
});

describe("what the merge refuses to guess", () => {
  const kinds: FineRule[] = [
    fixedRange(W(1), W(2)),
    { kind: "UP_TO_MAX", maxFen: W(2) },
    { kind: "PER_SQUARE_METRE", minFenPerM2: 1, maxFenPerM2: 2 },
    multiple(),
  ];
  const pairs = kinds.flatMap((cq) =>
    kinds.filter((sc) => sc.kind !== cq.kind).map((sc) => [cq.kind, sc.kind, cq, sc]),
  );
  it.each(pairs as [string, string, FineRule, FineRule][])(
    "%s (cq) against %s (sc) is FINE_KIND_MISMATCH",
    (k1, k2, cq, sc) => {
      expect(conflicts(mergeBenchmarks(bench({ fine: cq }), bench({ fine: sc })))).toEqual([
        { level: 1, code: "FINE_KIND_MISMATCH", reason: `level 1 fine: ${k1} (cq) vs ${k2} (sc)` },
      ]);
    },
  );

  it("a level twice in cq is named as cq's", () => {
    const t = { level: 1, fine: fixedRange(W(1), W(2)) };
    expect(conflicts(mergeBenchmarks(bench(t, t), bench(t)))).toEqual([
      { level: 1, code: "DUPLICATE_LEVEL", reason: "cq has level 1 twice" },
    ]);
  });

  it("a condition that is not valid data is an error of the data, not a conflict to settle", () => {
    const bad = bench({ fine: fixedRange(W(1), W(2)), conditions: [{ fact: "harm", op: "lt", value: 3 }] });
    expect(() => mergeBenchmarks(bad, bad)).toThrow(/condition harm lt 3: expected one of/);
  });

  it("without a statute nothing is clamped", () => {
    expect(
      ok(mergeBenchmarks(bench({ fine: fixedRange(W(1), W(2)) }), bench({ fine: fixedRange(W(1), W(3)) }))).clamped,
    ).toEqual([]);
  });

  it("the same entry twice on one side stays that side's, once", () => {
    const r = ok(mergeBenchmarks(withLenient([{ description: "甲" }, { description: "甲" }]), withLenient([])));
    expect(r.body.lenientRules).toHaveLength(1);
    expect(r.provenance.lenientRules).toEqual(["cq"]);
  });

  it("entries of one list are ordered by their conditions", () => {
    const cq = withLenient([{ description: "乙", conditions: [days("lt", 2)] }]);
    const sc = withLenient([{ description: "甲", conditions: [days("lt", 1)] }]);
    expect(ok(mergeBenchmarks(cq, sc)).body.lenientRules.map((x) => x.description)).toEqual(["甲", "乙"]);
  });
});

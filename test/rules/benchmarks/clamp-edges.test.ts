/**
 * The statute clamp of a merged tier (merge-statute.ts) at its edges: every bound it records by name and unit, the
 * statute's own rules present or absent, a fallback the tier lacks, fines of kinds that cannot be compared in
 * either order, a tier that no statutory range overlaps, and responsible-person fines stated on one side only.
 */
import { describe, expect, it } from "vitest";
import { clampRule, clampTier } from "../../../schema/benchmarks/rules/merge-statute.ts";
import type { PenaltyNorm } from "../../../schema/benchmarks/rules/statute.ts";
import type { BenchmarkTier, FactCondition, FineRule } from "../../../schema/benchmarks/rules/types.ts";
import { body, fixedRange, W } from "./fixtures.ts";

type Record = [string, string, number | null | undefined, number | null | undefined];
const clampRecorded = (tier: FineRule, statute: FineRule) => {
  const records: Record[] = [];
  const out = clampRule(tier, statute, (...args) => records.push(args));
  return { out, records };
};
const mismatch = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return "no error";
};
const multiple = (extra: Partial<FineRule> = {}): FineRule =>
  ({ kind: "MULTIPLE_OF_BASE", base: "MARKET_VALUE", minBp: 30_000, maxBp: 50_000, ...extra }) as FineRule;
const perM2 = (min: number, max: number): FineRule => ({
  kind: "PER_SQUARE_METRE",
  minFenPerM2: min,
  maxFenPerM2: max,
});
const accident = (value: string): FactCondition => ({ fact: "accidentLevel", op: "eq", value });
const tierOf = (t: object): BenchmarkTier =>
  body({ tiers: [{ level: 1, name: "一般", ...t }] }).tiers[0] as BenchmarkTier;
const norm = (ranges: object[]): PenaltyNorm => ({ citation: "某法 第1条", statute: { ranges } }) as PenaltyNorm;

describe("clampRule records each bound by its name and unit", () => {
  it("multiples in basis points, the statute's rules in fen", () => {
    const { out, records } = clampRecorded(
      multiple({ minBp: 20_000, maxBp: 60_000, floorFen: W(1) }),
      multiple({ baseFloorFen: W(20) }),
    );
    expect(out).toEqual(multiple({ baseFloorFen: W(20) }));
    expect(records).toEqual([
      ["minBp", "BP", 20_000, 30_000],
      ["maxBp", "BP", 60_000, 50_000],
      ["floorFen", "FEN", W(1), undefined],
      ["baseFloorFen", "FEN", undefined, W(20)],
      ["baseThresholdFen", "FEN", undefined, undefined],
      ["whenBaseUnknown.minFen", "FEN", undefined, undefined],
      ["whenBaseUnknown.maxFen", "FEN", undefined, undefined],
    ]);
  });

  it("a rule the statute does not state is absent from the result, not present as undefined", () => {
    const { out } = clampRecorded(multiple({ floorFen: W(1) }), multiple());
    expect(Object.keys(out).sort()).toEqual(["base", "kind", "maxBp", "minBp"]);
  });

  it("a fallback the tier lacks is the statute's, recorded as added", () => {
    const statute = multiple({
      baseThresholdFen: W(10),
      whenBaseUnknown: fixedRange(W(10), W(100)),
    } as Partial<FineRule>);
    const { out, records } = clampRecorded(multiple(), statute);
    expect(out).toEqual(statute);
    expect(records.slice(-2)).toEqual([
      ["whenBaseUnknown.minFen", "FEN", undefined, W(10)],
      ["whenBaseUnknown.maxFen", "FEN", undefined, W(100)],
    ]);
  });

  it("a fallback the statute lacks is dropped, recorded as removed", () => {
    const tier = multiple({ baseThresholdFen: W(5), whenBaseUnknown: fixedRange(W(5), W(50)) } as Partial<FineRule>);
    const { out, records } = clampRecorded(tier, multiple());
    expect(out).not.toHaveProperty("whenBaseUnknown");
    expect(records.slice(-2)).toEqual([
      ["whenBaseUnknown.minFen", "FEN", W(5), undefined],
      ["whenBaseUnknown.maxFen", "FEN", W(50), undefined],
    ]);
  });

  it("per square metre in fen per m²", () => {
    const { out, records } = clampRecorded(perM2(5_000, 200_000), perM2(10_000, 100_000));
    expect(out).toEqual(perM2(10_000, 100_000));
    expect(records).toEqual([
      ["minFenPerM2", "FEN_PER_M2", 5_000, 10_000],
      ["maxFenPerM2", "FEN_PER_M2", 200_000, 100_000],
    ]);
  });
});

describe("fines that cannot be measured against the statute", () => {
  it.each([
    [multiple(), perM2(1, 2), "a MULTIPLE_OF_BASE fine against the statute's PER_SQUARE_METRE"],
    [perM2(1, 2), multiple(), "a PER_SQUARE_METRE fine against the statute's MULTIPLE_OF_BASE"],
    [perM2(1, 2), fixedRange(1, 2), "a PER_SQUARE_METRE fine against the statute's FIXED_RANGE"],
    [fixedRange(1, 2), perM2(1, 2), "a FIXED_RANGE fine against the statute's PER_SQUARE_METRE"],
    [multiple(), fixedRange(1, 2), "a MULTIPLE_OF_BASE fine against the statute's FIXED_RANGE"],
    [
      multiple({ base: "INVESTMENT" } as Partial<FineRule>),
      multiple(),
      "a multiple of INVESTMENT, the statute's of MARKET_VALUE",
    ],
  ] as [FineRule, FineRule, string][])("%j against %j", (tier, statute, message) => {
    expect(mismatch(() => clampRule(tier, statute, () => {}))).toBe(message);
  });

  it("statutory ranges of two kinds over one tier", () => {
    const both = norm([
      { conditions: [], fine: fixedRange(W(1), W(3)) },
      { conditions: [], fine: perM2(1, 2) },
    ]);
    expect(mismatch(() => clampTier(tierOf({ fine: fixedRange(W(1), W(2)) }), both))).toBe(
      "the statutory ranges covering this tier are not of one kind",
    );
  });
});

describe("which statutory ranges hold a tier", () => {
  const s114 = norm([
    { conditions: [accident("LARGER")], fine: fixedRange(W(100), W(200)) },
    { conditions: [accident("MAJOR")], fine: fixedRange(W(200), W(1000)) },
  ]);

  it("a tier no range overlaps is held inside all of them", () => {
    const general = tierOf({ conditions: [accident("GENERAL")], fine: fixedRange(W(50), W(1500)) });
    const { tier, clamps } = clampTier(general, s114);
    expect(tier.fine).toEqual(fixedRange(W(100), W(1000)));
    expect(clamps.map((c) => [c.bound, c.before, c.after, c.citation])).toEqual([
      ["maxFen", W(1500), W(1000), "某法 第1条"],
      ["minFen", W(50), W(100), "某法 第1条"],
    ]);
  });

  it("a responsible-person fine is clamped only where every covering range states one", () => {
    const partly = norm([
      { conditions: [], fine: fixedRange(W(1), W(10)), responsiblePersonFine: fixedRange(W(1), W(2)) },
      { conditions: [], fine: fixedRange(W(1), W(10)) },
    ]);
    const t = tierOf({ fine: fixedRange(W(1), W(10)), responsiblePersonFine: fixedRange(W(3), W(9)) });
    expect(clampTier(t, partly).tier.responsiblePersonFine).toEqual(fixedRange(W(3), W(9)));
  });

  it("a tier without a responsible-person fine gains none from the statute", () => {
    const withPerson = norm([
      {
        conditions: [],
        fine: fixedRange(W(1), W(10)),
        responsiblePersonFine: fixedRange(W(1), W(2)),
        escalation: fixedRange(W(10), W(20)),
        escalationResponsiblePersonFine: fixedRange(W(2), W(5)),
      },
    ]);
    const t = tierOf({
      fine: fixedRange(W(1), W(10)),
      escalation: { fine: fixedRange(W(10), W(30)), otherMeasures: [] },
    });
    const { tier, clamps } = clampTier(t, withPerson);
    expect(tier).not.toHaveProperty("responsiblePersonFine");
    expect(tier.escalation).not.toHaveProperty("responsiblePersonFine");
    expect(tier.escalation?.fine).toEqual(fixedRange(W(10), W(20)));
    expect(clamps.map((c) => [c.part, c.bound])).toEqual([["escalation", "maxFen"]]);
  });
});

/**
 * The one check of a case's facts (schema/benchmarks/rules/case-facts.ts). It replaced a zod schema, which the last
 * block keeps as the oracle: over thousands of generated facts, the two accept the same ones and give the same value.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ACCIDENT_LEVELS,
  BASE_KINDS,
  defaultFacts,
  HARM_LEVELS,
  parseCaseFacts,
} from "../../../schema/benchmarks/rules/case-facts.ts";

const problemsOf = (input: unknown) => parseCaseFacts(input).problems;
const paths = (input: unknown) => problemsOf(input)?.map((p) => p.slice(0, p.indexOf(":")));

describe("parseCaseFacts", () => {
  it("{} is an ordinary case: every default, and particularlySerious left unsaid", () => {
    expect(parseCaseFacts({})).toStrictEqual({
      facts: {
        firstViolation: false,
        harm: "GENERAL",
        correctedInTime: true,
        subjectiveFault: true,
        proportionAffectedPct: 0,
        baseAmountsFen: {},
        areaM2: 0,
        daysNotCorrected: 0,
        accidentLevel: "NONE",
      },
      problems: null,
    });
    expect(defaultFacts()).toStrictEqual(parseCaseFacts({}).facts);
    expect(defaultFacts()).not.toBe(defaultFacts());
  });

  it("keeps what is given, copies the amounts, and leaves out fields it does not know", () => {
    const amounts = { INVESTMENT: 5_000_000 };
    const { facts } = parseCaseFacts({
      harm: "SEVERE",
      correctedInTime: false,
      daysNotCorrected: 3,
      proportionAffectedPct: 12.5,
      baseAmountsFen: amounts,
      particularlySerious: false,
      remark: "not a fact",
    });
    expect(facts).toMatchObject({ harm: "SEVERE", correctedInTime: false, daysNotCorrected: 3 });
    expect(facts?.proportionAffectedPct).toBe(12.5);
    expect(facts?.particularlySerious).toBe(false);
    expect(facts?.baseAmountsFen).toStrictEqual(amounts);
    expect(facts?.baseAmountsFen).not.toBe(amounts);
    expect(facts).not.toHaveProperty("remark");
  });

  it.each([
    [{ firstViolation: "yes" }, "firstViolation"],
    [{ correctedInTime: null }, "correctedInTime"],
    [{ subjectiveFault: 1 }, "subjectiveFault"],
    [{ particularlySerious: "true" }, "particularlySerious"],
    [{ harm: "minor" }, "harm"],
    [{ accidentLevel: "HUGE" }, "accidentLevel"],
    [{ proportionAffectedPct: -0.1 }, "proportionAffectedPct"],
    [{ proportionAffectedPct: 100.01 }, "proportionAffectedPct"],
    [{ proportionAffectedPct: Number.NaN }, "proportionAffectedPct"],
    [{ proportionAffectedPct: "5" }, "proportionAffectedPct"],
    [{ areaM2: -1 }, "areaM2"],
    [{ areaM2: Number.POSITIVE_INFINITY }, "areaM2"],
    [{ daysNotCorrected: 1.5 }, "daysNotCorrected"],
    [{ daysNotCorrected: -1 }, "daysNotCorrected"],
    [{ daysNotCorrected: 2 ** 53 }, "daysNotCorrected"],
    [{ baseAmountsFen: [] }, "baseAmountsFen"],
    [{ baseAmountsFen: null }, "baseAmountsFen"],
    [{ baseAmountsFen: { SALARY: 100 } }, "baseAmountsFen.SALARY"],
    [{ baseAmountsFen: { INVESTMENT: 1.5 } }, "baseAmountsFen.INVESTMENT"],
    [{ baseAmountsFen: { INVESTMENT: "100" } }, "baseAmountsFen.INVESTMENT"],
  ])("%j is refused at %s", (input, path) => {
    expect(paths(input)).toEqual([path]);
  });

  it.each([
    [{ proportionAffectedPct: 0 }],
    [{ proportionAffectedPct: 100 }],
    [{ areaM2: 0.5 }],
    [{ daysNotCorrected: 0 }],
    [{ baseAmountsFen: { ANNUAL_INCOME: 0 } }],
    [{ harm: "NONE", accidentLevel: "EXTRAORDINARY" }],
  ])("%j is accepted", (input) => {
    expect(problemsOf(input)).toBeNull();
  });

  it("names every problem, in the order of the fields, each in Chinese and English", () => {
    const problems = problemsOf({ baseAmountsFen: { INVESTMENT: -1 }, proportionAffectedPct: 140, harm: 3 });
    expect(problems?.map((p) => p.slice(0, p.indexOf(":")))).toEqual([
      "harm",
      "proportionAffectedPct",
      "baseAmountsFen.INVESTMENT",
    ]);
    for (const problem of problems ?? []) expect(problem).toMatch(/: [^;]*[\u4e00-\u9fff][^;]*\([a-z][^;]*\)$/);
  });

  it("facts that are not an object are refused", () => {
    for (const input of [null, "{}", 3, [], undefined]) expect(problemsOf(input)).toHaveLength(1);
  });
});

/** the zod schema the check replaced (as it was in schema/benchmarks/rules/types.ts), kept as the oracle */
const fen = z.number().int().nonnegative();
const formerSchema = z.object({
  firstViolation: z.boolean().default(false),
  harm: z.enum(HARM_LEVELS).default("GENERAL"),
  correctedInTime: z.boolean().default(true),
  subjectiveFault: z.boolean().default(true),
  proportionAffectedPct: z.number().min(0).max(100).default(0),
  baseAmountsFen: z.partialRecord(z.enum(BASE_KINDS), fen).default({}),
  areaM2: z.number().nonnegative().default(0),
  daysNotCorrected: z.number().int().nonnegative().default(0),
  accidentLevel: z.enum(ACCIDENT_LEVELS).default("NONE"),
  particularlySerious: z.boolean().optional(),
});

/** what each field may be given as: valid values (undefined: absent), and invalid ones */
const CANDIDATES: Record<string, { valid: readonly unknown[]; invalid: readonly unknown[] }> = {
  firstViolation: { valid: [undefined, true, false], invalid: ["true", null, 0] },
  harm: { valid: [undefined, ...HARM_LEVELS], invalid: ["minor", "", null] },
  correctedInTime: { valid: [undefined, true, false], invalid: [1] },
  subjectiveFault: { valid: [undefined, true, false], invalid: ["no"] },
  proportionAffectedPct: { valid: [undefined, 0, 7.5, 100], invalid: [-1, 101, Number.NaN, "10", null] },
  baseAmountsFen: {
    valid: [undefined, {}, { INVESTMENT: 100 }, { ILLEGAL_GAINS: 0, MARKET_VALUE: 2_000_000 }],
    invalid: [{ INVESTMENT: -5 }, { INVESTMENT: 2.5 }, { SALARY: 1 }, [], null, "100"],
  },
  areaM2: { valid: [undefined, 0, 12.75], invalid: [-0.5, Number.POSITIVE_INFINITY, "3"] },
  daysNotCorrected: { valid: [undefined, 0, 2, 30], invalid: [-1, 1.5, 2 ** 53, "2"] },
  accidentLevel: { valid: [undefined, ...ACCIDENT_LEVELS], invalid: ["none", 2] },
  particularlySerious: { valid: [undefined, true, false], invalid: ["false"] },
  // not a fact: both leave it out
  remark: { valid: [undefined, "an unknown field", 42], invalid: [] },
};

/** a small seeded generator (mulberry32): the same cases on every run */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe("parseCaseFacts agrees with the zod schema it replaced", () => {
  it("on 5,000 generated facts: the same accepted, the same value; a refusal names the fields zod named", () => {
    const next = random(20261207);
    let accepted = 0;
    for (let n = 0; n < 5_000; n++) {
      const input: Record<string, unknown> = {};
      for (const [key, { valid, invalid }] of Object.entries(CANDIDATES)) {
        // a field is spoilt one time in twelve: about 4 cases in 10 hold no invalid field
        const values = invalid.length > 0 && next() < 1 / 12 ? invalid : valid;
        const value = values[Math.floor(next() * values.length)];
        if (value !== undefined) input[key] = value;
      }
      const former = formerSchema.safeParse(input);
      const parsed = parseCaseFacts(input);
      expect(parsed.problems === null, JSON.stringify(input)).toBe(former.success);
      if (former.success) {
        accepted += 1;
        expect(parsed.facts, JSON.stringify(input)).toStrictEqual(former.data);
      } else {
        // zod names an unknown base kind at the record ("baseAmountsFen", keys ["SALARY"]); the check, at the key
        const named = new Set(
          former.error.issues.flatMap((issue) =>
            issue.code === "unrecognized_keys"
              ? issue.keys.map((key) => [...issue.path, key].join("."))
              : [issue.path.join(".")],
          ),
        );
        expect(new Set(parsed.problems?.map((p) => p.slice(0, p.indexOf(":")))), JSON.stringify(input)).toEqual(named);
      }
    }
    // the generator must reach both sides
    expect(accepted).toBeGreaterThan(1_000);
    expect(accepted).toBeLessThan(4_000);
  });
});

import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type PublishedDraw, runDraw, verifyDraw } from "../../../schema/dispatch/rules/draw.ts";
import {
  candidateListHash,
  canonicalCandidateLine,
  type EnterpriseForDraw,
  type FrozenCandidate,
  freezeCandidates,
  UNKNOWN_INDUSTRY,
} from "../../../schema/dispatch/rules/draw-candidates.ts";
import {
  type DrawPlan,
  drawParameterProblems,
  EXAMPLE_GRADE_FACTORS,
} from "../../../schema/dispatch/rules/draw-plan.ts";
import { commitSeed, verifySeed } from "../../../schema/dispatch/rules/draw-seed.ts";
import { stratumCount } from "../../../schema/dispatch/rules/draw-strata.ts";
import { sha256OneBlock } from "../../../schema/dispatch/rules/sha256-block.ts";
import { day } from "./generators.ts";

const SEED = "0f".repeat(32);
const PARAMETERS = {
  baseRatioPpm: 10_000,
  stratifyBy: "CREDIT_GRADE",
  factorsPermille: EXAMPLE_GRADE_FACTORS,
} as const;

const candidate = (
  uscc: string,
  industry: string,
  riskClass: string,
  excluded: FrozenCandidate["excluded"] = null,
) => ({
  uscc,
  name: `企业${uscc.slice(-4)}`,
  park: "高竹新区产业园",
  town: "茨竹镇",
  industry,
  riskClass,
  excluded,
});

describe("seed commitment", () => {
  it("hashes the 32 seed bytes, not their hex text (SHA-256 of 32 zero bytes)", () => {
    expect(commitSeed("00".repeat(32))).toBe("66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925");
  });

  it("verifies the revealed seed against the published hash and refuses any other", () => {
    const hash = commitSeed(SEED);
    expect(verifySeed(SEED, hash)).toBe(true);
    expect(verifySeed(`${SEED.slice(0, 63)}e`, hash)).toBe(false);
    expect(verifySeed(SEED.toUpperCase(), hash)).toBe(false);
    expect(verifySeed(SEED, "nothex")).toBe(false);
    expect(() => commitSeed("abc")).toThrow(RangeError);
  });
});

describe("candidate list hash", () => {
  const list = [
    candidate("91511623000000000Y", "化工", "C"),
    candidate("91500109MA5U000001", "建材", "A", "RECENTLY_INSPECTED"),
  ];

  it("serializes each candidate as one compact JSON line with non-ASCII kept as is", () => {
    expect(canonicalCandidateLine(list[1]!)).toBe(
      '["91500109MA5U000001","企业0001","高竹新区产业园","茨竹镇","建材","A","RECENTLY_INSPECTED"]\n',
    );
    expect(canonicalCandidateLine({ ...list[0]!, name: '甲"乙\\丙' })).toContain('"甲\\"乙\\\\丙"');
  });

  it("is SHA-256 of the lines in USCC order, whatever order they come in", () => {
    const expected = createHash("sha256")
      .update(canonicalCandidateLine(list[1]!) + canonicalCandidateLine(list[0]!))
      .digest("hex");
    expect(candidateListHash(list)).toBe(expected);
    expect(candidateListHash([...list].reverse())).toBe(expected);
  });

  it("changes when any public field or an exclusion changes", () => {
    const base = candidateListHash(list);
    for (const field of ["name", "park", "town", "industry", "riskClass"] as const) {
      expect(candidateListHash([{ ...list[0]!, [field]: `${list[0]![field]}x` }, list[1]!])).not.toBe(base);
    }
    expect(candidateListHash([{ ...list[0]!, excluded: "YEARLY_CAP_REACHED" }, list[1]!])).not.toBe(base);
  });

  it("refuses a USCC listed twice", () => {
    expect(() => candidateListHash([list[0]!, { ...list[0]!, name: "另一家" }])).toThrow(/listed twice/);
  });
});

describe("stratum count: min(n, ⌈n × ppm × ‰ / 10^9⌉)", () => {
  it.each([
    [0, 10_000, 1000, 0],
    [1, 10_000, 500, 1], // 0.005 → at least one
    [100, 10_000, 1000, 1],
    [100, 10_000, 3000, 3], // 3 exactly: floating point would give 3.0000000000000004 → 4
    [101, 10_000, 1000, 2],
    [250, 10_000, 2000, 5],
    [1_000_000, 10_000, 500, 5000],
    [5, 1_000_000, 3000, 5], // capped at the population
  ])("n=%i, %i ppm, %i‰ → %i", (n, ppm, permille, expected) => {
    expect(stratumCount(n, ppm, permille)).toBe(expected);
  });
});

describe("plan parameters", () => {
  it("names every problem: ratio, missing or zero factors, unknown classes", () => {
    expect(drawParameterProblems(PARAMETERS)).toEqual([]);
    const problems = drawParameterProblems({
      baseRatioPpm: 0.5,
      stratifyBy: "RISK_COLOUR",
      factorsPermille: { RED: 3000, YELLOW: 0, A: 1000 },
    });
    expect(problems.join("\n")).toMatch(/baseRatioPpm/);
    expect(problems.join("\n")).toMatch(/factorsPermille\.YELLOW/);
    expect(problems.join("\n")).toMatch(/factorsPermille\.GREEN/);
    expect(problems.join("\n")).toMatch(/factorsPermille\.A is not a class/);
  });
});

describe("freezing the candidate list", () => {
  const enterprise = (over: Partial<EnterpriseForDraw>): EnterpriseForDraw => ({
    uscc: "91511623000000000Y",
    name: "邻水化工有限公司",
    park: "高竹新区产业园",
    town: "坛同镇",
    industry: "化工",
    creditGrade: "B",
    creditGradeCq: null,
    creditGradeSc: null,
    domains: ["SAFETY"],
    lastInspectedOn: null,
    ...over,
  });
  const plan: DrawPlan = { ...PARAMETERS, scope: {}, excludeInspectedWithinDays: 90 };
  const drawDay = day("2026-07-01");

  it("applies the scope before freezing: park, town, industry, domains", () => {
    const list = [
      enterprise({ uscc: "91500109MA5U000001", park: "别处" }),
      enterprise({ uscc: "91500109MA5U000002", town: "大湾镇" }),
      enterprise({ uscc: "91500109MA5U000003", industry: "餐饮" }),
      enterprise({ uscc: "91500109MA5U000004", domains: ["ECOLOGY"] }),
      enterprise({ uscc: "91500109MA5U000005" }),
    ];
    const scope = { parks: ["高竹新区产业园"], towns: ["坛同镇"], industries: ["化工"], domains: ["SAFETY", "FIRE"] };
    const frozen = freezeCandidates({ ...plan, scope }, list, { day: drawDay, atYearlyCap: new Set() });
    expect(frozen.map((c) => c.uscc)).toEqual(["91500109MA5U000005"]);
  });

  it("keeps only public fields, normalises and sorts USCCs", () => {
    const frozen = freezeCandidates(
      plan,
      [enterprise({ uscc: " 91511623000000000y " }), enterprise({ uscc: "91500109MA5U000001" })],
      { day: drawDay, atYearlyCap: new Set() },
    );
    expect(frozen.map((c) => c.uscc)).toEqual(["91500109MA5U000001", "91511623000000000Y"]);
    expect(Object.keys(frozen[0]!).sort()).toEqual([
      "excluded",
      "industry",
      "name",
      "park",
      "riskClass",
      "town",
      "uscc",
    ]);
  });

  it("excludes enterprises inspected on one of the last N days and those at their yearly cap", () => {
    const ago = (days: number) => new Date(drawDay.getTime() - days * 86_400_000);
    const frozen = freezeCandidates(
      plan,
      [
        enterprise({ uscc: "91500109MA5U000001", lastInspectedOn: ago(89) }),
        enterprise({ uscc: "91500109MA5U000002", lastInspectedOn: ago(90) }),
        enterprise({ uscc: "91500109MA5U000003", lastInspectedOn: ago(0) }),
        enterprise({ uscc: "91500109MA5U000004", lastInspectedOn: ago(10) }),
      ],
      { day: drawDay, atYearlyCap: new Set(["91500109MA5U000004"]) },
    );
    expect(frozen.map((c) => c.excluded)).toEqual([
      "RECENTLY_INSPECTED",
      null,
      "RECENTLY_INSPECTED",
      "YEARLY_CAP_REACHED",
    ]);
  });

  it("puts an enterprise without industry or registering grade in the 未登记行业 stratum, graded by its provinces or B", () => {
    const frozen = freezeCandidates(
      plan,
      [
        enterprise({
          uscc: "91500109MA5U000001",
          industry: null,
          park: null,
          creditGrade: null,
          creditGradeCq: "A",
          creditGradeSc: "C",
        }),
        enterprise({ uscc: "91500109MA5U000002", creditGrade: null }),
      ],
      { day: drawDay, atYearlyCap: new Set() },
    );
    expect(frozen.map((c) => [c.industry, c.riskClass, c.park])).toEqual([
      [UNKNOWN_INDUSTRY, "C", null],
      ["化工", "B", "高竹新区产业园"],
    ]);
    expect(canonicalCandidateLine(frozen[0]!)).toContain('"邻水化工有限公司",null,"坛同镇","未登记行业","C",null]');
  });

  it("stratifies by the combined risk colour of the libraries rule when the plan says so", () => {
    const colourPlan: DrawPlan = {
      ...plan,
      stratifyBy: "RISK_COLOUR",
      factorsPermille: { RED: 3000, YELLOW: 1000, GREEN: 500 },
    };
    const frozen = freezeCandidates(colourPlan, [enterprise({ creditGradeCq: "C", creditGradeSc: "C" })], {
      day: drawDay,
      atYearlyCap: new Set(),
    });
    expect(frozen[0]!.riskClass).toBe("RED");
  });
});

describe("runDraw and verifyDraw", () => {
  const candidates = [
    ...Array.from({ length: 150 }, (_, i) =>
      candidate(`91500109MA${String(i).padStart(8, "0")}`, "化工", i % 2 ? "D" : "A"),
    ),
    candidate("91511623000000000Y", "餐饮", "B"),
    candidate("9151162300000000M0", "餐饮", "B", "RECENTLY_INSPECTED"),
  ];
  const result = runDraw(PARAMETERS, candidates, SEED);
  const published: PublishedDraw = { ...result, parameters: PARAMETERS, candidates };

  it("counts per stratum by the formula, one at least for a small industry, never an excluded candidate", () => {
    expect(result.strata.map(({ key, population, excluded, count }) => ({ key, population, excluded, count }))).toEqual(
      [
        { key: "化工/A", population: 75, excluded: 0, count: 1 }, // ⌈75 × 1% × 0.5⌉
        { key: "化工/D", population: 75, excluded: 0, count: 3 }, // ⌈75 × 1% × 3⌉ = ⌈2.25⌉
        { key: "餐饮/B", population: 1, excluded: 1, count: 1 },
      ],
    );
    expect(result.selected).toHaveLength(5);
    expect(result.selected).toContain("91511623000000000Y");
    expect(result.selected).not.toContain("9151162300000000M0");
    expect(result.seedHash).toBe(commitSeed(SEED));
    expect(result.candidateListHash).toBe(candidateListHash(candidates));
  });

  it("verifies the published draw with the revealed seed", () => {
    expect(verifyDraw(published, SEED)).toEqual({ valid: true, problems: [] });
  });

  it("detects a different seed", () => {
    const check = verifyDraw(published, `1${SEED.slice(1)}`);
    expect(check.valid).toBe(false);
    expect(check.problems.map((p) => p.code)).toContain("SEED_MISMATCH");
  });

  it("detects a candidate altered after freezing", () => {
    const altered = candidates.map((c, i) => (i === 7 ? { ...c, riskClass: "A" } : c));
    const check = verifyDraw({ ...published, candidates: altered }, SEED);
    expect(check.problems.map((p) => p.code)).toContain("CANDIDATE_LIST_MISMATCH");
  });

  it("detects a selection swapped for another candidate of the stratum", () => {
    const stratumD = published.strata.find((s) => s.key === "化工/D")!;
    const notSelected = candidates.find((c) => c.riskClass === "D" && !stratumD.selected.includes(c.uscc))!;
    const strata = published.strata.map((s) =>
      s === stratumD ? { ...s, selected: [notSelected.uscc, ...s.selected.slice(1)] } : s,
    );
    const check = verifyDraw({ ...published, strata }, SEED);
    expect(check.valid).toBe(false);
    expect(check.problems).toContainEqual(expect.objectContaining({ code: "STRATUM_MISMATCH" }));
  });

  it("detects a changed ratio and reports a malformed seed", () => {
    expect(verifyDraw({ ...published, parameters: { ...PARAMETERS, baseRatioPpm: 20_000 } }, SEED).valid).toBe(false);
    expect(verifyDraw(published, "not a seed").problems.map((p) => p.code)).toContain("MALFORMED_SEED");
  });
});

describe("one-block SHA-256", () => {
  it("equals node:crypto for every message length it accepts", () => {
    const block = new Uint8Array(64);
    const out = new Uint32Array(8);
    for (let length = 0; length <= 55; length++) {
      const message = Buffer.from(Array.from({ length }, (_, i) => (i * 37 + length) & 0xff));
      block.fill(0xaa).set(message);
      sha256OneBlock(block, length, out);
      const digest = Buffer.alloc(32);
      for (const [i, word] of out.entries()) digest.writeUInt32BE(word, i * 4);
      const mine = digest.toString("hex");
      expect(mine).toBe(createHash("sha256").update(message).digest("hex"));
    }
  });
});

/** Property tests of the draw over many random candidate lists and seeds (seeded PRNG: reproducible). */
import { describe, expect, it } from "vitest";
import { type PublishedDraw, runDraw, verifyDraw } from "../../../schema/dispatch/rules/draw.ts";
import type { FrozenCandidate } from "../../../schema/dispatch/rules/draw-candidates.ts";
import { EXAMPLE_COLOUR_FACTORS, EXAMPLE_GRADE_FACTORS } from "../../../schema/dispatch/rules/draw-plan.ts";
import { compareByRank } from "../../../schema/dispatch/rules/draw-rank.ts";
import { stratumCount } from "../../../schema/dispatch/rules/draw-strata.ts";
import { candidates, type Prng, prng } from "./generators.ts";

const RUNS = 60;

function randomDraw(random: Prng) {
  const byColour = random.chance(0.3);
  const parameters = byColour
    ? {
        baseRatioPpm: 1 + random.int(300_000),
        stratifyBy: "RISK_COLOUR" as const,
        factorsPermille: EXAMPLE_COLOUR_FACTORS,
      }
    : {
        baseRatioPpm: 1 + random.int(300_000),
        stratifyBy: "CREDIT_GRADE" as const,
        factorsPermille: EXAMPLE_GRADE_FACTORS,
      };
  const list = candidates(random, 1 + random.int(200), byColour ? ["RED", "YELLOW", "GREEN"] : ["A", "B", "C", "D"]);
  const seed = random.hex(32);
  const published: PublishedDraw = { ...runDraw(parameters, list, seed), parameters, candidates: list };
  return { parameters, list, seed, published };
}

const shuffled = <T>(random: Prng, items: readonly T[]) => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
};

/** One character of a string replaced by a different one (from the same alphabet when given). */
function mutateOneCharacter(random: Prng, text: string, alphabet = "0123456789abcdef"): string {
  const at = random.int(text.length);
  const others = [...alphabet].filter((c) => c !== text[at]);
  return text.slice(0, at) + random.pick(others) + text.slice(at + 1);
}

describe("draw properties", () => {
  it("the same seed and candidates give the same draw, in whatever order the candidates come", () => {
    const random = prng(7);
    for (let run = 0; run < RUNS; run++) {
      const { parameters, list, seed, published } = randomDraw(random);
      const again = runDraw(parameters, shuffled(random, list), seed);
      expect(again).toEqual(runDraw(parameters, list, seed));
      expect(verifyDraw(published, seed).valid).toBe(true);
    }
  });

  it("every stratum's count follows the formula, and each industry with an eligible candidate gets one", () => {
    const random = prng(11);
    for (let run = 0; run < RUNS; run++) {
      const { parameters, list, published } = randomDraw(random);
      for (const stratum of published.strata) {
        const members = list.filter((c) => c.industry === stratum.industry && c.riskClass === stratum.riskClass);
        const eligible = members.filter((c) => c.excluded === null).length;
        expect(stratum.population).toBe(eligible);
        expect(stratum.excluded).toBe(members.length - eligible);
        const factor = parameters.factorsPermille[stratum.riskClass]!;
        // products stay below 2^53 here, so plain numbers are exact: an independent check of the BigInt code
        const product = eligible * parameters.baseRatioPpm * factor;
        expect(stratum.count).toBe(Math.min(eligible, Math.floor((product + 999_999_999) / 1e9)));
        expect(stratum.count).toBe(stratumCount(eligible, parameters.baseRatioPpm, factor));
        expect(stratum.selected).toHaveLength(stratum.count);
      }
      const industries = new Set(list.filter((c) => c.excluded === null).map((c) => c.industry));
      for (const industry of industries) {
        expect(published.selected.some((u) => list.find((c) => c.uscc === u)!.industry === industry)).toBe(true);
      }
    }
  });

  it("selects exactly the first k of each stratum ordered by SHA-256(seed ‖ USCC)", () => {
    const random = prng(13);
    for (let run = 0; run < RUNS; run++) {
      const { seed, list, published } = randomDraw(random);
      const byRank = compareByRank(Buffer.from(seed, "hex"));
      for (const stratum of published.strata) {
        const eligible = list
          .filter((c) => c.industry === stratum.industry && c.riskClass === stratum.riskClass && c.excluded === null)
          .map((c) => c.uscc)
          .sort(byRank);
        expect(stratum.selected).toEqual(eligible.slice(0, stratum.count));
      }
    }
  });

  it("any single-character change to the seed fails verification", () => {
    const random = prng(17);
    for (let run = 0; run < RUNS; run++) {
      const { seed, published } = randomDraw(random);
      const check = verifyDraw(published, mutateOneCharacter(random, seed));
      expect(check.valid).toBe(false);
      expect(check.problems.map((p) => p.code)).toContain("SEED_MISMATCH");
    }
  });

  it("any single-character change to one candidate fails verification", () => {
    const random = prng(19);
    const fields = ["uscc", "name", "park", "town", "industry", "riskClass"] as const;
    for (let run = 0; run < RUNS; run++) {
      const { seed, list, published } = randomDraw(random);
      const victim = random.int(list.length);
      const field = random.pick(fields);
      const altered: FrozenCandidate[] = list.map((c, i) =>
        i === victim ? { ...c, [field]: mutateOneCharacter(random, c[field] ?? "", "ABCDXY化工甲乙0123") } : c,
      );
      const check = verifyDraw({ ...published, candidates: altered }, seed);
      expect(check.valid).toBe(false);
      expect(check.problems.map((p) => p.code)).toContain("CANDIDATE_LIST_MISMATCH");
    }
  });
});

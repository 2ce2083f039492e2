/**
 * The verifiable 双随机 draw (双随机一公开, issue 7 §1). Inputs: the plan's draw parameters, the frozen
 * candidate list (draw-candidates.ts) and the revealed seed (draw-seed.ts). Output: what is published.
 *
 * Selection, per stratum (draw-strata.ts): order the stratum's eligible candidates by
 *   SHA-256(seed bytes ‖ UTF-8 USCC)   as an unsigned big-endian number, ties by USCC,
 * and take the first k. Nothing else enters: the same seed and list always give the same draw, and
 * docs/draw-verification.md shows how to recompute it in a few lines of Python.
 *
 * Cost: one SHA-256 per eligible candidate plus a numeric sort of 48-bit rank prefixes per stratum.
 */

import { type FrozenCandidate, hashCanonicalList, sortedCandidates } from "./draw-candidates.ts";
import { assertDrawParameters, type DrawParameters, drawParameterProblems, RISK_CLASSES } from "./draw-plan.ts";
import { ranker } from "./draw-rank.ts";
import { commitSeed, isDrawSeed, seedBytes, verifySeed } from "./draw-seed.ts";
import { groupStrata, stratumCount } from "./draw-strata.ts";

export interface DrawStratum {
  key: string;
  industry: string;
  riskClass: string;
  /** eligible candidates */
  population: number;
  /** candidates of this stratum excluded before the draw (recently inspected, yearly cap) */
  excluded: number;
  count: number;
  /** USCCs in rank order */
  selected: string[];
}

export interface DrawResult {
  seedHash: string;
  candidateListHash: string;
  candidateCount: number;
  strata: DrawStratum[];
  /** every selected USCC, in USCC order */
  selected: string[];
}

/** Everything 一公开 publishes about a draw; enough for anyone to recompute it once the seed is out. */
export interface PublishedDraw extends DrawResult {
  parameters: DrawParameters;
  candidates: readonly FrozenCandidate[];
}

/** The k lowest-ranked USCCs, in rank order, from one sort of 48-bit prefixes (ties: full digest, USCC). */
export function lowestRanked(seed: Buffer, usccs: readonly string[], k: number): string[] {
  if (k <= 0) return [];
  const { rank48, digest } = ranker(seed);
  const keys = new Float64Array(usccs.length);
  for (let i = 0; i < usccs.length; i++) keys[i] = rank48(usccs[i]!);
  const threshold = keys.slice().sort()[Math.min(k, usccs.length) - 1]!;
  const chosen: { uscc: string; key: number }[] = [];
  for (let i = 0; i < usccs.length; i++) if (keys[i]! <= threshold) chosen.push({ uscc: usccs[i]!, key: keys[i]! });
  chosen.sort(
    (a, b) =>
      a.key - b.key ||
      Buffer.compare(digest(a.uscc), digest(b.uscc)) ||
      (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0),
  );
  return chosen.slice(0, k).map((c) => c.uscc);
}

/** Strata and selection of a valid, canonical candidate list (no hashing of the list). */
function drawStrata(parameters: DrawParameters, canonical: readonly FrozenCandidate[], seed: Buffer): DrawStratum[] {
  const classes = RISK_CLASSES[parameters.stratifyBy];
  return groupStrata(parameters, canonical).map((stratum): DrawStratum => {
    if (!classes.includes(stratum.riskClass)) {
      throw new RangeError(`stratum ${stratum.key}: ${stratum.riskClass} is not a class of ${parameters.stratifyBy}`);
    }
    const factor = parameters.factorsPermille[stratum.riskClass]!;
    const count = stratumCount(stratum.eligible.length, parameters.baseRatioPpm, factor);
    const { key, industry, riskClass, excluded } = stratum;
    const selected = lowestRanked(seed, stratum.eligible, count);
    return { key, industry, riskClass, population: stratum.eligible.length, excluded, count, selected };
  });
}

const allSelected = (strata: readonly DrawStratum[]) => strata.flatMap((s) => s.selected).sort();

/** @throws RangeError on invalid parameters, a malformed seed, a USCC listed twice or a class the plan lacks. */
export function runDraw(parameters: DrawParameters, candidates: readonly FrozenCandidate[], seed: string): DrawResult {
  assertDrawParameters(parameters);
  const canonical = sortedCandidates(candidates);
  const strata = drawStrata(parameters, canonical, seedBytes(seed));
  return {
    seedHash: commitSeed(seed),
    candidateListHash: hashCanonicalList(canonical),
    candidateCount: canonical.length,
    strata,
    selected: allSelected(strata),
  };
}

export type DrawProblemCode =
  | "INVALID_PARAMETERS"
  | "MALFORMED_SEED"
  | "SEED_MISMATCH"
  | "INVALID_CANDIDATE_LIST"
  | "CANDIDATE_LIST_MISMATCH"
  | "STRATUM_MISMATCH"
  | "SELECTION_MISMATCH";

export interface DrawProblem {
  code: DrawProblemCode;
  message: string;
}

export interface DrawVerification {
  valid: boolean;
  problems: DrawProblem[];
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function compareStrata(published: readonly DrawStratum[], recomputed: readonly DrawStratum[]): DrawProblem[] {
  const problems: DrawProblem[] = [];
  const byKey = new Map(published.map((s) => [`${s.industry}\u0000${s.riskClass}`, s]));
  for (const expected of recomputed) {
    const id = `${expected.industry}\u0000${expected.riskClass}`;
    const actual = byKey.get(id);
    byKey.delete(id);
    const problem = (what: string) => problems.push({ code: "STRATUM_MISMATCH", message: `${expected.key}: ${what}` });
    if (!actual) problem("missing from the published draw");
    else if (actual.population !== expected.population)
      problem(`population ${actual.population}, recomputed ${expected.population}`);
    else if (actual.excluded !== expected.excluded)
      problem(`excluded ${actual.excluded}, recomputed ${expected.excluded}`);
    else if (actual.count !== expected.count) problem(`count ${actual.count}, recomputed ${expected.count}`);
    else if (!same(actual.selected, expected.selected))
      problem(`selected [${actual.selected}], recomputed [${expected.selected}]`);
  }
  for (const extra of byKey.values()) {
    problems.push({ code: "STRATUM_MISMATCH", message: `${extra.key}: not a stratum of the candidate list` });
  }
  return problems;
}

/** Recomputes a published draw from its parameters, candidate list and the revealed seed; lists every mismatch. */
export function verifyDraw(published: PublishedDraw, seed: string): DrawVerification {
  const problems: DrawProblem[] = drawParameterProblems(published.parameters).map((message) => ({
    code: "INVALID_PARAMETERS",
    message,
  }));
  if (!isDrawSeed(seed))
    problems.push({ code: "MALFORMED_SEED", message: "the seed is not 64 lowercase hex characters" });
  else if (!verifySeed(seed, published.seedHash)) {
    problems.push({ code: "SEED_MISMATCH", message: "SHA-256 of the revealed seed is not the published seed hash" });
  }
  let canonical: FrozenCandidate[] = [];
  try {
    canonical = sortedCandidates(published.candidates);
  } catch (error) {
    problems.push({ code: "INVALID_CANDIDATE_LIST", message: (error as Error).message });
  }
  const listHash = hashCanonicalList(canonical);
  if (listHash !== published.candidateListHash) {
    problems.push({
      code: "CANDIDATE_LIST_MISMATCH",
      message: `the candidate list hashes to ${listHash}, published ${published.candidateListHash}`,
    });
  }
  // a seed or list that does not match its hash is still replayed: the report then also says which strata moved
  if (problems.some((p) => p.code !== "SEED_MISMATCH" && p.code !== "CANDIDATE_LIST_MISMATCH")) {
    return { valid: false, problems };
  }
  let strata: DrawStratum[];
  try {
    strata = drawStrata(published.parameters, canonical, seedBytes(seed));
  } catch (error) {
    return {
      valid: false,
      problems: [...problems, { code: "INVALID_CANDIDATE_LIST", message: (error as Error).message }],
    };
  }
  problems.push(...compareStrata(published.strata, strata));
  if (published.candidateCount !== canonical.length) {
    problems.push({
      code: "CANDIDATE_LIST_MISMATCH",
      message: `candidateCount ${published.candidateCount}, list holds ${canonical.length}`,
    });
  }
  if (!same(published.selected, allSelected(strata))) {
    problems.push({ code: "SELECTION_MISMATCH", message: "the published selection is not the recomputed one" });
  }
  return { valid: problems.length === 0, problems };
}

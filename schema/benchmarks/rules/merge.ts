/**
 * 有利相对人 merge: the Chongqing and the Sichuan benchmark for one item → the unified one. Pure.
 *
 * Alignment: tiers are paired by `level`; both sides must have the same levels, the same fine-rule kind per
 * level (and, for multiples, the same base, the same threshold and the same presence of the fallback range),
 * the same presence of escalation and of responsible-person fines. Anything else is a conflict — never a guess.
 *
 * Per aligned tier, for every bound the lower value wins (lower maximum, lower minimum; for multiples the
 * lower bp). Each bound records where it came from: "cq", "sc", or "both" when equal. A rule of the statute that
 * only one side states (a floor such as 固废法 第112条 "不足二十万元的，按二十万元计算", a fallback range) is kept,
 * never dropped: leaving it out is not more favourable, it is leaving the law.
 *
 * Then, given the governing statute (./statute.ts), every merged tier is kept inside it and the statute's own rules
 * restored (./merge-statute.ts); what was changed is reported in `clamped`. 按日连续处罚 is not merged: it belongs
 * to the legal bases, not to a benchmark.
 *
 * Conditions: tiers are tried in order, lightest first, so a WIDER condition set on a tier lets more cases
 * stop at it instead of falling into a heavier later tier. The wider set wins (see compareConditionSets);
 * when neither admits all the cases of the other, the tier is a conflict. (Assumes tiers ascend in severity,
 * as every published 裁量阶次 does.) Name and 适用条件 text follow the winning conditions.
 *
 * Lenient rules: the union, deduplicated by list + conditions; a duplicate is binding if either side's is.
 * Symmetry: whenever the two sides differ in a way the rule cannot order (texts, list order), the choice is
 * by a fixed order (lexicographic / sorted), so merge(a, b) and merge(b, a) give the same body.
 */
import { type Clamp, clampTier, StatuteMismatch } from "./merge-statute.ts";
import type { PenaltyNorm } from "./statute.ts";
import { compareConditionSets } from "./tier-selection.ts";
import type { BenchmarkBody, BenchmarkTier, FactCondition, FineRule, LenientRule } from "./types.ts";

export type Side = "cq" | "sc" | "both";
/** bound name (e.g. "maxFen", "whenBaseUnknown.minFen") → the side it came from */
export type BoundProvenance = Record<string, Side>;
export interface TierProvenance {
  level: number;
  conditions: Side;
  fine: BoundProvenance;
  escalation: BoundProvenance | null;
  escalationResponsiblePerson: BoundProvenance | null;
  responsiblePersonFine: BoundProvenance | null;
}
export interface MergeProvenance {
  tiers: TierProvenance[];
  /** parallel to body.lenientRules */
  lenientRules: Side[];
}
export type MergeConflictCode =
  | "DUPLICATE_LEVEL"
  | "TIER_MISSING"
  | "FINE_KIND_MISMATCH"
  | "FINE_SHAPE_MISMATCH"
  | "ESCALATION_MISMATCH"
  | "RESPONSIBLE_PERSON_MISMATCH"
  | "CONDITIONS_UNORDERED"
  | "STATUTE_MISMATCH";
export interface MergeConflict {
  level: number;
  code: MergeConflictCode;
  reason: string;
}
export type MergeResult =
  | { ok: true; body: BenchmarkBody; provenance: MergeProvenance; clamped: Clamp[] }
  | { ok: false; conflicts: MergeConflict[] };

class Mismatch extends Error {
  constructor(
    readonly code: MergeConflictCode,
    message: string,
  ) {
    super(message);
  }
}

const lower = (a: number, b: number): [number, Side] => (a === b ? [a, "both"] : a < b ? [a, "cq"] : [b, "sc"]);
/** a statutory rule (a floor, a threshold): stated by one side only → kept; by both → the lower */
function statedRule(a: number | undefined, b: number | undefined): [number | undefined, Side] {
  if (a === undefined) return [b, b === undefined ? "both" : "sc"];
  if (b === undefined) return [a, "cq"];
  return lower(a, b);
}
const canon = (x: unknown) => JSON.stringify(x);

function mergeFine(a: FineRule, b: FineRule, what: string): [FineRule, BoundProvenance] {
  const p: BoundProvenance = {};
  const take = (key: string, pair: [number, Side]) => {
    p[key] = pair[1];
    return pair[0];
  };
  if (a.kind === "FIXED_RANGE" && b.kind === "FIXED_RANGE") {
    return [
      {
        kind: a.kind,
        minFen: take("minFen", lower(a.minFen, b.minFen)),
        maxFen: take("maxFen", lower(a.maxFen, b.maxFen)),
      },
      p,
    ];
  }
  if (a.kind === "UP_TO_MAX" && b.kind === "UP_TO_MAX")
    return [{ kind: a.kind, maxFen: take("maxFen", lower(a.maxFen, b.maxFen)) }, p];
  if (a.kind === "PER_SQUARE_METRE" && b.kind === "PER_SQUARE_METRE") {
    return [
      {
        kind: a.kind,
        minFenPerM2: take("minFenPerM2", lower(a.minFenPerM2, b.minFenPerM2)),
        maxFenPerM2: take("maxFenPerM2", lower(a.maxFenPerM2, b.maxFenPerM2)),
      },
      p,
    ];
  }
  if (a.kind === "MULTIPLE_OF_BASE" && b.kind === "MULTIPLE_OF_BASE") {
    if (a.base !== b.base) throw new Mismatch("FINE_SHAPE_MISMATCH", `${what}: multiple of ${a.base} vs ${b.base}`);
    const bothFallbacks = a.whenBaseUnknown !== undefined && b.whenBaseUnknown !== undefined;
    if (bothFallbacks && a.baseThresholdFen !== b.baseThresholdFen) {
      throw new Mismatch(
        "FINE_SHAPE_MISMATCH",
        `${what}: the threshold below which the fallback range applies differs`,
      );
    }
    const out: FineRule = {
      kind: a.kind,
      base: a.base,
      minBp: take("minBp", lower(a.minBp, b.minBp)),
      maxBp: take("maxBp", lower(a.maxBp, b.maxBp)),
    };
    for (const key of ["floorFen", "baseFloorFen"] as const) {
      const [v, side] = statedRule(a[key], b[key]);
      if (v !== undefined) {
        out[key] = v;
        p[key] = side;
      }
    }
    const fallbackFrom = a.whenBaseUnknown ? a : b.whenBaseUnknown ? b : null;
    if (bothFallbacks) {
      const [fallback, fp] = mergeFine(a.whenBaseUnknown as FineRule, b.whenBaseUnknown as FineRule, what);
      out.whenBaseUnknown = fallback as typeof out.whenBaseUnknown;
      for (const [k, side] of Object.entries(fp)) p[`whenBaseUnknown.${k}`] = side;
    } else if (fallbackFrom) {
      // a fallback stated by one side only is the statute's rule for an unknown base: kept with its threshold
      out.whenBaseUnknown = fallbackFrom.whenBaseUnknown;
    }
    if (fallbackFrom?.baseThresholdFen !== undefined) out.baseThresholdFen = fallbackFrom.baseThresholdFen;
    return [out, p];
  }
  throw new Mismatch("FINE_KIND_MISMATCH", `${what}: ${a.kind} (cq) vs ${b.kind} (sc)`);
}

function mergeOptionalFine(a: FineRule | undefined, b: FineRule | undefined, what: string) {
  if (!a && !b) return null;
  if (!a || !b) throw new Mismatch("RESPONSIBLE_PERSON_MISMATCH", `${what} is set only by ${a ? "cq" : "sc"}`);
  return mergeFine(a, b, what);
}

/** same sequence → kept; otherwise the sorted union (so both argument orders agree) */
function unionList(a: readonly string[], b: readonly string[]): string[] {
  if (canon(a) === canon(b)) return [...a];
  return [...new Set([...a, ...b])].sort();
}

function mergeTier(a: BenchmarkTier, b: BenchmarkTier): [BenchmarkTier, TierProvenance] {
  const level = a.level;
  const order = compareConditionSets(a.conditions, b.conditions);
  if (order === "unordered") {
    throw new Mismatch(
      "CONDITIONS_UNORDERED",
      `neither side's conditions admit every case of the other (cq: ${canon(a.conditions)}; sc: ${canon(b.conditions)})`,
    );
  }
  const condSide: Side = order === "a" ? "cq" : order === "b" ? "sc" : "both";
  let textFrom: BenchmarkTier = condSide === "sc" ? b : a;
  let conditions: FactCondition[] = textFrom.conditions;
  if (condSide === "both") {
    if (canon(b.conditions) < canon(a.conditions)) conditions = b.conditions;
    if (canon([b.name, b.conditionText]) < canon([a.name, a.conditionText])) textFrom = b;
  }
  const [fine, fineP] = mergeFine(a.fine, b.fine, `level ${level} fine`);
  const tier: BenchmarkTier = {
    level,
    name: textFrom.name,
    conditions,
    conditionText: textFrom.conditionText,
    fine,
    otherMeasures: unionList(a.otherMeasures, b.otherMeasures),
  };
  const prov: TierProvenance = {
    level,
    conditions: condSide,
    fine: fineP,
    escalation: null,
    escalationResponsiblePerson: null,
    responsiblePersonFine: null,
  };
  if (!a.escalation !== !b.escalation) {
    throw new Mismatch("ESCALATION_MISMATCH", `escalation (逾期未改正) is set only by ${a.escalation ? "cq" : "sc"}`);
  }
  if (a.escalation && b.escalation) {
    const [escFine, escP] = mergeFine(a.escalation.fine, b.escalation.fine, `level ${level} escalation`);
    const person = mergeOptionalFine(
      a.escalation.responsiblePersonFine,
      b.escalation.responsiblePersonFine,
      `level ${level} escalation responsible-person fine`,
    );
    tier.escalation = {
      fine: escFine,
      otherMeasures: unionList(a.escalation.otherMeasures, b.escalation.otherMeasures),
    };
    prov.escalation = escP;
    if (person) {
      tier.escalation.responsiblePersonFine = person[0];
      prov.escalationResponsiblePerson = person[1];
    }
  }
  const person = mergeOptionalFine(
    a.responsiblePersonFine,
    b.responsiblePersonFine,
    `level ${level} responsible-person fine`,
  );
  if (person) {
    tier.responsiblePersonFine = person[0];
    prov.responsiblePersonFine = person[1];
  }
  return [tier, prov];
}

const LIST_ORDER = ["NO_PENALTY", "LIGHTER", "MITIGATED", "NO_COERCION"];
const lenientKey = (r: LenientRule) => canon([r.list, r.conditions.map(canon).sort()]);

function mergeDuplicate(a: LenientRule, b: LenientRule): LenientRule {
  const bindingA = a.discretionary !== true;
  const bindingB = b.discretionary !== true;
  let from = a;
  if (bindingA !== bindingB) from = bindingA ? a : b;
  else if (canon([b.description, b.citation, b.conditions]) < canon([a.description, a.citation, a.conditions]))
    from = b;
  const out: LenientRule = { ...from };
  delete out.discretionary;
  // explicit false wins (binding), then true only when both are true, otherwise absent
  if (a.discretionary === false || b.discretionary === false) out.discretionary = false;
  else if (a.discretionary && b.discretionary) out.discretionary = true;
  return out;
}

function mergeLenient(a: readonly LenientRule[], b: readonly LenientRule[]): [LenientRule[], Side[]] {
  const entries = new Map<string, { rule: LenientRule; side: Side }>();
  const add = (r: LenientRule, side: "cq" | "sc") => {
    const key = lenientKey(r);
    const seen = entries.get(key);
    if (!seen) entries.set(key, { rule: r, side });
    else if (seen.side !== side) entries.set(key, { rule: mergeDuplicate(seen.rule, r), side: "both" });
  };
  for (const r of a) add(r, "cq");
  for (const r of b) add(r, "sc");
  let merged = [...entries.entries()];
  if (canon(a.map(lenientKey)) !== canon(b.map(lenientKey))) {
    merged = merged.sort(
      ([ka, ea], [kb, eb]) => LIST_ORDER.indexOf(ea.rule.list) - LIST_ORDER.indexOf(eb.rule.list) || (ka < kb ? -1 : 1),
    );
  }
  return [merged.map(([, e]) => e.rule), merged.map(([, e]) => e.side)];
}

function byLevel(tiers: readonly BenchmarkTier[], side: Side, conflicts: MergeConflict[]) {
  const map = new Map<number, BenchmarkTier>();
  for (const t of tiers) {
    if (map.has(t.level))
      conflicts.push({ level: t.level, code: "DUPLICATE_LEVEL", reason: `${side} has level ${t.level} twice` });
    map.set(t.level, t);
  }
  return map;
}

/**
 * The unified benchmark under 有利相对人, kept inside `statute` (the governing norm, when known), or the list of
 * tiers that cannot be aligned and why.
 */
export function mergeBenchmarks(cq: BenchmarkBody, sc: BenchmarkBody, statute: PenaltyNorm | null = null): MergeResult {
  const conflicts: MergeConflict[] = [];
  const a = byLevel(cq.tiers, "cq", conflicts);
  const b = byLevel(sc.tiers, "sc", conflicts);
  const levels = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y);
  const tiers: BenchmarkTier[] = [];
  const provTiers: TierProvenance[] = [];
  const clamped: Clamp[] = [];
  for (const level of levels) {
    const ta = a.get(level);
    const tb = b.get(level);
    if (!ta || !tb) {
      conflicts.push({
        level,
        code: "TIER_MISSING",
        reason: `level ${level} exists only in ${ta ? "cq" : "sc"} (cq has ${a.size} tiers, sc has ${b.size})`,
      });
      continue;
    }
    try {
      const [merged, prov] = mergeTier(ta, tb);
      const lawful = statute ? clampTier(merged, statute) : { tier: merged, clamps: [] };
      tiers.push(lawful.tier);
      provTiers.push(prov);
      clamped.push(...lawful.clamps);
    } catch (e) {
      if (e instanceof StatuteMismatch) {
        conflicts.push({ level, code: "STATUTE_MISMATCH", reason: `${statute?.citation}: ${e.message}` });
        continue;
      }
      if (!(e instanceof Mismatch)) throw e;
      conflicts.push({ level, code: e.code, reason: e.message });
    }
  }
  if (conflicts.length) return { ok: false, conflicts };
  const [lenientRules, lenientProv] = mergeLenient(cq.lenientRules, sc.lenientRules);
  return {
    ok: true,
    body: { tiers, lenientRules },
    provenance: { tiers: provTiers, lenientRules: lenientProv },
    clamped,
  };
}

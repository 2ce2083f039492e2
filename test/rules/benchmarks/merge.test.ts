import { describe, expect, it } from "vitest";
import { evaluateTierFine } from "../../../schema/benchmarks/rules/fine-engine.ts";
import { type MergeProvenance, mergeBenchmarks } from "../../../schema/benchmarks/rules/merge.ts";
import { compareConditionSets } from "../../../schema/benchmarks/rules/tier-selection.ts";
import type { BenchmarkBody, CaseFactsInput, FineRule } from "../../../schema/benchmarks/rules/types.ts";
import { body, facts, safetyTraining97, W } from "./fixtures.ts";

const ok = (r: ReturnType<typeof mergeBenchmarks>) => {
  if (!r.ok) throw new Error(`unexpected conflicts: ${JSON.stringify(r.conflicts)}`);
  return r;
};

describe("mergeBenchmarks: a merge computed by hand (安全生产法 第97条)", () => {
  const cq = safetyTraining97();
  const sc = safetyTraining97();
  sc.tiers[0]!.fine = { kind: "UP_TO_MAX", maxFen: W(2) }; // 四川 tier 1: ≤2万
  sc.tiers[0]!.conditions = [{ fact: "proportionAffectedPct", op: "lt", value: 15 }]; // wider tier 1
  sc.tiers[0]!.conditionText = "未如实记录人员占总人数 15% 以下";
  sc.tiers[1]!.fine = { kind: "FIXED_RANGE", minFen: W(2), maxFen: W(8) };
  sc.tiers[2]!.escalation = { fine: { kind: "FIXED_RANGE", minFen: W(15), maxFen: W(20) }, otherMeasures: [] };
  const merged = () => ok(mergeBenchmarks(cq, sc));

  it("takes the lower bound of each side, tier by tier", () => {
    const r = merged();
    expect(r.body.tiers.map((t) => t.fine)).toEqual([
      { kind: "UP_TO_MAX", maxFen: W(2) },
      { kind: "FIXED_RANGE", minFen: W(2), maxFen: W(7) },
      { kind: "FIXED_RANGE", minFen: W(7), maxFen: W(10) },
    ]);
    expect(r.body.tiers[2]!.escalation?.fine).toEqual({ kind: "FIXED_RANGE", minFen: W(15), maxFen: W(20) });
  });

  it("records which province each bound came from", () => {
    const r = merged();
    expect(r.provenance.tiers.map((t) => t.fine)).toEqual([
      { maxFen: "sc" },
      { minFen: "sc", maxFen: "cq" },
      { minFen: "both", maxFen: "both" },
    ]);
    expect(r.provenance.tiers[2]!.escalation).toEqual({ minFen: "sc", maxFen: "both" });
  });

  it("keeps the wider tier-1 conditions (15% lets more cases stop at the lightest tier) with their text", () => {
    const r = merged();
    expect(r.body.tiers[0]!.conditions).toEqual([{ fact: "proportionAffectedPct", op: "lt", value: 15 }]);
    expect(r.body.tiers[0]!.conditionText).toContain("15%");
    expect(r.provenance.tiers[0]!.conditions).toBe("sc");
  });

  it("keeps a lenient entry present on either side, once", () => {
    const a = safetyTraining97();
    const b = safetyTraining97();
    const shared = {
      list: "LIGHTER" as const,
      conditions: [],
      description: "主动消除危害后果",
      citation: "行政处罚法 第32条",
    };
    a.lenientRules = [shared];
    b.lenientRules = [
      shared,
      {
        list: "NO_COERCION",
        conditions: [{ fact: "harm", op: "eq", value: "NONE" }],
        description: "免强制",
        citation: "行政强制法 第16条",
      },
    ];
    const m = ok(mergeBenchmarks(a, b));
    expect(m.body.lenientRules.map((l) => l.list)).toEqual(["LIGHTER", "NO_COERCION"]);
    expect(m.provenance.lenientRules).toEqual(["both", "sc"]);
  });
});

describe("mergeBenchmarks: conflicts instead of guesses", () => {
  it("names a tier that exists on one side only", () => {
    const sc = safetyTraining97();
    sc.tiers.pop();
    const r = mergeBenchmarks(safetyTraining97(), sc);
    expect(r).toEqual({ ok: false, conflicts: [expect.objectContaining({ level: 3, code: "TIER_MISSING" })] });
  });

  it("names a tier whose fine-rule kinds differ", () => {
    const sc = safetyTraining97();
    sc.tiers[1]!.fine = { kind: "UP_TO_MAX", maxFen: W(7) };
    const r = mergeBenchmarks(safetyTraining97(), sc);
    expect(r).toEqual({ ok: false, conflicts: [expect.objectContaining({ level: 2, code: "FINE_KIND_MISMATCH" })] });
  });

  it("names a tier whose conditions cannot be ordered", () => {
    const sc = safetyTraining97();
    sc.tiers[0]!.conditions = [
      { fact: "proportionAffectedPct", op: "lt", value: 15 },
      { fact: "harm", op: "lte", value: "MINOR" },
    ];
    const r = mergeBenchmarks(safetyTraining97(), sc);
    expect(r).toEqual({ ok: false, conflicts: [expect.objectContaining({ level: 1, code: "CONDITIONS_UNORDERED" })] });
  });

  it("names a tier with escalation on one side only", () => {
    const sc = safetyTraining97();
    delete sc.tiers[2]!.escalation;
    const r = mergeBenchmarks(safetyTraining97(), sc);
    expect(r).toEqual({ ok: false, conflicts: [expect.objectContaining({ level: 3, code: "ESCALATION_MISMATCH" })] });
  });
});

// ---------- properties over generated inputs (seeded, no dependency) ----------

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
const pair = (r: Rand, hi: number) => {
  const a = int(r, 0, hi);
  const b = int(r, 0, hi);
  return [Math.min(a, b), Math.max(a, b)] as const;
};

/** shape = what both sides share; the numbers are drawn per side */
interface Shape {
  kind: FineRule["kind"];
  fallback: boolean;
  escalation: boolean;
  /** statutory floors: the same on both sides where stated, but a side may leave one out */
  floorFen?: number;
  baseFloorFen?: number;
}
function fine(r: Rand, shape: Shape, threshold: number): FineRule {
  const [lo, hi] = pair(r, W(200));
  if (shape.kind === "FIXED_RANGE") return { kind: "FIXED_RANGE", minFen: lo, maxFen: hi };
  if (shape.kind === "UP_TO_MAX") return { kind: "UP_TO_MAX", maxFen: hi };
  if (shape.kind === "PER_SQUARE_METRE") {
    const [a, b] = pair(r, 100_000);
    return { kind: "PER_SQUARE_METRE", minFenPerM2: a, maxFenPerM2: b };
  }
  const [minBp, maxBp] = pair(r, 60_000);
  const rule: FineRule = { kind: "MULTIPLE_OF_BASE", base: "DISPOSAL_COST", minBp, maxBp };
  if (shape.floorFen !== undefined && r() < 0.5) rule.floorFen = shape.floorFen;
  if (shape.baseFloorFen !== undefined && r() < 0.5) rule.baseFloorFen = shape.baseFloorFen;
  if (shape.fallback) {
    rule.baseThresholdFen = threshold;
    rule.whenBaseUnknown = { kind: "FIXED_RANGE", minFen: lo, maxFen: hi };
  }
  return rule;
}
const LENIENT_POOL = [
  {
    list: "NO_PENALTY",
    conditions: [{ fact: "harm", op: "eq", value: "NONE" }],
    description: "轻微",
    citation: "行政处罚法 第33条第1款",
  },
  { list: "LIGHTER", conditions: [], description: "从轻", citation: "行政处罚法 第32条" },
  {
    list: "MITIGATED",
    conditions: [{ fact: "firstViolation", op: "eq", value: true }],
    description: "减轻",
    citation: "行政处罚法 第32条",
  },
  {
    list: "NO_COERCION",
    conditions: [],
    description: "免强制",
    citation: "行政强制法 第16条第2款",
    discretionary: true,
  },
  { list: "LIGHTER", conditions: [{ fact: "areaM2", op: "lt", value: 50 }], description: "面积小", citation: "基准" },
] as const;

function side(r: Rand, shapes: Shape[], threshold: number, unorderable: boolean): BenchmarkBody {
  return body({
    tiers: shapes.map((shape, i) => ({
      level: i + 1,
      name: `阶次${i + 1}`,
      conditions: [
        { fact: "proportionAffectedPct", op: pick(r, ["lt", "lte"]), value: int(r, 1, 100) },
        ...(unorderable && r() < 0.5
          ? [{ fact: "harm", op: "lte", value: pick(r, ["MINOR", "GENERAL", "SEVERE"]) }]
          : []),
      ],
      fine: fine(r, shape, threshold),
      ...(shape.escalation ? { escalation: { fine: fine(r, { ...shape, kind: "FIXED_RANGE" }, threshold) } } : {}),
      otherMeasures: r() < 0.5 ? ["责令改正"] : [],
    })),
    lenientRules: LENIENT_POOL.filter(() => r() < 0.5),
  });
}

function generate(seed: number) {
  const r = rng(seed);
  const shapes: Shape[] = Array.from({ length: int(r, 1, 4) }, () => ({
    kind: pick(r, ["FIXED_RANGE", "UP_TO_MAX", "MULTIPLE_OF_BASE", "PER_SQUARE_METRE"] as const),
    fallback: r() < 0.5,
    escalation: r() < 0.5,
    ...(r() < 0.5 ? { floorFen: int(r, 0, W(30)) } : {}),
    ...(r() < 0.5 ? { baseFloorFen: int(r, 0, W(30)) } : {}),
  }));
  const threshold = int(r, 0, W(20));
  const unorderable = r() < 0.3;
  return { cq: side(r, shapes, threshold, unorderable), sc: side(r, shapes, threshold, unorderable), r };
}

/** A side with the statutory rules the other side states: what it says once the law it left out is read in. */
function withStatutoryRules(b: BenchmarkBody, other: BenchmarkBody): BenchmarkBody {
  const copy = structuredClone(b);
  copy.tiers.forEach((t, i) => {
    const o = other.tiers[i]?.fine;
    if (t.fine.kind !== "MULTIPLE_OF_BASE" || o?.kind !== "MULTIPLE_OF_BASE") return;
    for (const key of ["floorFen", "baseFloorFen"] as const)
      if (t.fine[key] === undefined && o[key] !== undefined) t.fine[key] = o[key];
    if (!t.fine.whenBaseUnknown && o.whenBaseUnknown) {
      t.fine.whenBaseUnknown = o.whenBaseUnknown;
      t.fine.baseThresholdFen = o.baseThresholdFen;
    }
  });
  return copy;
}

const swapProvenance = (p: MergeProvenance): MergeProvenance =>
  JSON.parse(JSON.stringify(p), (_k, v) => (v === "cq" ? "sc" : v === "sc" ? "cq" : v));
const get = (o: unknown, path: string): number => {
  const v = path.split(".").reduce<unknown>((x, k) => (x as Record<string, unknown> | undefined)?.[k], o);
  return (v as number | undefined) ?? 0; // an absent floor is no floor
};

const isStated = (b: BenchmarkBody, path: string) =>
  path.split(".").reduce<unknown>((x, k) => (x as Record<string, unknown> | undefined)?.[k], b.tiers) !== undefined;

const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);

describe("mergeBenchmarks properties (300 generated pairs)", () => {
  it("the unified range never exceeds either province's on the same tier (statutory rules read in), for any facts", () => {
    let compared = 0;
    for (const seed of SEEDS) {
      const generated = generate(seed);
      const { r } = generated;
      const m = mergeBenchmarks(generated.cq, generated.sc);
      const cq = withStatutoryRules(generated.cq, generated.sc);
      const sc = withStatutoryRules(generated.sc, generated.cq);
      if (!m.ok) continue;
      for (let t = 0; t < m.body.tiers.length; t++) {
        for (let k = 0; k < 3; k++) {
          const input: CaseFactsInput = {
            correctedInTime: r() < 0.5,
            areaM2: int(r, 1, 5000),
            baseAmountsFen: r() < 0.8 ? { DISPOSAL_COST: int(r, 0, W(50)) } : {},
          };
          const f = facts(input);
          const evalOrNull = (b: BenchmarkBody) => {
            try {
              return evaluateTierFine(b.tiers[t]!, f);
            } catch {
              return null;
            }
          };
          const [u, a, b] = [evalOrNull(m.body), evalOrNull(cq), evalOrNull(sc)];
          if (!u || !a || !b) continue;
          compared++;
          expect(u.maxFen).toBeLessThanOrEqual(Math.min(a.maxFen, b.maxFen));
          expect(u.minFen).toBeLessThanOrEqual(Math.min(a.minFen, b.minFen));
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it("is symmetric: merge(a, b) equals merge(b, a) with provenance labels swapped", () => {
    for (const seed of SEEDS) {
      const { cq, sc } = generate(seed);
      const ab = mergeBenchmarks(cq, sc);
      const ba = mergeBenchmarks(sc, cq);
      expect(ba.ok).toBe(ab.ok);
      if (!ab.ok || !ba.ok) continue;
      expect(ba.body).toEqual(ab.body);
      expect(ba.provenance).toEqual(swapProvenance(ab.provenance));
    }
  });

  it("is idempotent: merge(m, m) is m, all from both", () => {
    let merged = 0;
    for (const seed of SEEDS) {
      const { cq, sc } = generate(seed);
      for (const m of [cq, mergeBenchmarks(cq, sc)]) {
        const bodyM = "tiers" in m ? m : m.ok ? m.body : null;
        if (!bodyM) continue;
        const mm = ok(mergeBenchmarks(bodyM, bodyM));
        expect(mm.body).toEqual(bodyM);
        expect(JSON.stringify(mm.provenance)).not.toMatch(/"(cq|sc)"/);
        merged++;
      }
    }
    expect(merged).toBeGreaterThan(SEEDS.length);
  });

  it("provenance names the side each bound really came from", () => {
    let checked = 0;
    for (const seed of SEEDS) {
      const { cq, sc } = generate(seed);
      const m = mergeBenchmarks(cq, sc);
      if (!m.ok) continue;
      m.provenance.tiers.forEach((tp, t) => {
        const groups = [
          ["fine", tp.fine],
          ["escalation.fine", tp.escalation ?? {}],
        ] as const;
        for (const [prefix, bounds] of groups) {
          for (const [bound, s] of Object.entries(bounds)) {
            const path = `${t}.${prefix}.${bound}`;
            const [u, a, b] = [get(m.body.tiers, path), get(cq.tiers, path), get(sc.tiers, path)];
            if (s === "both") expect([u, u]).toEqual([a, b]);
            else expect(u).toBe(s === "cq" ? a : b);
            // a statutory floor stated by one side is kept: the other side simply did not state it
            if (s !== "both" && isStated(s === "cq" ? sc : cq, path)) expect(u).toBeLessThan(s === "cq" ? b : a);
            checked++;
          }
        }
        expect(m.body.tiers[t]!.conditions).toEqual(
          tp.conditions === "sc"
            ? sc.tiers[t]!.conditions
            : tp.conditions === "cq"
              ? cq.tiers[t]!.conditions
              : m.body.tiers[t]!.conditions,
        );
      });
    }
    expect(checked).toBeGreaterThan(300);
  });

  it("reports a conflict exactly when a tier's conditions cannot be ordered (in these generated cases)", () => {
    let conflicts = 0;
    for (const seed of SEEDS) {
      const { cq, sc } = generate(seed);
      const m = mergeBenchmarks(cq, sc);
      const unordered = cq.tiers.filter(
        (t, i) => compareConditionSets(t.conditions, sc.tiers[i]!.conditions) === "unordered",
      );
      expect(m.ok).toBe(unordered.length === 0);
      if (!m.ok) {
        conflicts++;
        expect(m.conflicts.map((c) => c.level)).toEqual(unordered.map((t) => t.level));
      }
    }
    expect(conflicts).toBeGreaterThan(0);
  });
});

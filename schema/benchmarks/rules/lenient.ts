/**
 * The four lenient lists (四张清单): which one applies to a case, and what it does to the range. Pure.
 *
 * Precedence: 不予处罚 (NO_PENALTY) > 减轻 (MITIGATED) > 从轻 (LIGHTER); among NO_PENALTY entries a binding
 * one ("不予") wins over a discretionary one ("可以不予", 首违不罚). 免于行政强制 (NO_COERCION) concerns
 * coercive measures, not the penalty, so it is reported alongside (行政强制法 第16条第2款).
 *
 * The statutory rules below apply to EVERY penalty item even when a benchmark's own list omits them.
 * Not modelled yet: 行政处罚法 第32条 (应当从轻或者减轻: 主动消除或者减轻危害后果、受他人胁迫或者诱骗、
 * 主动供述、配合查处有立功表现 …) — there are no facts for these circumstances; a benchmark may still list
 * them with its own conditions.
 */
import { oncePerObject } from "../../common/rules/once-per-object.ts";
import type { FineRange } from "./fine-engine.ts";
import { rangeText } from "./fine-engine.ts";
import { allHold } from "./tier-selection.ts";
import type { CaseFacts, LenientList, LenientRule } from "./types.ts";

export const STATUTORY_LENIENT_RULES: readonly LenientRule[] = [
  {
    list: "NO_PENALTY",
    conditions: [
      { fact: "harm", op: "eq", value: "NONE" },
      { fact: "correctedInTime", op: "eq", value: true },
    ],
    description: "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚",
    citation: "行政处罚法 第33条第1款",
  },
  {
    list: "NO_PENALTY",
    conditions: [
      { fact: "firstViolation", op: "eq", value: true },
      { fact: "harm", op: "lte", value: "MINOR" },
      { fact: "correctedInTime", op: "eq", value: true },
    ],
    description: "初次违法且危害后果轻微并及时改正的，可以不予行政处罚 (首违不罚)",
    citation: "行政处罚法 第33条第1款",
    discretionary: true,
  },
  {
    list: "NO_PENALTY",
    conditions: [{ fact: "subjectiveFault", op: "eq", value: false }],
    // the article's proviso "法律、行政法规另有规定的，从其规定" is left to the benchmark's own data
    description: "当事人有证据足以证明没有主观过错的，不予行政处罚",
    citation: "行政处罚法 第33条第2款",
  },
  {
    list: "NO_COERCION",
    conditions: [{ fact: "harm", op: "eq", value: "NONE" }],
    description: "违法行为情节显著轻微或者没有明显社会危害的，可以不采取行政强制措施",
    citation: "行政强制法 第16条第2款",
    discretionary: true,
  },
];

export type PenaltyLenientList = Exclude<LenientList, "NO_COERCION">;

export interface LenientMatch {
  list: LenientList;
  description: string;
  citation: string;
  discretionary: boolean;
  source: "statute" | "benchmark";
}

export interface LenientAssessment {
  /** the list that governs the penalty, or null when none applies */
  applied: (LenientMatch & { list: PenaltyLenientList }) | null;
  noCoercion: LenientMatch | null;
  /** every entry whose conditions hold, statute first */
  matches: LenientMatch[];
  steps: string[];
  citations: string[];
}

const RANK: Record<LenientList, number> = { NO_PENALTY: 0, MITIGATED: 1, LIGHTER: 2, NO_COERCION: 3 };
const better = (a: LenientMatch, b: LenientMatch) =>
  RANK[a.list] !== RANK[b.list] ? RANK[a.list] < RANK[b.list] : !a.discretionary && b.discretionary;

const label = (m: LenientMatch) =>
  `${m.description} (${m.citation}${m.discretionary ? "，可以 — 裁量适用 discretionary" : ""})`;

/** the statute's rules then the benchmark's, tagged once per benchmark list (not on every match) */
const statuteThenBenchmark = oncePerObject((benchmarkRules: readonly LenientRule[]) => [
  ...STATUTORY_LENIENT_RULES.map((r) => ({ r, source: "statute" as const })),
  ...benchmarkRules.map((r) => ({ r, source: "benchmark" as const })),
]);

/** Which lenient list applies: the benchmark's own entries plus STATUTORY_LENIENT_RULES. */
export function assessLenient(benchmarkRules: readonly LenientRule[], facts: CaseFacts): LenientAssessment {
  const matches: LenientMatch[] = [];
  for (const { r, source } of statuteThenBenchmark(benchmarkRules)) {
    if (!allHold(r.conditions, facts)) continue;
    matches.push({
      list: r.list,
      description: r.description,
      citation: r.citation,
      discretionary: r.discretionary ?? false,
      source,
    });
  }
  let applied: LenientAssessment["applied"] = null;
  for (const m of matches) {
    if (m.list !== "NO_COERCION" && (!applied || better(m, applied))) applied = { ...m, list: m.list };
  }
  const noCoercion =
    matches.find((m) => m.list === "NO_COERCION" && !m.discretionary) ??
    matches.find((m) => m.list === "NO_COERCION") ??
    null;
  const steps: string[] = [];
  const citations: string[] = [];
  if (applied) {
    steps.push(`适用${LIST_NAMES[applied.list]}: ${label(applied)}`);
    citations.push(applied.citation);
  } else {
    steps.push("不符合不予处罚、减轻、从轻处罚的情形 (no lenient list applies)");
  }
  if (noCoercion) {
    steps.push(`免于行政强制: ${label(noCoercion)}`);
    if (!citations.includes(noCoercion.citation)) citations.push(noCoercion.citation);
  }
  return { applied, noCoercion, matches, steps, citations };
}

export const LIST_NAMES: Record<LenientList, string> = {
  NO_PENALTY: "不予处罚",
  MITIGATED: "减轻处罚",
  LIGHTER: "从轻处罚",
  NO_COERCION: "免于行政强制",
};

/**
 * What 从轻 / 减轻 do to the tier's range (docs/law.md: "一般 = middle tier, 从轻 < middle"):
 * - 从轻 (LIGHTER): stays inside the range, in its lower half: [min, min + ⌊(max − min) / 2⌋].
 *   The same rule is used for "≤ max" fines (0 … max/2); the stricter "从轻 ≤ 20% of max" seen on some
 *   local pages is UNVERIFIED and not applied.
 * - 减轻 (MITIGATED): below the statutory minimum: [0, statutoryMinFen] (inclusive, so a fine at the minimum
 *   itself is not flagged). `statutoryMinFen` is the lowest minimum of the benchmark's tiers for these facts
 *   (the caller computes it); for a "≤ max" fine it is 0, so only a lighter kind of penalty remains.
 */
export function lenientRange(
  range: FineRange,
  list: "LIGHTER" | "MITIGATED",
  statutoryMinFen: number = range.minFen,
): FineRange & { step: string } {
  if (list === "LIGHTER") {
    const out = { minFen: range.minFen, maxFen: range.minFen + Math.floor((range.maxFen - range.minFen) / 2) };
    // the bounds listed, not `...out`: on Node 20 each property added after a spread costs ~1 µs
    return {
      minFen: out.minFen,
      maxFen: out.maxFen,
      step: `从轻处罚: 在 ${rangeText(range)} 的下半段 → ${rangeText(out)}`,
    };
  }
  const out = { minFen: 0, maxFen: Math.min(statutoryMinFen, range.minFen) };
  return {
    minFen: out.minFen,
    maxFen: out.maxFen,
    step: `减轻处罚: 低于法定最低额 (below the statutory minimum) → ${rangeText(out)}${out.maxFen === 0 ? "，即不处罚款，只可选择较轻的处罚种类" : ""}`,
  };
}

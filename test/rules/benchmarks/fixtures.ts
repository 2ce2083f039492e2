/** Shared builders for the benchmark-rule tests. Figures are docs/law.md; money in fen (1万元 = 1_000_000 fen). */
import type { LegalBasisView } from "../../../schema/benchmarks/rules/case-evaluation.ts";
import { type CaseFacts, type CaseFactsInput, parseCaseFacts } from "../../../schema/benchmarks/rules/case-facts.ts";
import { type StatutoryFine, statutoryFine } from "../../../schema/benchmarks/rules/statute.ts";
import { type BenchmarkBody, benchmarkBody, type FineRule } from "../../../schema/benchmarks/rules/types.ts";

/** 万元 → fen */
export const W = (n: number) => Math.round(n * 1_000_000);
export const facts = (input: CaseFactsInput = {}): CaseFacts => {
  const parsed = parseCaseFacts(input);
  if (parsed.problems) throw new Error(parsed.problems.join("; "));
  return parsed.facts;
};
export const body = (input: unknown): BenchmarkBody => benchmarkBody.parse(input);
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** 安全生产法 第97条(四) 未如实记录安全生产教育和培训情况, tiered by 人员占比 as in docs/law.md */
export const safetyTraining97 = () =>
  body({
    tiers: [
      {
        level: 1,
        name: "较轻",
        conditionText: "未如实记录人员占总人数 10% 以下",
        conditions: [{ fact: "proportionAffectedPct", op: "lt", value: 10 }],
        fine: { kind: "UP_TO_MAX", maxFen: W(3) },
        escalation: {
          fine: { kind: "FIXED_RANGE", minFen: W(10), maxFen: W(13) },
          otherMeasures: ["责令停产停业整顿"],
          responsiblePersonFine: { kind: "FIXED_RANGE", minFen: W(2), maxFen: W(5) },
        },
      },
      {
        level: 2,
        name: "一般",
        conditions: [{ fact: "proportionAffectedPct", op: "lt", value: 30 }],
        fine: { kind: "FIXED_RANGE", minFen: W(3), maxFen: W(7) },
        escalation: { fine: { kind: "FIXED_RANGE", minFen: W(13), maxFen: W(17) } },
      },
      {
        level: 3,
        name: "较重",
        conditions: [],
        fine: { kind: "FIXED_RANGE", minFen: W(7), maxFen: W(10) },
        escalation: { fine: { kind: "FIXED_RANGE", minFen: W(17), maxFen: W(20) } },
      },
    ],
  });

/** 大气污染防治法 第99条: 10万–100万 (one tier). */
export const air99 = (minFen = W(10), maxFen = W(100)) =>
  body({ tiers: [{ level: 1, name: "一般", fine: { kind: "FIXED_RANGE", minFen, maxFen } }] });

/** A legal basis as the rules read it; in force from the empowerment (2024-08-01) unless told. */
export function basisView(
  citation: string,
  o: { statute?: StatutoryFine; dailyFine?: boolean; from?: string; to?: string } = {},
): LegalBasisView {
  return {
    citation,
    effectiveFrom: day(o.from ?? "2024-08-01"),
    effectiveTo: o.to ? day(o.to) : null,
    statute: o.statute ?? null,
    dailyFine: o.dailyFine ?? false,
  };
}
/** One statutory range for every case. */
export const statuteOf = (fine: unknown, extras: Record<string, unknown> = {}): StatutoryFine =>
  statutoryFine.parse({ ranges: [{ fine, ...extras }] });
export const fixedRange = (minFen: number, maxFen: number) => ({ kind: "FIXED_RANGE" as const, minFen, maxFen });

export const item = {
  code: "GZ-017",
  name: "对未依法取得排污许可证排放大气污染物的行政处罚",
  kind: "PENALTY",
  empoweredFrom: day("2024-08-01"),
  empoweredTo: null,
};

/** A benchmark with a single tier (the usual shape of a statute with one range). */
export const oneTier = (fine: unknown, conditions: unknown[] = [], name = "一般") =>
  body({ tiers: [{ level: 1, name, conditions, fine }] });

/** The stable `code` of the error thrown by fn, or "NO_ERROR". */
export function errorCode(fn: () => unknown): string {
  try {
    fn();
    return "NO_ERROR";
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    throw e;
  }
}

/** 矿产资源法 第64条: 市场价值 3–5倍; "没有采出矿产品或者违法采出的矿产品市场价值不足十万元的" 10万–100万 */
export const mining64: FineRule = {
  kind: "MULTIPLE_OF_BASE",
  base: "MARKET_VALUE",
  minBp: 30_000,
  maxBp: 50_000,
  baseThresholdFen: W(10),
  whenBaseUnknown: { kind: "FIXED_RANGE", minFen: W(10), maxFen: W(100) },
};

/**
 * Discretion benchmarks (裁量基准) as data. One pure engine (./fine-engine.ts) evaluates these shapes;
 * the database stores them as JSON validated by the zod schemas below at every edge.
 *
 * Money is always integer fen (1 元 = 100 fen). Multiples are in basis points (1 倍 = 10_000 bp,
 * 1% = 100 bp) so that no float ever touches money.
 */
import { z } from "zod";
import { BASE_KINDS } from "./case-facts.ts";

/** the facts of a case are checked in ./case-facts.ts; their names are re-exported here with the rules' types */
export {
  ACCIDENT_LEVELS,
  type AccidentLevel,
  BASE_KINDS,
  type BaseKind,
  type CaseFacts,
  type CaseFactsInput,
  HARM_LEVELS,
  type HarmLevel,
} from "./case-facts.ts";

const fen = z.number().int().nonnegative();
const bp = z.number().int().nonnegative();

/** A fixed range, e.g. 安全生产法 第94条: 2万–5万. */
export const fixedRangeRule = z.object({ kind: z.literal("FIXED_RANGE"), minFen: fen, maxFen: fen });
/** Only a maximum, e.g. 安全生产法 第97条: "可以处十万元以下的罚款". The minimum is 0. */
export const upToMaxRule = z.object({ kind: z.literal("UP_TO_MAX"), maxFen: fen });
/**
 * A multiple of a base amount, e.g. 环评法 第31条 总投资额 1%–5%, 固废法 第112条 处置费用 3–5倍.
 * `floorFen`: a computed bound (base × multiple) below it is raised to it.
 * `baseFloorFen` (added for 固废法 第112条/第102条): the BASE below it is raised to it before multiplying.
 *   The statute reads "所需处置费用不足二十万元的，按二十万元计算" — the subject is the 处置费用 (the base),
 *   so 第112条 is `{ minBp: 30_000, maxBp: 50_000, baseFloorFen: 20_000_000 }` (2万 cost → 60万–100万),
 *   not `floorFen` (which would give 20万–20万).
 * `whenBaseUnknown`: the range used when there is no base or it is below `baseThresholdFen`
 * (矿产资源法 第64条: "没有…或者…不足十万元的，处十万元以上一百万元以下罚款").
 */
export const multipleOfBaseRule = z.object({
  kind: z.literal("MULTIPLE_OF_BASE"),
  base: z.enum(BASE_KINDS),
  minBp: bp,
  maxBp: bp,
  floorFen: fen.optional(),
  baseFloorFen: fen.optional(),
  baseThresholdFen: fen.optional(),
  whenBaseUnknown: fixedRangeRule.optional(),
});
/** Per unit of area, e.g. 土地管理法实施条例 第57条: 每平方米 100–1000 元. */
export const perSquareMetreRule = z.object({
  kind: z.literal("PER_SQUARE_METRE"),
  minFenPerM2: fen,
  maxFenPerM2: fen,
});
export const fineRule = z.discriminatedUnion("kind", [
  fixedRangeRule,
  upToMaxRule,
  multipleOfBaseRule,
  perSquareMetreRule,
]);
export type FixedRangeRule = z.infer<typeof fixedRangeRule>;
export type UpToMaxRule = z.infer<typeof upToMaxRule>;
export type MultipleOfBaseRule = z.infer<typeof multipleOfBaseRule>;
export type PerSquareMetreRule = z.infer<typeof perSquareMetreRule>;
export type FineRule = z.infer<typeof fineRule>;

/** A condition on one fact; all conditions of a tier must hold for the tier to apply. */
export const factCondition = z.object({
  fact: z.enum([
    "firstViolation",
    "harm",
    "correctedInTime",
    "subjectiveFault",
    "proportionAffectedPct",
    "areaM2",
    "daysNotCorrected",
    "accidentLevel",
  ]),
  op: z.enum(["eq", "ne", "lt", "lte", "gt", "gte", "in"]),
  value: z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]),
});
export type FactCondition = z.infer<typeof factCondition>;

/** One 裁量阶次 (tier): conditions → fine, with escalation when not corrected in time. */
export const benchmarkTier = z.object({
  /** 1-based order; tiers are tried in order and the first whose conditions all hold applies */
  level: z.number().int().positive(),
  name: z.string(), // e.g. "轻微" / "一般" / "较重" / "严重"
  conditions: z.array(factCondition).default([]),
  /** human-readable 适用条件 as published */
  conditionText: z.string().default(""),
  fine: fineRule,
  /** 逾期未改正 / 拒不改正: the range that applies instead (e.g. 安全生产法 第97条: 10万–20万) */
  escalation: z
    .object({
      fine: fineRule,
      otherMeasures: z.array(z.string()).default([]),
      /** (added) responsible-person fine that the law sets only on 逾期 (安全生产法 第97条: 人 2万–5万) */
      responsiblePersonFine: fineRule.optional(),
    })
    .optional(),
  /** fine on the directly responsible persons (对直接负责的主管人员…), when the law sets one */
  responsiblePersonFine: fineRule.optional(),
  otherMeasures: z.array(z.string()).default([]),
});
export type BenchmarkTier = z.infer<typeof benchmarkTier>;

/** The four lenient lists (四张清单). */
export const LENIENT_LISTS = ["NO_PENALTY", "LIGHTER", "MITIGATED", "NO_COERCION"] as const;
export type LenientList = (typeof LENIENT_LISTS)[number];
export const lenientRule = z.object({
  list: z.enum(LENIENT_LISTS),
  /** all must hold */
  conditions: z.array(factCondition),
  description: z.string(),
  /** e.g. "行政处罚法 第33条第1款" */
  citation: z.string(),
  /** true when the law says "可以" (e.g. 首违不罚): the authority may still penalise. Absent = binding. (added) */
  discretionary: z.boolean().optional(),
});
export type LenientRule = z.infer<typeof lenientRule>;

/*
 * 按日连续处罚 is not part of a benchmark: it is given by an article (安全生产法 第112条, 大气污染防治法 第123条 …)
 * and is stored on that legal basis (`dailyFine`), see ./statute.ts.
 */

/** A whole benchmark for one penalty item, as stored in Benchmark.tiers / Benchmark.lenientRules. */
export const benchmarkBody = z.object({
  tiers: z.array(benchmarkTier).min(1),
  lenientRules: z.array(lenientRule).default([]),
});
export type BenchmarkBody = z.infer<typeof benchmarkBody>;

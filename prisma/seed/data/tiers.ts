/**
 * Builders for benchmark bodies (裁量阶次 + 四张清单). Statutory bounds always come from docs/law.md; how a
 * statutory range is split into tiers is stated by the split function used and is illustrative unless a
 * benchmark's note says it was published.
 *
 * Every ladder's first tier holds for `defaultFacts()` (harm GENERAL, proportion 0, accident NONE),
 * and tiers run from lightest to heaviest.
 */
import type {
  BaseKind,
  BenchmarkBody,
  BenchmarkTier,
  FactCondition,
  FineRule,
  LenientRule,
} from "../../../schema/benchmarks/rules/types.ts";

/** 万元 → fen (1万元 = 1_000_000 fen) */
export const wan = (x: number): number => Math.round(x * 1_000_000);
/** 元 → fen */
export const yuan = (x: number): number => Math.round(x * 100);
/** 倍 → basis points (1倍 = 10_000 bp) */
export const times = (x: number): number => Math.round(x * 10_000);
/** % → basis points */
export const pct = (x: number): number => Math.round(x * 100);

const cond = (fact: FactCondition["fact"], op: FactCondition["op"], value: FactCondition["value"]): FactCondition => ({
  fact,
  op,
  value,
});

export interface TierShape {
  name: string;
  conditions: FactCondition[];
  conditionText: string;
}

/** Generic ladder by harm; an ordinary case (harm GENERAL) is the first tier. */
export const HARM_LADDER: TierShape[] = [
  {
    name: "较轻",
    conditions: [cond("harm", "in", ["NONE", "MINOR", "GENERAL"])],
    conditionText: "未造成危害后果或者危害后果一般",
  },
  { name: "较重", conditions: [cond("harm", "eq", "SERIOUS")], conditionText: "造成较严重危害后果" },
  { name: "严重", conditions: [cond("harm", "eq", "SEVERE")], conditionText: "造成严重危害后果或者恶劣社会影响" },
];

/** 未如实记录/未培训 人员占用人单位总人数 (published sample, docs/law.md). */
export const PROPORTION_LADDER: TierShape[] = [
  {
    name: "轻微",
    conditions: [cond("proportionAffectedPct", "lt", 10)],
    conditionText: "涉及人员占用人单位总人数 10% 以下",
  },
  {
    name: "一般",
    conditions: [cond("proportionAffectedPct", "gte", 10), cond("proportionAffectedPct", "lt", 30)],
    conditionText: "涉及人员占用人单位总人数 10%（含）至 30%",
  },
  {
    name: "严重",
    conditions: [cond("proportionAffectedPct", "gte", 30)],
    conditionText: "涉及人员占用人单位总人数 30%（含）以上",
  },
];

/** 生产安全事故等级 (安全生产法 第95条, 第114条); a case stated without a grade counts as 一般事故. */
export const ACCIDENT_LADDER: TierShape[] = [
  { name: "一般事故", conditions: [cond("accidentLevel", "in", ["NONE", "GENERAL"])], conditionText: "发生一般事故" },
  { name: "较大事故", conditions: [cond("accidentLevel", "eq", "LARGER")], conditionText: "发生较大事故" },
  { name: "重大事故", conditions: [cond("accidentLevel", "eq", "MAJOR")], conditionText: "发生重大事故" },
  {
    name: "特别重大事故",
    conditions: [cond("accidentLevel", "eq", "EXTRAORDINARY")],
    conditionText: "发生特别重大事故",
  },
];

const roundTo = (x: number, unit: number): number => Math.round(x / unit) * unit;
const HUNDRED_YUAN = 10_000;

export const fixed = (minFen: number, maxFen: number): FineRule => ({ kind: "FIXED_RANGE", minFen, maxFen });
export const upTo = (maxFen: number): FineRule => ({ kind: "UP_TO_MAX", maxFen });

/** Split [min, max] into three equal parts, rounded to 100 元 (illustrative rule, see SPLIT_NOTE.thirds). */
export function rangeThirds(minFen: number, maxFen: number): FineRule[] {
  const step = (maxFen - minFen) / 3;
  const a = roundTo(minFen + step, HUNDRED_YUAN);
  const b = roundTo(minFen + 2 * step, HUNDRED_YUAN);
  return [fixed(minFen, a), fixed(a, b), fixed(b, maxFen)];
}

/** Percent bands of a statutory maximum; default = docs/law.md "从轻 ≤20%, 一般 40%–60%" (+ 从重 60%–100%). */
export interface MaxBands {
  light: number;
  midLow: number;
  midHigh: number;
  heavyLow: number;
}
export const STANDARD_BANDS: MaxBands = { light: 20, midLow: 40, midHigh: 60, heavyLow: 60 };

export function maxBands(maxFen: number, b: MaxBands = STANDARD_BANDS): FineRule[] {
  const at = (p: number) => roundTo((maxFen * p) / 100, HUNDRED_YUAN);
  return [upTo(at(b.light)), fixed(at(b.midLow), at(b.midHigh)), fixed(at(b.heavyLow), maxFen)];
}

interface MultipleExtras {
  floorFen?: number;
  /** the BASE is raised to it before multiplying (固废法 "处置费用不足二十万元的，按二十万元计算") */
  baseFloorFen?: number;
  baseThresholdFen?: number;
  /** statutory range when there is no base (split into thirds alongside the multiples) */
  whenBaseUnknown?: [number, number];
}

/** A multiple of a base split into three equal parts, rounded to 10 bp. */
export function multipleThirds(base: BaseKind, minBp: number, maxBp: number, x: MultipleExtras = {}): FineRule[] {
  const step = (maxBp - minBp) / 3;
  const cuts = [minBp, roundTo(minBp + step, 10), roundTo(minBp + 2 * step, 10), maxBp];
  const unknown = x.whenBaseUnknown ? rangeThirds(...x.whenBaseUnknown) : undefined;
  return [0, 1, 2].map((i) => ({
    kind: "MULTIPLE_OF_BASE" as const,
    base,
    minBp: cuts[i] as number,
    maxBp: cuts[i + 1] as number,
    ...(x.floorFen !== undefined ? { floorFen: x.floorFen } : {}),
    ...(x.baseFloorFen !== undefined ? { baseFloorFen: x.baseFloorFen } : {}),
    ...(x.baseThresholdFen !== undefined ? { baseThresholdFen: x.baseThresholdFen } : {}),
    ...(unknown ? { whenBaseUnknown: unknown[i] as FineRule & { kind: "FIXED_RANGE" } } : {}),
  }));
}

/** "…以下" of a base (城乡规划法 第66条 造价 1倍以下): the §1.3 maximum bands applied to the multiple. */
export function multipleMaxBands(base: BaseKind, maxBp: number): FineRule[] {
  const at = (p: number) => roundTo((maxBp * p) / 100, 10);
  const band = (lo: number, hi: number): FineRule => ({ kind: "MULTIPLE_OF_BASE", base, minBp: lo, maxBp: hi });
  return [band(0, at(20)), band(at(40), at(60)), band(at(60), maxBp)];
}

/** A fixed share of a base (安全生产法 第95条: 上一年年收入 40% …). */
export const share = (base: BaseKind, bp: number): FineRule => ({
  kind: "MULTIPLE_OF_BASE",
  base,
  minBp: bp,
  maxBp: bp,
});

/** Per m² range split into three equal parts, rounded to 1 元/m². */
export function perSquareMetreThirds(minYuan: number, maxYuan: number): FineRule[] {
  const step = (maxYuan - minYuan) / 3;
  const cuts = [minYuan, Math.round(minYuan + step), Math.round(minYuan + 2 * step), maxYuan].map(yuan);
  return [0, 1, 2].map((i) => ({
    kind: "PER_SQUARE_METRE" as const,
    minFenPerM2: cuts[i] as number,
    maxFenPerM2: cuts[i + 1] as number,
  }));
}

export interface LadderOptions {
  /** 逾期未改正 / 拒不改正: one rule for every tier, or one per tier */
  escalation?: FineRule | FineRule[];
  escalationMeasures?: string[];
  /** responsible-person fine the law sets only on 逾期未改正 (goes into the escalation) */
  escalationResponsible?: FineRule | FineRule[];
  /** responsible-person fine that applies with the tier's own fine */
  responsible?: FineRule | FineRule[];
  /** measures on every tier */
  measures?: string[];
  /** extra measures on the heaviest tier */
  heaviestMeasures?: string[];
}

const pick = (r: FineRule | FineRule[] | undefined, i: number): FineRule | undefined => (Array.isArray(r) ? r[i] : r);

export function ladder(shapes: TierShape[], fines: FineRule[], o: LadderOptions = {}): BenchmarkTier[] {
  if (shapes.length !== fines.length) throw new Error(`ladder: ${shapes.length} tiers but ${fines.length} fines`);
  return shapes.map((shape, i) => {
    const escalation = pick(o.escalation, i);
    const responsible = pick(o.responsible, i);
    const escalationResponsible = pick(o.escalationResponsible, i);
    const last = i === shapes.length - 1;
    return {
      level: i + 1,
      name: shape.name,
      conditions: shape.conditions,
      conditionText: shape.conditionText,
      fine: fines[i] as FineRule,
      ...(escalation
        ? {
            escalation: {
              fine: escalation,
              otherMeasures: o.escalationMeasures ?? [],
              ...(escalationResponsible ? { responsiblePersonFine: escalationResponsible } : {}),
            },
          }
        : {}),
      ...(responsible ? { responsiblePersonFine: responsible } : {}),
      otherMeasures: [...(o.measures ?? []), ...(last ? (o.heaviestMeasures ?? []) : [])],
    };
  });
}

// 四张清单 entries. Citations per docs/law.md (行政处罚法 第32/33条, 行政强制法 第16条第2款).
export const MINOR_NO_HARM: LenientRule = {
  list: "NO_PENALTY",
  conditions: [cond("harm", "eq", "NONE"), cond("correctedInTime", "eq", true)],
  description: "轻微不罚：违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚",
  citation: "行政处罚法 第三十三条第一款",
};
export const FIRST_VIOLATION: LenientRule = {
  list: "NO_PENALTY",
  conditions: [
    cond("firstViolation", "eq", true),
    cond("harm", "in", ["NONE", "MINOR"]),
    cond("correctedInTime", "eq", true),
  ],
  description: "首违不罚：初次违法且危害后果轻微并及时改正的，可以不予行政处罚",
  citation: "行政处罚法 第三十三条第一款",
  discretionary: true,
};
export const NO_FAULT: LenientRule = {
  list: "NO_PENALTY",
  conditions: [cond("subjectiveFault", "eq", false)],
  description: "当事人有证据足以证明没有主观过错的，不予行政处罚（法律、行政法规另有规定的，从其规定）",
  citation: "行政处罚法 第三十三条",
};
export const LIGHTER_CORRECTED: LenientRule = {
  list: "LIGHTER",
  conditions: [cond("firstViolation", "eq", true), cond("harm", "eq", "GENERAL"), cond("correctedInTime", "eq", true)],
  description: "从轻：初次违法、及时改正并主动减轻危害后果的，依法从轻处罚（示例情形）",
  citation: "行政处罚法 第三十二条",
};
export const NO_COERCION: LenientRule = {
  list: "NO_COERCION",
  conditions: [cond("harm", "in", ["NONE", "MINOR"]), cond("correctedInTime", "eq", true)],
  description: "免于强制：违法行为情节显著轻微或者没有明显社会危害的，可以不采取行政强制措施",
  citation: "行政强制法 第十六条第二款",
  discretionary: true,
};

/** 轻微不罚 + 首违不罚 + 无过错不罚: for record-keeping and management violations. */
export const LENIENT_STANDARD: LenientRule[] = [MINOR_NO_HARM, FIRST_VIOLATION, NO_FAULT];
/** Serious violations (无证排污, 未批先建, 非法占地, 事故 …) are left off the 首违不罚 lists. */
export const LENIENT_SERIOUS: LenientRule[] = [NO_FAULT];

export const body = (tiers: BenchmarkTier[], lenientRules: LenientRule[]): BenchmarkBody => ({ tiers, lenientRules });

/** How tiers were split, for benchmark notes. */
export const SPLIT_NOTE = {
  thirds: "阶次为示例：法定幅度三等分（取整到百元/十个基点）/ illustrative tiers: statutory range split in thirds",
  maxBands:
    "阶次为示例：仅规定上限时 从轻≤20%、一般 40%–60%、从重 60%–100%（docs/law.md 通行规则）/ illustrative tiers from the §1.3 generic rule",
  accident: "阶次即法定事故等级 / tiers are the statutory accident grades",
  published:
    "阶次取自 docs/law.md 所引公开基准样例（第97条(四)），第三阶次原文截断、按前两阶次规律补足 / tiers 1–2 from the published sample, tier 3 completed",
};

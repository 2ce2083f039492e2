/**
 * 法定罚款幅度 — what each penalty article allows, in one place, written from the statute texts (docs/law.md quotes
 * them). A benchmark splits these ranges into tiers; the engine keeps every answer inside them.
 */
import type { StatutoryFine, StatutoryRange } from "../../../schema/benchmarks/rules/statute.ts";
import type { FactCondition, FineRule } from "../../../schema/benchmarks/rules/types.ts";
import { fixed, pct, times, upTo, wan } from "./tiers.ts";

type Extras = Omit<Partial<StatutoryRange>, "fine" | "conditions">;

/** One range for every case. */
export const statute = (fine: FineRule, extras: Extras = {}): StatutoryFine => ({
  ranges: [{ conditions: [], fine, ...extras }],
});

const accident = (value: string | string[]): FactCondition[] => [
  Array.isArray(value) ? { fact: "accidentLevel", op: "in", value } : { fact: "accidentLevel", op: "eq", value },
];

// 安全生产法 (2021)
/** 第97条, 第101条: 处十万元以下的罚款；逾期未改正的 … 十万元以上二十万元以下 … 人 二万元以上五万元以下 */
export const SAFETY_97 = statute(upTo(wan(10)), {
  escalation: fixed(wan(10), wan(20)),
  escalationResponsiblePersonFine: fixed(wan(2), wan(5)),
});
/** 第99条: 处五万元以下的罚款；逾期未改正的，处五万元以上二十万元以下 … 人 一万元以上二万元以下 */
export const SAFETY_99 = statute(upTo(wan(5)), {
  escalation: fixed(wan(5), wan(20)),
  escalationResponsiblePersonFine: fixed(wan(1), wan(2)),
});
/** 第102条: 处五万元以下的罚款；拒不执行的，责令停产停业整顿 (no heavier fine), 人 五万元以上十万元以下 */
export const SAFETY_102 = statute(upTo(wan(5)), { escalationResponsiblePersonFine: fixed(wan(5), wan(10)) });
/** 第105条: 处五万元以下的罚款，对 … 人 处一万元以下的罚款 */
export const SAFETY_105 = statute(upTo(wan(5)), { responsiblePersonFine: upTo(wan(1)) });
/** 第94条 (主要负责人): 二万元以上五万元以下；逾期未改正的，五万元以上十万元以下 */
export const SAFETY_94 = statute(fixed(wan(2), wan(5)), { escalation: fixed(wan(5), wan(10)) });
/** 第96条: 一万元以上三万元以下；导致发生生产安全事故的 … 上一年年收入百分之二十以上百分之五十以下 */
export const SAFETY_96: StatutoryFine = {
  ranges: [
    { conditions: accident("NONE"), fine: fixed(wan(1), wan(3)) },
    {
      conditions: [{ fact: "accidentLevel", op: "ne", value: "NONE" }],
      fine: { kind: "MULTIPLE_OF_BASE", base: "ANNUAL_INCOME", minBp: pct(20), maxBp: pct(50) },
    },
  ],
};
/** 第109条: 五万元以上十万元以下；逾期未改正的，十万元以上二十万元以下 */
export const SAFETY_109 = statute(fixed(wan(5), wan(10)), { escalation: fixed(wan(10), wan(20)) });
/**
 * 第114条第1款 by accident grade (a case stated without a grade counts as 一般事故), and 第2款: "情节特别严重、影响特别
 * 恶劣的，应急管理部门可以按照前款罚款数额的二倍以上五倍以下 … 处以罚款".
 */
export const SAFETY_114: StatutoryFine = {
  ranges: [
    { conditions: accident(["NONE", "GENERAL"]), fine: fixed(wan(30), wan(100)) },
    { conditions: accident("LARGER"), fine: fixed(wan(100), wan(200)) },
    { conditions: accident("MAJOR"), fine: fixed(wan(200), wan(1000)) },
    { conditions: accident("EXTRAORDINARY"), fine: fixed(wan(1000), wan(2000)) },
  ],
  aggravation: { clause: 2, minBp: times(2), maxBp: times(5) },
};
/** 第95条: 上一年年收入 百分之四十 / 六十 / 八十 / 一百 by accident grade */
export const SAFETY_95: StatutoryFine = {
  ranges: (
    [
      [["NONE", "GENERAL"], 40],
      ["LARGER", 60],
      ["MAJOR", 80],
      ["EXTRAORDINARY", 100],
    ] as const
  ).map(([level, share]) => ({
    conditions: accident(typeof level === "string" ? level : [...level]),
    fine: { kind: "MULTIPLE_OF_BASE" as const, base: "ANNUAL_INCOME" as const, minBp: pct(share), maxBp: pct(share) },
  })),
};

// 生态环境 (pre-Code texts)
/** 大气污染防治法 第99条, 水污染防治法 第83条, 矿产资源法 第63条, 固废法 第112条 (一)(二): 十万元以上一百万元以下 */
export const TEN_TO_HUNDRED = statute(fixed(wan(10), wan(100)));
/** 大气污染防治法 第100条, 第108条, 水污染防治法 第82条: 二万元以上二十万元以下 (拒不改正: 停产整治, no heavier fine) */
export const TWO_TO_TWENTY = statute(fixed(wan(2), wan(20)));
/** 大气污染防治法 第117条: 一万元以上十万元以下 */
export const AIR_117 = statute(fixed(wan(1), wan(10)));
/** 排污许可管理条例 第33条, 建设项目环境保护管理条例 第23条第1款 (ordinary): 20万元以上100万元以下 */
export const PERMIT_33 = statute(fixed(wan(20), wan(100)));
/** 建设项目环境保护管理条例 第23条第1款: 逾期不改正的 100万元以上200万元以下；人 5万元以上20万元以下 */
export const PROJECT_23 = statute(fixed(wan(20), wan(100)), {
  escalation: fixed(wan(100), wan(200)),
  responsiblePersonFine: fixed(wan(5), wan(20)),
  escalationResponsiblePersonFine: fixed(wan(5), wan(20)),
});
/** 建设项目环境保护管理条例 第23条第2款, 固废法 第102条(八): 5万元以上20万元以下 */
export const FIVE_TO_TWENTY = statute(fixed(wan(5), wan(20)));
/** 环境影响评价法 第31条第1款: 建设项目总投资额百分之一以上百分之五以下 */
export const EIA_31 = statute({ kind: "MULTIPLE_OF_BASE", base: "INVESTMENT", minBp: pct(1), maxBp: pct(5) });
/** 环境影响评价法 第31条第3款: 五万元以下 */
export const EIA_31_FILING = statute(upTo(wan(5)));
/** 固废法 第112条第2款: 所需处置费用三倍以上五倍以下，所需处置费用不足二十万元的，按二十万元计算 */
export const WASTE_112_COST = statute({
  kind: "MULTIPLE_OF_BASE",
  base: "DISPOSAL_COST",
  minBp: times(3),
  maxBp: times(5),
  baseFloorFen: wan(20),
});
/** 固废法 第102条(七): 所需处置费用一倍以上三倍以下，所需处置费用不足十万元的，按十万元计算 */
export const WASTE_102_COST = statute({
  kind: "MULTIPLE_OF_BASE",
  base: "DISPOSAL_COST",
  minBp: times(1),
  maxBp: times(3),
  baseFloorFen: wan(10),
});

// 规划与自然资源
/** 城乡规划法 第64条: 建设工程造价百分之五以上百分之十以下 (尚可采取改正措施的) */
export const PLANNING_64 = statute({
  kind: "MULTIPLE_OF_BASE",
  base: "CONSTRUCTION_COST",
  minBp: pct(5),
  maxBp: pct(10),
});
/** 城乡规划法 第66条: 临时建设工程造价一倍以下 */
export const PLANNING_66 = statute({ kind: "MULTIPLE_OF_BASE", base: "CONSTRUCTION_COST", minBp: 0, maxBp: times(1) });
/** 土地管理法实施条例 第57条: 每平方米100元以上1000元以下; 第59条: 每平方米100元以上500元以下 */
export const perSquareMetre = (minYuan: number, maxYuan: number) =>
  statute({ kind: "PER_SQUARE_METRE", minFenPerM2: minYuan * 100, maxFenPerM2: maxYuan * 100 });
/** 土地管理法实施条例 第54条: 违法所得的百分之十以上百分之五十以下 */
export const LAND_54 = statute({ kind: "MULTIPLE_OF_BASE", base: "ILLEGAL_GAINS", minBp: pct(10), maxBp: pct(50) });
/** 土地管理法实施条例 第52条, 第55条: 土地复垦费 / 耕地开垦费 5倍以上10倍以下 */
export const RECLAMATION = statute({
  kind: "MULTIPLE_OF_BASE",
  base: "RECLAMATION_FEE",
  minBp: times(5),
  maxBp: times(10),
});
/** 矿产资源法 第64条: 市场价值3倍以上5倍以下；没有采出矿产品或者市场价值不足10万元的，10万元以上100万元以下 */
export const MINING_64 = statute({
  kind: "MULTIPLE_OF_BASE",
  base: "MARKET_VALUE",
  minBp: times(3),
  maxBp: times(5),
  baseThresholdFen: wan(10),
  whenBaseUnknown: fixed(wan(10), wan(100)) as FineRule & { kind: "FIXED_RANGE" },
});

/**
 * 生态环境 (1/2): air and water (大气污染防治法, 水污染防治法). Pre-Code bases carry the figures of docs/law.md,
 * each ending 2026-08-14 and followed by a 生态环境法典 basis from 2026-08-15. One Code article number is reported
 * (第一千一百四十条 = 水污染防治法 第83条(四)) by a secondary source only: it is kept, marked not verified; the others
 * are left unnumbered. Projects, waste and permits: ./items-ecology-waste.ts.
 *
 * 按日连续处罚 only where the text gives it: 大气污染防治法 第123条 for 第99条(一)–(三) and for 建筑施工 or 贮存易产生
 * 扬尘的物料 (not for 装卸, 第117条(三)); 水污染防治法 第95条 → 环境保护法 第59条 for 违法排放水污染物 (第83条).
 */
import type { StatutoryFine } from "../../../schema/benchmarks/rules/statute.ts";
import { type ItemDraft, type PenaltyDraft, penaltyItem } from "./build.ts";
import { type ArticleRef, basis, CODE_FROM, codeSuccessor, LAW, type Law, PRE_CODE_TO } from "./legal.ts";
import { AIR_117, PERMIT_33, TEN_TO_HUNDRED, TWO_TO_TWENTY } from "./statutes.ts";
import {
  body,
  HARM_LADDER,
  LENIENT_SERIOUS,
  LENIENT_STANDARD,
  ladder,
  NO_COERCION,
  rangeThirds,
  SPLIT_NOTE,
  wan,
} from "./tiers.ts";

const D = "ECOLOGY";
export const penaltyOf = (law: Law) => (ref: ArticleRef, summary: string, statute?: StatutoryFine) =>
  basis("PENALTY", law, ref, { summary, ...(statute ? { statute } : {}) });
const air = penaltyOf(LAW.air);
const water = penaltyOf(LAW.water);

export const CODE_FIGURES =
  "法典施行后的对应条文与幅度待核实，暂沿用原幅度 / Code figures not verified, pre-Code figures kept";
export const SAME_ACT =
  "同一违法行为同时违反大气/水污染防治法与排污许可管理条例 第33条的，依行政处罚法 第二十九条按罚款数额高的规定处罚一次 / one fine, under the higher range";

/** 大气污染防治法 第123条 (一)–(四): 受到罚款处罚，被责令改正，拒不改正的 … 按照原处罚数额按日连续处罚 */
const air123 = (subItem: 1 | 2 | 3 | 4) =>
  basis(
    "PENALTY",
    LAW.air,
    { article: 123, subItem },
    {
      summary: "受到罚款处罚，被责令改正，拒不改正的，可以自责令改正之日的次日起，按照原处罚数额按日连续处罚",
      dailyFine: true,
    },
  );
/**
 * 水污染防治法 第95条: 违法排放水污染物，受到罚款处罚，被责令改正的 … 组织复查，发现其继续违法排放水污染物或者拒绝、
 * 阻挠复查的，依照环境保护法的规定按日连续处罚; 环境保护法 第59条 gives the daily fine itself.
 */
const waterDaily = () => [
  basis(
    "PENALTY",
    LAW.water,
    { article: 95 },
    {
      summary: "受到罚款处罚，被责令改正，复查发现继续违法排放水污染物或者拒绝、阻挠复查的，依照环境保护法按日连续处罚",
      dailyFine: true,
    },
  ),
  basis(
    "PENALTY",
    LAW.envProtection,
    { article: 59 },
    {
      summary:
        "违法排放污染物，受到罚款处罚，被责令改正，拒不改正的，可以自责令改正之日的次日起，按照原处罚数额按日连续处罚",
      dailyFine: true,
    },
  ),
];
/** 排污许可管理条例 第33条第(一)项: the same act as 无证排放大气/水污染物, punished with the higher fine (第29条) */
const permit33 = () =>
  basis(
    "PENALTY",
    LAW.dischargePermit,
    { article: 33, subItem: 1 },
    {
      summary: "未取得排污许可证排放污染物的，责令改正或者限制生产、停产整治，处20万元以上100万元以下的罚款",
      statute: PERMIT_33,
      note: "同一违法行为的另一罚款规范 (concurrent norm, 行政处罚法 第二十九条)",
    },
  );
const A99 =
  "责令改正或者限制生产、停产整治，并处10万元以上100万元以下罚款；情节严重的，报经有批准权的人民政府批准，责令停业、关闭";
const A100 = "责令改正，处2万元以上20万元以下罚款；拒不改正的，责令停产整治";
const A108 = A100;
const W83 =
  "责令改正或者责令限制生产、停产整治，并处10万元以上100万元以下罚款；情节严重的，报经有批准权的人民政府批准，责令停业、关闭";
const W82 = "责令限期改正，处2万元以上20万元以下罚款；逾期不改正的，责令停产整治";

/** The 生态环境法典 successor of pre-Code bases, carrying their figures and daily fine (both not verified). */
const successorOf = (bases: ReturnType<typeof basis>[]) => {
  const preCodeBases = bases.filter((b) => b.effectiveTo === PRE_CODE_TO);
  const statute = preCodeBases.find((b) => b.statutoryFine)?.statutoryFine;
  return codeSuccessor("PENALTY", {
    ...(statute ? { statute } : {}),
    dailyFine: preCodeBases.some((b) => b.dailyFine),
  });
};

/**
 * 大气污染防治法 第117条 扬尘 (1万–10万); also used by 城市管理. 第123条(四) gives the daily fine for 贮存易产生扬尘的
 * 物料 (`storage`), not for 装卸物料 (第117条(三)).
 */
export const dust117Bases = (storage: boolean) => {
  const own = [
    air({ article: 117 }, "责令改正，处1万元以上10万元以下罚款；拒不改正的，责令停工整治或者停业整治", AIR_117),
    ...(storage ? [air123(4)] : []),
  ];
  return [...own, successorOf(own)];
};
export const dust117Body = () =>
  body(
    ladder(HARM_LADDER, rangeThirds(wan(1), wan(10)), {
      measures: ["责令改正", "拒不改正的，责令停工整治或者停业整治"],
    }),
    [...LENIENT_STANDARD, NO_COERCION],
  );
export const N117 = `法定幅度：大气污染防治法 第117条 1万–10万（docs/law.md）；${SPLIT_NOTE.thirds}；${CODE_FIGURES}`;

/**
 * 无证排放: 行政处罚法 第29条 — the same act breaks 排污许可管理条例 第33条 (20万–100万) too, the higher fine, so the
 * benchmark splits that range.
 */
const WITHOUT_PERMIT = (law: string) =>
  `${statutory(`${law} 10万–100万；同一违法行为违反排污许可管理条例 第33条 20万–100万，依行政处罚法 第二十九条按罚款数额高的规定`)}；阶次按 20万–100万 三等分（示例）`;

/** A penalty item on a pre-Code basis: the 生态环境法典 successor basis is added. */
export function preCode(d: Omit<PenaltyDraft, "domainCode">): ItemDraft {
  return penaltyItem({
    ...d,
    domainCode: D,
    legalBases: [...d.legalBases, successorOf(d.legalBases)],
    benchmarkNote: `${d.benchmarkNote}；${CODE_FIGURES}`,
  });
}

const tenToHundred = (lenient = LENIENT_SERIOUS, minWan = 10) =>
  body(
    ladder(HARM_LADDER, rangeThirds(wan(minWan), wan(100)), {
      measures: ["责令改正或者限制生产、停产整治"],
      heaviestMeasures: ["情节严重的，报经有批准权的人民政府批准，责令停业、关闭"],
    }),
    lenient,
  );
const twoToTwenty = (measure: string, lenient = LENIENT_STANDARD) =>
  body(ladder(HARM_LADDER, rangeThirds(wan(2), wan(20)), { measures: ["责令改正", measure] }), lenient);

export const statutory = (what: string) => `法定幅度：${what}（docs/law.md）`;

export const ecologyAirWaterItems: ItemDraft[] = [
  preCode({
    by: "gz",
    name: "对排污单位未依法取得排污许可证排放大气污染物的行政处罚",
    violation: "未依法取得排污许可证排放大气污染物",
    legalBases: [air({ article: 99, subItem: 1 }, A99, TEN_TO_HUNDRED), air123(1), permit33()],
    body: tenToHundred(LENIENT_SERIOUS, 20),
    benchmarkNote: WITHOUT_PERMIT("大气污染防治法 第99条"),
    note: SAME_ACT,
  }),
  preCode({
    by: "gz",
    name: "对超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的行政处罚",
    violation: "超标或者超总量排放大气污染物",
    legalBases: [air({ article: 99, subItem: 2 }, A99, TEN_TO_HUNDRED), air123(2)],
    body: tenToHundred(),
    benchmarkNote: `${statutory("大气污染防治法 第99条 10万–100万")}；${SPLIT_NOTE.thirds}`,
  }),
  preCode({
    by: "cq",
    name: "对通过逃避监管的方式排放大气污染物的行政处罚",
    violation: "通过逃避监管的方式排放大气污染物",
    legalBases: [air({ article: 99, subItem: 3 }, A99, TEN_TO_HUNDRED), air123(3)],
    body: tenToHundred(),
    benchmarkNote: `${statutory("大气污染防治法 第99条 10万–100万")}；${SPLIT_NOTE.thirds}`,
  }),
  preCode({
    by: "gz",
    name: "对排污单位未按照规定对所排放的大气污染物进行监测并保存原始监测记录的行政处罚",
    violation: "未按照规定对所排放的大气污染物进行监测并保存原始监测记录",
    legalBases: [air({ article: 100 }, A100, TWO_TO_TWENTY)],
    body: twoToTwenty("拒不改正的，责令停产整治"),
    benchmarkNote: `${statutory("大气污染防治法 第100条 2万–20万")}；${SPLIT_NOTE.thirds}`,
    provincial: "aligned",
  }),
  preCode({
    by: "sc",
    name: "对重点排污单位未按照规定安装、使用大气污染物排放自动监测设备或者未按照规定与生态环境主管部门的监控设备联网的行政处罚",
    violation: "未按照规定安装、使用大气污染物排放自动监测设备或者未按照规定联网",
    legalBases: [air({ article: 100 }, A100, TWO_TO_TWENTY)],
    body: twoToTwenty("拒不改正的，责令停产整治"),
    benchmarkNote: `${statutory("大气污染防治法 第100条 2万–20万")}；${SPLIT_NOTE.thirds}`,
  }),
  preCode({
    by: "gz",
    name: "对产生含挥发性有机物废气的生产和服务活动未在密闭空间或者设备中进行，未按照规定安装、使用污染防治设施的行政处罚",
    violation: "含挥发性有机物废气的生产活动未密闭或者未安装、使用污染防治设施",
    legalBases: [air({ article: 108 }, A108, TWO_TO_TWENTY)],
    body: twoToTwenty("拒不改正的，责令停产整治", [...LENIENT_STANDARD, NO_COERCION]),
    benchmarkNote: `${statutory("大气污染防治法 第108条 2万–20万")}；${SPLIT_NOTE.thirds}`,
    provincial: "aligned",
  }),
  preCode({
    by: "cq",
    name: "对工业涂装企业未使用低挥发性有机物含量涂料或者未建立、保存台账的行政处罚",
    violation: "工业涂装企业未使用低挥发性有机物含量涂料或者未建立、保存台账",
    legalBases: [air({ article: 108 }, A108, TWO_TO_TWENTY)],
    body: twoToTwenty("拒不改正的，责令停产整治"),
    benchmarkNote: `${statutory("大气污染防治法 第108条 2万–20万")}；${SPLIT_NOTE.thirds}`,
  }),
  penaltyItem({
    domainCode: D,
    by: "gz",
    name: "对装卸物料未采取密闭或者喷淋等方式控制扬尘排放的行政处罚",
    violation: "装卸物料未采取密闭或者喷淋等方式控制扬尘排放",
    legalBases: dust117Bases(false),
    body: dust117Body(),
    benchmarkNote: N117,
    provincial: "misaligned",
  }),
  preCode({
    by: "gz",
    name: "对未依法取得排污许可证排放水污染物的行政处罚",
    violation: "未依法取得排污许可证排放水污染物",
    legalBases: [water({ article: 83 }, W83, TEN_TO_HUNDRED), ...waterDaily(), permit33()],
    body: tenToHundred(LENIENT_SERIOUS, 20),
    benchmarkNote: WITHOUT_PERMIT("水污染防治法 第83条"),
    note: SAME_ACT,
  }),
  preCode({
    by: "sc",
    name: "对超过水污染物排放标准或者超过重点水污染物排放总量控制指标排放水污染物的行政处罚",
    violation: "超标或者超总量排放水污染物",
    legalBases: [water({ article: 83 }, W83, TEN_TO_HUNDRED), ...waterDaily()],
    body: tenToHundred(),
    benchmarkNote: `${statutory("水污染防治法 第83条 10万–100万")}；${SPLIT_NOTE.thirds}`,
  }),
  penaltyItem({
    domainCode: D,
    by: "gz",
    name: "对未按照规定进行预处理，向污水集中处理设施排放不符合处理工艺要求的工业废水的行政处罚",
    violation: "向污水集中处理设施排放不符合处理工艺要求的工业废水",
    legalBases: [
      water({ article: 83, subItem: 4 }, W83, TEN_TO_HUNDRED),
      ...waterDaily(),
      basis(
        "PENALTY",
        LAW.ecoCode,
        { article: 1140 },
        {
          summary: "向污水集中处理设施排放不符合处理工艺要求的工业废水的，处10万元以上100万元以下罚款",
          statute: TEN_TO_HUNDRED,
          verified: false,
          note: "条文号与幅度仅见于一个二手来源，法典原文未核对，款项未核实 / article number and figures from one secondary source, not checked against the Code's text (docs/law.md)",
        },
      ),
      codeSuccessor("PENALTY", { dailyFine: true }),
    ],
    body: tenToHundred(),
    benchmarkNote: `${statutory("水污染防治法 第83条(四) 10万–100万")}；${SPLIT_NOTE.thirds}；2026-08-14 止`,
    next: {
      from: CODE_FROM,
      body: tenToHundred(),
      note: `法定幅度：生态环境法典 第一千一百四十条 10万–100万（未核实，docs/law.md），与法典施行前相同，幅度未变，仅依据换版 / same figures, new basis；${SPLIT_NOTE.thirds}`,
    },
  }),
  preCode({
    by: "gz",
    name: "对未按照规定对所排放的水污染物自行监测，或者未保存原始监测记录的行政处罚",
    violation: "未按照规定对所排放的水污染物自行监测或者未保存原始监测记录",
    legalBases: [water({ article: 82 }, W82, TWO_TO_TWENTY)],
    body: twoToTwenty("逾期不改正的，责令停产整治"),
    benchmarkNote: `${statutory("水污染防治法 第82条 2万–20万")}；${SPLIT_NOTE.thirds}`,
    provincial: "aligned",
  }),
  preCode({
    by: "cq",
    name: "对未按照规定安装水污染物排放自动监测设备、未按照规定联网或者未保证监测设备正常运行的行政处罚",
    violation: "未按照规定安装、联网或者正常运行水污染物排放自动监测设备",
    legalBases: [water({ article: 82 }, W82, TWO_TO_TWENTY)],
    body: twoToTwenty("逾期不改正的，责令停产整治"),
    benchmarkNote: `${statutory("水污染防治法 第82条 2万–20万")}；${SPLIT_NOTE.thirds}`,
  }),
];

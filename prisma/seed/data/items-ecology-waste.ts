/**
 * 生态环境 (2/2): construction projects (环境影响评价法, 建设项目环境保护管理条例), solid waste (固体废物污染环境
 * 防治法) and discharge permits (排污许可管理条例), figures from docs/law.md; then the domain's inspection
 * and coercion items (环境保护法 until the Code, articles not verified).
 */

import type { LenientRule } from "../../../schema/benchmarks/rules/types.ts";
import { type Empowerer, type ItemDraft, otherItem, penaltyItem } from "./build.ts";
import { penaltyOf, preCode, SAME_ACT, statutory } from "./items-ecology.ts";
import { basis, codeSuccessor, LAW } from "./legal.ts";
import {
  EIA_31,
  EIA_31_FILING,
  FIVE_TO_TWENTY,
  PERMIT_33,
  PROJECT_23,
  TEN_TO_HUNDRED,
  WASTE_102_COST,
  WASTE_112_COST,
} from "./statutes.ts";
import {
  body,
  fixed,
  HARM_LADDER,
  LENIENT_SERIOUS,
  LENIENT_STANDARD,
  ladder,
  maxBands,
  multipleThirds,
  NO_COERCION,
  pct,
  rangeThirds,
  SPLIT_NOTE,
  times,
  wan,
} from "./tiers.ts";

const D = "ECOLOGY";
const solid = penaltyOf(LAW.solidWaste);
const S112 = "责令改正，处10万元以上100万元以下罚款";
const S112_COST = "责令改正，处所需处置费用3倍以上5倍以下罚款，所需处置费用不足20万元的，按20万元计算";

/** 固废法 第112条 (危险废物): (一)(二) 10万–100万; (三)(四) 处置费用3–5倍, a cost under 20万 counted as 20万. */
function hazardousWaste(
  subItem: 1 | 2 | 3 | 4,
  by: Empowerer,
  name: string,
  violation: string,
  lenient: LenientRule[],
) {
  const byCost = subItem >= 3;
  const fines = byCost
    ? multipleThirds("DISPOSAL_COST", times(3), times(5), { baseFloorFen: wan(20) })
    : rangeThirds(wan(10), wan(100));
  const figures = byCost ? "处置费用3–5倍，不足20万按20万计" : "10万–100万";
  return preCode({
    by,
    name,
    violation,
    legalBases: [solid({ article: 112, subItem }, byCost ? S112_COST : S112, byCost ? WASTE_112_COST : TEN_TO_HUNDRED)],
    body: body(ladder(HARM_LADDER, fines, { measures: ["责令改正"] }), lenient),
    benchmarkNote: `${statutory(`固体废物污染环境防治法 第112条 ${figures}`)}；${SPLIT_NOTE.thirds}`,
  });
}

const penalties: ItemDraft[] = [
  preCode({
    by: "gz",
    name: "对建设单位未依法报批建设项目环境影响报告书、报告表，或者未依法重新报批擅自开工建设的行政处罚",
    cqName: "对建设单位未批先建的行政处罚",
    violation: "未依法报批建设项目环境影响报告书、报告表或者未重新报批，擅自开工建设",
    legalBases: [
      penaltyOf(LAW.eia)(
        { article: 31 },
        "责令停止建设，根据违法情节和危害后果，处建设项目总投资额1%以上5%以下罚款，并可以责令恢复原状",
        EIA_31,
      ),
    ],
    body: body(
      ladder(HARM_LADDER, multipleThirds("INVESTMENT", pct(1), pct(5)), {
        measures: ["责令停止建设", "可以责令恢复原状"],
      }),
      LENIENT_SERIOUS,
    ),
    benchmarkNote: `${statutory("环境影响评价法 第31条 总投资额 1%–5%")}；${SPLIT_NOTE.thirds}`,
  }),
  preCode({
    by: "sc",
    name: "对建设单位未依法备案建设项目环境影响登记表的行政处罚",
    violation: "建设项目环境影响登记表未依法备案",
    legalBases: [
      penaltyOf(LAW.eia)(
        { article: 31, clause: 3 },
        "建设单位未依法备案建设项目环境影响登记表的，责令备案，处5万元以下罚款",
        EIA_31_FILING,
      ),
    ],
    body: body(ladder(HARM_LADDER, maxBands(wan(5)), { measures: ["责令备案"] }), LENIENT_STANDARD),
    benchmarkNote: `${statutory("环境影响评价法 第31条 登记表未备案 ≤5万")}；${SPLIT_NOTE.maxBands}`,
  }),
  penaltyItem({
    domainCode: D,
    by: "gz",
    name: "对需要配套建设的环境保护设施未建成、未经验收或者验收不合格，建设项目即投入生产或者使用，或者在环境保护设施验收中弄虚作假的行政处罚",
    violation: "环境保护设施未建成、未经验收或者验收不合格即投入生产或者使用，或者验收弄虚作假",
    legalBases: [
      basis(
        "PENALTY",
        LAW.projectEnv,
        { article: 23 },
        {
          summary:
            "责令限期改正，处20万元以上100万元以下罚款；逾期不改正的，处100万元以上200万元以下罚款；对直接负责的主管人员和其他责任人员处5万元以上20万元以下罚款；造成重大环境污染或者生态破坏的，责令停止生产或者使用，或者报经有批准权的人民政府批准，责令关闭",
          statute: PROJECT_23,
        },
      ),
    ],
    body: body(
      ladder(HARM_LADDER, rangeThirds(wan(20), wan(100)), {
        escalation: fixed(wan(100), wan(200)),
        // "对直接负责的主管人员和其他责任人员，处5万元以上20万元以下的罚款" stands beside both fines, not only 逾期
        responsible: fixed(wan(5), wan(20)),
        escalationResponsible: fixed(wan(5), wan(20)),
        measures: ["责令限期改正"],
        heaviestMeasures: [
          "造成重大环境污染或者生态破坏的，责令停止生产或者使用，或者报经有批准权的人民政府批准，责令关闭",
        ],
      }),
      LENIENT_SERIOUS,
    ),
    benchmarkNote: `${statutory("建设项目环境保护管理条例 第23条 20万–100万；逾期 100万–200万；责任人 5万–20万")}；${SPLIT_NOTE.thirds}`,
  }),
  penaltyItem({
    domainCode: D,
    by: "cq",
    name: "对建设单位未依法向社会公开环境保护设施验收报告的行政处罚",
    violation: "未依法向社会公开环境保护设施验收报告",
    legalBases: [
      basis(
        "PENALTY",
        LAW.projectEnv,
        { article: 23 },
        {
          summary: "未依法向社会公开环境保护设施验收报告的，责令公开，处5万元以上20万元以下罚款",
          statute: FIVE_TO_TWENTY,
        },
      ),
    ],
    body: body(ladder(HARM_LADDER, rangeThirds(wan(5), wan(20)), { measures: ["责令公开"] }), LENIENT_STANDARD),
    benchmarkNote: `${statutory("建设项目环境保护管理条例 第23条 5万–20万")}；${SPLIT_NOTE.thirds}`,
  }),
  hazardousWaste(1, "gz", "对未按照规定设置危险废物识别标志的行政处罚", "未按照规定设置危险废物识别标志", [
    ...LENIENT_STANDARD,
    NO_COERCION,
  ]),
  hazardousWaste(
    2,
    "sc",
    "对未按照国家有关规定制定危险废物管理计划或者申报危险废物有关资料的行政处罚",
    "未制定危险废物管理计划或者未申报危险废物有关资料",
    LENIENT_STANDARD,
  ),
  hazardousWaste(3, "gz", "对擅自倾倒、堆放危险废物的行政处罚", "擅自倾倒、堆放危险废物", LENIENT_SERIOUS),
  hazardousWaste(
    4,
    "gz",
    "对将危险废物提供或者委托给无许可证的单位或者其他生产经营者从事经营活动的行政处罚",
    "将危险废物提供或者委托给无许可证的单位或者其他生产经营者从事经营活动",
    LENIENT_SERIOUS,
  ),
  preCode({
    by: "gz",
    name: "对产生工业固体废物的单位未建立固体废物管理台账并如实记录的行政处罚",
    violation: "未建立工业固体废物管理台账并如实记录",
    legalBases: [solid({ article: 102, subItem: 8 }, "责令改正，处5万元以上20万元以下罚款", FIVE_TO_TWENTY)],
    body: body(ladder(HARM_LADDER, rangeThirds(wan(5), wan(20)), { measures: ["责令改正"] }), LENIENT_STANDARD),
    benchmarkNote: `${statutory("固体废物污染环境防治法 第102条(八) 5万–20万")}；${SPLIT_NOTE.thirds}`,
    provincial: "aligned",
  }),
  preCode({
    by: "cq",
    name: "对擅自倾倒、堆放、丢弃、遗撒工业固体废物的行政处罚",
    violation: "擅自倾倒、堆放、丢弃、遗撒工业固体废物",
    legalBases: [
      solid(
        { article: 102, subItem: 7 },
        "责令改正，处所需处置费用1倍以上3倍以下罚款，所需处置费用不足10万元的，按10万元计算",
        WASTE_102_COST,
      ),
    ],
    body: body(
      ladder(HARM_LADDER, multipleThirds("DISPOSAL_COST", times(1), times(3), { baseFloorFen: wan(10) }), {
        measures: ["责令改正"],
      }),
      LENIENT_SERIOUS,
    ),
    benchmarkNote: `${statutory("固体废物污染环境防治法 第102条(七) 处置费用1–3倍，不足10万按10万计")}；${SPLIT_NOTE.thirds}`,
  }),
  penaltyItem({
    domainCode: D,
    by: "gz",
    name: "对排污单位未取得排污许可证排放污染物的行政处罚",
    scName: "对排污单位未取得排污许可证排放污染物的处罚（排污许可管理条例）",
    violation: "未取得排污许可证排放污染物",
    legalBases: [
      basis(
        "PENALTY",
        LAW.dischargePermit,
        { article: 33 },
        {
          summary:
            "责令改正或者限制生产、停产整治，处20万元以上100万元以下罚款；情节严重的，报经有批准权的人民政府批准，责令停业、关闭",
          statute: PERMIT_33,
        },
      ),
      // 第38条: "排污单位违反本条例规定排放污染物，受到罚款处罚，被责令改正的 … 组织复查，发现其继续实施该违法行为或者
      // 拒绝、阻挠复查的，依照《中华人民共和国环境保护法》的规定按日连续处罚"
      basis(
        "PENALTY",
        LAW.dischargePermit,
        { article: 38 },
        {
          summary:
            "受到罚款处罚，被责令改正，复查发现继续实施该违法行为或者拒绝、阻挠复查的，依照环境保护法按日连续处罚",
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
    ],
    body: body(
      ladder(HARM_LADDER, rangeThirds(wan(20), wan(100)), {
        measures: ["责令改正或者限制生产、停产整治"],
        heaviestMeasures: ["情节严重的，报经有批准权的人民政府批准，责令停业、关闭"],
      }),
      LENIENT_SERIOUS,
    ),
    benchmarkNote: `${statutory("排污许可管理条例 第33条 20万–100万")}；${SPLIT_NOTE.thirds}`,
    note: SAME_ACT,
  }),
];

/** 环境保护法 until the Code, then the Code (articles not verified). */
const other = (kind: "INSPECTION" | "COERCION", by: Empowerer, name: string) =>
  otherItem(D, kind, by, name, [basis("IMPLEMENTING", LAW.envProtection), codeSuccessor("IMPLEMENTING")]);

export const ecologyWasteItems: ItemDraft[] = [
  ...penalties,
  other("INSPECTION", "gz", "对排放污染物的企业事业单位和其他生产经营者的行政检查"),
  other("COERCION", "gz", "对违法排放污染物，造成或者可能造成严重污染的设施、设备予以查封、扣押的行政强制"),
];

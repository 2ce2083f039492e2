/**
 * 规划与自然资源: 城乡规划法, 土地管理法 + 实施条例 and 矿产资源法 (2024) with the figures of docs/law.md
 * Mining items are empowered from 2025-07-01, when the revised 矿产资源法 took force.
 */
import type { StatutoryFine } from "../../../schema/benchmarks/rules/statute.ts";
import { type Empowerer, type ItemDraft, lawItem, type PenaltyDraft, penaltyItem } from "./build.ts";
import { type ArticleRef, basis, LAW, type Law, MINERAL_FROM, named } from "./legal.ts";
import {
  LAND_54,
  MINING_64,
  PLANNING_64,
  PLANNING_66,
  perSquareMetre,
  RECLAMATION,
  TEN_TO_HUNDRED,
} from "./statutes.ts";
import {
  body,
  HARM_LADDER,
  LENIENT_SERIOUS,
  LENIENT_STANDARD,
  ladder,
  multipleMaxBands,
  multipleThirds,
  NO_FAULT,
  pct,
  perSquareMetreThirds,
  rangeThirds,
  SPLIT_NOTE,
  times,
  wan,
} from "./tiers.ts";

const D = "PLANNING_RESOURCES";
const penaltyOf = (law: Law) => (ref: ArticleRef, summary: string, statute?: StatutoryFine) =>
  basis("PENALTY", law, ref, { summary, ...(statute ? { statute } : {}) });
const planning = penaltyOf(LAW.planning);
const land = penaltyOf(LAW.land);
const landReg = penaltyOf(LAW.landRegulation);
const mineral = penaltyOf(LAW.mineral);
const item = (d: Omit<PenaltyDraft, "domainCode">) => penaltyItem({ ...d, domainCode: D });
const N = (what: string) => `法定幅度：${what}（docs/law.md）`;

const P64 =
  "责令停止建设；尚可采取改正措施消除对规划实施的影响的，限期改正，处建设工程造价5%以上10%以下罚款；无法采取改正措施消除影响的，限期拆除，不能拆除的，没收实物或者违法收入，可以并处建设工程造价10%以下罚款";
const body64 = () =>
  body(
    ladder(HARM_LADDER, multipleThirds("CONSTRUCTION_COST", pct(5), pct(10)), {
      measures: ["责令停止建设", "限期改正"],
      heaviestMeasures: [
        "无法采取改正措施消除影响的，限期拆除；不能拆除的，没收实物或者违法收入，可以并处建设工程造价10%以下罚款",
      ],
    }),
    LENIENT_SERIOUS,
  );
/** 城乡规划法 第66条: 临时建设工程造价 1倍以下 (also used by 城市管理). */
export const temporaryBuildingBody = () =>
  body(
    ladder(HARM_LADDER, multipleMaxBands("CONSTRUCTION_COST", times(1)), { measures: ["责令限期拆除"] }),
    LENIENT_STANDARD,
  );
export const P66 = "责令限期拆除，可以并处临时建设工程造价1倍以下罚款";
export const N66 = `法定幅度：城乡规划法 第66条 临时建设工程造价 1倍以下（docs/law.md）；${SPLIT_NOTE.maxBands}`;
const P81 = "责令交还土地，处以罚款（实施条例 第59条：每平方米100元以上500元以下）";
const body81 = () =>
  body(ladder(HARM_LADDER, perSquareMetreThirds(100, 500), { measures: ["责令交还土地"] }), [NO_FAULT]);
const bodyReclamation = (measure: string, heaviest: string[] = []) =>
  body(
    ladder(HARM_LADDER, multipleThirds("RECLAMATION_FEE", times(5), times(10)), {
      measures: [measure],
      heaviestMeasures: heaviest,
    }),
    LENIENT_SERIOUS,
  );

const penalties: ItemDraft[] = [
  item({
    by: "gz",
    name: "对未取得建设工程规划许可证进行建设的行政处罚",
    violation: "未取得建设工程规划许可证进行建设",
    legalBases: [planning({ article: 64 }, P64, PLANNING_64)],
    body: body64(),
    benchmarkNote: `${N("城乡规划法 第64条 工程造价 5%–10%")}；${SPLIT_NOTE.thirds}`,
    provincial: "misaligned",
  }),
  item({
    by: "cq",
    name: "对未按照建设工程规划许可证的规定进行建设的行政处罚",
    violation: "未按照建设工程规划许可证的规定进行建设",
    legalBases: [planning({ article: 64 }, P64, PLANNING_64)],
    body: body64(),
    benchmarkNote: `${N("城乡规划法 第64条 工程造价 5%–10%")}；${SPLIT_NOTE.thirds}`,
  }),
  item({
    by: "gz",
    name: "对未经批准进行临时建设的行政处罚",
    violation: "未经批准进行临时建设",
    legalBases: [planning({ article: 66 }, P66, PLANNING_66)],
    body: temporaryBuildingBody(),
    benchmarkNote: N66,
  }),
  item({
    by: "gz",
    name: "对非法占用土地的行政处罚",
    violation: "未经批准或者采取欺骗手段骗取批准，非法占用土地",
    legalBases: [
      land(
        { article: 77 },
        "责令退还非法占用的土地，限期拆除或者没收在非法占用的土地上新建的建筑物和其他设施，可以并处罚款",
      ),
      landReg(
        { article: 57 },
        "依照土地管理法 第77条处以罚款的，罚款额为非法占用土地每平方米100元以上1000元以下",
        perSquareMetre(100, 1000),
      ),
    ],
    body: body(
      ladder(HARM_LADDER, perSquareMetreThirds(100, 1000), {
        measures: [
          "责令退还非法占用的土地",
          "限期拆除在非法占用的土地上新建的建筑物和其他设施，恢复土地原状，或者予以没收",
        ],
      }),
      LENIENT_SERIOUS,
    ),
    benchmarkNote: `${N("土地管理法 第77条 + 实施条例 第57条 每平方米100–1000元")}；${SPLIT_NOTE.thirds}`,
    provincial: "aligned",
  }),
  item({
    by: "sc",
    name: "对依法收回国有土地使用权当事人拒不交出土地，或者临时使用土地期满拒不归还的行政处罚",
    violation: "拒不交出依法收回使用权的国有土地，或者临时使用土地期满拒不归还",
    legalBases: [
      land({ article: 81 }, P81),
      landReg({ article: 59 }, "罚款额为每平方米100元以上500元以下", perSquareMetre(100, 500)),
    ],
    body: body81(),
    benchmarkNote: `${N("土地管理法 第81条 + 实施条例 第59条 每平方米100–500元")}；${SPLIT_NOTE.thirds}`,
  }),
  item({
    by: "gz",
    name: "对不按照批准的用途使用国有土地的行政处罚",
    violation: "不按照批准的用途使用国有土地",
    legalBases: [
      land({ article: 81 }, P81),
      landReg({ article: 59 }, "罚款额为每平方米100元以上500元以下", perSquareMetre(100, 500)),
    ],
    body: body81(),
    benchmarkNote: `${N("土地管理法 第81条 + 实施条例 第59条 每平方米100–500元")}；${SPLIT_NOTE.thirds}`,
  }),
  item({
    by: "gz",
    name: "对买卖或者以其他形式非法转让土地的行政处罚",
    violation: "买卖或者以其他形式非法转让土地",
    legalBases: [
      land({ article: 74 }, "没收违法所得，可以并处罚款"),
      landReg({ article: 54 }, "罚款额为违法所得的10%以上50%以下", LAND_54),
    ],
    body: body(
      ladder(HARM_LADDER, multipleThirds("ILLEGAL_GAINS", pct(10), pct(50)), { measures: ["没收违法所得"] }),
      LENIENT_SERIOUS,
    ),
    benchmarkNote: `${N("土地管理法 第74条 + 实施条例 第54条 违法所得 10%–50%")}；${SPLIT_NOTE.thirds}`,
  }),
  item({
    by: "cq",
    name: "对占用耕地建窑、建坟或者擅自在耕地上建房、挖砂、采石、采矿、取土等，破坏种植条件的行政处罚",
    violation: "占用耕地建窑、建坟或者擅自在耕地上建房、挖砂、采石、采矿、取土等，破坏种植条件",
    legalBases: [
      land(
        { article: 75 },
        "占用耕地建窑、建坟或者擅自在耕地上建房、挖砂、采石、采矿、取土等，破坏种植条件的，可以并处罚款",
      ),
      landReg({ article: 55 }, "罚款额为耕地开垦费的5倍以上10倍以下；破坏黑土地等优质耕地的，从重处罚", RECLAMATION),
    ],
    body: bodyReclamation("责令改正", ["破坏黑土地等优质耕地的，从重处罚"]),
    benchmarkNote: `${N("土地管理法 第75条 + 实施条例 第55条 耕地开垦费 5–10倍")}；${SPLIT_NOTE.thirds}`,
  }),
  item({
    by: "gz",
    name: "对在临时使用的土地上修建永久性建筑物的行政处罚",
    violation: "在临时使用的土地上修建永久性建筑物",
    legalBases: [landReg({ article: 52 }, "责令限期拆除，处土地复垦费5倍以上10倍以下罚款", RECLAMATION)],
    body: bodyReclamation("责令限期拆除"),
    benchmarkNote: `${N("土地管理法实施条例 第52条 土地复垦费 5–10倍")}；${SPLIT_NOTE.thirds}`,
  }),
  item({
    by: "gz",
    empoweredFrom: MINERAL_FROM,
    name: "对未取得采矿权擅自开采矿产资源的行政处罚",
    violation: "未取得采矿权擅自开采矿产资源",
    legalBases: [
      mineral(
        { article: 64 },
        "责令停止违法行为，没收直接用于违法开采的工具、设备以及违法采出的矿产品，并处违法采出的矿产品市场价值3倍以上5倍以下罚款；没有采出矿产品或者违法采出的矿产品市场价值不足10万元的，并处10万元以上100万元以下罚款；拒不停止违法行为的，可以责令停业整顿",
        MINING_64,
      ),
    ],
    body: body(
      ladder(
        HARM_LADDER,
        multipleThirds("MARKET_VALUE", times(3), times(5), {
          baseThresholdFen: wan(10),
          whenBaseUnknown: [wan(10), wan(100)],
        }),
        {
          measures: [
            "责令停止违法行为",
            "没收直接用于违法开采的工具、设备以及违法采出的矿产品",
            "拒不停止违法行为的，可以责令停业整顿",
          ],
        },
      ),
      LENIENT_SERIOUS,
    ),
    benchmarkNote: `${N("矿产资源法 第64条 市场价值 3–5倍；无或不足10万：10万–100万")}；${SPLIT_NOTE.thirds}`,
    note: "矿产资源法（2024-11-08修订）2025-07-01施行，本事项自该日起赋权（示例）",
  }),
  item({
    by: "sc",
    empoweredFrom: MINERAL_FROM,
    name: "对未取得探矿权擅自进行矿产资源勘查的行政处罚",
    violation: "未取得探矿权擅自进行矿产资源勘查",
    legalBases: [
      mineral(
        { article: 63 },
        "责令停止违法行为，没收违法所得以及直接用于违法勘查的工具、设备，并处10万元以上100万元以下罚款",
        TEN_TO_HUNDRED,
      ),
    ],
    body: body(
      ladder(HARM_LADDER, rangeThirds(wan(10), wan(100)), {
        measures: ["责令停止违法行为", "没收违法所得以及直接用于违法勘查的工具、设备"],
      }),
      LENIENT_SERIOUS,
    ),
    benchmarkNote: `${N("矿产资源法 第63条 10万–100万")}；${SPLIT_NOTE.thirds}`,
    note: "矿产资源法（2024-11-08修订）2025-07-01施行，本事项自该日起赋权（示例）",
  }),
];

const other = (kind: "INSPECTION" | "COERCION", by: Empowerer, name: string, laws: Law[], from?: string) =>
  lawItem(D, kind, by, name, laws, from ? { empoweredFrom: from } : {});

export const planningItems: ItemDraft[] = [
  ...penalties,
  other("INSPECTION", "gz", "对建设工程是否符合规划条件的行政检查", [LAW.planning]),
  other("INSPECTION", "gz", "对土地利用和土地管理情况的行政检查", [LAW.land]),
  other("INSPECTION", "sc", "对耕地保护情况的行政检查", [LAW.land, LAW.landRegulation]),
  other("INSPECTION", "gz", "对矿产资源勘查、开采活动的行政检查", [LAW.mineral], MINERAL_FROM),
  other("INSPECTION", "cq", "对测绘活动的行政检查", [named("中华人民共和国测绘法")]),
  other("INSPECTION", "gz", "对地质灾害防治工作的行政检查", [named("地质灾害防治条例")]),
  other("INSPECTION", "sc", "对林地保护利用情况的行政检查", [named("中华人民共和国森林法")]),
  other("COERCION", "gz", "对违法建设施工现场予以查封的行政强制", [LAW.planning]),
  other(
    "COERCION",
    "gz",
    "查封、扣押与非法开采矿产资源有关的工具、设备和矿产品的行政强制",
    [LAW.mineral],
    MINERAL_FROM,
  ),
];

/**
 * The five domains guessed after Chongqing's "7+1" structure (docs/law.md). docs/law.md has no fine
 * figures for their own laws, so they are inspection and coercion items (law name only, article not
 * verified) — except three 城市管理 penalty items that rest on laws whose figures docs/law.md does give
 * (安全生产法 第99条(八) 燃气报警, 城乡规划法 第66条 临时建设, 大气污染防治法 第117条 扬尘).
 */
import { type Empowerer, type ItemDraft, lawItem, otherItem, penaltyItem } from "./build.ts";
import { dust117Bases, dust117Body, N117 } from "./items-ecology.ts";
import { bands5, N99, P99, safetyDaily } from "./items-emergency.ts";
import { N66, P66, temporaryBuildingBody } from "./items-planning.ts";
import { basis, codeSuccessor, LAW, type Law, named } from "./legal.ts";
import { PLANNING_66, SAFETY_99 } from "./statutes.ts";
import { SPLIT_NOTE } from "./tiers.ts";

type Kind = "INSPECTION" | "COERCION";
/** [kind, 授权/委托, name, laws] */
type Row = [Kind, Empowerer, string, Law[]];
const rows = (domainCode: string, list: Row[]): ItemDraft[] =>
  list.map(([kind, by, name, laws]) => lawItem(domainCode, kind, by, name, laws));

const I = "INSPECTION";
const C = "COERCION";

const food = named("中华人民共和国食品安全法");
const specialEquipment = named("中华人民共和国特种设备安全法");
const productQuality = named("中华人民共和国产品质量法");

export const marketItems: ItemDraft[] = rows("MARKET", [
  [I, "gz", "对食品生产经营者遵守食品安全法律法规情况的行政检查", [food]],
  [C, "sc", "查封、扣押不符合食品安全标准或者有证据证明可能危害人体健康的食品的行政强制", [food]],
  [I, "gz", "对特种设备生产、经营、使用单位的行政检查", [specialEquipment]],
  [C, "gz", "查封、扣押不符合安全技术规范要求或者存在严重事故隐患的特种设备的行政强制", [specialEquipment]],
  [I, "cq", "对生产、销售的产品质量的行政检查", [productQuality]],
  [C, "gz", "查封、扣押不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的行政强制", [productQuality]],
  [I, "sc", "对计量器具使用情况的行政检查", [named("中华人民共和国计量法")]],
  [I, "gz", "对药品经营企业和使用单位的行政检查", [named("中华人民共和国药品管理法")]],
  [I, "cq", "对经营者价格行为的行政检查", [named("中华人民共和国价格法")]],
  [I, "gz", "对企业公示信息情况的行政检查", [named("企业信息公示暂行条例")]],
  [I, "sc", "对工业产品生产许可证获证企业的行政检查", [named("中华人民共和国工业产品生产许可证管理条例")]],
  [C, "gz", "查封、扣押与无照经营有关的合同、票据、账簿以及其他资料和物品的行政强制", [named("无证无照经营查处办法")]],
]);

const cityAppearance = named("城市市容和环境卫生管理条例");
const gas = named("城镇燃气管理条例");
const urbanPenalties: ItemDraft[] = [
  penaltyItem({
    domainCode: "URBAN",
    by: "gz",
    name: "对餐饮等行业的生产经营单位使用燃气未安装可燃气体报警装置的行政处罚",
    violation: "餐饮等行业的生产经营单位使用燃气未安装可燃气体报警装置",
    legalBases: [
      basis(
        "DUTY",
        LAW.safety,
        { article: 36, clause: 4 },
        { summary: "餐饮等行业的生产经营单位使用燃气的，应当安装可燃气体报警装置" },
      ),
      basis("PENALTY", LAW.safety, { article: 99, subItem: 8 }, { summary: P99, statute: SAFETY_99 }),
      safetyDaily(),
    ],
    body: bands5(),
    benchmarkNote: `${N99}；${SPLIT_NOTE.maxBands}`,
    note: "城镇燃气由城市管理部门主管的设定（重庆）为示例假设 / assumes the gas authority sits in 城市管理",
  }),
  penaltyItem({
    domainCode: "URBAN",
    by: "cq",
    name: "对临时建筑物、构筑物超过批准期限不拆除的行政处罚",
    violation: "临时建筑物、构筑物超过批准期限不拆除",
    legalBases: [basis("PENALTY", LAW.planning, { article: 66 }, { summary: P66, statute: PLANNING_66 })],
    body: temporaryBuildingBody(),
    benchmarkNote: N66,
  }),
  penaltyItem({
    domainCode: "URBAN",
    by: "gz",
    name: "对贮存易产生扬尘的物料未采取密闭或者围挡、遮盖等防尘措施的行政处罚",
    violation: "易产生扬尘的物料未密闭，或者未设置围挡、未采取覆盖措施",
    legalBases: dust117Bases(true),
    body: dust117Body(),
    benchmarkNote: N117,
  }),
];

export const urbanItems: ItemDraft[] = [
  ...urbanPenalties,
  ...rows("URBAN", [
    [I, "gz", "对城市市容和环境卫生的行政检查", [cityAppearance]],
    [I, "gz", "对燃气经营者和燃气用户安全用气情况的行政检查", [gas]],
    [I, "sc", "对户外广告设施设置的行政检查", [cityAppearance]],
    [I, "cq", "对城市绿地、树木保护情况的行政检查", [named("城市绿化条例")]],
    [I, "gz", "对排水户向城镇排水设施排放污水情况的行政检查", [named("城镇排水与污水处理条例")]],
    [I, "sc", "对城市道路占用、挖掘情况的行政检查", [named("城市道路管理条例")]],
    [C, "gz", "查封、扣押违法储存、充装、使用的瓶装燃气及相关设施的行政强制", [gas]],
  ]),
  // 建筑垃圾: 固废法 until the Code, then the Code (articles not verified).
  otherItem("URBAN", "INSPECTION", "gz", "对建筑垃圾处置活动的行政检查", [
    basis("IMPLEMENTING", LAW.solidWaste),
    codeSuccessor("IMPLEMENTING"),
  ]),
];

const roadTransport = named("中华人民共和国道路运输条例");
const highway = named("中华人民共和国公路法");
const highwayProtection = named("公路安全保护条例");
export const transportItems: ItemDraft[] = rows("TRANSPORT", [
  [I, "gz", "对道路运输经营者的行政检查", [roadTransport]],
  [I, "gz", "对危险货物道路运输企业的行政检查", [roadTransport, LAW.hazchemRegulation, LAW.hazchemLaw]],
  [I, "sc", "对道路货物运输车辆超限超载的行政检查", [highwayProtection]],
  [I, "cq", "对公路及公路用地保护情况的行政检查", [highway]],
  [I, "gz", "对公路工程建设质量安全的行政检查", [highway]],
  [I, "sc", "对巡游出租汽车经营活动的行政检查", [named("巡游出租汽车经营服务管理规定")]],
  [I, "gz", "对机动车维修经营者的行政检查", [roadTransport]],
  [C, "gz", "暂扣未取得道路运输经营许可擅自从事道路运输经营的车辆的行政强制", [roadTransport]],
  [C, "sc", "对违法超限运输车辆予以暂扣的行政强制", [highwayProtection]],
]);

const pesticide = named("农药管理条例");
const seed = named("中华人民共和国种子法");
const farmProduce = named("中华人民共和国农产品质量安全法");
export const agricultureItems: ItemDraft[] = rows("AGRICULTURE", [
  [I, "gz", "对农药生产、经营、使用的行政检查", [pesticide]],
  [C, "gz", "查封、扣押违法生产、经营、使用的农药的行政强制", [pesticide]],
  [I, "sc", "对种子生产经营活动的行政检查", [seed]],
  [C, "gz", "查封、扣押假、劣种子的行政强制", [seed]],
  [I, "cq", "对兽药经营和使用的行政检查", [named("兽药管理条例")]],
  [I, "gz", "对动物防疫工作的行政检查", [named("中华人民共和国动物防疫法")]],
  [I, "sc", "对农产品质量安全的行政检查", [farmProduce]],
  [C, "gz", "查封、扣押不符合农产品质量安全标准的农产品的行政强制", [farmProduce]],
  [I, "gz", "对拖拉机、联合收割机安全技术状况的行政检查", [named("农业机械安全监督管理条例")]],
]);

const publishing = named("出版管理条例");
export const cultureTourismItems: ItemDraft[] = rows("CULTURE_TOURISM", [
  [I, "gz", "对旅行社经营活动的行政检查", [named("中华人民共和国旅游法"), named("旅行社条例")]],
  [I, "sc", "对A级旅游景区安全和服务质量的行政检查", [named("中华人民共和国旅游法")]],
  [I, "gz", "对娱乐场所经营活动的行政检查", [named("娱乐场所管理条例")]],
  [I, "cq", "对互联网上网服务营业场所经营活动的行政检查", [named("互联网上网服务营业场所管理条例")]],
  [I, "gz", "对营业性演出活动的行政检查", [named("营业性演出管理条例")]],
  [I, "sc", "对文物保护单位安全的行政检查", [named("中华人民共和国文物保护法")]],
  [I, "gz", "对出版物经营活动的行政检查", [publishing]],
  [C, "gz", "查封、扣押非法出版物以及用于违法活动的专用工具、设备的行政强制", [publishing]],
]);

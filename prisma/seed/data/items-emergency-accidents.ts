/**
 * 应急管理 (2/3): responsible persons, liability insurance and accident liability (安全生产法 第94–96, 109,
 * 114条, docs/law.md).
 */
import { type ItemDraft, penaltyItem } from "./build.ts";
import { duty, penalty, safetyDaily } from "./items-emergency.ts";
import { SAFETY_94, SAFETY_95, SAFETY_96, SAFETY_109, SAFETY_114 } from "./statutes.ts";
import {
  ACCIDENT_LADDER,
  body,
  fixed,
  HARM_LADDER,
  LENIENT_STANDARD,
  ladder,
  rangeThirds,
  SPLIT_NOTE,
  share,
  type TierShape,
  wan,
} from "./tiers.ts";

const D = "EMERGENCY";

const noAccident = HARM_LADDER.map((s) => ({
  ...s,
  conditions: [...s.conditions, { fact: "accidentLevel" as const, op: "eq" as const, value: "NONE" }],
}));
const withAccident: TierShape = {
  name: "导致事故",
  conditions: [{ fact: "accidentLevel", op: "ne", value: "NONE" }],
  conditionText: "导致发生生产安全事故",
};

export const emergencyAccidentItems: ItemDraft[] = [
  penaltyItem({
    domainCode: D,
    by: "gz",
    name: "对生产经营单位的主要负责人未履行本法规定的安全生产管理职责的行政处罚",
    violation: "主要负责人未履行安全生产管理职责",
    legalBases: [
      duty({ article: 21 }, "主要负责人的安全生产职责"),
      penalty(
        { article: 94 },
        "责令限期改正，处2万元以上5万元以下罚款；逾期未改正的，处5万元以上10万元以下罚款，责令生产经营单位停产停业整顿",
        SAFETY_94,
      ),
    ],
    body: body(
      ladder(HARM_LADDER, rangeThirds(wan(2), wan(5)), {
        escalation: fixed(wan(5), wan(10)),
        escalationMeasures: ["责令生产经营单位停产停业整顿"],
        measures: ["责令限期改正"],
      }),
      LENIENT_STANDARD,
    ),
    benchmarkNote: "法定幅度：2万–5万；逾期 5万–10万（安全生产法 第94条）；" + SPLIT_NOTE.thirds,
    provincial: "aligned",
  }),
  penaltyItem({
    domainCode: D,
    by: "gz",
    name: "对生产经营单位的其他负责人和安全生产管理人员未履行本法规定的安全生产管理职责的行政处罚",
    violation: "其他负责人和安全生产管理人员未履行安全生产管理职责",
    legalBases: [
      duty({ article: 25 }, "安全生产管理机构以及安全生产管理人员的职责"),
      penalty(
        { article: 96 },
        "责令限期改正，处1万元以上3万元以下罚款；导致发生生产安全事故的，暂停或者吊销其与安全生产有关的资格，并处上一年年收入20%以上50%以下罚款",
        SAFETY_96,
      ),
    ],
    body: body(
      ladder(
        [...noAccident, withAccident],
        [...rangeThirds(wan(1), wan(3)), { kind: "MULTIPLE_OF_BASE", base: "ANNUAL_INCOME", minBp: 2000, maxBp: 5000 }],
        {
          measures: ["责令限期改正"],
          heaviestMeasures: ["暂停或者吊销其与安全生产有关的资格"],
        },
      ),
      LENIENT_STANDARD,
    ),
    benchmarkNote: "法定幅度：1万–3万；致事故 上一年年收入 20%–50%（安全生产法 第96条）；前三阶次" + SPLIT_NOTE.thirds,
  }),
  penaltyItem({
    domainCode: D,
    by: "sc",
    name: "对高危行业、领域的生产经营单位未按照国家规定投保安全生产责任保险的行政处罚",
    violation: "高危行业、领域的生产经营单位未按照国家规定投保安全生产责任保险",
    legalBases: [
      duty({ article: 51, clause: 2 }, "高危行业、领域的生产经营单位应当投保安全生产责任保险"),
      penalty(
        { article: 109 },
        "责令限期改正，处5万元以上10万元以下罚款；逾期未改正的，处10万元以上20万元以下罚款",
        SAFETY_109,
      ),
      safetyDaily(),
    ],
    body: body(
      ladder(HARM_LADDER, rangeThirds(wan(5), wan(10)), {
        escalation: fixed(wan(10), wan(20)),
        measures: ["责令限期改正"],
      }),
      LENIENT_STANDARD,
    ),
    benchmarkNote: "法定幅度：5万–10万；逾期 10万–20万（安全生产法 第109条）；" + SPLIT_NOTE.thirds,
  }),
  penaltyItem({
    domainCode: D,
    by: "gz",
    name: "对发生生产安全事故负有责任的生产经营单位的行政处罚",
    violation: "发生生产安全事故，生产经营单位对事故负有责任",
    legalBases: [
      penalty(
        { article: 114 },
        "一般事故30万–100万元；较大事故100万–200万元；重大事故200万–1000万元；特别重大事故1000万–2000万元；情节特别严重、影响特别恶劣的，可以按照上述罚款数额的2倍以上5倍以下处罚",
        SAFETY_114,
      ),
    ],
    body: body(
      ladder(
        ACCIDENT_LADDER,
        [fixed(wan(30), wan(100)), fixed(wan(100), wan(200)), fixed(wan(200), wan(1000)), fixed(wan(1000), wan(2000))],
        // 第114条第2款 (情节特别严重 2–5倍) is the statute's, applied by the engine on the fact `particularlySerious`
        {},
      ),
      [],
    ),
    benchmarkNote: "法定幅度：安全生产法 第114条（docs/law.md）；" + SPLIT_NOTE.accident,
  }),
  penaltyItem({
    domainCode: D,
    by: "gz",
    name: "对生产经营单位的主要负责人未履行安全生产管理职责导致发生生产安全事故的行政处罚",
    violation: "主要负责人未履行安全生产管理职责，导致发生生产安全事故",
    legalBases: [
      duty({ article: 21 }, "主要负责人的安全生产职责"),
      penalty({ article: 95 }, "一般、较大、重大、特别重大事故分别处上一年年收入40%、60%、80%、100%的罚款", SAFETY_95),
    ],
    body: body(
      ladder(
        ACCIDENT_LADDER,
        [4000, 6000, 8000, 10_000].map((bp) => share("ANNUAL_INCOME", bp)),
      ),
      [],
    ),
    benchmarkNote: "法定比例：上一年年收入 40%/60%/80%/100%（安全生产法 第95条）；" + SPLIT_NOTE.accident,
  }),
];

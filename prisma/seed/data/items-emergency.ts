/**
 * 应急管理 (1/3): duties of the 生产经营单位 under 安全生产法 (2021) — 第97, 99, 101, 102, 105条 — with the
 * figures of docs/law.md. Responsible persons and accidents: ./items-emergency-accidents.ts; inspection
 * and coercion items: ./items-emergency-checks.ts.
 */

import type { StatutoryFine } from "../../../schema/benchmarks/rules/statute.ts";
import { type ItemDraft, penaltyItem } from "./build.ts";
import { type ArticleRef, basis, LAW } from "./legal.ts";
import { SAFETY_97, SAFETY_99, SAFETY_102, SAFETY_105 } from "./statutes.ts";
import {
  body,
  fixed,
  HARM_LADDER,
  LENIENT_STANDARD,
  ladder,
  maxBands,
  NO_COERCION,
  NO_FAULT,
  PROPORTION_LADDER,
  SPLIT_NOTE,
  upTo,
  wan,
} from "./tiers.ts";

const D = "EMERGENCY";
const S = LAW.safety;
export const duty = (ref: ArticleRef, summary: string) => basis("DUTY", S, ref, { summary });
export const penalty = (ref: ArticleRef, summary: string, statute?: StatutoryFine) =>
  basis("PENALTY", S, ref, { summary, ...(statute ? { statute } : {}) });
/**
 * 安全生产法 第112条: "生产经营单位违反本法规定，被责令改正且受到罚款处罚，拒不改正的 … 可以自作出责令改正之日的次日起，
 * 按照原处罚数额按日连续处罚" — for every fine this law imposes on a 生产经营单位 together with an order to correct.
 */
export const safetyDaily = () =>
  basis(
    "PENALTY",
    S,
    { article: 112 },
    {
      summary: "被责令改正且受到罚款处罚，拒不改正的，自作出责令改正之日的次日起按照原处罚数额按日连续处罚",
      dailyFine: true,
    },
  );

const P97 =
  "责令限期改正，处10万元以下罚款；逾期未改正的，责令停产停业整顿，并处10万元以上20万元以下罚款，对直接负责的主管人员和其他直接责任人员处2万元以上5万元以下罚款";
export const P99 =
  "责令限期改正，处5万元以下罚款；逾期未改正的，处5万元以上20万元以下罚款，对直接负责的主管人员和其他直接责任人员处1万元以上2万元以下罚款；情节严重的，责令停产停业整顿";
const N97 = "法定幅度：≤10万；逾期 10万–20万；责任人 2万–5万（安全生产法 第97条，docs/law.md）";
export const N99 = "法定幅度：≤5万；逾期 5万–20万；责任人 1万–2万（安全生产法 第99条，docs/law.md）";
const N101 = "法定幅度：≤10万；逾期 10万–20万；责任人 2万–5万（安全生产法 第101条，docs/law.md）";
const STOP = "逾期未改正的，责令停产停业整顿";

/** 第97条 tiers from the published sample: ≤3万 / 3万–7万 / 7万–10万, 逾期 10–13 / 13–17 / 17–20万. */
const sample97 = () =>
  body(
    ladder(PROPORTION_LADDER, [upTo(wan(3)), fixed(wan(3), wan(7)), fixed(wan(7), wan(10))], {
      escalation: [fixed(wan(10), wan(13)), fixed(wan(13), wan(17)), fixed(wan(17), wan(20))],
      escalationMeasures: ["责令停产停业整顿"],
      escalationResponsible: [fixed(wan(2), wan(2)), fixed(wan(2), wan(5)), fixed(wan(2), wan(5))],
      measures: ["责令限期改正"],
    }),
    LENIENT_STANDARD,
  );

/** 第97条 / 第101条 items without a published sample: §1.3 maximum bands. */
const bands10 = (bands = maxBands(wan(10))) =>
  body(
    ladder(HARM_LADDER, bands, {
      escalation: fixed(wan(10), wan(20)),
      escalationMeasures: ["责令停产停业整顿"],
      escalationResponsible: fixed(wan(2), wan(5)),
      measures: ["责令限期改正"],
    }),
    LENIENT_STANDARD,
  );

/** 安全生产法 第99条 (≤5万; 逾期 5万–20万; 责任人 1万–2万), also used by 城市管理 (燃气). */
export const bands5 = (bands = maxBands(wan(5))) =>
  body(
    ladder(HARM_LADDER, bands, {
      escalation: fixed(wan(5), wan(20)),
      escalationResponsible: fixed(wan(1), wan(2)),
      measures: ["责令限期改正"],
      heaviestMeasures: ["情节严重的，责令停产停业整顿"],
    }),
    [...LENIENT_STANDARD, NO_COERCION],
  );

export const emergencyDutyItems: ItemDraft[] = [
  penaltyItem({
    domainCode: D,
    by: "gz",
    name: "对生产经营单位未按照规定对从业人员、被派遣劳动者、实习学生进行安全生产教育和培训，或者未如实告知有关安全生产事项的行政处罚",
    cqName: "对生产经营单位未按规定对从业人员进行安全生产教育和培训的行政处罚",
    violation: "未按照规定对从业人员、被派遣劳动者、实习学生进行安全生产教育和培训，或者未如实告知有关安全生产事项",
    legalBases: [
      duty({ article: 28 }, "生产经营单位应当对从业人员进行安全生产教育和培训"),
      penalty({ article: 97, subItem: 3 }, P97, SAFETY_97),
      safetyDaily(),
    ],
    body: sample97(),
    benchmarkNote: `${N97}；比照第97条(四)公开样例分阶次（示例）`,
  }),
  penaltyItem({
    domainCode: D,
    by: "gz",
    name: "对生产经营单位未如实记录安全生产教育和培训情况的行政处罚",
    violation: "未如实记录安全生产教育和培训情况",
    legalBases: [
      duty({ article: 28, clause: 4 }, "建立安全生产教育和培训档案，如实记录"),
      penalty({ article: 97, subItem: 4 }, P97, SAFETY_97),
      safetyDaily(),
    ],
    body: sample97(),
    benchmarkNote: `${N97}；${SPLIT_NOTE.published}`,
    provincial: "aligned",
  }),
  penaltyItem({
    domainCode: D,
    by: "sc",
    name: "对生产经营单位未按照规定设置安全生产管理机构或者配备安全生产管理人员、注册安全工程师的行政处罚",
    violation: "未按照规定设置安全生产管理机构或者配备安全生产管理人员、注册安全工程师",
    legalBases: [
      duty({ article: 24 }, "设置安全生产管理机构或者配备专职安全生产管理人员"),
      penalty({ article: 97, subItem: 1 }, P97, SAFETY_97),
      safetyDaily(),
    ],
    body: bands10(),
    benchmarkNote: `${N97}；${SPLIT_NOTE.maxBands}`,
    provincial: "aligned",
  }),
  penaltyItem({
    domainCode: D,
    by: "gz",
    name: "对生产经营单位未按照规定制定生产安全事故应急救援预案或者未定期组织演练的行政处罚",
    violation: "未按照规定制定生产安全事故应急救援预案或者未定期组织演练",
    legalBases: [
      duty({ article: 81 }, "制定生产安全事故应急救援预案并定期组织演练"),
      penalty({ article: 97, subItem: 6 }, P97, SAFETY_97),
      safetyDaily(),
    ],
    body: bands10(),
    benchmarkNote: `${N97}；${SPLIT_NOTE.maxBands}`,
  }),
  penaltyItem({
    domainCode: D,
    by: "sc",
    name: "对生产经营单位特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业的行政处罚",
    violation: "特种作业人员未经专门的安全作业培训并取得相应资格上岗作业",
    legalBases: [
      duty({ article: 30 }, "特种作业人员须经专门培训、取得相应资格方可上岗"),
      penalty({ article: 97, subItem: 7 }, P97, SAFETY_97),
      safetyDaily(),
    ],
    body: bands10(),
    benchmarkNote: `${N97}；${SPLIT_NOTE.maxBands}`,
  }),
  penaltyItem({
    domainCode: D,
    by: "gz",
    name: "对生产经营单位未在有较大危险因素的生产经营场所和有关设施、设备上设置明显的安全警示标志的行政处罚",
    violation: "未在有较大危险因素的生产经营场所和有关设施、设备上设置明显的安全警示标志",
    legalBases: [
      duty({ article: 35 }, "在较大危险因素场所、设施、设备上设置明显的安全警示标志"),
      penalty({ article: 99, subItem: 1 }, P99, SAFETY_99),
      safetyDaily(),
    ],
    body: bands5(),
    benchmarkNote: `${N99}；${SPLIT_NOTE.maxBands}`,
    provincial: "aligned",
  }),
  penaltyItem({
    domainCode: D,
    by: "cq",
    name: "对生产经营单位未为从业人员提供符合国家标准或者行业标准的劳动防护用品的行政处罚",
    violation: "未为从业人员提供符合国家标准或者行业标准的劳动防护用品",
    legalBases: [
      duty({ article: 45 }, "为从业人员提供符合标准的劳动防护用品"),
      penalty({ article: 99, subItem: 5 }, P99, SAFETY_99),
      safetyDaily(),
    ],
    body: bands5(),
    benchmarkNote: `${N99}；${SPLIT_NOTE.maxBands}`,
    next: {
      from: "2026-01-01",
      body: bands5(maxBands(wan(5), { light: 30, midLow: 50, midHigh: 70, heavyLow: 70 })),
      note: `${N99}；示例第2版（较重）：从轻≤30%、一般 50%–70%、从重 70%–100%，仅为演示从旧兼从轻（行政处罚法 第三十七条），并非真实修订 / illustrative heavier v2`,
    },
  }),
  penaltyItem({
    domainCode: D,
    by: "gz",
    name: "对生产经营单位未建立安全风险分级管控制度或者未按照安全风险分级采取相应管控措施的行政处罚",
    violation: "未建立安全风险分级管控制度或者未按照安全风险分级采取相应管控措施",
    legalBases: [
      duty({ article: 41 }, "建立安全风险分级管控制度和事故隐患排查治理制度"),
      penalty({ article: 101, subItem: 4 }, P97, SAFETY_97),
      safetyDaily(),
    ],
    body: bands10(),
    benchmarkNote: `${N101}；${SPLIT_NOTE.maxBands}`,
    provincial: "aligned",
  }),
  penaltyItem({
    domainCode: D,
    by: "sc",
    name: "对生产经营单位未建立事故隐患排查治理制度，或者重大事故隐患排查治理情况未按照规定报告的行政处罚",
    violation: "未建立事故隐患排查治理制度，或者重大事故隐患排查治理情况未按照规定报告",
    legalBases: [
      duty({ article: 41 }, "建立安全风险分级管控制度和事故隐患排查治理制度"),
      penalty({ article: 101, subItem: 5 }, P97, SAFETY_97),
      safetyDaily(),
    ],
    body: bands10(),
    benchmarkNote: `${N101}；${SPLIT_NOTE.maxBands}`,
    next: {
      from: "2026-01-01",
      body: bands10(maxBands(wan(10), { light: 10, midLow: 30, midHigh: 50, heavyLow: 50 })),
      note: `${N101}；示例第2版（较轻）：从轻≤10%、一般 30%–50%、从重 50%–100%，仅为演示从旧兼从轻（行政处罚法 第三十七条），并非真实修订 / illustrative lighter v2`,
    },
  }),
  penaltyItem({
    domainCode: D,
    by: "gz",
    name: "对生产经营单位未采取措施消除事故隐患的行政处罚",
    violation: "未采取措施消除事故隐患",
    legalBases: [
      duty({ article: 41 }, "采取技术、管理措施及时发现并消除事故隐患"),
      penalty(
        { article: 102 },
        "责令立即消除或者限期消除事故隐患，处5万元以下罚款；拒不执行的，责令停产停业整顿，对直接负责的主管人员和其他直接责任人员处5万元以上10万元以下罚款",
        SAFETY_102,
      ),
      safetyDaily(),
    ],
    body: body(
      // 拒不执行: no new unit fine, so the escalation keeps the tier's own range and adds 停产停业整顿 + 人.
      ladder(HARM_LADDER, maxBands(wan(5)), {
        escalation: maxBands(wan(5)),
        escalationMeasures: ["责令停产停业整顿"],
        escalationResponsible: fixed(wan(5), wan(10)),
        measures: ["责令立即消除或者限期消除事故隐患"],
      }),
      [NO_FAULT, NO_COERCION],
    ),
    benchmarkNote: `法定幅度：≤5万；拒不执行 停产停业整顿、责任人 5万–10万（安全生产法 第102条）；${SPLIT_NOTE.maxBands}`,
  }),
  penaltyItem({
    domainCode: D,
    by: "cq",
    name: "对生产经营场所和员工宿舍未设有符合紧急疏散需要、标志明显、保持畅通的出口、疏散通道，或者占用、锁闭、封堵出口、疏散通道的行政处罚",
    violation: "生产经营场所和员工宿舍未设有符合要求的出口、疏散通道，或者占用、锁闭、封堵",
    legalBases: [
      duty({ article: 42, clause: 2 }, "生产经营场所和员工宿舍应当设有符合要求的出口、疏散通道"),
      penalty(
        { article: 105, subItem: 2 },
        "责令限期改正，处5万元以下罚款，对直接负责的主管人员和其他直接责任人员处1万元以下罚款；逾期未改正的，责令停产停业整顿",
        SAFETY_105,
      ),
      safetyDaily(),
    ],
    body: body(ladder(HARM_LADDER, maxBands(wan(5)), { responsible: upTo(wan(1)), measures: ["责令限期改正", STOP] }), [
      ...LENIENT_STANDARD,
      NO_COERCION,
    ]),
    benchmarkNote: "法定幅度：≤5万，责任人 ≤1万（安全生产法 第105条）；" + SPLIT_NOTE.maxBands,
  }),
];

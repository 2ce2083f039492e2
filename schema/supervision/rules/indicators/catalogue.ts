/**
 * 指标目录 — every supervision indicator: its Chinese name, its definition in one line (numerator /
 * denominator), its unit and its target. docs/supervision.md explains each at length; the two must agree.
 * Targets marked "委员会默认" are this gateway's documented defaults, not figures of a published rule.
 */
import type { IndicatorTarget } from "./status.ts";

export const INDICATOR_CODES = [
  "INSPECTIONS_PER_ENTERPRISE",
  "REPEATED_INSPECTIONS",
  "JOINT_VISIT_RATE",
  "A_GRADE_INSPECTION_RATE",
  "CODE_SCAN_RATE",
  "RANDOM_INSPECTION_COVERAGE",
  "RESULT_PUBLICATION_RATE",
  "BENCHMARK_MATCH_RATE",
  "LENIENT_CASES",
  "FINE_INCOME_GROWTH",
  "CASE_DURATION",
  "FEEDBACK_RATE",
  "SATISFACTION",
  "CERTIFICATES_EXPIRING",
  "OFFICER_LOAD",
  "QUARANTINE_BACKLOG",
  "SYNC_HEALTH",
] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

export interface IndicatorDefinition {
  name: string;
  definition: string;
  unit: string;
  /** the target over a period of `days` days; null: no target (a figure to read, not to meet) */
  target: (days: number) => IndicatorTarget | null;
}

const none = () => null;
const fixed = (target: IndicatorTarget) => () => target;

export const INDICATORS: Readonly<Record<IndicatorCode, IndicatorDefinition>> = {
  INSPECTIONS_PER_ENTERPRISE: {
    name: "企业年均受检次数",
    definition: "入企检查次数（同一综合查一次任务计1次） / 企业总数，按365天年化",
    unit: "次/年",
    target: fixed({
      comparison: "AT_MOST",
      value: 1,
      watchFrom: 0.8,
      description: "委员会默认：每企业每年不超过1次（永川由7.4次降至1次），0.8次起关注",
    }),
  },
  REPEATED_INSPECTIONS: {
    name: "重复检查（扰企）",
    definition: "同一企业在重复检查窗口内再次被任一省任一部门入企检查的次数（同一综合查一次任务计1次）",
    unit: "次",
    target: fixed({
      comparison: "AT_MOST",
      value: 0,
      watchFrom: null,
      description: "委员会默认：窗口内不应重复入企（应以综合查一次合并）",
    }),
  },
  JOINT_VISIT_RATE: {
    name: "综合查一次占比",
    definition: "联合检查任务（综合查一次）入企次数 / 全部入企检查次数",
    unit: "%",
    target: none,
  },
  A_GRADE_INSPECTION_RATE: {
    name: "A级企业被检查率",
    definition: "期内被入企检查的A级企业数 / A级企业总数",
    unit: "%",
    target: fixed({
      comparison: "AT_MOST",
      value: 3,
      watchFrom: 2.5,
      description: "A级企业被检查率不超过3%（信用分级分类监管，重庆“执法+监督”口径），2.5%起关注",
    }),
  },
  CODE_SCAN_RATE: {
    name: "扫码入企率",
    definition: "企业核验了执法码的现场检查次数 / 现场检查次数",
    unit: "%",
    target: none,
  },
  RANDOM_INSPECTION_COVERAGE: {
    name: "双随机抽查比例",
    definition: "期内被双随机抽查的企业数 / 企业总数",
    unit: "%",
    target: (days) => ({
      comparison: "AT_LEAST",
      value: Math.min(4, Math.round(((4 * days) / 365) * 100) / 100),
      watchFrom: null,
      description: "每季度不低于1%、每年不低于4%（其他期长按天数折算）；全年未抽到的行业按3%补抽，至少1家",
    }),
  },
  RESULT_PUBLICATION_RATE: {
    name: "结果公示率",
    definition: "结果已公示的双随机抽查次数 / 已完成的双随机抽查次数",
    unit: "%",
    target: fixed({
      comparison: "AT_LEAST",
      value: 100,
      watchFrom: null,
      description: "双随机、一公开：抽查结果全部公示",
    }),
  },
  BENCHMARK_MATCH_RATE: {
    name: "裁量基准匹配率",
    definition: "未触发幅度偏离预警的处罚决定数 / 已对照裁量基准的处罚决定数",
    unit: "%",
    target: fixed({
      comparison: "AT_LEAST",
      value: 95,
      watchFrom: 100,
      description: "委员会默认：不低于95%，低于100%即关注（重庆报告100%）",
    }),
  },
  LENIENT_CASES: {
    name: "免罚轻罚",
    definition: "期内适用首违不罚、不予处罚、从轻、减轻的处罚决定数",
    unit: "件",
    target: none,
  },
  FINE_INCOME_GROWTH: {
    name: "罚没收入增长",
    definition: "（本期罚款合计 − 上期罚款合计） / 上期罚款合计；趋利性执法预警，严禁据此下达罚没指标",
    unit: "%",
    target: fixed({
      comparison: "AT_MOST",
      value: 50,
      watchFrom: 20,
      description: "委员会默认：较上期增长超过50%预警、超过20%关注（趋利性执法预警，不得据此设定罚没指标）",
    }),
  },
  CASE_DURATION: {
    name: "办案时长",
    definition: "违法行为发生日至处罚决定日的天数，取中位数（另给第90百分位）",
    unit: "天",
    target: fixed({
      comparison: "AT_MOST",
      value: 90,
      watchFrom: 60,
      description:
        "行政处罚法 第60条：自立案之日起九十日内作出决定；记录无立案日，以违法行为日计（偏长），超过90天预警、60天起关注",
    }),
  },
  FEEDBACK_RATE: {
    name: "检查情况反馈率",
    definition: "企业已提交检查情况反馈表的联合检查任务数 / 已完成的联合检查任务数",
    unit: "%",
    target: fixed({
      comparison: "AT_LEAST",
      value: 80,
      watchFrom: 95,
      description: "委员会默认：不低于80%，低于95%关注（永川457份全部收回）",
    }),
  },
  SATISFACTION: {
    name: "企业满意度",
    definition: "检查情况反馈表满意度（1很不满意…5很满意）的平均值",
    unit: "分",
    target: fixed({
      comparison: "AT_LEAST",
      value: 3.5,
      watchFrom: 4,
      description: "委员会默认：不低于3.5分，低于4分关注",
    }),
  },
  CERTIFICATES_EXPIRING: {
    name: "执法证到期",
    definition: "在岗执法人员中执法证有效期截止日落在期内的人数",
    unit: "人",
    target: none,
  },
  OFFICER_LOAD: {
    name: "人均检查任务",
    definition: "执法人员参与的入企检查人次 / 参与检查的执法人员数",
    unit: "次/人",
    target: none,
  },
  QUARANTINE_BACKLOG: {
    name: "隔离待处理记录",
    definition: "期末仍在隔离区（未重放、未被替代、未丢弃）的推送记录数",
    unit: "条",
    target: fixed({
      comparison: "AT_MOST",
      value: 100,
      watchFrom: 0,
      description: "委员会默认：有积压即关注，超过100条预警",
    }),
  },
  SYNC_HEALTH: {
    name: "同步健康度",
    definition: "按时上报（未过期）的适配器方向数 / 适配器方向总数（当前状态，不按期计算）",
    unit: "%",
    target: fixed({ comparison: "AT_LEAST", value: 100, watchFrom: null, description: "所有适配器均应按时上报" }),
  },
};

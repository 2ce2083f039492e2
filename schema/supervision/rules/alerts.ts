/**
 * 监督预警（指标） — the supervision alerts raised from the indicators of a period. Pure: the figures come from
 * the indicator rules (rules/indicators/: repeats, credit, decisions) over the reads the indicators use, so an
 * alert and its indicator can never disagree. Each alert names its kind, its subject and its period: unique
 * together (the SupervisionWarning key), so evaluating a period again raises nothing new.
 *
 *   REPEATED_INSPECTION — an enterprise visited again within the repeat window (by any department of either
 *     province, or a joint task), outside one 综合查一次 visit: one alert per enterprise per period;
 *   FINE_INCOME_SURGE — the fine income of a jurisdiction, or of one domain or department inside it, up by more
 *     than the threshold on the previous period of equal length, from a base of at least the minimum (tiny sums
 *     do not alarm). An early warning of 趋利性执法 (profit-driven enforcement): no fine quota may ever be
 *     derived from it (罚没收入不得作为考核指标 — 行政处罚法 第74条第3款: 罚款、没收的违法所得 … 不得同作出行政处罚
 *     决定的行政机关及其工作人员的考核、考评直接或者变相挂钩);
 *   A_GRADE_OVER_INSPECTED — the share of A-grade enterprises a jurisdiction inspected above the ceiling (3%:
 *     A-grade enterprises are to be inspected rarely, 无事不扰).
 */

import { jurisdictionLabel } from "./indicators/labels.ts";
import type { Slice } from "./indicators/measure.ts";
import type { Period } from "./indicators/period.ts";

export type AlertKind = "REPEATED_INSPECTION" | "FINE_INCOME_SURGE" | "A_GRADE_OVER_INSPECTED";

export interface AlertThresholds {
  /** SUPERVISION_REPEAT_WINDOW_DAYS */
  repeatWindowDays: number;
  /** SUPERVISION_FINE_SURGE_PERCENT: growth above this (percent) alarms */
  fineSurgePercent: number;
  /** SUPERVISION_FINE_SURGE_MIN_BASE_YUAN: the previous period's fines must be at least this (yuan) */
  fineSurgeMinBaseYuan: number;
  /** SUPERVISION_A_GRADE_MAX_PERCENT: an A-grade inspection rate above this (percent) alarms */
  aGradeMaxPercent: number;
}

export const DEFAULT_ALERT_THRESHOLDS = {
  fineSurgePercent: 50,
  fineSurgeMinBaseYuan: 10_000,
  aGradeMaxPercent: 3,
} as const;

/** what an alert rests on (GraphQL `WarningEvidence`) */
export interface AlertEvidence {
  from: string;
  to: string;
  /** the figure that crossed the threshold (percent, or repeat visits) */
  value: number;
  threshold: number;
  /** rates and growth: the numerator and denominator of the figure (fines in yuan) */
  numerator: number | null;
  denominator: number | null;
  enterpriseUscc: string | null;
  domain: string | null;
  department: string | null;
  /** record ids (EnforcementRecord.id) the alert rests on, at most the read's cap */
  recordIds: string[];
  /** joint tasks (InspectionTask.id) the alert rests on */
  taskIds: string[];
}

export interface Alert {
  kind: AlertKind;
  severity: "HIGH" | "MEDIUM" | "LOW";
  subject: string;
  periodKey: string;
  /** whose the subject is: the jurisdiction the warning belongs to */
  jurisdiction: string;
  message: string;
  evidence: AlertEvidence;
}

/** the period of an alert as its unique key part */
export const periodKeyOf = (period: Period) => `${period.from}..${period.to}`;

const NO_EVIDENCE = { numerator: null, denominator: null, enterpriseUscc: null, domain: null, department: null };

/** one repeat visit of an enterprise: the visit and the one before it (keys `r:<recordId>` or `t:<taskId>`) */
export interface RepeatVisitRow {
  uscc: string;
  key: string;
  previousKey: string;
  jurisdiction: string;
  previousJurisdiction: string;
  gapDays: number;
}

const idsOf = (keys: Iterable<string>, prefix: "r:" | "t:") =>
  [...new Set([...keys].filter((k) => k.startsWith(prefix)).map((k) => k.slice(2)))].sort();

/** one alert per enterprise with a repeat visit (the rows: gaps already within the window) */
export function repeatedInspectionAlerts(rows: readonly RepeatVisitRow[], period: Period, windowDays: number): Alert[] {
  const byEnterprise = new Map<string, RepeatVisitRow[]>();
  for (const row of rows) byEnterprise.set(row.uscc, [...(byEnterprise.get(row.uscc) ?? []), row]);
  return [...byEnterprise.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([uscc, repeats]) => {
      const last = repeats[repeats.length - 1] as RepeatVisitRow;
      const keys = repeats.flatMap((r) => [r.previousKey, r.key]);
      const pairs = repeats.map(
        (r) =>
          `${jurisdictionLabel(r.previousJurisdiction)}→${jurisdictionLabel(r.jurisdiction)}（间隔${r.gapDays}天）`,
      );
      return {
        kind: "REPEATED_INSPECTION" as const,
        severity: "MEDIUM" as const,
        subject: `enterprise:${uscc}`,
        periodKey: periodKeyOf(period),
        jurisdiction: last.jurisdiction,
        message: `重复检查（扰企）：企业 ${uscc} 在 ${windowDays} 天内被再次检查 ${repeats.length} 次：${pairs.join("；")}`,
        evidence: {
          ...NO_EVIDENCE,
          ...period,
          value: repeats.length,
          threshold: windowDays,
          enterpriseUscc: uscc,
          recordIds: idsOf(keys, "r:"),
          taskIds: idsOf(keys, "t:"),
        },
      };
    });
}

/** the FINE_INCOME_GROWTH figure of one jurisdiction: the whole, and its DOMAIN and DEPARTMENT slices */
export interface FineGrowthOfJurisdiction {
  jurisdiction: string;
  value: number | null;
  /** yuan */
  numerator: number | null;
  denominator: number | null;
  breakdown: readonly Slice[];
  /** the decisions with a fine behind the figure (the drill-down's ids) */
  recordIds: string[];
}

const SURGE_NOTICE = "此为趋利性执法预警，仅供监督核查，不得据此下达或变相下达罚没指标";

export function fineIncomeSurgeAlerts(
  figures: readonly FineGrowthOfJurisdiction[],
  period: Period,
  t: Pick<AlertThresholds, "fineSurgePercent" | "fineSurgeMinBaseYuan">,
): Alert[] {
  const alerts: Alert[] = [];
  const consider = (
    jurisdiction: string,
    subject: string,
    what: string,
    figure: { value: number | null; numerator: number | null; denominator: number | null },
    scoped: { domain: string | null; department: string | null },
    recordIds: string[],
  ) => {
    const { value, numerator, denominator } = figure;
    if (value === null || denominator === null || value <= t.fineSurgePercent) return;
    if (denominator < t.fineSurgeMinBaseYuan) return;
    alerts.push({
      kind: "FINE_INCOME_SURGE",
      severity: "HIGH",
      subject,
      periodKey: periodKeyOf(period),
      jurisdiction,
      message: `罚没收入异常增长：${what} 罚没收入 ${numerator} 元，较上期 ${denominator} 元增长 ${value}%（阈值 ${t.fineSurgePercent}%）。${SURGE_NOTICE}`,
      evidence: {
        ...NO_EVIDENCE,
        ...period,
        value,
        threshold: t.fineSurgePercent,
        numerator,
        denominator,
        ...scoped,
        recordIds,
        taskIds: [],
      },
    });
  };
  for (const f of figures) {
    const name = jurisdictionLabel(f.jurisdiction);
    consider(f.jurisdiction, f.jurisdiction, name, f, { domain: null, department: null }, f.recordIds);
    for (const s of f.breakdown) {
      if (s.key === "") continue;
      if (s.dimension === "DOMAIN")
        consider(
          f.jurisdiction,
          `${f.jurisdiction}/domain:${s.key}`,
          `${name}·${s.label}`,
          s,
          { domain: s.key, department: null },
          [],
        );
      if (s.dimension === "DEPARTMENT")
        consider(
          f.jurisdiction,
          `${f.jurisdiction}/department:${s.key}`,
          `${name}·${s.label}`,
          s,
          { domain: null, department: s.key },
          [],
        );
    }
  }
  return alerts;
}

/** the A_GRADE_INSPECTION_RATE figure of one jurisdiction */
export interface AGradeRateOfJurisdiction {
  jurisdiction: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  recordIds: string[];
}

export function aGradeOverInspectedAlerts(
  figures: readonly AGradeRateOfJurisdiction[],
  period: Period,
  t: Pick<AlertThresholds, "aGradeMaxPercent">,
): Alert[] {
  return figures
    .filter((f) => f.value !== null && f.value > t.aGradeMaxPercent)
    .map((f) => ({
      kind: "A_GRADE_OVER_INSPECTED" as const,
      severity: "MEDIUM" as const,
      subject: f.jurisdiction,
      periodKey: periodKeyOf(period),
      jurisdiction: f.jurisdiction,
      message: `A级企业被检查率过高：${jurisdictionLabel(f.jurisdiction)} 检查了 ${f.denominator} 家A级企业中的 ${f.numerator} 家（${f.value}%，上限 ${t.aGradeMaxPercent}%）`,
      evidence: {
        ...NO_EVIDENCE,
        ...period,
        value: f.value as number,
        threshold: t.aGradeMaxPercent,
        numerator: f.numerator,
        denominator: f.denominator,
        recordIds: f.recordIds,
        taskIds: [],
      },
    }));
}

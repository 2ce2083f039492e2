/**
 * 监督预警评估 — evaluates the supervision alerts of a period (rules/alerts.ts) over the same reads and rules as
 * the indicators (indicator-service `measure`, visit-reads `gapsCte`, indicator-records `recordsBehind`) and
 * stores the new ones as SupervisionWarning rows in one statement. Idempotent, and safe on several replicas:
 * the unique (kind, subject, periodKey) turns a second evaluation of the same period into "unchanged".
 */
import { randomUUID } from "node:crypto";
import type { GatewayConfig } from "../../gateway/config.ts";
import { Prisma, type PrismaClient } from "../../gateway/db/generated/prisma/client.ts";
import type { ChangeInput } from "../../gateway/outbox/outbox.ts";
import { JURISDICTIONS } from "../common/jurisdiction.ts";
import { recordsBehind } from "./indicator-records.ts";
import type { IndicatorScope } from "./indicator-scope.ts";
import { type IndicatorSettings, measure } from "./indicator-service.ts";
import {
  type Alert,
  type AlertThresholds,
  aGradeOverInspectedAlerts,
  fineIncomeSurgeAlerts,
  type RepeatVisitRow,
  repeatedInspectionAlerts,
} from "./rules/alerts.ts";
import type { IndicatorCode } from "./rules/indicators/catalogue.ts";
import type { Period } from "./rules/indicators/period.ts";
import { refreshMarkedVisits } from "./visit-marks.ts";
import { readRepeatVisits } from "./visit-reads.ts";

/** how many record ids an alert's evidence keeps (the indicator's drill-down lists them all) */
export const EVIDENCE_RECORD_CAP = 200;

export interface AlertEvaluation {
  raised: number;
  unchanged: number;
  changes: ChangeInput[];
}

async function evidenceIds(prisma: PrismaClient, code: IndicatorCode, scope: IndicatorScope, windowDays: number) {
  const where = await recordsBehind(prisma, code, scope, windowDays);
  const rows = await prisma.enforcementRecord.findMany({
    where,
    select: { id: true },
    orderBy: { id: "asc" },
    take: EVIDENCE_RECORD_CAP,
  });
  return rows.map((r) => r.id);
}

/** every alert of the period, both provinces and the committee, every domain */
export async function alertsOf(
  prisma: PrismaClient,
  period: Period,
  settings: IndicatorSettings,
  thresholds: AlertThresholds,
): Promise<Alert[]> {
  const all: IndicatorScope = { period, jurisdiction: null, domain: null };
  await refreshMarkedVisits(prisma);
  const repeats: RepeatVisitRow[] = await readRepeatVisits(prisma, all, thresholds.repeatWindowDays);
  const fines = [];
  const grades = [];
  for (const jurisdiction of JURISDICTIONS) {
    const scope: IndicatorScope = { ...all, jurisdiction };
    const figures = await measure(prisma, scope, ["FINE_INCOME_GROWTH", "A_GRADE_INSPECTION_RATE"], settings);
    const fine = figures.get("FINE_INCOME_GROWTH");
    const grade = figures.get("A_GRADE_INSPECTION_RATE");
    if (fine && fine.value !== null)
      fines.push({
        jurisdiction,
        ...fine,
        recordIds: await evidenceIds(prisma, "FINE_INCOME_GROWTH", scope, thresholds.repeatWindowDays),
      });
    if (grade && grade.value !== null && grade.value > thresholds.aGradeMaxPercent)
      grades.push({
        jurisdiction,
        ...grade,
        recordIds: await evidenceIds(prisma, "A_GRADE_INSPECTION_RATE", scope, thresholds.repeatWindowDays),
      });
    else if (grade) grades.push({ jurisdiction, ...grade, recordIds: [] });
  }
  return [
    ...repeatedInspectionAlerts(repeats, period, thresholds.repeatWindowDays),
    ...fineIncomeSurgeAlerts(fines, period, thresholds),
    ...aGradeOverInspectedAlerts(grades, period, thresholds),
  ];
}

const ALERT_COLUMNS = Prisma.raw(`"id" text, "kind" text, "severity" text, "message" text, "originJurisdiction" text,
  "subject" text, "periodKey" text, "evidence" jsonb`);

/** stores the alerts not stored yet (one statement); returns the `warning.raised` change of each new one */
export async function storeAlerts(
  tx: Prisma.TransactionClient,
  alerts: readonly Alert[],
  now: Date,
): Promise<AlertEvaluation> {
  if (alerts.length === 0) return { raised: 0, unchanged: 0, changes: [] };
  const rows = alerts.map((a) => ({
    id: randomUUID(),
    kind: a.kind,
    severity: a.severity,
    message: a.message,
    originJurisdiction: a.jurisdiction,
    subject: a.subject,
    periodKey: a.periodKey,
    evidence: a.evidence,
  }));
  const created = await tx.$queryRaw<Array<Omit<(typeof rows)[number], "evidence">>>`
    INSERT INTO "SupervisionWarning" ("id", "kind", "severity", "message", "originJurisdiction", "subject",
      "periodKey", "evidence", "match", "decision", "status", "createdAt")
    SELECT w."id", w."kind"::"WarningKind", w."severity"::"WarningSeverity", w."message", w."originJurisdiction",
      w."subject", w."periodKey", w."evidence", '{}'::jsonb, '{}'::jsonb, 'OPEN', ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS w(${ALERT_COLUMNS})
    ON CONFLICT ("kind", "subject", "periodKey") DO NOTHING
    RETURNING "id", "kind"::text AS "kind", "severity"::text AS "severity", "message", "originJurisdiction",
      "subject", "periodKey"`;
  return {
    raised: created.length,
    unchanged: alerts.length - created.length,
    changes: created.map((w) => ({
      kind: "warning.raised",
      entityType: "warning",
      entityId: w.id,
      originJurisdiction: w.originJurisdiction,
      payload: { kind: w.kind, severity: w.severity, subject: w.subject, periodKey: w.periodKey, message: w.message },
    })),
  };
}

/** the alert thresholds and indicator settings of the gateway's configuration */
export function alertSettingsOf(
  config: GatewayConfig,
  now: Date,
): { settings: IndicatorSettings; thresholds: AlertThresholds } {
  const s = config.supervision;
  return {
    settings: { repeatWindowDays: s.repeatWindowDays, staleAfterSeconds: config.sync.staleAfterSeconds, now },
    thresholds: {
      repeatWindowDays: s.repeatWindowDays,
      fineSurgePercent: s.fineSurgePercent,
      fineSurgeMinBaseYuan: s.fineSurgeMinBaseYuan,
      aGradeMaxPercent: s.aGradeMaxPercent,
    },
  };
}

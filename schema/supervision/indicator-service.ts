/**
 * 执法监督指标 — computes the supervision indicators of a scope: reads only the families the asked codes
 * need (visit-reads, decision-reads, support-reads), hands their rows to the pure rules, and puts each
 * figure beside the same figure of the previous period of equal length, with its target and status.
 */
import type { PrismaClient } from "../../gateway/db/generated/prisma/client.ts";
import { readDecisionFamily } from "./decision-reads.ts";
import { indicatorDb } from "./indicator-db.ts";
import type { Db, IndicatorScope } from "./indicator-scope.ts";
import { INDICATORS, type IndicatorCode } from "./rules/indicators/catalogue.ts";
import { aGradeInspectionRate } from "./rules/indicators/credit.ts";
import { benchmarkMatchRate, caseDuration, fineIncomeGrowth, lenientCases } from "./rules/indicators/decisions.ts";
import { feedbackRate, satisfaction } from "./rules/indicators/feedback.ts";
import type { Measure } from "./rules/indicators/measure.ts";
import { daysOf, monthsOf, type Period, previousPeriod } from "./rules/indicators/period.ts";
import { randomInspectionCoverage, resultPublicationRate } from "./rules/indicators/random.ts";
import { repeatedInspections } from "./rules/indicators/repeats.ts";
import { type IndicatorStatus, type IndicatorTarget, statusOf } from "./rules/indicators/status.ts";
import { countByJurisdiction, syncHealth } from "./rules/indicators/supporting.ts";
import { codeScanRate, inspectionsPerEnterprise, jointVisitRate, officerLoad } from "./rules/indicators/visits.ts";
import { readExpiringCertificates, readFeedback, readQuarantineBacklog, readSyncDirections } from "./support-reads.ts";
import { refreshMarkedVisits } from "./visit-marks.ts";
import { type Register, readVisitFamily, readVisitGaps, registerOnce, type VisitPart } from "./visit-reads.ts";

export interface IndicatorSettings {
  /** SUPERVISION_REPEAT_WINDOW_DAYS */
  repeatWindowDays: number;
  /** SYNC_STALE_AFTER_SECONDS */
  staleAfterSeconds: number;
  now: Date;
  /** the register, read once for the periods of one question (registerOnce); each period reads it without */
  register?: Register;
}

export interface PeriodValue extends Period {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface SupervisionIndicator extends Measure {
  code: IndicatorCode;
  name: string;
  definition: string;
  unit: string;
  target: IndicatorTarget | null;
  status: IndicatorStatus;
  previous: PeriodValue;
  /** what the indicator was computed over: its drill-down reads the same records */
  scope: IndicatorScope;
}

type Family = (
  /** the reads' statements (indicatorDb) */
  db: Db,
  scope: IndicatorScope,
  s: IndicatorSettings,
  /** the codes asked for (a family may read less for fewer) */
  codes: readonly IndicatorCode[],
  /** the client itself, for the figures read through other services (SYNC_HEALTH) */
  prisma: PrismaClient,
) => Promise<Partial<Record<IndicatorCode, Measure>>>;

/** which statements of the visit family each of its indicators needs */
const VISIT_PARTS_OF: Partial<Record<IndicatorCode, readonly VisitPart[]>> = {
  INSPECTIONS_PER_ENTERPRISE: ["counts"],
  JOINT_VISIT_RATE: ["counts"],
  CODE_SCAN_RATE: ["counts"],
  A_GRADE_INSPECTION_RATE: ["grades"],
  RANDOM_INSPECTION_COVERAGE: ["industries"],
  RESULT_PUBLICATION_RATE: ["counts"],
  OFFICER_LOAD: ["officers"],
};

const visitFamily: Family = async (prisma, scope, s, codes) => {
  const parts = [...new Set(codes.flatMap((c) => VISIT_PARTS_OF[c] ?? []))];
  const f = await readVisitFamily(prisma, scope, parts, "rollup", s.register);
  return {
    INSPECTIONS_PER_ENTERPRISE: inspectionsPerEnterprise(f.counts, f.enterprises, daysOf(scope.period)),
    JOINT_VISIT_RATE: jointVisitRate(f.counts),
    CODE_SCAN_RATE: codeScanRate(f.counts),
    A_GRADE_INSPECTION_RATE: aGradeInspectionRate(f.grades),
    RANDOM_INSPECTION_COVERAGE: randomInspectionCoverage(f.industries),
    RESULT_PUBLICATION_RATE: resultPublicationRate(f.publication),
    OFFICER_LOAD: officerLoad(f.officers),
  };
};

const FAMILIES: ReadonlyArray<{ codes: readonly IndicatorCode[]; read: Family }> = [
  {
    codes: [
      "INSPECTIONS_PER_ENTERPRISE",
      "JOINT_VISIT_RATE",
      "CODE_SCAN_RATE",
      "A_GRADE_INSPECTION_RATE",
      "RANDOM_INSPECTION_COVERAGE",
      "RESULT_PUBLICATION_RATE",
      "OFFICER_LOAD",
    ],
    read: visitFamily,
  },
  {
    codes: ["REPEATED_INSPECTIONS"],
    read: async (prisma, scope, s) => ({
      REPEATED_INSPECTIONS: repeatedInspections(
        await readVisitGaps(prisma, scope, s.repeatWindowDays),
        s.repeatWindowDays,
      ),
    }),
  },
  {
    codes: ["BENCHMARK_MATCH_RATE", "LENIENT_CASES", "FINE_INCOME_GROWTH", "CASE_DURATION"],
    read: async (prisma, scope) => {
      const f = await readDecisionFamily(prisma, scope);
      return {
        BENCHMARK_MATCH_RATE: benchmarkMatchRate(f.match, f.deviations),
        LENIENT_CASES: lenientCases(f.lenient),
        FINE_INCOME_GROWTH: fineIncomeGrowth(f.fines),
        CASE_DURATION: caseDuration(f.durations),
      };
    },
  },
  {
    codes: ["FEEDBACK_RATE", "SATISFACTION"],
    read: async (prisma, scope) => {
      const row = await readFeedback(prisma, scope);
      return { FEEDBACK_RATE: feedbackRate(row), SATISFACTION: satisfaction(row) };
    },
  },
  {
    codes: ["CERTIFICATES_EXPIRING"],
    read: async (prisma, scope) => ({
      CERTIFICATES_EXPIRING: countByJurisdiction(await readExpiringCertificates(prisma, scope)),
    }),
  },
  {
    codes: ["QUARANTINE_BACKLOG"],
    read: async (prisma, scope) => ({
      QUARANTINE_BACKLOG: countByJurisdiction(await readQuarantineBacklog(prisma, scope)),
    }),
  },
  {
    codes: ["SYNC_HEALTH"],
    read: async (_db, scope, s, _codes, prisma) => ({
      SYNC_HEALTH: syncHealth(await readSyncDirections(prisma, scope, s)),
    }),
  },
];

/** indicators that describe the present, not a period: their previous period has no value */
const CURRENT_ONLY: ReadonlySet<IndicatorCode> = new Set(["SYNC_HEALTH"]);

const NO_DATA: Measure = { value: null, numerator: null, denominator: null, breakdown: [] };

/** the measures of `codes` over one scope, reading each needed family once, one family after another */
export async function measure(
  prisma: PrismaClient,
  scope: IndicatorScope,
  codes: readonly IndicatorCode[],
  settings: IndicatorSettings,
  /** how the statements are sent @default prisma */
  db: Db = prisma,
): Promise<Map<IndicatorCode, Measure>> {
  const measures = new Map<IndicatorCode, Measure>();
  for (const family of FAMILIES) {
    if (!family.codes.some((c) => codes.includes(c))) continue;
    const figures = await family.read(db, scope, settings, codes, prisma);
    for (const code of family.codes) if (codes.includes(code)) measures.set(code, figures[code] ?? NO_DATA);
  }
  return measures;
}

export async function supervisionIndicators(
  prisma: PrismaClient,
  scope: IndicatorScope,
  codes: readonly IndicatorCode[],
  settings: IndicatorSettings,
): Promise<SupervisionIndicator[]> {
  const previous = previousPeriod(scope.period);
  await refreshMarkedVisits(prisma); // the visits of every record committed before this question
  // the two periods at once, on their own connections (each reads its families one after another, so a
  // request holds at most twice a family's statements: docs/supervision.md, "Scale")
  const db = indicatorDb(prisma);
  const shared = { ...settings, register: registerOnce(db) };
  const [now, before] = await Promise.all([
    measure(prisma, scope, codes, shared, db),
    measure(prisma, { ...scope, period: previous }, codes, shared, db),
  ]);
  const days = daysOf(scope.period);
  return codes.map((code) => {
    const current = now.get(code) ?? NO_DATA;
    const earlier = CURRENT_ONLY.has(code) ? NO_DATA : (before.get(code) ?? NO_DATA);
    const { name, definition, unit } = INDICATORS[code];
    const target = INDICATORS[code].target(days);
    return {
      code,
      name,
      definition,
      unit,
      ...current,
      target,
      status: statusOf(current.value, target),
      previous: { ...previous, value: earlier.value, numerator: earlier.numerator, denominator: earlier.denominator },
      scope,
    };
  });
}

/** one point per calendar month (Beijing) of the period, each month cut to the period; no data for a figure of the present (SYNC_HEALTH) */
export async function supervisionTrend(
  prisma: PrismaClient,
  scope: IndicatorScope,
  code: IndicatorCode,
  settings: IndicatorSettings,
): Promise<PeriodValue[]> {
  const points: PeriodValue[] = [];
  await refreshMarkedVisits(prisma);
  const db = indicatorDb(prisma);
  const perMonth = { ...settings, register: registerOnce(db) };
  for (const month of monthsOf(scope.period)) {
    if (CURRENT_ONLY.has(code)) {
      points.push({ ...month, value: null, numerator: null, denominator: null });
      continue;
    }
    const m = (await measure(prisma, { ...scope, period: month }, [code], perMonth, db)).get(code) ?? NO_DATA;
    points.push({ ...month, value: m.value, numerator: m.numerator, denominator: m.denominator });
  }
  return points;
}

/** The pure rules of the supervision indicators (schema/supervision/rules/indicators/), without a database. */
import { describe, expect, it } from "vitest";
import { INDICATOR_CODES, INDICATORS } from "../../../schema/supervision/rules/indicators/catalogue.ts";
import { aGradeInspectionRate } from "../../../schema/supervision/rules/indicators/credit.ts";
import {
  benchmarkMatchRate,
  caseDuration,
  fineIncomeGrowth,
  growth,
  lenientCases,
} from "../../../schema/supervision/rules/indicators/decisions.ts";
import { feedbackRate, satisfaction } from "../../../schema/supervision/rules/indicators/feedback.ts";
import { percent } from "../../../schema/supervision/rules/indicators/measure.ts";
import {
  checkPeriod,
  daysOf,
  monthsOf,
  previousPeriod,
  wholeMonthsOf,
  wholeYearsOf,
} from "../../../schema/supervision/rules/indicators/period.ts";
import {
  randomInspectionCoverage,
  resultPublicationRate,
  topUpNeeded,
} from "../../../schema/supervision/rules/indicators/random.ts";
import { isRepeat, repeatedInspections } from "../../../schema/supervision/rules/indicators/repeats.ts";
import { statusOf } from "../../../schema/supervision/rules/indicators/status.ts";
import { countByJurisdiction, syncHealth } from "../../../schema/supervision/rules/indicators/supporting.ts";
import {
  codeScanRate,
  inspectionsPerEnterprise,
  jointVisitRate,
  officerLoad,
} from "../../../schema/supervision/rules/indicators/visits.ts";

describe("statusOf", () => {
  const atMost = { comparison: "AT_MOST" as const, value: 3, watchFrom: 2.5, description: "" };
  const atLeast = { comparison: "AT_LEAST" as const, value: 95, watchFrom: 100, description: "" };
  it("AT_MOST: OK up to watchFrom, WATCH above it up to the target, ALERT above the target", () => {
    expect([2.5, 2.51, 3, 3.01].map((v) => statusOf(v, atMost))).toEqual(["OK", "WATCH", "WATCH", "ALERT"]);
  });
  it("AT_LEAST: ALERT below the target, WATCH below watchFrom, OK from it", () => {
    expect([94.99, 95, 99.99, 100].map((v) => statusOf(v, atLeast))).toEqual(["ALERT", "WATCH", "WATCH", "OK"]);
  });
  it("NO_DATA without a value; OK with a value and no target", () => {
    expect(statusOf(null, atMost)).toBe("NO_DATA");
    expect(statusOf(0, null)).toBe("OK");
  });
  it("a target without a watch threshold: OK or ALERT", () => {
    expect(statusOf(0, { ...atMost, value: 0, watchFrom: null })).toBe("OK");
    expect(statusOf(1, { ...atMost, value: 0, watchFrom: null })).toBe("ALERT");
  });
});

describe("periods", () => {
  it("counts both ends, and the previous period has the same length and ends the day before", () => {
    expect(daysOf({ from: "2026-01-01", to: "2026-12-31" })).toBe(365);
    expect(previousPeriod({ from: "2026-01-01", to: "2026-03-31" })).toEqual({ from: "2025-10-03", to: "2025-12-31" });
    expect(previousPeriod({ from: "2024-03-01", to: "2024-03-01" })).toEqual({ from: "2024-02-29", to: "2024-02-29" });
  });
  it("refuses a reversed period and one longer than three years", () => {
    expect(checkPeriod({ from: "2026-01-02", to: "2026-01-01" })).toBe("PERIOD_REVERSED");
    expect(checkPeriod({ from: "2026-01-01", to: "2026-01-01" })).toBeNull();
    expect(checkPeriod({ from: "2023-01-01", to: "2026-01-02" })).toBeNull();
    expect(checkPeriod({ from: "2023-01-01", to: "2026-01-03" })).toBe("PERIOD_TOO_LONG");
  });
  it("cuts calendar months to the period", () => {
    expect(monthsOf({ from: "2024-01-31", to: "2024-03-01" })).toEqual([
      { from: "2024-01-31", to: "2024-01-31" },
      { from: "2024-02-01", to: "2024-02-29" },
      { from: "2024-03-01", to: "2024-03-01" },
    ]);
  });
  it("says when a period is whole calendar months, and whole years (the monthly and yearly rollups answer it)", () => {
    expect(wholeMonthsOf({ from: "2024-02-01", to: "2024-02-29" })).toEqual({
      first: "2024-02-01",
      last: "2024-02-01",
    });
    expect(wholeMonthsOf({ from: "2025-11-01", to: "2026-01-31" })).toEqual({
      first: "2025-11-01",
      last: "2026-01-01",
    });
    expect(wholeMonthsOf({ from: "2023-02-01", to: "2023-02-28" })).toEqual({
      first: "2023-02-01",
      last: "2023-02-01",
    });
    expect(wholeMonthsOf({ from: "2024-02-01", to: "2024-02-28" })).toBeNull(); // a leap year's February ends on the 29th
    expect(wholeMonthsOf({ from: "2024-02-02", to: "2024-02-29" })).toBeNull();
    expect(wholeYearsOf({ from: "2025-01-01", to: "2026-12-31" })).toEqual({ first: "2025-01-01", last: "2026-01-01" });
    expect(wholeYearsOf({ from: "2026-01-01", to: "2026-11-30" })).toBeNull();
    expect(wholeYearsOf({ from: "2026-02-01", to: "2026-12-31" })).toBeNull();
  });
});

describe("visits", () => {
  const rows = [
    { jurisdiction: "cq", visits: 6, jointVisits: 0, onSiteVisits: 4, codeCheckedVisits: 3 },
    { jurisdiction: "gz", visits: 2, jointVisits: 2, onSiteVisits: 2, codeCheckedVisits: 0 },
  ];
  it("annualises visits per enterprise to 365 days", () => {
    // 8 visits / 4 enterprises over 73 days: 2 × 365 / 73 = 10 a year
    expect(inspectionsPerEnterprise(rows, 4, 73)).toMatchObject({ value: 10, numerator: 8, denominator: 4 });
    expect(inspectionsPerEnterprise(rows, 0, 365).value).toBeNull();
  });
  it("joint visit and code scan rates", () => {
    expect(jointVisitRate(rows)).toMatchObject({ value: 25, numerator: 2, denominator: 8 });
    expect(codeScanRate(rows)).toMatchObject({ value: 50, numerator: 3, denominator: 6 });
    expect(codeScanRate([]).value).toBeNull();
  });
  it("officer load: participations per officer, per jurisdiction too", () => {
    const load = officerLoad([
      { jurisdiction: "cq", participations: 5, officers: 2 },
      { jurisdiction: "sc", participations: 1, officers: 1 },
    ]);
    expect(load).toMatchObject({ value: 2, numerator: 6, denominator: 3 });
    expect(load.breakdown[0]).toMatchObject({ key: "cq", value: 2.5 });
  });
});

describe("repeated inspections", () => {
  it("a visit exactly `window` days after the previous one repeats it; one day later does not", () => {
    expect(isRepeat(30, 30)).toBe(true);
    expect(isRepeat(31, 30)).toBe(false);
    expect(isRepeat(0, 30)).toBe(true);
  });
  it("counts the repeats and names cross-province pairs", () => {
    const m = repeatedInspections(
      [
        { gapDays: 30, jurisdiction: "cq", previousJurisdiction: "sc", visits: 2 },
        { gapDays: 3, jurisdiction: "cq", previousJurisdiction: "cq", visits: 1 },
        { gapDays: 5, jurisdiction: "gz", previousJurisdiction: "cq", visits: 1 },
        { gapDays: 31, jurisdiction: "sc", previousJurisdiction: "cq", visits: 9 },
      ],
      30,
    );
    expect(m.value).toBe(4);
    expect(m.breakdown.map((s) => [s.key, s.label, s.value])).toEqual([
      ["cq>cq", "重庆→重庆", 1],
      ["cq>gz", "重庆→高竹新区管委会", 1],
      ["sc>cq", "四川→重庆（跨省）", 2],
    ]);
  });
});

describe("A-grade inspection rate", () => {
  it("rates A-grade enterprises, and every grade and colour", () => {
    const m = aGradeInspectionRate([
      { creditGrade: "A", creditGradeCq: "A", creditGradeSc: "A", enterprises: 97, inspected: 3 },
      { creditGrade: "A", creditGradeCq: "A", creditGradeSc: "C", enterprises: 3, inspected: 1 },
      { creditGrade: "D", creditGradeCq: null, creditGradeSc: "D", enterprises: 2, inspected: 2 },
    ]);
    expect(m).toMatchObject({ value: 4, numerator: 4, denominator: 100 });
    expect(statusOf(m.value, INDICATORS.A_GRADE_INSPECTION_RATE.target(365))).toBe("ALERT");
    const colour = (key: string) => m.breakdown.find((s) => s.dimension === "RISK_COLOUR" && s.key === key);
    expect(colour("GREEN")).toMatchObject({ numerator: 3, denominator: 97 });
    expect(colour("YELLOW")).toMatchObject({ numerator: 1, denominator: 3 });
    expect(colour("RED")).toMatchObject({ value: 100 });
  });
});

describe("random inspections", () => {
  it("tops an undrawn industry up at 3%, at least one, never more than it has", () => {
    expect(topUpNeeded(10, 0)).toBe(1);
    expect(topUpNeeded(33, 0)).toBe(1);
    expect(topUpNeeded(34, 0)).toBe(2);
    expect(topUpNeeded(100, 0)).toBe(3);
    expect(topUpNeeded(101, 0)).toBe(4);
    expect(topUpNeeded(100, 1)).toBe(0);
    expect(topUpNeeded(0, 0)).toBe(0);
  });
  it("coverage over all enterprises, the top-up per industry", () => {
    const m = randomInspectionCoverage([
      { industry: "化工", enterprises: 50, randomlyInspected: 4 },
      { industry: "建材", enterprises: 50, randomlyInspected: 0 },
    ]);
    expect(m).toMatchObject({ value: 4, numerator: 4, denominator: 100 });
    expect(m.breakdown.map((s) => [s.key, s.value, s.label])).toEqual([
      ["化工", 0, "化工：已抽取4家"],
      ["建材", 2, "建材：未抽取，需补抽2家"],
    ]);
  });
  it("targets 1% a quarter and 4% a year", () => {
    expect(INDICATORS.RANDOM_INSPECTION_COVERAGE.target(365)?.value).toBe(4);
    expect(INDICATORS.RANDOM_INSPECTION_COVERAGE.target(91)?.value).toBe(1);
    expect(INDICATORS.RANDOM_INSPECTION_COVERAGE.target(1098)?.value).toBe(4);
  });
  it("publication rate", () => {
    expect(resultPublicationRate([{ jurisdiction: "cq", concluded: 4, published: 3 }]).value).toBe(75);
  });
});

describe("decisions", () => {
  it("benchmark match rate with deviations by kind", () => {
    const m = benchmarkMatchRate({ measured: 20, matched: 19 }, [{ kind: "FINE_ABOVE_RANGE", count: 1 }]);
    expect(m).toMatchObject({ value: 95 });
    expect(statusOf(m.value, INDICATORS.BENCHMARK_MATCH_RATE.target(365))).toBe("WATCH");
    expect(m.breakdown[0]).toMatchObject({ dimension: "DEVIATION_KIND", label: "罚款高于上限", value: 1 });
  });
  it("lenient cases by kind", () => {
    expect(
      lenientCases([
        { kind: "NOT_PUNISHED", count: 2 },
        { kind: "MITIGATED", count: 1 },
      ]),
    ).toMatchObject({ value: 3 });
    expect(lenientCases([]).value).toBe(0);
  });
  it("fine growth against the previous period; none from nothing", () => {
    expect(growth(150, 100)).toBe(50);
    expect(growth(50, 100)).toBe(-50);
    expect(growth(50, 0)).toBeNull();
    const m = fineIncomeGrowth([
      { jurisdiction: "cq", domain: "A", domainName: "甲", department: "x", currentFen: 30000, previousFen: 10000 },
      { jurisdiction: "sc", domain: "A", domainName: "甲", department: "", currentFen: 0, previousFen: 10000 },
    ]);
    expect(m).toMatchObject({ value: 50, numerator: 300, denominator: 200 });
    expect(m.breakdown.find((s) => s.dimension === "DOMAIN")).toMatchObject({ key: "A", value: 50 });
    expect(m.breakdown.find((s) => s.dimension === "JURISDICTION" && s.key === "sc")).toMatchObject({ value: -100 });
  });
  it("case duration: the median, p90 beside; no decisions, no data", () => {
    const m = caseDuration([
      { jurisdiction: "", decisions: 4, medianDays: 12.5, p90Days: 40.3 },
      { jurisdiction: "cq", decisions: 4, medianDays: 12.5, p90Days: 40.3 },
    ]);
    expect(m).toMatchObject({ value: 12.5, p90: 40.3, denominator: 4 });
    expect(caseDuration([{ jurisdiction: "", decisions: 0, medianDays: null, p90Days: null }]).value).toBeNull();
  });
});

describe("feedback and supporting figures", () => {
  it("feedback rate and mean satisfaction", () => {
    const row = { tasksDone: 4, tasksWithFeedback: 3, feedbackCount: 3, satisfactionSum: 13 };
    expect(feedbackRate(row).value).toBe(75);
    expect(satisfaction(row).value).toBe(4.33);
    expect(satisfaction({ ...row, feedbackCount: 0, satisfactionSum: 0 }).value).toBeNull();
  });
  it("counts per jurisdiction and sync health", () => {
    expect(countByJurisdiction([{ jurisdiction: "cq", count: 2 }]).value).toBe(2);
    expect(
      syncHealth([
        { jurisdiction: "cq", stale: false },
        { jurisdiction: "sc", stale: true },
      ]).value,
    ).toBe(50);
    expect(syncHealth([]).value).toBeNull();
  });
  it("every indicator has a Chinese name, a one-line definition and a unit", () => {
    for (const code of INDICATOR_CODES) {
      const d = INDICATORS[code];
      expect(d.name).toMatch(/\p{Script=Han}/u);
      expect(d.definition).not.toContain("\n");
      expect(d.unit.length).toBeGreaterThan(0);
    }
    expect(percent(1, 3)).toBe(33.33);
  });
});

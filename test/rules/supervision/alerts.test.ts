/** The pure alert rules: thresholds are strict (at the threshold: no alert), tiny bases never alarm, one alert per enterprise. */
import { describe, expect, it } from "vitest";
import { monthOf } from "../../../schema/supervision/alert-schedule.ts";
import {
  aGradeOverInspectedAlerts,
  fineIncomeSurgeAlerts,
  periodKeyOf,
  repeatedInspectionAlerts,
} from "../../../schema/supervision/rules/alerts.ts";

const PERIOD = { from: "2026-01-01", to: "2026-01-31" };
const THRESHOLDS = { fineSurgePercent: 50, fineSurgeMinBaseYuan: 10_000, aGradeMaxPercent: 3 };
const fine = (value: number | null, numerator: number, denominator: number) => ({
  jurisdiction: "cq",
  value,
  numerator,
  denominator,
  breakdown: [],
  recordIds: ["r1"],
});

describe("fineIncomeSurgeAlerts", () => {
  it("alarms only above the threshold and from the minimum base", () => {
    expect(fineIncomeSurgeAlerts([fine(50, 15_000, 10_000)], PERIOD, THRESHOLDS)).toEqual([]);
    expect(fineIncomeSurgeAlerts([fine(900, 9_000, 900)], PERIOD, THRESHOLDS)).toEqual([]);
    expect(fineIncomeSurgeAlerts([fine(null, 9_000, 0)], PERIOD, THRESHOLDS)).toEqual([]);
    const [alert] = fineIncomeSurgeAlerts([fine(50.01, 15_001, 10_000)], PERIOD, THRESHOLDS);
    expect(alert).toMatchObject({ kind: "FINE_INCOME_SURGE", subject: "cq", periodKey: "2026-01-01..2026-01-31" });
    expect(alert?.message).toContain("趋利性执法");
    expect(alert?.message).toContain("不得据此下达或变相下达罚没指标");
  });

  it("names a domain and a department inside the jurisdiction, never an empty one", () => {
    const slice = (dimension: "DOMAIN" | "DEPARTMENT", key: string) => ({
      dimension,
      key,
      label: key || "未注明",
      value: 100,
      numerator: 40_000,
      denominator: 20_000,
    });
    const alerts = fineIncomeSurgeAlerts(
      [
        {
          ...fine(10, 11_000, 10_000),
          breakdown: [slice("DOMAIN", "SAFETY"), slice("DEPARTMENT", "应急管理局"), slice("DEPARTMENT", "")],
        },
      ],
      PERIOD,
      THRESHOLDS,
    );
    expect(alerts.map((a) => [a.subject, a.evidence.domain, a.evidence.department])).toEqual([
      ["cq/domain:SAFETY", "SAFETY", null],
      ["cq/department:应急管理局", null, "应急管理局"],
    ]);
  });
});

describe("aGradeOverInspectedAlerts", () => {
  it("alarms above the ceiling only", () => {
    const rate = (jurisdiction: string, value: number | null) => ({
      jurisdiction,
      value,
      numerator: 1,
      denominator: 1,
      recordIds: [],
    });
    const alerts = aGradeOverInspectedAlerts([rate("cq", 3), rate("sc", 3.01), rate("gz", null)], PERIOD, THRESHOLDS);
    expect(alerts.map((a) => a.subject)).toEqual(["sc"]);
  });
});

describe("repeatedInspectionAlerts", () => {
  it("raises one alert per enterprise, owned by the last repeating visit, with its records and tasks", () => {
    const row = (uscc: string, key: string, previousKey: string, j: string, pj: string, gapDays: number) => ({
      uscc,
      key,
      previousKey,
      jurisdiction: j,
      previousJurisdiction: pj,
      gapDays,
    });
    const alerts = repeatedInspectionAlerts(
      [
        row("E1", "r:b", "r:a", "sc", "cq", 10),
        row("E1", "t:T", "r:b", "gz", "sc", 5),
        row("E2", "r:d", "r:c", "cq", "cq", 0),
      ],
      PERIOD,
      30,
    );
    expect(
      alerts.map((a) => [a.subject, a.jurisdiction, a.evidence.value, a.evidence.recordIds, a.evidence.taskIds]),
    ).toEqual([
      ["enterprise:E1", "gz", 2, ["a", "b"], ["T"]],
      ["enterprise:E2", "cq", 1, ["c", "d"], []],
    ]);
    expect(alerts[0]?.message).toContain("重庆→四川");
  });
});

describe("the schedule's period", () => {
  it("is the whole Beijing month, which begins at 16:00 UTC the day before", () => {
    expect(monthOf(new Date("2026-02-28T15:59:59Z"))).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(monthOf(new Date("2026-02-28T16:00:00Z"))).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(periodKeyOf(monthOf(new Date("2028-02-10T00:00:00Z")))).toBe("2028-02-01..2028-02-29");
  });
});

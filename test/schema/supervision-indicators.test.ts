/**
 * supervisionIndicators on the declared scenario of ./supervision-scenario.ts: every value below was
 * computed by hand from the data set described there (the arithmetic is in the comments).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { loadSupervisionScenario, SCENARIO_ENV } from "./supervision-scenario.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway({ seed: false, env: SCENARIO_ENV });
  await loadSupervisionScenario(t.prisma, new Date());
});
afterAll(() => t.dispose());

const INDICATORS = `query($from: Date!, $to: Date!, $jurisdiction: Jurisdiction, $domain: String, $codes: [SupervisionIndicatorCode!]) {
  supervisionIndicators(from: $from, to: $to, jurisdiction: $jurisdiction, domain: $domain, codes: $codes) {
    code name definition unit value numerator denominator p90 status
    target { comparison value watchFrom description }
    previous { from to value numerator denominator }
    breakdown { dimension key label value numerator denominator }
  }
}`;
const DRILL = `query($codes: [SupervisionIndicatorCode!], $jurisdiction: Jurisdiction) {
  supervisionIndicators(from: "2026-01-01", to: "2026-12-31", codes: $codes, jurisdiction: $jurisdiction) {
    code records(first: 50) { totalCount edges { node { origin originId findings } } }
  }
}`;

interface Slice {
  dimension: string;
  key: string;
  label: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}
interface Indicator {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  p90: number | null;
  status: string;
  target: { value: number } | null;
  previous: { from: string; to: string; value: number | null };
  breakdown: Slice[];
}

const YEAR = { from: "2026-01-01", to: "2026-12-31" };
async function indicators(as: "gz" | "cq" | "sc", variables: Record<string, unknown> = {}) {
  const { data, errors } = await t.gql<{ supervisionIndicators: Indicator[] }>(INDICATORS, {
    as,
    variables: { ...YEAR, ...variables },
  });
  expect(errors).toBeUndefined();
  return new Map((data?.supervisionIndicators ?? []).map((i) => [i.code, i]));
}
const slice = (i: Indicator | undefined, dimension: string, key: string) =>
  i?.breakdown.find((s) => s.dimension === dimension && s.key === key);

/** code → [value, numerator, denominator, status, previous value] over 2026, read by gz (everything) */
const EXPECTED: Record<string, [number | null, number | null, number | null, string, number | null]> = {
  // 9 visits (R1–R6, T1–T3; R7 R8 are T1, R9 is T2) / 46 enterprises × 365/365 = 0.1957; 2025: R0 only, 1/46 = 0.0217
  INSPECTIONS_PER_ENTERPRISE: [0.2, 9, 46, "OK", 0.02],
  // R2 (10 d after R1, cq→sc), T2 (5 d after R2, sc→gz), R5 (exactly 30 d after R4, sc→cq); R6 is 31 d after R5
  REPEATED_INSPECTIONS: [3, 3, null, "ALERT", 0],
  // T1 T2 T3 / 9 visits
  JOINT_VISIT_RATE: [33.33, 3, 9, "OK", 0],
  // E1 E2 E5 all visited / 3 A-grade enterprises; 2025: E1 (R0)
  A_GRADE_INSPECTION_RATE: [100, 3, 3, "ALERT", 33.33],
  // on site: R1 R2 R3 R4 R6 T1 T2 T3 = 8; checked: R1 R3 (codeScanned) and T1 (valid check) = 3; 2025: R0 1/1
  CODE_SCAN_RATE: [37.5, 3, 8, "OK", 100],
  // randomly inspected: E3 (R3), E4 (R4), E2 (T1), E5 (T3) = 4 / 46 = 8.695…; target 4% a year; 2025: none
  RANDOM_INSPECTION_COVERAGE: [8.7, 4, 46, "OK", 0],
  // random concluded R3 R4 T1 T3; published R3 (resultPublishedAt), T1 T3 (draw tasks) = 3/4
  RESULT_PUBLICATION_RATE: [75, 3, 4, "ALERT", null],
  // measured P1–P4 (P5 ITEM_NOT_EMPOWERED is not measured); matched P1 P3; 2025: P0 1/1
  BENCHMARK_MATCH_RATE: [50, 2, 4, "ALERT", 100],
  // P3 首违不罚, P4 从轻, P5 lenientApplied (kind not said)
  LENIENT_CASES: [3, 3, null, "OK", 0],
  // (10000 + 50000 + 2000 + 1000 − 20000) / 20000 = 215%; numerator/denominator in yuan; 2025 had no 2024 to compare
  FINE_INCOME_GROWTH: [215, 63000, 20000, "ALERT", null],
  // days 5 10 20 30 90: median 20; 2025: P0 10 days
  CASE_DURATION: [20, null, 5, "OK", 10],
  // T1 T3 answered / T1 T2 T3 DONE
  FEEDBACK_RATE: [66.67, 2, 3, "ALERT", null],
  // (5 + 2) / 2 = 3.5: at the target, under the watch threshold 4
  SATISFACTION: [3.5, 7, 2, "WATCH", null],
  // CQ-1 (06-30), SC-1 (12-31, the last day); SC-2 is suspended, CQ-2 expires 2028
  CERTIFICATES_EXPIRING: [2, 2, null, "OK", 0],
  // participations: CQ-1 5 (R1 R3 R6 T1 T3), CQ-2 3 (R3 R5 T2), SC-1 3 (R2 R4 T1), SC-2 2 (T2 T3) = 13 / 4 officers
  OFFICER_LOAD: [3.25, 13, 4, "OK", 1],
  // at 2026-12-31: Q1 open (Q2 resolved 05-01, Q3 resolved 01-10); at 2025-12-31: Q3
  QUARANTINE_BACKLOG: [1, 1, null, "WATCH", 1],
  // cq fresh, sc stale: 1/2 (now; no previous period)
  SYNC_HEALTH: [50, 1, 2, "ALERT", null],
};

describe("supervisionIndicators on the declared scenario (gz reads all)", () => {
  it("answers every indicator with its hand-computed value, status and previous period", async () => {
    const all = await indicators("gz");
    expect([...all.keys()]).toEqual(Object.keys(EXPECTED));
    for (const [code, [value, numerator, denominator, status, previous]] of Object.entries(EXPECTED)) {
      const i = all.get(code);
      expect({
        code,
        value: i?.value,
        numerator: i?.numerator,
        denominator: i?.denominator,
        status: i?.status,
      }).toEqual({
        code,
        value,
        numerator,
        denominator,
        status,
      });
      expect({ code, previous: i?.previous.value }).toEqual({ code, previous });
      expect(i?.previous).toMatchObject({ from: "2025-01-01", to: "2025-12-31" });
    }
    expect([...all.values()].filter((i) => i.value !== null).length).toBeGreaterThanOrEqual(12);
  });

  it("names the cross-province repeated inspections, the window's edge included", async () => {
    const repeats = (await indicators("gz")).get("REPEATED_INSPECTIONS");
    expect(repeats?.breakdown.map((s) => [s.key, s.label, s.value])).toEqual([
      ["cq>sc", "重庆→四川（跨省）", 1],
      ["sc>cq", "四川→重庆（跨省）", 1],
      ["sc>gz", "四川→高竹新区管委会", 1],
    ]);
    // a window of 29 days drops R5 (30 days after R4)
    const narrow = await createTestGateway({
      seed: false,
      env: { ...SCENARIO_ENV, SUPERVISION_REPEAT_WINDOW_DAYS: "29" },
    });
    try {
      await loadSupervisionScenario(narrow.prisma, new Date());
      const { data } = await narrow.gql<{ supervisionIndicators: Indicator[] }>(INDICATORS, {
        as: "gz",
        variables: { ...YEAR, codes: ["REPEATED_INSPECTIONS"] },
      });
      expect(data?.supervisionIndicators[0]?.value).toBe(2);
    } finally {
      await narrow.dispose();
    }
  });

  it("gives the year-end top-up per industry: max(1, ⌈3% × enterprises⌉) where none was drawn", async () => {
    const coverage = (await indicators("gz")).get("RANDOM_INSPECTION_COVERAGE");
    // 建材 40 enterprises, none drawn: ⌈1.2⌉ = 2; 物流 1, none drawn: max(1, ⌈0.03⌉) = 1; the others were drawn
    expect(slice(coverage, "INDUSTRY", "建材")).toMatchObject({ value: 2, numerator: 0, denominator: 40 });
    expect(slice(coverage, "INDUSTRY", "建材")?.label).toBe("建材：未抽取，需补抽2家");
    expect(slice(coverage, "INDUSTRY", "物流")).toMatchObject({ value: 1, numerator: 0, denominator: 1 });
    expect(slice(coverage, "INDUSTRY", "化工")).toMatchObject({ value: 0, numerator: 2, denominator: 2 });
    expect(slice(coverage, "INDUSTRY", "制造业")).toMatchObject({ value: 0, numerator: 1, denominator: 2 });
    expect(slice(coverage, "INDUSTRY", "餐饮")).toMatchObject({ value: 0, numerator: 1, denominator: 1 });
    expect(coverage?.target?.value).toBe(4);
  });

  it("breaks down by credit grade, risk colour, deviation, lenient kind, department and jurisdiction", async () => {
    const all = await indicators("gz");
    const aGrade = all.get("A_GRADE_INSPECTION_RATE");
    // B: E3 of E3 E6 B01–B40 (42) = 2.38%; GREEN: E1 E2 E5 of 44 = 6.82%; YELLOW E3 1/1; RED E4 1/1
    expect(slice(aGrade, "CREDIT_GRADE", "B")).toMatchObject({ value: 2.38, numerator: 1, denominator: 42 });
    expect(slice(aGrade, "CREDIT_GRADE", "C")).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    expect(slice(aGrade, "RISK_COLOUR", "GREEN")).toMatchObject({ value: 6.82, numerator: 3, denominator: 44 });
    expect(slice(aGrade, "RISK_COLOUR", "RED")).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    const match = all.get("BENCHMARK_MATCH_RATE");
    expect(match?.breakdown.map((s) => [s.key, s.value])).toEqual([
      ["FINE_ABOVE_RANGE", 1],
      ["FINE_BELOW_RANGE", 1],
    ]);
    expect(all.get("LENIENT_CASES")?.breakdown.map((s) => [s.key, s.label, s.value])).toEqual([
      ["FIRST_VIOLATION_EXEMPT", "首违不罚", 1],
      ["LIGHTER", "从轻处罚", 1],
      ["UNSPECIFIED", "已适用（未注明类型）", 1],
    ]);
    const fines = all.get("FINE_INCOME_GROWTH");
    // cq 61000 vs 20000 = 205%; sc 2000 vs 0: no growth figure; 应急管理局 60000 vs 20000 = 200%
    expect(slice(fines, "JURISDICTION", "cq")).toMatchObject({ value: 205, numerator: 61000, denominator: 20000 });
    expect(slice(fines, "JURISDICTION", "sc")).toMatchObject({ value: null, numerator: 2000, denominator: 0 });
    expect(slice(fines, "DOMAIN", "SAFETY")).toMatchObject({ value: 205, label: "应急管理" });
    expect(slice(fines, "DEPARTMENT", "应急管理局")).toMatchObject({ value: 200, numerator: 60000 });
    expect(slice(fines, "DEPARTMENT", "")).toMatchObject({ label: "未注明", numerator: 1000 });
    const duration = all.get("CASE_DURATION");
    // p90 of 5 10 20 30 90: 30 + 0.6 × 60 = 66; cq 5 20 90: median 20, p90 20 + 0.8 × 70 = 76; sc 10 30: 20, p90 28
    expect(duration?.p90).toBe(66);
    expect(slice(duration, "JURISDICTION", "cq")).toMatchObject({
      value: 20,
      denominator: 3,
      label: "重庆（p90 76天）",
    });
    expect(slice(duration, "JURISDICTION", "sc")).toMatchObject({
      value: 20,
      denominator: 2,
      label: "四川（p90 28天）",
    });
    const scan = all.get("CODE_SCAN_RATE");
    expect(slice(scan, "JURISDICTION", "cq")).toMatchObject({ value: 66.67, numerator: 2, denominator: 3 });
    expect(slice(scan, "JURISDICTION", "gz")).toMatchObject({ value: 33.33, numerator: 1, denominator: 3 });
  });

  it("filters by domain: ENV decisions only", async () => {
    const env = await indicators("gz", { domain: "ENV", codes: ["LENIENT_CASES", "BENCHMARK_MATCH_RATE"] });
    // P3 P4 are the ENV decisions: both lenient; measured 2, matched P3
    expect(env.get("LENIENT_CASES")?.value).toBe(2);
    expect(env.get("BENCHMARK_MATCH_RATE")).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  });

  it("drills down to the records behind a numerator", async () => {
    const { data, errors } = await t.gql<{
      supervisionIndicators: Array<{
        code: string;
        records: { totalCount: number; edges: Array<{ node: { originId: string } }> };
      }>;
    }>(DRILL, {
      as: "gz",
      variables: { codes: ["REPEATED_INSPECTIONS", "LENIENT_CASES", "FEEDBACK_RATE", "BENCHMARK_MATCH_RATE"] },
    });
    expect(errors).toBeUndefined();
    const ids = (code: string) =>
      data?.supervisionIndicators
        .find((i) => i.code === code)
        ?.records.edges.map((e) => e.node.originId)
        .sort();
    // R2, R5 and T2's record R9
    expect(ids("REPEATED_INSPECTIONS")).toEqual(["R2", "R5", "R9"]);
    expect(ids("LENIENT_CASES")).toEqual(["P3", "P4", "P5"]);
    expect(ids("FEEDBACK_RATE")).toEqual([]);
    // matched decisions: P1 P3 (P2 P4 deviate, P5 was not measured, P0 is 2025's)
    expect(ids("BENCHMARK_MATCH_RATE")).toEqual(["P1", "P3"]);
  });
});

describe("supervisionIndicators: a province reads only its own", () => {
  it("gives a cq token Chongqing's figures by default", async () => {
    const cq = await indicators("cq", {
      codes: ["REPEATED_INSPECTIONS", "LENIENT_CASES", "INSPECTIONS_PER_ENTERPRISE"],
    });
    // pairs cq took part in: cq→sc (R2), sc→cq (R5); sc→gz is not Chongqing's
    expect(cq.get("REPEATED_INSPECTIONS")?.value).toBe(2);
    // P5 only
    expect(cq.get("LENIENT_CASES")?.value).toBe(1);
    // R1 R3 R5 R6 and the joint tasks with a cq officer T1 T2 T3 = 7 / 46 = 0.152
    expect(cq.get("INSPECTIONS_PER_ENTERPRISE")).toMatchObject({ value: 0.15, numerator: 7 });
  });

  it("refuses a cq token asking for Sichuan's with FORBIDDEN_JURISDICTION", async () => {
    const { data, errors } = await t.gql(INDICATORS, { as: "cq", variables: { ...YEAR, jurisdiction: "SC" } });
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "FORBIDDEN_JURISDICTION" });
  });

  it("masks Sichuan's record in a cq drill-down exactly as `records` does", async () => {
    const { data } = await t.gql<{
      supervisionIndicators: Array<{
        records: { edges: Array<{ node: { originId: string; findings: string | null } }> };
      }>;
    }>(DRILL, { as: "cq", variables: { codes: ["REPEATED_INSPECTIONS"] } });
    const r2 = data?.supervisionIndicators[0]?.records.edges.find((e) => e.node.originId === "R2")?.node;
    const listed = await t.gql<{ records: { edges: Array<{ node: { findings: string | null } }> } }>(
      `{ records(first: 5, origin: SC, enterpriseUscc: "91500000SUPV00001A", kind: INSPECTION) { edges { node { originId findings } } } }`,
      { as: "cq" },
    );
    expect(r2?.findings).not.toContain("13812345678");
    expect(listed.data?.records.edges.map((e) => e.node.findings)).toContain(r2?.findings);
  });

  it("refuses a reversed or an over-long period with stable reasons", async () => {
    const reversed = await t.gql(INDICATORS, { as: "gz", variables: { from: "2026-02-01", to: "2026-01-01" } });
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "PERIOD_REVERSED" });
    const long = await t.gql(INDICATORS, { as: "gz", variables: { from: "2020-01-01", to: "2026-01-01" } });
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "PERIOD_TOO_LONG" });
  });
});

describe("supervisionIndicators: an indicator asked alone reads only its statements", () => {
  const VISIT_CODES = [
    "INSPECTIONS_PER_ENTERPRISE",
    "JOINT_VISIT_RATE",
    "CODE_SCAN_RATE",
    "A_GRADE_INSPECTION_RATE",
    "RANDOM_INSPECTION_COVERAGE",
    "RESULT_PUBLICATION_RATE",
    "OFFICER_LOAD",
  ];
  it("answers each visit indicator alone exactly as among all of them, for gz and for cq", async () => {
    for (const as of ["gz", "cq"] as const) {
      const all = await indicators(as);
      for (const code of VISIT_CODES) {
        const alone = await indicators(as, { codes: [code] });
        expect(alone.get(code), `${as} ${code}`).toEqual(all.get(code));
        expect(all.get(code)?.value, `${as} ${code} has a value in the scenario`).not.toBeNull();
      }
    }
  });
});

describe("supervisionTrend", () => {
  it("answers one point per Beijing month, cut to the period", async () => {
    const { data, errors } = await t.gql<{
      supervisionTrend: Array<{ from: string; to: string; value: number | null }>;
    }>(`{ supervisionTrend(code: LENIENT_CASES, from: "2026-03-15", to: "2026-08-10") { from to value } }`, {
      as: "gz",
    });
    expect(errors).toBeUndefined();
    // P3 April, P4 July, P5 August
    expect(data?.supervisionTrend).toEqual([
      { from: "2026-03-15", to: "2026-03-31", value: 0 },
      { from: "2026-04-01", to: "2026-04-30", value: 1 },
      { from: "2026-05-01", to: "2026-05-31", value: 0 },
      { from: "2026-06-01", to: "2026-06-30", value: 0 },
      { from: "2026-07-01", to: "2026-07-31", value: 1 },
      { from: "2026-08-01", to: "2026-08-10", value: 1 },
    ]);
  });
});

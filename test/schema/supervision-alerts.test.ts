/**
 * Supervision alerts (evaluateSupervisionAlerts) on the declared scenario of ./supervision-scenario.ts, 2026,
 * default thresholds (repeat window 30 days, fine surge > 50% from ≥ 10,000 元, A-grade ceiling 3%):
 *   REPEATED_INSPECTION — E1 (R2 10 d after R1, T2 5 d after R2; last visit T2: gz) and E4 (R5 exactly 30 d
 *     after R4: cq); R6 is 31 days after R5: none;
 *   FINE_INCOME_SURGE — cq: P1 + P2 + P5 = 61,000 元 against P0 20,000 元 = +205%; its SAFETY domain and its
 *     应急管理局 (P1 + P2 = 60,000 against 20,000 = +200%); sc: 2,000 元 from nothing (no growth: no alert);
 *     the decision without a department is no subject;
 *   A_GRADE_OVER_INSPECTED — cq, sc and gz each inspected all three A-grade enterprises (E1 E2 E5): 100% > 3%.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalId } from "../../schema/common/node-access.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { loadSupervisionScenario, SCENARIO_ENV, TASK, USCC } from "./supervision-scenario.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway({ seed: false, env: SCENARIO_ENV });
  await loadSupervisionScenario(t.prisma, new Date());
});
afterAll(() => t.dispose());

const EVALUATE = `mutation($from: Date!, $to: Date!) {
  evaluateSupervisionAlerts(input: { from: $from, to: $to }) { raised unchanged }
}`;
const ALERTS = `query($kind: WarningKind) {
  warnings(kind: $kind, first: 50) {
    totalCount
    edges { node { kind severity message subject periodKey record { originId }
      evidence { from to value threshold numerator denominator enterpriseUscc domain department recordIds taskIds } } }
  }
}`;
interface Alert {
  kind: string;
  severity: string;
  message: string;
  subject: string;
  periodKey: string;
  record: null;
  evidence: {
    from: string;
    to: string;
    value: number;
    threshold: number;
    numerator: number | null;
    denominator: number | null;
    enterpriseUscc: string | null;
    domain: string | null;
    department: string | null;
    recordIds: string[];
    taskIds: string[];
  };
}
type Alerts = { warnings: { totalCount: number; edges: { node: Alert }[] } };
const YEAR = { from: "2026-01-01", to: "2026-12-31" };

async function alerts(kind: string) {
  const { data, errors } = await t.gql<Alerts>(ALERTS, { as: "gz", variables: { kind } });
  expect(errors).toBeUndefined();
  return (data?.warnings.edges ?? []).map((e) => e.node).sort((a, b) => a.subject.localeCompare(b.subject));
}
const recordId = async (originJurisdiction: string, originId: string) =>
  encodeGlobalId(
    "EnforcementRecord",
    (await t.prisma.enforcementRecord.findFirstOrThrow({ where: { originJurisdiction, originId } })).id,
  );

describe("evaluateSupervisionAlerts on the declared scenario", () => {
  it("raises exactly the expected alerts, then nothing new when evaluated again", async () => {
    type Evaluated = { evaluateSupervisionAlerts: { raised: number; unchanged: number } };
    const first = await t.gql<Evaluated>(EVALUATE, { as: "gz", variables: YEAR });
    expect(first.errors).toBeUndefined();
    expect(first.data?.evaluateSupervisionAlerts).toEqual({ raised: 8, unchanged: 0 });
    const again = await t.gql<Evaluated>(EVALUATE, { as: "gz", variables: YEAR });
    expect(again.data?.evaluateSupervisionAlerts).toEqual({ raised: 0, unchanged: 8 });
    expect(await t.prisma.supervisionWarning.count({ where: { periodKey: "2026-01-01..2026-12-31" } })).toBe(8);
    expect(
      await t.prisma.changeEvent.count({
        where: { kind: "warning.raised", payload: { path: ["periodKey"], equals: "2026-01-01..2026-12-31" } },
      }),
    ).toBe(8);
  });

  it("names each repeatedly inspected enterprise with the visits it rests on", async () => {
    const repeats = await alerts("REPEATED_INSPECTION");
    expect(repeats.map((a) => [a.subject, a.evidence.value, a.evidence.taskIds])).toEqual([
      [`enterprise:${USCC.E1}`, 2, [TASK.T2]],
      [`enterprise:${USCC.E4}`, 1, []],
    ]);
    const [e1, e4] = repeats;
    expect(e1?.record).toBeNull();
    expect(e1?.periodKey).toBe("2026-01-01..2026-12-31");
    expect(e1?.evidence).toMatchObject({
      from: "2026-01-01",
      to: "2026-12-31",
      threshold: 30,
      enterpriseUscc: USCC.E1,
    });
    expect(new Set(e1?.evidence.recordIds)).toEqual(new Set([await recordId("cq", "R1"), await recordId("sc", "R2")]));
    expect(new Set(e4?.evidence.recordIds)).toEqual(new Set([await recordId("sc", "R4"), await recordId("cq", "R5")]));
    expect(e1?.message).toContain("重庆→四川");
  });

  it("warns of a fine income surge as 趋利性执法, never as a quota, from a base that is not tiny", async () => {
    const surges = await alerts("FINE_INCOME_SURGE");
    expect(surges.map((a) => a.subject)).toEqual([
      "cq",
      "cq/department:应急管理局",
      expect.stringMatching(/^cq\/domain:/),
    ]);
    const [cq, department] = surges;
    expect(cq?.evidence).toMatchObject({ value: 205, threshold: 50, numerator: 61_000, denominator: 20_000 });
    expect(department?.evidence).toMatchObject({
      value: 200,
      numerator: 60_000,
      denominator: 20_000,
      department: "应急管理局",
    });
    for (const a of surges) {
      expect(a.severity).toBe("HIGH");
      expect(a.message).toContain("趋利性执法");
      expect(a.message).toContain("不得据此下达或变相下达罚没指标");
    }
    // the evidence of the jurisdiction's alert: its decisions with a fine (P1 P2 P5)
    expect(new Set(cq?.evidence.recordIds)).toEqual(
      new Set([await recordId("cq", "P1"), await recordId("cq", "P2"), await recordId("cq", "P5")]),
    );
  });

  it("warns of every jurisdiction that inspected more than 3% of A-grade enterprises", async () => {
    const over = await alerts("A_GRADE_OVER_INSPECTED");
    expect(over.map((a) => [a.subject, a.evidence.value, a.evidence.numerator, a.evidence.denominator])).toEqual([
      ["cq", 100, 3, 3],
      ["gz", 100, 3, 3],
      ["sc", 100, 3, 3],
    ]);
    expect(over[0]?.evidence.recordIds).toContain(await recordId("cq", "R1"));
  });

  it.each(["cq", "sc"] as const)("refuses %s: alerts are the committee's, read and raised", async (as) => {
    const read = await t.gql<Alerts>(ALERTS, { as, variables: { kind: "FINE_INCOME_SURGE" } });
    expect(read.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const raise = await t.gql(EVALUATE, { as, variables: YEAR });
    expect(raise.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses a reversed period", async () => {
    const result = await t.gql(EVALUATE, { as: "gz", variables: { from: "2026-12-31", to: "2026-01-01" } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "PERIOD_REVERSED" });
  });
});

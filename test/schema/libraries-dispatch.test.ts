import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const DISPATCH = `query($c: String!, $on: Date, $d: [String!]) { officer(certificateNumber: $c) {
  name dispatchable(asOf: $on, domains: $d) dispatchability(asOf: $on, domains: $d) { dispatchable reasons reasonCodes }
} }`;

interface Dispatch {
  officer: {
    name: string;
    dispatchable: boolean;
    dispatchability: { dispatchable: boolean; reasons: string[]; reasonCodes: string[] };
  };
}

describe("officer status for dispatch", () => {
  it("refuses an ACTIVE officer whose certificate lapsed, and accepts on its last valid day", async () => {
    const tang = await t.prisma.officer.findFirstOrThrow({ where: { name: "唐国华" } });
    const after = await t.gql<Dispatch>(DISPATCH, {
      as: "gz",
      variables: { c: tang.certificateNumber, on: "2026-11-21", d: ["URBAN"] },
    });
    expect(after.data?.officer).toMatchObject({
      dispatchable: false,
      dispatchability: { reasonCodes: ["CERTIFICATE_EXPIRED"] },
    });
    expect(after.data?.officer.dispatchability.reasons[0]).toContain("2026-10-31");
    const lastDay = await t.gql<Dispatch>(DISPATCH, {
      as: "gz",
      variables: { c: tang.certificateNumber, on: "2026-10-31", d: ["URBAN"] },
    });
    expect(lastDay.data?.officer.dispatchable).toBe(true);
  });

  it("names every reason: suspended and not qualified for a domain", async () => {
    const zhao = await t.prisma.officer.findFirstOrThrow({ where: { name: "赵敏" } });
    const { data } = await t.gql<Dispatch>(DISPATCH, {
      as: "cq",
      variables: { c: zhao.certificateNumber, on: "2026-11-21", d: ["EMERGENCY", "MARKET"] },
    });
    expect(data?.officer.dispatchability).toMatchObject({
      dispatchable: false,
      reasonCodes: ["NOT_ACTIVE", "NOT_QUALIFIED"],
    });
  });

  it("lists the certificates expiring within 30 days for 管委会, soonest first, and refuses the provinces", async () => {
    const query = `query($d: Int, $on: Date, $after: String) { expiringCertificates(withinDays: $d, asOf: $on, first: 1, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { name certificateValidTo homeJurisdiction } } } }`;
    type Page = {
      expiringCertificates: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: Array<{ node: { name: string; certificateValidTo: string } }>;
      };
    };
    // one per page, soonest first: the cursor carries on in that order
    const first = await t.gql<Page>(query, { as: "gz", variables: { on: "2026-11-21" } });
    expect(first.data?.expiringCertificates.totalCount).toBe(2);
    expect(first.data?.expiringCertificates.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql<Page>(query, {
      as: "gz",
      variables: { on: "2026-11-21", after: first.data?.expiringCertificates.pageInfo.endCursor },
    });
    expect(
      [first, second].flatMap((page) =>
        (page.data?.expiringCertificates.edges ?? []).map(({ node }) => [node.name, node.certificateValidTo]),
      ),
    ).toEqual([
      ["谢婷", "2026-12-05"],
      ["李娜", "2026-12-15"],
    ]);
    // 2026-11-21 + 14 days = 2026-12-05, the last day of 谢婷's certificate: both ends count
    const shorter = await t.gql<Page>(query, { as: "gz", variables: { on: "2026-11-21", d: 14 } });
    expect(shorter.data?.expiringCertificates.totalCount).toBe(1);
    const shortest = await t.gql<Page>(query, { as: "gz", variables: { on: "2026-11-21", d: 13 } });
    expect(shortest.data?.expiringCertificates.totalCount).toBe(0);
    const refused = await t.gql(query, { as: "cq", variables: { on: "2026-11-21" } });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("joint training (同堂培训)", () => {
  const RECORD = `mutation($input: TrainingSessionInput!) { recordTrainingSession(input: $input) { session {
    id title hours attendance { attended passed officer { certificateNumber } }
  } } }`;
  const input = (attendance: Array<Record<string, unknown>>) => ({
    title: "川渝执法标准同堂培训（第一期）",
    heldOn: "2026-11-10",
    hours: 6,
    organizer: "川渝高竹新区管委会",
    domains: ["URBAN", "EMERGENCY"],
    attendance,
  });

  it("records a session by certificate numbers, lists it on the officers, and does not duplicate on replay", async () => {
    const attendance = [
      { certificateNumber: "CQ-GZ-2024-0001", passed: true },
      { certificateNumber: "sc-gz-2024-0001" },
    ];
    const first = await t.gql<{ recordTrainingSession: { session: { id: string; attendance: unknown[] } } }>(RECORD, {
      as: "gz",
      variables: { input: input(attendance) },
    });
    expect(first.errors).toBeUndefined();
    expect(first.data?.recordTrainingSession.session.attendance).toEqual([
      expect.objectContaining({ attended: true }),
      expect.objectContaining({ attended: true }),
    ]);
    const again = await t.gql<{ recordTrainingSession: { session: { id: string } } }>(RECORD, {
      as: "gz",
      variables: { input: input(attendance) },
    });
    expect(again.data?.recordTrainingSession.session.id).toBe(first.data?.recordTrainingSession.session.id);
    expect(await t.prisma.trainingSession.count()).toBe(1);

    const { data } = await t.gql<{
      officer: {
        trainings: {
          totalCount: number;
          edges: Array<{ node: { passed: boolean | null; session: { title: string; hours: number } } }>;
        };
      };
    }>(
      `{ officer(certificateNumber: "CQ-GZ-2024-0001") { trainings(first: 20) { totalCount edges { node { passed session { title hours } } } } } }`,
      {
        as: "sc",
      },
    );
    expect(data?.officer.trainings.totalCount).toBe(data?.officer.trainings.edges.length);
    expect(data?.officer.trainings.edges.map((edge) => edge.node)).toEqual([
      { passed: true, session: { title: "川渝执法标准同堂培训（第一期）", hours: 6 } },
    ]);
  });

  it("refuses unknown certificate numbers and the provinces, writing nothing", async () => {
    const before = await t.prisma.trainingAttendance.count();
    const unknown = await t.gql(RECORD, {
      as: "gz",
      variables: { input: { ...input([{ certificateNumber: "NO-SUCH-1" }]), title: "另一期" } },
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "UNKNOWN_OFFICER" });
    const province = await t.gql(RECORD, { as: "cq", variables: { input: { ...input([]), title: "重庆自办" } } });
    expect(province.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await t.prisma.trainingAttendance.count()).toBe(before);
    expect(await t.prisma.trainingSession.count({ where: { title: { in: ["另一期", "重庆自办"] } } })).toBe(0);
  });
});

describe("search", () => {
  it("filters enterprises by risk colour exactly as the riskColour field says, with totals", async () => {
    const all = await t.gql<{ enterprises: { totalCount: number; edges: Array<{ node: { riskColour: string } }> } }>(
      "{ enterprises(first: 100) { totalCount edges { node { riskColour } } } }",
      { as: "gz" },
    );
    const counts: Record<string, number> = {};
    for (const { node } of all.data?.enterprises.edges ?? [])
      counts[node.riskColour] = (counts[node.riskColour] ?? 0) + 1;
    expect(Object.keys(counts).sort()).toEqual(["GREEN", "RED", "YELLOW"]);
    for (const colour of ["RED", "YELLOW", "GREEN"]) {
      const { data } = await t.gql<{
        enterprises: { totalCount: number; edges: Array<{ node: { riskColour: string } }> };
      }>(
        "query($c: RiskColour) { enterprises(first: 100, riskColour: $c) { totalCount edges { node { riskColour } } } }",
        { as: "gz", variables: { c: colour } },
      );
      expect(data?.enterprises.totalCount).toBe(counts[colour]);
      expect(new Set(data?.enterprises.edges.map((e) => e.node.riskColour))).toEqual(new Set([colour]));
    }
  });

  it("finds by USCC prefix exactly the enterprises whose USCC starts with it", async () => {
    const all = (await t.prisma.enterprise.findMany({ select: { uscc: true } })).map((e) => e.uscc);
    for (const prefix of ["9", "91500112", "91511623MAG0005", all[0]!]) {
      const { data } = await t.gql<{ enterprises: { totalCount: number } }>(
        "query($p: String) { enterprises(first: 1, usccPrefix: $p) { totalCount } }",
        { as: "gz", variables: { p: prefix.toLowerCase() } },
      );
      expect(data?.enterprises.totalCount).toBe(all.filter((u) => u.startsWith(prefix)).length);
    }
  });

  it("combines enterprise filters (USCC prefix, town, industry, grade) and officer filters with totals", async () => {
    const e = await t.gql<{
      enterprises: { totalCount: number; edges: Array<{ node: { uscc: string; town: string; creditGrade: string } }> };
    }>(
      '{ enterprises(first: 5, usccPrefix: "91511623", town: "高滩镇", creditGrade: A) { totalCount edges { node { uscc town creditGrade } } } }',
      { as: "cq" },
    );
    expect(e.data?.enterprises.totalCount).toBeGreaterThan(0);
    for (const { node } of e.data?.enterprises.edges ?? [])
      expect(node).toMatchObject({ town: "高滩镇", creditGrade: "A", uscc: expect.stringMatching(/^91511623/) });
    const o = await t.gql<{ officers: { totalCount: number; edges: Array<{ node: { name: string } }> } }>(
      '{ officers(first: 10, jurisdiction: SC, domain: "URBAN", certificateStatus: EXPIRED, asOf: "2026-11-21") { totalCount edges { node { name } } } }',
      { as: "gz" },
    );
    expect(o.data?.officers).toEqual({ totalCount: 1, edges: [{ node: { name: "唐国华" } }] });
  });
});

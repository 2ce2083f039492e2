/**
 * 双随机 draws through GraphQL on the seeded libraries: commit then reveal, the published draw recomputes,
 * an altered candidate is caught, counts per stratum follow the plan, teams are mixed and qualified,
 * 综合查一次 merges, the yearly cap excludes — and only the committee may draw.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyOf } from "../../schema/common/node-access.ts";
import { EXAMPLE_GRADE_FACTORS, stratumCount } from "../../schema/dispatch/rules/index.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { COMMIT, createPlan, drawFor, inspectionItem, PLAN, REVEAL, tasksOf, VERIFY_DRAW } from "./dispatch-support.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

/** a plan that selects every candidate: 100 % at ×1 for every grade */
const EVERYONE = {
  baseRatioPpm: 1_000_000,
  factors: ["A", "B", "C", "D"].map((riskClass) => ({ riskClass, permille: 1000 })),
  excludeInspectedWithinDays: 0,
  yearlyCap: 10,
};

interface DrawCheck {
  verifyDraw: { valid: boolean; revealed: boolean; problems: { code: string; message: string }[] };
}

describe("a 双随机 draw, committed then revealed", () => {
  it("publishes the hashes first, the seed only at the reveal, and recomputes to valid", async () => {
    const item = await inspectionItem(t);
    const planId = await createPlan(t, {
      itemCodes: [item.code],
      baseRatioPpm: 200_000,
      excludeInspectedWithinDays: 0,
    });
    const committed = await t.gql<{
      commitDraw: {
        draw: { id: string; status: string; seedHash: string; seed: string | null; candidateCount: number };
      };
    }>(COMMIT, { as: "gz", variables: { p: planId } });
    const draw = committed.data!.commitDraw.draw;
    expect(draw).toMatchObject({ status: "COMMITTED", seed: null });
    expect(draw.seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(draw.candidateCount).toBe(await t.prisma.enterprise.count());
    const before = await t.gql<DrawCheck>(VERIFY_DRAW, { as: "cq", variables: { d: draw.id } });
    expect(before.data?.verifyDraw).toEqual({ valid: true, revealed: false, problems: [] });

    const revealed = await t.gql<{
      revealDraw: {
        draw: {
          seed: string;
          selected: string[];
          strata: { riskClass: string; population: number; count: number; selected: string[] }[];
        };
        tasks: { enterpriseUscc: string; state: string }[];
      };
    }>(REVEAL, { as: "gz", variables: { d: draw.id } });
    expect(revealed.errors).toBeUndefined();
    const { seed, strata, selected } = revealed.data!.revealDraw.draw;
    // the first draw of this gateway: one new PLANNED task per selected enterprise, in USCC order
    expect(revealed.data!.revealDraw.tasks).toEqual(
      selected.map((uscc) => ({ enterpriseUscc: uscc, state: "PLANNED" })),
    );
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    for (const stratum of strata) {
      const factor = EXAMPLE_GRADE_FACTORS[stratum.riskClass]!;
      expect(stratum.count).toBe(stratumCount(stratum.population, 200_000, factor));
      expect(stratum.count).toBeGreaterThanOrEqual(1); // at least one per industry
      expect(stratum.selected).toHaveLength(stratum.count);
    }
    expect(selected.length).toBe(strata.reduce((n, s) => n + s.count, 0));
    const after = await t.gql<DrawCheck>(VERIFY_DRAW, { as: "sc", variables: { d: draw.id } });
    expect(after.data?.verifyDraw).toEqual({ valid: true, revealed: true, problems: [] });

    const again = await t.gql(REVEAL, { as: "gz", variables: { d: draw.id } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "ALREADY_REVEALED" });
  });

  it("detects a candidate altered in the database after the draw", async () => {
    const item = await inspectionItem(t);
    const planId = await createPlan(t, { itemCodes: [item.code], baseRatioPpm: 100_000 });
    const { drawId } = await drawFor(t, planId);
    const victim = await t.prisma.drawCandidate.findFirstOrThrow({
      where: { drawId: keyOf("Draw", drawId) },
      orderBy: { uscc: "asc" },
    });
    const otherClass = victim.riskClass === "D" ? "A" : "D";
    await t.prisma
      .$executeRaw`UPDATE "DrawCandidate" SET "riskClass" = ${otherClass} WHERE "drawId" = ${keyOf("Draw", drawId)} AND uscc = ${victim.uscc}`;
    const check = await t.gql<DrawCheck>(VERIFY_DRAW, { as: "gz", variables: { d: drawId } });
    expect(check.data?.verifyDraw.valid).toBe(false);
    expect(check.data?.verifyDraw.problems.map((p) => p.code)).toContain("CANDIDATE_LIST_MISMATCH");
  });

  it("refuses to reveal when the frozen list was altered between commit and reveal", async () => {
    const item = await inspectionItem(t);
    const planId = await createPlan(t, { itemCodes: [item.code] });
    const committed = await t.gql<{ commitDraw: { draw: { id: string } } }>(COMMIT, {
      as: "gz",
      variables: { p: planId },
    });
    const drawId = committed.data!.commitDraw.draw.id;
    await t.prisma
      .$executeRaw`DELETE FROM "DrawCandidate" WHERE "drawId" = ${keyOf("Draw", drawId)} AND uscc = (SELECT min(uscc) FROM "DrawCandidate" WHERE "drawId" = ${keyOf("Draw", drawId)})`;
    const revealed = await t.gql(REVEAL, { as: "gz", variables: { d: drawId } });
    expect(revealed.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "CANDIDATE_LIST_ALTERED",
    });
    expect(await t.prisma.inspectionTask.count({ where: { drawId: keyOf("Draw", drawId) } })).toBe(0);
  });
});

describe("tasks of a draw", () => {
  it("one task per selected enterprise with a mixed team qualified for every domain, certificates valid on the visit day", async () => {
    const item = await inspectionItem(t);
    const planId = await createPlan(t, {
      itemCodes: [item.code],
      baseRatioPpm: 100_000,
      excludeInspectedWithinDays: 0,
      visitFrom: "2027-01-11",
      visitTo: "2027-01-15",
    });
    const { drawId, selected } = await drawFor(t, planId);
    const tasks = await tasksOf(t, drawId);
    expect(tasks.map((task) => task.enterpriseUscc).sort()).toEqual(selected);
    const officers = new Map((await t.prisma.officer.findMany()).map((o) => [o.certificateNumber, o] as const));
    const load = new Map<string, number>();
    for (const task of tasks) {
      expect(task.state).toBe("PLANNED");
      expect(task.officers.length).toBeGreaterThanOrEqual(2);
      expect(new Set(task.officers.map((o) => o.homeJurisdiction))).toEqual(new Set(["CQ", "SC"]));
      for (const member of task.officers) {
        const officer = officers.get(member.certificateNumber)!;
        expect(officer.status).toBe("ACTIVE");
        for (const domain of task.domains) expect(officer.qualifiedDomains).toContain(domain);
        expect(officer.certificateValidFrom!.getTime()).toBeLessThanOrEqual(Date.parse(task.visitFrom));
        expect(officer.certificateValidTo!.getTime()).toBeGreaterThanOrEqual(Date.parse(task.visitFrom));
        load.set(member.certificateNumber, (load.get(member.certificateNumber) ?? 0) + 1);
      }
    }
    // fairness: among each province's eligible officers the load differs by at most one task
    for (const province of ["cq", "sc"]) {
      const eligible = [...officers.values()].filter(
        (o) =>
          o.homeJurisdiction === province &&
          o.status === "ACTIVE" &&
          o.qualifiedDomains.includes(item.domainCode) &&
          o.certificateValidFrom!.getTime() <= Date.parse("2027-01-11") &&
          o.certificateValidTo!.getTime() >= Date.parse("2027-01-11"),
      );
      const loads = eligible.map((o) => load.get(o.certificateNumber) ?? 0);
      expect(eligible.length).toBeGreaterThan(1);
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    }
  });

  it("综合查一次: a second plan drawing the same enterprise in an overlapping window adds its items to the same task", async () => {
    const first = await inspectionItem(t, "EMERGENCY");
    const second = await t.prisma.enforcementItem.findFirstOrThrow({
      where: { kind: "INSPECTION", domainCode: "EMERGENCY", code: { not: first.code } },
    });
    const all = { ...EVERYONE, scope: { parks: [] } };
    const window = { visitFrom: "2027-03-01", visitTo: "2027-03-05" };
    const planA = await createPlan(t, { ...all, ...window, itemCodes: [first.code] });
    const a = await drawFor(t, planA);
    const planB = await createPlan(t, {
      ...all,
      visitFrom: "2027-03-03",
      visitTo: "2027-03-09",
      itemCodes: [second.code],
    });
    await drawFor(t, planB);
    const tasks = await t.prisma.inspectionTask.findMany({
      where: { enterpriseUscc: a.selected[0], visitFrom: { gte: new Date("2027-03-01") } },
    });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.itemCodes.sort()).toEqual([first.code, second.code].sort());
  });

  it("the yearly cap excludes an enterprise already inspected that often this year, and the draw says so", async () => {
    const enterprise = await t.prisma.enterprise.findFirstOrThrow({ orderBy: { uscc: "desc" } });
    await t.prisma.enforcementRecord.create({
      data: {
        kind: "INSPECTION",
        originJurisdiction: "cq",
        originId: "CAP-TEST-1",
        version: 1,
        enterpriseUscc: enterprise.uscc,
        occurredAt: new Date(
          Date.now() - 200 * 86_400_000 > Date.UTC(new Date().getUTCFullYear(), 0, 2)
            ? Date.now() - 200 * 86_400_000
            : Date.now() - 3_600_000,
        ),
        payload: {},
      },
    });
    const item = await inspectionItem(t);
    const planId = await createPlan(t, { itemCodes: [item.code], yearlyCap: 1, excludeInspectedWithinDays: 0 });
    const committed = await t.gql<{ commitDraw: { draw: { id: string } } }>(COMMIT, {
      as: "gz",
      variables: { p: planId },
    });
    const drawId = committed.data!.commitDraw.draw.id;
    const candidate = await t.prisma.drawCandidate.findUniqueOrThrow({
      where: { drawId_uscc: { drawId: keyOf("Draw", drawId), uscc: enterprise.uscc } },
    });
    expect(candidate.excluded).toBe("YEARLY_CAP_REACHED");
    const revealed = await t.gql<{ revealDraw: { draw: { atYearlyCap: string[]; selected: string[] } } }>(REVEAL, {
      as: "gz",
      variables: { d: drawId },
    });
    expect(revealed.data?.revealDraw.draw.atYearlyCap).toContain(enterprise.uscc);
    expect(revealed.data?.revealDraw.draw.selected).not.toContain(enterprise.uscc);
  });

  it("a team is refused with the exact reason when no officer of a province qualifies", async () => {
    const item = await inspectionItem(t);
    // every Sichuan officer declares a conflict with one enterprise: no valid team there
    const enterprise = await t.prisma.enterprise.findFirstOrThrow({ orderBy: { uscc: "asc" } });
    for (const o of await t.prisma.officer.findMany({ where: { homeJurisdiction: "sc" } })) {
      const declared = await t.gql(
        `mutation($c: String!, $u: String!) {
          declareConflict(input: { certificateNumber: $c, uscc: $u, reason: "亲属任职" }) { conflict { certificateNumber } } }`,
        { as: "sc", variables: { c: o.certificateNumber, u: enterprise.uscc } },
      );
      expect(declared.errors).toBeUndefined();
    }
    const planId = await createPlan(t, {
      itemCodes: [item.code],
      ...EVERYONE,
      visitFrom: "2027-05-10",
      visitTo: "2027-05-12",
    });
    const { drawId } = await drawFor(t, planId);
    const task = (await tasksOf(t, drawId)).find((x) => x.enterpriseUscc === enterprise.uscc)!;
    expect(task.officers).toEqual([]);
    expect(task.teamProblems).toEqual([
      expect.objectContaining({ code: "ALL_CANDIDATES_CONFLICTED", jurisdiction: "SC", domains: [] }),
    ]);
    const dispatched = await t.gql(`mutation($id: ID!) { dispatchTask(input: { taskId: $id }) { task { id } } }`, {
      as: "gz",
      variables: { id: task.id },
    });
    expect(dispatched.errors?.[0]?.extensions).toMatchObject({ reason: "NO_VALID_TEAM" });
  });
});

describe("who may draw", () => {
  it("refuses a province's token and a gz token without dispatch:write", async () => {
    const item = await inspectionItem(t);
    const input = { name: "x", itemCodes: [item.code], visitFrom: "2026-12-01", visitTo: "2026-12-02" };
    const cq = await t.gql(PLAN, { as: "cq", variables: { input } });
    expect(cq.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const readOnly = await t.gql(PLAN, { as: "gz", scopes: ["read"], variables: { input } });
    expect(readOnly.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("reports every problem of a plan at once", async () => {
    const result = await t.gql(PLAN, {
      as: "gz",
      variables: {
        input: { name: "x", itemCodes: ["NO-SUCH"], teamSize: 1, visitFrom: "2026-12-05", visitTo: "2026-12-01" },
      },
    });
    const problems = (result.errors?.[0]?.extensions?.problems ?? []) as { code: string }[];
    const codes = problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(["TEAM_SIZE", "VISIT_WINDOW", "UNKNOWN_ITEM"]));
  });
});

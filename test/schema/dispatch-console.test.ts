/**
 * What the console's dispatch desk and the public pages need from the API: a plan's preview (how many per
 * stratum and why, who is excluded and why) that matches the draw a commit then makes; batch dispatch of a
 * whole draw with each task's outcome; the 执法码 check naming the items; a draw readable without a token.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalId, keyOf } from "../../schema/common/node-access.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { COMMIT, createPlan, inspectionItem, REVEAL, tasksOf } from "./dispatch-support.ts";
import { ingest, inspection, SC_OFFICER } from "./sync-helpers.ts";

/** well-formed global ids of nothing */
const NO_SUCH_TASK = encodeGlobalId("InspectionTask", "no-such-task");
const NO_SUCH_DRAW = encodeGlobalId("Draw", "none");

let t: TestGateway;
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.parse(today) + n * 86_400_000).toISOString().slice(0, 10);

const PREVIEW = `query($input: InspectionPlanPreviewInput!) { inspectionPlanPreview(input: $input) {
  drawDay candidateCount eligibleCount selectedCount exactTotal
  exclusions { reason count }
  excludedCandidates { uscc name reason lastInspectedOn visitsThisYear }
  strata { key industry riskClass population excluded factorPermille exactCount count rule } } }`;
const DISPATCH_TASKS = `mutation($input: DispatchTasksInput!) { dispatchTasks(input: $input) {
  dispatched refused results { taskId ok code reason message task { id state inspectionCode } } } }`;

interface Preview {
  candidateCount: number;
  eligibleCount: number;
  selectedCount: number;
  exactTotal: string;
  exclusions: { reason: string; count: number }[];
  excludedCandidates: { uscc: string; reason: string; lastInspectedOn: string | null }[];
  strata: { key: string; population: number; excluded: number; count: number; exactCount: string; rule: string }[];
}
interface DispatchResult {
  taskId: string;
  ok: boolean;
  code: string;
  reason: string | null;
  task: { id: string; state: string; inspectionCode: string | null } | null;
}

beforeAll(async () => {
  t = await createTestGateway({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" } });
});
afterAll(() => t.dispose());

async function preview(input: Record<string, unknown>) {
  const result = await t.gql<{ inspectionPlanPreview: Preview }>(PREVIEW, { as: "gz", variables: { input } });
  expect(result.errors).toBeUndefined();
  return result.data!.inspectionPlanPreview;
}

describe("inspectionPlanPreview", () => {
  it("says why 1 % of the enterprises selects one per stratum, and a commit then selects exactly that many", async () => {
    const item = await inspectionItem(t);
    const plan = {
      name: "预览",
      itemCodes: [item.code],
      baseRatioPpm: 10_000,
      excludeInspectedWithinDays: 0,
      visitFrom: inDays(1),
      visitTo: inDays(3),
    };
    const before = await t.prisma.inspectionPlan.count();
    const seen = await preview({ plan });
    expect(await t.prisma.inspectionPlan.count()).toBe(before); // nothing written
    const enterprises = await t.prisma.enterprise.count();
    expect(seen.candidateCount).toBe(enterprises);
    expect(seen.eligibleCount).toBe(enterprises);
    expect(Number(seen.exactTotal)).toBeLessThan(2); // 1 % of the seeded enterprises (factors up to ×3)
    expect(seen.strata.length).toBeGreaterThan(10);
    expect(seen.strata.every((s) => s.count === 1 && s.rule === "MINIMUM_ONE")).toBe(true);
    expect(seen.selectedCount).toBe(seen.strata.length);

    const planId = await createPlan(t, plan);
    expect(await preview({ planId })).toMatchObject({ selectedCount: seen.selectedCount });
    const committed = await t.gql<{ commitDraw: { draw: { id: string } } }>(COMMIT, {
      as: "gz",
      variables: { p: planId },
    });
    const revealed = await t.gql<{
      revealDraw: { draw: { selected: string[]; strata: { key: string; count: number }[] } };
    }>(REVEAL, { as: "gz", variables: { d: committed.data!.commitDraw.draw.id } });
    expect(revealed.data!.revealDraw.draw.selected).toHaveLength(seen.selectedCount);
    expect(revealed.data!.revealDraw.draw.strata.map((s) => [s.key, s.count])).toEqual(
      seen.strata.map((s) => [s.key, s.count]),
    );
  });

  it("lists a recently inspected enterprise as excluded, with the day of its last visit", async () => {
    const enterprise = await t.prisma.enterprise.findFirstOrThrow({ orderBy: { uscc: "asc" } });
    const visited = await ingest(t, "sc", {
      records: [
        inspection("preview-visit-1", {
          enterpriseUscc: enterprise.uscc,
          officerCertificates: [SC_OFFICER],
          occurredAt: `${inDays(-3)}T10:00:00+08:00`,
        }),
      ],
    });
    expect(visited.data?.ingestRecords.counts.applied).toBe(1);
    const item = await inspectionItem(t);
    const seen = await preview({
      plan: { name: "排除", itemCodes: [item.code], excludeInspectedWithinDays: 30, visitFrom: today, visitTo: today },
    });
    expect(seen.exclusions).toContainEqual({ reason: "RECENTLY_INSPECTED", count: expect.any(Number) });
    expect(seen.excludedCandidates).toContainEqual(
      expect.objectContaining({ uscc: enterprise.uscc, reason: "RECENTLY_INSPECTED", lastInspectedOn: inDays(-3) }),
    );
    expect(seen.eligibleCount).toBe(seen.candidateCount - seen.exclusions.reduce((n, e) => n + e.count, 0));
  });

  it("refuses a bad plan with every problem, and both a plan and a planId (oneOf)", async () => {
    const bad = await t.gql(PREVIEW, {
      as: "gz",
      variables: { input: { plan: { name: "x", itemCodes: ["NOPE"], visitFrom: today, visitTo: inDays(-1) } } },
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const problems = bad.errors?.[0]?.extensions?.problems as { code: string }[];
    expect(problems.map((p) => p.code).sort()).toEqual(["UNKNOWN_ITEM", "VISIT_WINDOW"]);
    const both = await t.gql(PREVIEW, {
      as: "gz",
      variables: { input: { planId: "p", plan: { name: "x", itemCodes: [], visitFrom: today, visitTo: today } } },
    });
    expect(both.errors?.[0]?.message).toMatch(/exactly one/i);
  });

  it("is the committee's: a province may not preview", async () => {
    const item = await inspectionItem(t);
    const result = await t.gql(PREVIEW, {
      as: "sc",
      variables: { input: { plan: { name: "x", itemCodes: [item.code], visitFrom: today, visitTo: today } } },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("dispatchTasks", () => {
  let drawId: string;
  beforeAll(async () => {
    const item = await inspectionItem(t);
    const planId = await createPlan(t, {
      itemCodes: [item.code],
      baseRatioPpm: 100_000,
      excludeInspectedWithinDays: 0,
      yearlyCap: 10,
      visitFrom: today,
      visitTo: inDays(2),
    });
    const committed = await t.gql<{ commitDraw: { draw: { id: string } } }>(COMMIT, {
      as: "gz",
      variables: { p: planId },
    });
    drawId = committed.data!.commitDraw.draw.id;
    await t.gql(REVEAL, { as: "gz", variables: { d: drawId } });
  });

  it("dispatches every planned task of a draw in one request, reporting each; a task without a team is refused", async () => {
    const tasks = await tasksOf(t, drawId);
    const teamless = tasks.find((task) => task.officers.length > 0)!;
    // one task loses its team: it must be refused while the others go
    await t.prisma.taskOfficer.deleteMany({ where: { taskId: keyOf("InspectionTask", teamless.id) } });
    const result = await t.gql<{ dispatchTasks: { dispatched: number; refused: number; results: DispatchResult[] } }>(
      DISPATCH_TASKS,
      { as: "gz", variables: { input: { drawId } } },
    );
    expect(result.errors).toBeUndefined();
    const payload = result.data!.dispatchTasks;
    // in the order of the tasks' keys inside their global ids
    const byKey = (a: string, b: string) => (keyOf("InspectionTask", a) < keyOf("InspectionTask", b) ? -1 : 1);
    expect(payload.results.map((r) => r.taskId)).toEqual(tasks.map((task) => task.id).sort(byKey));
    const refused = payload.results.filter((r) => !r.ok);
    expect(refused.map((r) => r.taskId)).toContain(teamless.id);
    expect(refused.find((r) => r.taskId === teamless.id)).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "NO_VALID_TEAM",
      task: null,
    });
    const went = payload.results.filter((r) => r.ok);
    expect(went.length).toBeGreaterThan(0);
    expect(payload.dispatched).toBe(went.length);
    for (const r of went) expect(r.task).toMatchObject({ state: "DISPATCHED", inspectionCode: expect.any(String) });
    const states = await t.prisma.inspectionTask.findMany({
      where: { drawId: keyOf("Draw", drawId) },
      select: { id: true, state: true },
    });
    expect(states.filter((s) => s.state === "DISPATCHED")).toHaveLength(went.length);
    // each dispatched task went out on the change stream, as a single dispatch does
    const events = await t.prisma.changeEvent.count({
      where: { kind: "dispatch.task", entityId: { in: went.map((r) => keyOf("InspectionTask", r.taskId)) } },
    });
    expect(events).toBe(went.length);
  });

  it("by ids reports an already dispatched task and an unknown one without failing the rest", async () => {
    const tasks = await tasksOf(t, drawId);
    const dispatched = tasks.find((task) => task.state === "DISPATCHED")!;
    const result = await t.gql<{ dispatchTasks: { results: DispatchResult[] } }>(DISPATCH_TASKS, {
      as: "gz",
      variables: { input: { taskIds: [dispatched.id, NO_SUCH_TASK] } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.dispatchTasks.results).toMatchObject([
      { taskId: dispatched.id, ok: false, code: "CONFLICT", reason: "ILLEGAL_TRANSITION" },
      { taskId: NO_SUCH_TASK, ok: false, code: "NOT_FOUND" },
    ]);
  });

  it("refuses no ids or more than 100 (problems[] with the domain code), and a province", async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `t${i}`);
    const many = await t.gql(DISPATCH_TASKS, { as: "gz", variables: { input: { taskIds: ids } } });
    expect(many.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "INVALID_INPUT",
      problems: [{ path: ["input", "taskIds"], code: "TOO_MANY_TASKS" }],
    });
    const none = await t.gql(DISPATCH_TASKS, { as: "gz", variables: { input: { taskIds: [] } } });
    expect(none.errors?.[0]?.extensions?.problems).toMatchObject([{ path: ["input", "taskIds"], code: "NO_TASKS" }]);
    const province = await t.gql(DISPATCH_TASKS, { as: "cq", variables: { input: { drawId } } });
    expect(province.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("gives codes whose check names the items in Chinese and the enterprise", async () => {
    const task = await t.prisma.inspectionTask.findFirstOrThrow({
      where: { drawId: keyOf("Draw", drawId), state: "DISPATCHED" },
    });
    const item = await t.prisma.enforcementItem.findUniqueOrThrow({ where: { code: task.itemCodes[0]! } });
    const checked = await t.gql<{
      verifyInspection: { valid: boolean; enterpriseName: string; visitItems: { code: string; name: string }[] };
    }>(
      `query($c: String!, $u: String!) { verifyInspection(code: $c, uscc: $u) { valid enterpriseName visitItems { code name } } }`,
      { token: null, variables: { c: task.inspectionCode, u: task.enterpriseUscc } },
    );
    expect(checked.data?.verifyInspection).toEqual({
      valid: true,
      enterpriseName: task.enterpriseName,
      visitItems: [{ code: item.code, name: item.name }],
    });
  });
});

describe("draw (一公开)", () => {
  it("is readable without a token, with the selected enterprises' public fields", async () => {
    const draw = await t.prisma.draw.findFirstOrThrow({ where: { status: "REVEALED" } });
    const result = await t.gql<{
      draw: { seed: string; selected: string[]; selectedCandidates: { uscc: string; name: string }[] };
    }>(`query($id: ID!) { draw(id: $id) { seed selected selectedCandidates { uscc name industry riskClass } } }`, {
      token: null,
      variables: { id: encodeGlobalId("Draw", draw.id) },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.draw.seed).toBe(draw.seed);
    expect(result.data!.draw.selectedCandidates.map((c) => c.uscc)).toEqual([...draw.selected].sort());
  });

  it("is rate-limited per address without a token", async () => {
    const limited = await createTestGateway({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: "2" } });
    try {
      const ask = () => limited.gql(`{ draw(id: "${NO_SUCH_DRAW}") { id } }`, { token: null });
      expect((await ask()).data).toEqual({ draw: null });
      await ask();
      const third = await ask();
      expect(third.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
      // a token holder is not counted
      expect((await limited.gql(`{ draw(id: "${NO_SUCH_DRAW}") { id } }`, { as: "cq" })).errors).toBeUndefined();
    } finally {
      await limited.dispose();
    }
  });
});

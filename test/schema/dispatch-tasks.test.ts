/**
 * A joint task's life through GraphQL: dispatch with a signed 执法码, the public code check for each
 * answer (两码互核), revocation, results from the provinces (start, complete, penalty case through
 * matchDiscretion), illegal transitions refused, who sees what, and the change stream events.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyOf } from "../../schema/common/node-access.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import {
  CHECK_CODE,
  createPlan,
  DISPATCH,
  drawFor,
  inspectionItem,
  type TaskNode,
  tasksOf,
} from "./dispatch-support.ts";
import { ingest } from "./sync-helpers.ts";

let t: TestGateway;
let tasks: TaskNode[];
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.parse(today) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestGateway({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" } });
  const item = await inspectionItem(t);
  const planId = await createPlan(t, {
    itemCodes: [
      item.code,
      (
        await t.prisma.enforcementItem.findFirstOrThrow({
          where: { kind: "INSPECTION", domainCode: "EMERGENCY", code: { not: item.code } },
        })
      ).code,
    ],
    baseRatioPpm: 100_000,
    excludeInspectedWithinDays: 0,
    visitFrom: today,
    visitTo: inDays(2),
  });
  const { drawId } = await drawFor(t, planId);
  tasks = (await tasksOf(t, drawId)).filter((task) => task.officers.length > 0);
  expect(tasks.length).toBeGreaterThanOrEqual(5);
});
afterAll(() => t.dispose());

interface CodeCheck {
  verifyInspection: { valid: boolean; reason: string | null; taskId: string | null; officers: string[] };
}

async function dispatch(task: TaskNode) {
  const result = await t.gql<{ dispatchTask: { task: { state: string; inspectionCode: string; version: number } } }>(
    DISPATCH,
    { as: "gz", variables: { id: task.id } },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.dispatchTask.task;
}

const check = (code: string, uscc: string) =>
  t.gql<CodeCheck>(CHECK_CODE, { token: null, variables: { c: code, u: uscc } });

describe("执法码", () => {
  it("is issued at dispatch and checks valid at the right enterprise without a token", async () => {
    const task = tasks[0]!;
    const dispatched = await dispatch(task);
    expect(dispatched.state).toBe("DISPATCHED");
    expect(dispatched.inspectionCode.split(".")).toHaveLength(3);
    expect(dispatched.inspectionCode.length).toBeLessThan(800); // fits a QR code
    const ok = await check(dispatched.inspectionCode, task.enterpriseUscc.toLowerCase());
    expect(ok.status).toBe(200);
    expect(ok.data?.verifyInspection).toMatchObject({ valid: true, reason: null, taskId: task.id });
    expect(ok.data?.verifyInspection.officers.sort()).toEqual(task.officers.map((o) => o.certificateNumber).sort());
  });

  it("answers WRONG_ENTERPRISE at another enterprise, MALFORMED and BAD_SIGNATURE for bad codes", async () => {
    const task = tasks[0]!;
    const { inspectionCode } = (await t.prisma.inspectionTask.findUniqueOrThrow({
      where: { id: keyOf("InspectionTask", task.id) },
    })) as {
      inspectionCode: string;
    };
    const other = tasks[1]!.enterpriseUscc;
    expect((await check(inspectionCode, other)).data?.verifyInspection.reason).toBe("WRONG_ENTERPRISE");
    expect((await check("not-a-code", task.enterpriseUscc)).data?.verifyInspection.reason).toBe("MALFORMED");
    const [h, p, s] = inspectionCode.split(".");
    const flipped = `${h}.${p}.${s!.slice(0, -2)}${s!.endsWith("AA") ? "BB" : "AA"}`;
    expect((await check(flipped, task.enterpriseUscc)).data?.verifyInspection.reason).toBe("BAD_SIGNATURE");
  });

  it("answers REVOKED once revoked, and UNKNOWN_TASK for a signed code of a task that does not exist", async () => {
    const task = tasks[1]!;
    const { inspectionCode } = await dispatch(task);
    const revoked = await t.gql(
      `mutation($id: ID!) { revokeInspectionCode(input: { taskId: $id, reason: "证件遗失" }) {
        task { codeRevoked codeRevokedReason } } }`,
      { as: "gz", variables: { id: task.id } },
    );
    expect(revoked.data).toEqual({
      revokeInspectionCode: { task: { codeRevoked: true, codeRevokedReason: "证件遗失" } },
    });
    expect((await check(inspectionCode, task.enterpriseUscc)).data?.verifyInspection.reason).toBe("REVOKED");
    await t.prisma.taskOfficer.deleteMany({ where: { taskId: keyOf("InspectionTask", task.id) } });
    await t.prisma.inspectionTask.delete({ where: { id: keyOf("InspectionTask", task.id) } });
    expect((await check(inspectionCode, task.enterpriseUscc)).data?.verifyInspection.reason).toBe("UNKNOWN_TASK");
  });

  it("answers REVOKED for the code of a cancelled task", async () => {
    const task = tasks[4]!;
    const { inspectionCode } = await dispatch(task);
    const cancelled = await t.gql(
      `mutation($id: ID!) { cancelTask(input: { taskId: $id, reason: "企业停产" }) { task { state } } }`,
      {
        as: "gz",
        variables: { id: task.id },
      },
    );
    expect(cancelled.errors).toBeUndefined();
    expect((await check(inspectionCode, task.enterpriseUscc)).data?.verifyInspection).toMatchObject({
      valid: false,
      reason: "REVOKED",
    });
  });

  it("is rate-limited per address: RATE_LIMITED (429) past the limit", async () => {
    // in-process counting (REDIS_URL empty): with Redis the same limiter counts in Redis, shared by replicas
    const limited = await createTestGateway({
      seed: false,
      env: { PUBLIC_RATE_LIMIT_PER_MINUTE: "3", REDIS_URL: "" },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.gql<CodeCheck>(CHECK_CODE, { token: null, variables: { c: "x.y.z", u: "x" } });
        statuses.push(r.status);
        if (r.status === 429) expect(r.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await limited.dispose();
    }
  });
});

const RESULTS = `mutation($id: ID!, $r: [TaskItemResultInput!]!) { recordTaskResults(input: { taskId: $id, results: $r }) {
  task { state version results { itemCode result recordedBy jurisdiction
    penaltyCase { itemCode outcome range { minYuan maxYuan } tier { level name } citations benchmarkVersion } } } } }`;

describe("results from the provinces' platforms", () => {
  it("start the task with the first result, complete it with the last; replays change nothing", async () => {
    const task = tasks[2]!;
    await dispatch(task);
    const sc = task.officers.find((o) => o.homeJurisdiction === "SC")!;
    const cq = task.officers.find((o) => o.homeJurisdiction === "CQ")!;
    const [first, second] = task.itemCodes;
    const one = [{ itemCode: first, result: "COMPLIANT", recordedBy: sc.certificateNumber }];
    const started = await t.gql<{ recordTaskResults: { task: { state: string; version: number } } }>(RESULTS, {
      as: "sc",
      variables: { id: task.id, r: one },
    });
    expect(started.errors).toBeUndefined();
    expect(started.data?.recordTaskResults.task.state).toBe("IN_PROGRESS");
    const replay = await t.gql<{ recordTaskResults: { task: { version: number } } }>(RESULTS, {
      as: "sc",
      variables: { id: task.id, r: one },
    });
    expect(replay.data?.recordTaskResults.task.version).toBe(started.data?.recordTaskResults.task.version);

    const penaltyItem = await t.prisma.enforcementItem.findFirstOrThrow({
      where: { kind: "PENALTY", domainCode: "EMERGENCY", benchmarks: { some: {} } },
      orderBy: { code: "asc" },
    });
    const done = await t.gql<{
      recordTaskResults: {
        task: { state: string; results: { itemCode: string; penaltyCase: Record<string, unknown> | null }[] };
      };
    }>(RESULTS, {
      as: "cq",
      variables: {
        id: task.id,
        r: [
          {
            itemCode: second,
            result: "NON_COMPLIANT",
            findings: "安全出口堵塞",
            recordedBy: cq.certificateNumber,
            penaltyCase: { itemCode: penaltyItem.code, actDate: today },
          },
        ],
      },
    });
    expect(done.errors).toBeUndefined();
    expect(done.data?.recordTaskResults.task.state).toBe("DONE");
    const opened = done.data?.recordTaskResults.task.results.find((r) => r.itemCode === second);
    // the case is matched as matchDiscretion answers the same case on the day it was recorded
    const matched = await t.gql<{ matchDiscretion: Record<string, unknown> }>(
      `query($code: String!, $day: Date!) { matchDiscretion(input: { itemCode: $code, actDate: $day, decisionDate: $day }) {
        outcome range { minYuan maxYuan } tier { level name } citations benchmarkVersion } }`,
      { as: "cq", variables: { code: penaltyItem.code, day: today } },
    );
    expect(matched.errors).toBeUndefined();
    expect(opened?.penaltyCase).toEqual({ itemCode: penaltyItem.code, ...matched.data?.matchDiscretion });
    expect(opened?.penaltyCase?.outcome).toMatch(/PENALTY/);

    const cancel = await t.gql(
      `mutation($id: ID!) { cancelTask(input: { taskId: $id, reason: "x" }) { task { state } } }`,
      {
        as: "gz",
        variables: { id: task.id },
      },
    );
    expect(cancel.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "ILLEGAL_TRANSITION" });

    // the visit is over: its 执法码 no longer lets anyone in, though still inside its validity window
    const { inspectionCode } = await t.prisma.inspectionTask.findUniqueOrThrow({
      where: { id: keyOf("InspectionTask", task.id) },
    });
    const after = await check(inspectionCode as string, task.enterpriseUscc);
    expect(after.data?.verifyInspection).toMatchObject({ valid: false, reason: "COMPLETED" });
  });

  it("refuse a result recorded under another province's officer, or under one not on the team", async () => {
    const task = tasks[3] ?? tasks[0]!;
    if (tasks[3]) await dispatch(task);
    const sc = task.officers.find((o) => o.homeJurisdiction === "SC")!;
    const asCq = await t.gql(RESULTS, {
      as: "cq",
      variables: {
        id: task.id,
        r: [{ itemCode: task.itemCodes[0], result: "COMPLIANT", recordedBy: sc.certificateNumber }],
      },
    });
    expect(asCq.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "OTHER_JURISDICTION" });
    const outsider = await t.prisma.officer.findFirstOrThrow({
      where: { homeJurisdiction: "sc", certificateNumber: { notIn: task.officers.map((o) => o.certificateNumber) } },
    });
    const notOnTeam = await t.gql(RESULTS, {
      as: "sc",
      variables: {
        id: task.id,
        r: [{ itemCode: task.itemCodes[0], result: "COMPLIANT", recordedBy: outsider.certificateNumber }],
      },
    });
    expect(notOnTeam.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "NOT_ON_TEAM" });
    const gz = await t.gql(RESULTS, {
      as: "gz",
      variables: {
        id: task.id,
        r: [{ itemCode: task.itemCodes[0], result: "COMPLIANT", recordedBy: sc.certificateNumber }],
      },
    });
    expect(gz.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("who sees which task", () => {
  it("an officer's token sees only its own tasks; a province the tasks of its officers", async () => {
    const member = tasks[0]!.officers.find((o) => o.homeJurisdiction === "CQ")!;
    const own = await tasksOf(t, null, "cq", member.certificateNumber);
    expect(own.length).toBeGreaterThan(0);
    for (const task of own) expect(task.officers.map((o) => o.certificateNumber)).toContain(member.certificateNumber);
    const all = await tasksOf(t, null, "gz");
    expect(own.length).toBeLessThan(all.length);
    const province = await tasksOf(t, null, "sc");
    for (const task of province) expect(task.officers.some((o) => o.homeJurisdiction === "SC")).toBe(true);
  });

  it("node reads a task under the same rule: null for an officer not on it, the task for its team's province", async () => {
    const member = tasks[0]!.officers.find((o) => o.homeJurisdiction === "CQ")!;
    const own = new Set((await tasksOf(t, null, "cq", member.certificateNumber)).map((task) => task.id));
    const other = (await tasksOf(t, null, "gz")).find((task) => !own.has(task.id))!;
    const NODE = "query($id: ID!) { node(id: $id) { id ... on InspectionTask { state } } }";
    const asMember = await t.gql<{ node: unknown }>(NODE, {
      as: "cq",
      subject: member.certificateNumber,
      variables: { id: other.id },
    });
    expect(asMember.errors).toBeUndefined();
    expect(asMember.data?.node).toBeNull();
    const mine = [...own][0]!;
    const seen = await t.gql<{ node: { id: string } }>(NODE, {
      as: "cq",
      subject: member.certificateNumber,
      variables: { id: mine },
    });
    expect(seen.data?.node.id).toBe(mine);
  });

  it("a dispatched task goes on the change stream to the provinces of its team", async () => {
    const events = await t.prisma.changeEvent.findMany({
      where: { kind: "dispatch.task", entityId: keyOf("InspectionTask", tasks[0]!.id) },
    });
    expect(events.length).toBeGreaterThan(0);
    const payload = events.at(-1)!.payload as { jurisdictions: string[]; inspectionCode: string; state: string };
    expect(payload.jurisdictions).toEqual(["cq", "sc"]);
    expect(payload.state).toBe("DISPATCHED");
    expect(payload.inspectionCode).toBeTruthy();
  });
});

describe("results that arrive as records from a platform", () => {
  it("an ingested inspection naming the task and item becomes the item's result; a stranger's record stays a record", async () => {
    const task = tasks.at(-1)!; // untouched by the tests above
    await dispatch(task);
    const sc = task.officers.find((o) => o.homeJurisdiction === "SC")!;
    const record = (originId: string, itemCode: string, result: string) => ({
      originId,
      version: 1,
      kind: "INSPECTION" as const,
      itemCode,
      enterpriseUscc: task.enterpriseUscc,
      officerCertificates: [sc.certificateNumber],
      occurredAt: new Date().toISOString(),
      result,
      findings: "现场检查",
      taskId: task.id,
    });
    const first = await ingest(t, "sc", { records: [record("SC-JC-TASK-1", task.itemCodes[0]!, "COMPLIANT")] });
    expect(first.errors).toBeUndefined();
    const stored = await t.prisma.inspectionTask.findUniqueOrThrow({
      where: { id: keyOf("InspectionTask", task.id) },
      include: { results: true },
    });
    expect(stored.state).toBe("IN_PROGRESS");
    expect(stored.results).toEqual([
      expect.objectContaining({
        itemCode: task.itemCodes[0],
        result: "COMPLIANT",
        recordedBy: sc.certificateNumber,
        jurisdiction: "sc",
      }),
    ]);

    const stray = await ingest(t, "sc", {
      records: [{ ...record("SC-JC-TASK-2", "GZ-999", "合格"), itemCode: task.itemCodes[0]!, taskId: "no-such-task" }],
    });
    expect(stray.data?.ingestRecords.results[0]).toMatchObject({ outcome: "APPLIED", code: "TASK_NOT_ANSWERED" });

    await ingest(t, "sc", { records: [record("SC-JC-TASK-3", task.itemCodes[1]!, "不合格")] });
    const done = await t.prisma.inspectionTask.findUniqueOrThrow({ where: { id: keyOf("InspectionTask", task.id) } });
    expect(done.state).toBe("DONE");
  });
});

describe("startTask", () => {
  const START = `mutation($id: ID!) { startTask(input: { taskId: $id }) { task { id state version } } }`;
  type Started = { startTask: { task: { id: string; state: string; version: number } } };

  it("a team member starts a dispatched task (IN_PROGRESS, version bumped); starting it again is ILLEGAL_TRANSITION", async () => {
    expect(tasks.length).toBeGreaterThanOrEqual(7);
    const task = tasks[5]!; // untouched by the tests above
    expect(task.teamProblems).toEqual([]);
    const dispatched = await dispatch(task);
    const member = task.officers.find((o) => o.homeJurisdiction === "CQ")!;
    const started = await t.gql<Started>(START, {
      as: "cq",
      subject: member.certificateNumber,
      variables: { id: task.id },
    });
    expect(started.errors).toBeUndefined();
    expect(started.data?.startTask.task).toEqual({
      id: task.id,
      state: "IN_PROGRESS",
      version: dispatched.version + 1,
    });
    const again = await t.gql(START, { as: "gz", variables: { id: task.id } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "ILLEGAL_TRANSITION" });
  });
});

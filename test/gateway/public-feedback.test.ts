/**
 * 检查情况反馈表 on `/v/<code>`: the form only for the task's own enterprise after the visit; a POST checked
 * again by the gateway (a wrong USCC or a forged code stores nothing), once per task and enterprise,
 * rate-limited, audited without its content; and every code check leaves an InspectionCodeCheck row.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyOf } from "../../schema/common/node-access.ts";
import { createPlan, DISPATCH, drawFor, inspectionItem, type TaskNode, tasksOf } from "../schema/dispatch-support.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const ANSWERS = {
  codeShown: "yes",
  teamMatched: "yes",
  durationMinutes: "40",
  satisfaction: "5",
  comments: "张三 13800000000 态度很好",
};

let t: TestGateway;
let tasks: TaskNode[];

beforeAll(async () => {
  t = await createTestGateway({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" } });
  const item = await inspectionItem(t);
  const planId = await createPlan(t, {
    itemCodes: [item.code],
    baseRatioPpm: 100_000,
    excludeInspectedWithinDays: 0,
    visitFrom: today,
    visitTo: today,
  });
  const { drawId } = await drawFor(t, planId);
  tasks = (await tasksOf(t, drawId)).filter((task) => task.officers.length > 0);
  expect(tasks.length).toBeGreaterThanOrEqual(3);
});
afterAll(() => t?.dispose());

async function dispatched(task: TaskNode, state?: "DONE") {
  const result = await t.gql<{ dispatchTask: { task: { inspectionCode: string } } }>(DISPATCH, {
    as: "gz",
    variables: { id: task.id },
  });
  expect(result.errors).toBeUndefined();
  if (state) await t.prisma.inspectionTask.update({ where: { id: keyOf("InspectionTask", task.id) }, data: { state } });
  return result.data!.dispatchTask.task.inspectionCode;
}

const get = async (path: string, gateway = t) => {
  const response = await gateway.gateway.fetch(`http://gateway.test${path}`);
  return { status: response.status, text: await response.text() };
};
const post = async (code: string, fields: Record<string, string>, gateway = t) => {
  const response = await gateway.gateway.fetch(`http://gateway.test/v/${encodeURIComponent(code)}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, text: await response.text() };
};

describe("检查情况反馈表", () => {
  it("is offered after the visit to the task's own enterprise only", async () => {
    const [done, other] = tasks;
    const code = await dispatched(done!, "DONE");
    const own = await get(`/v/${encodeURIComponent(code)}?uscc=${done!.enterpriseUscc}`);
    expect(own.text).toContain('data-verdict="COMPLETED"');
    expect(own.text).toContain('id="feedback"');
    const wrong = await get(`/v/${encodeURIComponent(code)}?uscc=${other!.enterpriseUscc}`);
    expect(wrong.text).toContain('data-verdict="WRONG_ENTERPRISE"');
    expect(wrong.text).not.toContain('id="feedback"');
    expect((await get(`/v/${encodeURIComponent(code)}`)).text).not.toContain('id="feedback"');
  });

  it("stores once, answers 已收到 twice, audits the submission without its content", async () => {
    const task = tasks[1]!;
    const code = await dispatched(task, "DONE");
    const first = await post(code, { uscc: task.enterpriseUscc.toLowerCase(), ...ANSWERS });
    expect(first.status).toBe(200);
    expect(first.text).toContain('data-received="NEW">已收到');
    const again = await post(code, { uscc: task.enterpriseUscc, ...ANSWERS, satisfaction: "1" });
    expect(again.text).toContain('data-received="ALREADY">已收到');
    const rows = await t.prisma.inspectionFeedback.findMany({ where: { taskId: keyOf("InspectionTask", task.id) } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ enterpriseUscc: task.enterpriseUscc, satisfaction: 5, durationMinutes: 40 });

    let entries: { recordIds: string[]; outcome: string }[] = [];
    for (let i = 0; i < 50 && entries.length < 2; i++) {
      entries = await t.prisma.auditEntry.findMany({ where: { operationName: "PublicFeedback" } });
      if (entries.length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(entries.filter((e) => e.recordIds.includes(rows[0]!.id) && e.outcome === "OK")).toHaveLength(2);
    expect(JSON.stringify(entries, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("13800000000");
  });

  it("refuses a wrong USCC, a forged code and an incomplete form, storing nothing", async () => {
    const task = tasks[2]!;
    const code = await dispatched(task, "DONE");
    const before = await t.prisma.inspectionFeedback.count();
    const wrong = await post(code, { uscc: tasks[0]!.enterpriseUscc, ...ANSWERS });
    expect(wrong.status).toBe(403);
    expect(wrong.text).toContain('data-code="FEEDBACK_NOT_OPEN"');
    const [h, p, s] = code.split(".");
    const forged = `${h}.${p}.${s!.slice(0, -4)}AAAA`;
    expect((await post(forged, { uscc: task.enterpriseUscc, ...ANSWERS })).text).toContain("FEEDBACK_NOT_OPEN");
    const incomplete = await post(code, { uscc: task.enterpriseUscc, codeShown: "yes" });
    expect(incomplete.status).toBe(400);
    expect(incomplete.text).toContain('data-code="FEEDBACK_ANSWER_MISSING"');
    expect(await t.prisma.inspectionFeedback.count()).toBe(before);
  });

  it("writes one InspectionCodeCheck row per check, with the task when the code decodes", async () => {
    const task = tasks[0]!;
    const { inspectionCode } = (await t.prisma.inspectionTask.findUniqueOrThrow({
      where: { id: keyOf("InspectionTask", task.id) },
    })) as { inspectionCode: string };
    const taskId = keyOf("InspectionTask", task.id);
    const before = await t.prisma.inspectionCodeCheck.count({ where: { taskId } });
    await get(`/v/${encodeURIComponent(inspectionCode)}?uscc=${tasks[1]!.enterpriseUscc}`);
    await get("/v/garbage?uscc=X");
    const rows = await t.prisma.inspectionCodeCheck.findMany({ where: { taskId }, orderBy: { checkedAt: "desc" } });
    expect(rows).toHaveLength(before + 1);
    expect(rows[0]).toMatchObject({
      valid: false,
      reason: "WRONG_ENTERPRISE",
      enterpriseUscc: tasks[1]!.enterpriseUscc,
    });
    expect(await t.prisma.inspectionCodeCheck.count({ where: { taskId: null, reason: "MALFORMED" } })).toBeGreaterThan(
      0,
    );
  });
});

describe("检查情况反馈表 rate limit", () => {
  it("shares verifyInspection's per-address limit: 429 past it", async () => {
    const limited = await createTestGateway({ seed: false, env: { PUBLIC_RATE_LIMIT_PER_MINUTE: "2", REDIS_URL: "" } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await post("x.y.z", { uscc: "X", ...ANSWERS }, limited)).status);
      expect(statuses).toEqual([403, 403, 429, 429]);
    } finally {
      await limited.dispose();
    }
  });
});

/**
 * A joint task from the committee to both platforms and its results back, through the adapters like any
 * client: a plan and draw (gz), dispatch; the task appears on the Chongqing and the Sichuan simulator
 * with its 执法码 in each dialect; the simulated officers answer their items on their own platform; the
 * gateway's task is DONE with a result per item, each from the platform of the officer it fell to.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalId, keyOf } from "../../schema/common/node-access.ts";
import { type SyncWorld, startSyncWorld, until } from "./sync-world.ts";

let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld();
}, 120_000);
afterAll(() => world?.dispose(), 60_000);

interface SimTasks {
  tasks: Array<Record<string, unknown>>;
}
const simTasks = async (url: string) => ((await (await fetch(`${url}/_sim/store`)).json()) as SimTasks).tasks;

describe("joint tasks ⇄ platforms", () => {
  it("reach both platforms in their dialects and come back answered, item by item", async () => {
    const items = await world.live.prisma.enforcementItem.findMany({
      where: { kind: "INSPECTION", domainCode: "EMERGENCY" },
      orderBy: { code: "asc" },
      take: 3,
    });
    const plan = await world.gz<{ createInspectionPlan: { plan: { id: string } } }>(
      `mutation($i: InspectionPlanInput!) { createInspectionPlan(input: $i) { plan { id } } }`,
      {
        i: {
          name: "应急管理联合检查",
          itemCodes: items.map((i) => i.code),
          baseRatioPpm: 20_000,
          excludeInspectedWithinDays: 0,
          visitFrom: "2026-12-01",
          visitTo: "2026-12-04",
        },
      },
    );
    const planId = plan.data!.createInspectionPlan.plan.id;
    const committed = await world.gz<{ commitDraw: { draw: { id: string } } }>(
      `mutation($p: ID!) { commitDraw(input: { planId: $p }) { draw { id } } }`,
      { p: planId },
    );
    const drawId = committed.data!.commitDraw.draw.id;
    await world.gz(`mutation($d: ID!) { revealDraw(input: { drawId: $d }) { draw { id } } }`, { d: drawId });
    const tasks = await world.live.prisma.inspectionTask.findMany({
      where: { drawId: keyOf("Draw", drawId), officers: { some: {} } },
      include: { officers: { orderBy: { pick: "asc" } } },
      orderBy: { id: "asc" },
    });
    expect(tasks.length).toBeGreaterThan(0);
    // as the API and the platforms name it: by its global id
    const task = { ...tasks[0]!, id: encodeGlobalId("InspectionTask", tasks[0]!.id) };
    const dispatched = await world.gz<{ dispatchTask: { task: { inspectionCode: string } } }>(
      `mutation($id: ID!) { dispatchTask(input: { taskId: $id }) { task { inspectionCode } } }`,
      { id: task.id },
    );
    const code = dispatched.data!.dispatchTask.task.inspectionCode;

    await until(
      "the task is on both platforms",
      async () => {
        const [cq, sc] = [await simTasks(world.sims.cq.url), await simTasks(world.sims.sc.url)];
        return cq.some((t) => t.taskId === task.id) && sc.some((t) => t.task_id === task.id);
      },
      30_000,
    );
    const cqTask = (await simTasks(world.sims.cq.url)).find((t) => t.taskId === task.id)!;
    const scTask = (await simTasks(world.sims.sc.url)).find((t) => t.task_id === task.id)!;
    expect(cqTask).toMatchObject({
      code,
      enterpriseUscc: task.enterpriseUscc,
      officerCertNos: task.officers.map((o) => o.certificateNumber),
    });
    expect(scTask).toMatchObject({
      code,
      enterprise_uscc: task.enterpriseUscc,
      window: { from: "2026-12-01 00:00:00", to: "2026-12-04 23:59:59" },
    });
    expect((cqTask.itemCodes as string[]).every((c) => !c.startsWith("GZ-"))).toBe(true); // Chongqing's own codes

    // the platforms' officers answer the items that fall to them (one step of activity each)
    for (let i = 0; i < task.itemCodes.length; i++) {
      world.sims.cq.generator.run(1);
      world.sims.sc.generator.run(1);
    }
    await until(
      "the task is done in the gateway",
      async () => {
        const row = await world.live.prisma.inspectionTask.findUniqueOrThrow({
          where: { id: keyOf("InspectionTask", task.id) },
        });
        return row.state === "DONE";
      },
      30_000,
    );
    const results = await world.live.prisma.taskItemResult.findMany({
      where: { taskId: keyOf("InspectionTask", task.id) },
      orderBy: { itemCode: "asc" },
    });
    expect(results.map((r) => r.itemCode)).toEqual([...task.itemCodes].sort());
    const officerOf = new Map(task.officers.map((o) => [o.certificateNumber, o.homeJurisdiction.toLowerCase()]));
    for (const result of results) expect(result.jurisdiction).toBe(officerOf.get(result.recordedBy));
    expect(new Set(results.map((r) => r.jurisdiction))).toEqual(new Set(["cq", "sc"]));
  }, 90_000);

  it("a revoked code reaches both platforms as a revoked task, which their officers no longer answer", async () => {
    const stored = await world.live.prisma.inspectionTask.findFirstOrThrow({
      where: { state: "PLANNED", officers: { some: {} } },
      orderBy: { id: "asc" },
    });
    const task = { id: encodeGlobalId("InspectionTask", stored.id) };
    await world.gz(`mutation($id: ID!) { dispatchTask(input: { taskId: $id }) { task { id } } }`, { id: task.id });
    const revoked = await world.gz<{ revokeInspectionCode: { task: { codeRevoked: boolean } } }>(
      `mutation($id: ID!) { revokeInspectionCode(input: { taskId: $id, reason: "证件遗失" }) { task { codeRevoked } } }`,
      { id: task.id },
    );
    expect(revoked.data?.revokeInspectionCode.task.codeRevoked).toBe(true);
    await until(
      "both platforms hold the task as revoked",
      async () => {
        const cq = (await simTasks(world.sims.cq.url)).find((t) => t.taskId === task.id);
        const sc = (await simTasks(world.sims.sc.url)).find((t) => t.task_id === task.id);
        return cq?.status === "REVOKED" && sc?.state === "revoked";
      },
      30_000,
    );
    world.sims.cq.generator.run(3);
    world.sims.sc.generator.run(3);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await world.live.prisma.taskItemResult.count({ where: { taskId: keyOf("InspectionTask", task.id) } })).toBe(
      0,
    );
  }, 60_000);
});

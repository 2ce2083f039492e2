/**
 * The public pages in a phone-sized browser, without sign-in: `/v/<code>` (两码互核) says 无效 for a garbage
 * code, 有效 with the team and items at the right enterprise, 非本企业 at another; `/draws/<id>` publishes the
 * draw with its hashes, seed and selection; `/report/unshown-code` takes a 未亮码检查 report once. No request leaves the machine, no script error.
 */
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../gateway/http-server.ts";
import { keyOf } from "../../schema/common/node-access.ts";
import { createPlan, DISPATCH, drawFor, inspectionItem, type TaskNode, tasksOf } from "../schema/dispatch-support.ts";
import { BROWSER_MISSING, browserAvailable, expectNoBrowserProblems, useBrowser } from "../support/browser.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe.skipIf(!browserAvailable)(browserAvailable ? "public pages" : `public pages: ${BROWSER_MISSING}`, () => {
  const browser = useBrowser();
  let t: TestGateway;
  let server: Server;
  let url: string;
  let drawId: string;
  let task: TaskNode;

  beforeAll(async () => {
    t = await createTestGateway({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" } });
    server = createHttpServer(t.gateway);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const item = await inspectionItem(t);
    const planId = await createPlan(t, {
      name: "公示页抽查",
      itemCodes: [item.code],
      baseRatioPpm: 10_000,
      excludeInspectedWithinDays: 0,
      visitFrom: today,
      visitTo: today,
    });
    ({ drawId } = await drawFor(t, planId));
    const planned = (await tasksOf(t, drawId)).find((n) => n.officers.length > 0);
    if (!planned) throw new Error("the draw formed no team");
    const dispatched = await t.gql<{ dispatchTask: { task: TaskNode } }>(DISPATCH, {
      as: "gz",
      variables: { id: planned.id },
    });
    expect(dispatched.errors).toBeUndefined();
    task = { ...planned, ...dispatched.data!.dispatchTask.task };
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await t?.dispose();
  });

  it("/v/<garbage> says 无效 at once", async () => {
    const page = await browser.current.newPage({ phone: true });
    await page.goto(`${url}/v/not-a-code-at-all`);
    await expect.poll(() => page.locator(".verdict").innerText()).toBe("无效");
    expectNoBrowserProblems(browser.current);
  });

  it("a real 执法码 is 有效 at its enterprise, with the team and the items, and 非本企业 at another", async () => {
    const page = await browser.current.newPage({ phone: true });
    const code = task.inspectionCode ?? "";
    await page.goto(`${url}/v/${code}`);
    expect(await page.locator(".verdict").count()).toBe(0); // a genuine code: the form first
    await page.getByLabel("统一社会信用代码").fill(task.enterpriseUscc);
    await page.getByRole("button", { name: "核验执法码" }).click();
    await expect.poll(() => page.locator(".verdict").innerText()).toBe("有效");
    const text = await page.locator("main").innerText();
    for (const officer of task.officers) expect(text).toContain(officer.certificateNumber);
    for (const itemCode of task.itemCodes) expect(text).toContain(itemCode);
    // the page fits a phone: nothing wider than the screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const other = await t.prisma.enterprise.findFirstOrThrow({ where: { uscc: { not: task.enterpriseUscc } } });
    await page.getByLabel("统一社会信用代码").fill(other.uscc);
    await page.getByRole("button", { name: "核验执法码" }).click();
    await expect.poll(() => page.locator(".verdict").innerText()).toBe("非本企业");
    expectNoBrowserProblems(browser.current);
  });

  it("/draws/<id> publishes the commitment, the seed and the selection", async () => {
    const draw = await t.prisma.draw.findUniqueOrThrow({ where: { id: keyOf("Draw", drawId) } });
    const page = await browser.current.newPage({ phone: true });
    await page.goto(`${url}/draws/${encodeURIComponent(drawId)}`);
    await expect.poll(() => page.locator("#seed-hash").innerText()).toBe(draw.seedHash);
    expect(await page.locator("#candidate-list-hash").innerText()).toBe(draw.candidateListHash);
    expect(await page.locator("#seed").innerText()).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.locator("main").innerText()).toContain("与抽取前公布的种子哈希一致");
    expect(await page.locator("#selected tbody tr").count()).toBe(draw.selected.length);
    expect(await page.locator("#selected").innerText()).toContain(task.enterpriseUscc);
    expectNoBrowserProblems(browser.current);
  });

  it("an enterprise reports an inspection without a 执法码: a wrong USCC is named, then 已收到 once", async () => {
    const page = await browser.current.newPage({ phone: true });
    await page.goto(`${url}/v/${task.inspectionCode ?? ""}`);
    await page.locator("#unshown-code-link").click();
    await expect.poll(() => page.locator("h1").innerText()).toBe("未亮码检查反映");
    const wrongCheckDigit = `${task.enterpriseUscc.slice(0, 17)}${task.enterpriseUscc.endsWith("0") ? "1" : "0"}`;
    await page.getByLabel("贵企业的统一社会信用代码").fill(wrongCheckDigit);
    await page.getByLabel("检查日期").fill(today);
    await page.getByLabel("检查人员自称的部门").fill("某县市场监管局");
    await page.getByLabel("情况说明").fill("上午十点两人到厂检查消防通道，未出示执法码。");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const refused = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "提交反映" }).click();
    // refused (400) with its stable code, and what was typed is kept
    expect((await refused).status()).toBe(400);
    await expect.poll(() => page.locator("#report-problems li").first().getAttribute("data-code")).toBe("USCC_INVALID");
    // the browser logs that expected 400 as a console error, and only that
    await expect.poll(() => browser.current.problems()).toEqual([expect.stringMatching(/status of 400.*unshown-code/)]);
    browser.current.clearProblems();
    expect(await page.getByLabel("检查人员自称的部门").inputValue()).toBe("某县市场监管局");
    expect(await t.prisma.unshownCodeReport.count()).toBe(0);

    await page.getByLabel("贵企业的统一社会信用代码").fill(task.enterpriseUscc);
    await page.getByRole("button", { name: "提交反映" }).click();
    await expect.poll(() => page.locator(".verdict").innerText()).toBe("已收到");
    expect(await page.locator(".verdict").getAttribute("data-received")).toBe("NEW");

    // the same enterprise, day and department again: received, stored once
    await page.goto(`${url}/report/unshown-code`);
    await page.getByLabel("贵企业的统一社会信用代码").fill(task.enterpriseUscc);
    await page.getByLabel("检查日期").fill(today);
    await page.getByLabel("检查人员自称的部门").fill("某县市场监管局");
    await page.getByLabel("情况说明").fill("同一次检查，再次提交。");
    await page.getByRole("button", { name: "提交反映" }).click();
    await expect.poll(() => page.locator(".verdict").getAttribute("data-received")).toBe("ALREADY");
    const stored = await t.prisma.unshownCodeReport.findMany();
    expect(stored).toMatchObject([
      { enterpriseUscc: task.enterpriseUscc, occurredOn: today, department: "某县市场监管局" },
    ]);
    expectNoBrowserProblems(browser.current);
  });

  // last: it marks the task done
  it("after the visit the enterprise fills the 检查情况反馈表 on its phone and reads 已收到", async () => {
    await t.prisma.inspectionTask.update({ where: { id: keyOf("InspectionTask", task.id) }, data: { state: "DONE" } });
    const page = await browser.current.newPage({ phone: true });
    await page.goto(`${url}/v/${task.inspectionCode ?? ""}`);
    await page.getByLabel("统一社会信用代码").fill(task.enterpriseUscc);
    await page.getByRole("button", { name: "核验执法码" }).click();
    await expect.poll(() => page.locator(".verdict").innerText()).toBe("已完成");
    await page.locator('input[name="codeShown"][value="yes"]').check();
    await page.locator('input[name="teamMatched"][value="yes"]').check();
    await page.getByLabel("检查用时").fill("35");
    await page.locator('input[name="satisfaction"][value="4"]').check();
    await page.getByLabel("意见建议").fill("检查规范，用时合理。");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole("button", { name: "提交反馈" }).click();
    await expect.poll(() => page.locator(".verdict").innerText()).toBe("已收到");
    const stored = await t.prisma.inspectionFeedback.findMany({ where: { taskId: keyOf("InspectionTask", task.id) } });
    expect(stored).toMatchObject([{ codeShown: true, teamMatched: true, durationMinutes: 35, satisfaction: 4 }]);
    expectNoBrowserProblems(browser.current);
  });
});

/**
 * The committee's whole journey in the console on a fresh system, in headless Chromium with every other host
 * blocked: sign in (development), plan with preview, commit, reveal, dispatch all; a task's QR link opened on a
 * phone at its enterprise (有效) and at another (非本企业); the simulated officers answer on their platforms and
 * the task turns 已完成 in the console by itself (SSE). No failed request, no script error.
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleBuildIsStale } from "../../gateway/console/console-files.ts";
import { buildConsole } from "../../scripts/build-console.ts";
import { type SyncWorld, startSyncWorld } from "../adapters/sync-world.ts";
import { BROWSER_MISSING, browserAvailable, expectNoBrowserProblems, useBrowser } from "../support/browser.ts";

/** the enterprise a 执法码 was issued to (its payload's `e`) */
const usccOf = (code: string) =>
  (JSON.parse(Buffer.from(code.split(".")[1] ?? "", "base64url").toString("utf8")) as { e: string }).e;

describe.skipIf(!browserAvailable)(browserAvailable ? "console journey" : `console journey: ${BROWSER_MISSING}`, () => {
  const browser = useBrowser();
  let world: SyncWorld;
  beforeAll(async () => {
    if (consoleBuildIsStale()) await buildConsole();
    world = await startSyncWorld();
  }, 180_000);
  afterAll(() => world?.dispose(), 60_000);

  it("plan → preview → commit → reveal → dispatch all → a code checked on a phone → a task done, live", async () => {
    const page = await browser.current.newPage();
    await page.goto(`${world.live.url}/console/`);
    await page.getByRole("button", { name: "以管委会身份登录" }).click();
    await expect.poll(() => page.locator("body").innerText()).toContain("调度台");

    await page.getByLabel("近期检查排除（天）").fill("0");
    await page.getByRole("button", { name: "预览抽取结果" }).click();
    await expect.poll(() => page.locator("body").innerText(), { timeout: 15_000 }).toContain("未写入任何数据");
    expect(await page.locator("body").innerText()).toMatch(/将抽取 \d+ 家/);

    await page.getByRole("button", { name: "创建计划并承诺抽取" }).click();
    await expect.poll(() => page.locator("body").innerText(), { timeout: 15_000 }).toContain("种子哈希");
    await page.getByRole("button", { name: "揭晓抽取结果" }).click();
    await expect.poll(() => page.locator("[data-state=PLANNED]").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByRole("button", { name: "全部派发" }).click();
    await expect.poll(() => page.locator("body").innerText(), { timeout: 15_000 }).toMatch(/已派发 \d+ 项/);
    await expect.poll(() => page.locator("[data-state=DISPATCHED]").count(), { timeout: 15_000 }).toBeGreaterThan(0);

    // the 执法码's QR code leads to the public check: valid at its enterprise, 非本企业 at another
    const link = (await page.locator("a.task-qr-link").first().getAttribute("href")) ?? "";
    const code = decodeURIComponent(new URL(link).pathname.slice("/v/".length));
    const phone = await browser.current.newPage({ phone: true });
    await phone.goto(link);
    await phone.getByLabel("统一社会信用代码").fill(usccOf(code));
    await phone.getByRole("button", { name: "核验执法码" }).click();
    await expect.poll(() => phone.locator(".verdict").innerText()).toBe("有效");
    const other = await world.live.prisma.enterprise.findFirstOrThrow({ where: { uscc: { not: usccOf(code) } } });
    await phone.getByLabel("统一社会信用代码").fill(other.uscc);
    await phone.getByRole("button", { name: "核验执法码" }).click();
    await expect.poll(() => phone.locator(".verdict").innerText()).toBe("非本企业");

    // the platforms' officers answer; the console shows a task done without being reloaded
    const answered = setInterval(() => {
      world.sims.cq.generator.run(1);
      world.sims.sc.generator.run(1);
    }, 300);
    try {
      await expect.poll(() => page.locator("[data-state=DONE]").count(), { timeout: 60_000 }).toBeGreaterThan(0);
    } finally {
      clearInterval(answered);
    }
    expectNoBrowserProblems(browser.current);
  }, 150_000);

  it("同步状态: the quarantine's records run again, each outcome shown in Chinese", async () => {
    const enterprise = await world.live.prisma.enterprise.findFirstOrThrow();
    const officer = await world.live.prisma.officer.findFirstOrThrow({ where: { homeJurisdiction: "sc" } });
    const item = await world.live.prisma.enforcementItem.findFirstOrThrow({ orderBy: { code: "asc" } });
    const kept = (originId: string, itemCode: string) => ({
      originJurisdiction: "sc",
      originId,
      version: 1,
      source: "platform",
      code: "UNKNOWN_ITEM",
      reason: `${itemCode} is not a unified item code of the catalog`,
      // as the ingest path keeps a refused record (schema/records/ingest-service.ts)
      payload: {
        originId,
        version: 1,
        kind: "INSPECTION",
        itemCode,
        enterpriseUscc: enterprise.uscc,
        officerCertificates: [officer.certificateNumber],
        occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
        result: "合格",
      },
    });
    // the first was refused before the catalog knew its item; the second's item is still unknown
    await world.live.prisma.quarantinedRecord.createMany({
      data: [
        kept("SC-JC-BROWSER-1", item.code),
        kept("SC-JC-BROWSER-2", "GZ-999"),
        // an entry of a RecordBatch that was not a RecordInput (schema/records/record-batch.ts)
        { ...kept("SC-JC-BROWSER-3", item.code), code: "INVALID_SHAPE", reason: "not a RecordInput: version: …" },
      ],
    });

    const page = await browser.current.newPage();
    await page.goto(`${world.live.url}/console/sync`);
    await page.getByRole("button", { name: "以管委会身份登录" }).click();
    await page.locator(".ant-segmented").getByText("四川", { exact: true }).click();
    const row = (originId: string) => page.locator("tr", { hasText: originId });
    await expect.poll(() => row("SC-JC-BROWSER-2").innerText(), { timeout: 15_000 }).toContain("事项编码不在目录中");
    expect(await row("SC-JC-BROWSER-3").innerText()).toContain("记录格式错误（字段类型或名称不符）");
    // only its province can correct it: no 重新入库 here, and it cannot be selected
    expect(await row("SC-JC-BROWSER-3").innerText()).toContain("需来源省份更正后重放");
    expect(await row("SC-JC-BROWSER-3").getByRole("button", { name: "重新入库" }).count()).toBe(0);
    expect(await row("SC-JC-BROWSER-3").getByRole("checkbox").isDisabled()).toBe(true);
    await row("SC-JC-BROWSER-1").getByRole("checkbox").check();
    await row("SC-JC-BROWSER-2").getByRole("checkbox").check();
    await page.getByRole("button", { name: "重新入库所选（2）" }).click();
    await expect
      .poll(() => page.locator(".retry-progress").innerText(), { timeout: 15_000 })
      .toContain("已处理 2 / 2 条");
    expect(await row("SC-JC-BROWSER-1").locator(".retry-outcome").innerText()).toBe("已入库");
    expect(await row("SC-JC-BROWSER-2").locator(".retry-outcome").innerText()).toBe("仍被拒绝：事项编码不在目录中");
    const stored = await world.live.prisma.enforcementRecord.count({ where: { originId: "SC-JC-BROWSER-1" } });
    expect(stored).toBe(1);
    expectNoBrowserProblems(browser.current);
  }, 60_000);

  it("人员与企业库: certificates about to expire, an officer's dispatchability and history", async () => {
    const officer = await world.live.prisma.officer.findFirstOrThrow({
      where: { homeJurisdiction: "cq", status: "ACTIVE" },
      orderBy: { certificateNumber: "asc" },
    });
    // suspended, with a certificate that ends in ten days: listed as expiring, and not dispatchable
    await world.live.prisma.officer.update({
      where: { id: officer.id },
      data: { status: "SUSPENDED", certificateValidTo: new Date(Date.now() + 10 * 86_400_000) },
    });
    const page = await browser.current.newPage();
    await page.goto(`${world.live.url}/console/libraries`);
    await page.getByRole("button", { name: "以管委会身份登录" }).click();
    await page.getByRole("tab", { name: "执法证即将到期" }).click();
    // in the open tab: the officers' tab stays in the page, hidden, and may list the officer too
    const row = page.locator(".ant-tabs-tabpane-active tr", { hasText: officer.certificateNumber });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await row.getByRole("button", { name: "派单资格与修改记录" }).click();
    const verdict = page.locator(".dispatchability");
    await expect.poll(() => verdict.innerText(), { timeout: 15_000 }).toContain("不能派单");
    expect(await verdict.innerText()).toContain("不在岗");
    // the adapter delivered the officer: its write is in the history, with who wrote it and its outcome in Chinese
    await expect.poll(() => page.locator(".change-history").innerText()).toContain("重庆（");
    expect(await page.locator(".change-history").innerText()).toMatch(/已写入|版本不新，未写入|无变化/);
    // the officers' list names the officer's domains in Chinese, not by their codes
    await page.keyboard.press("Escape");
    await page.getByRole("tab", { name: "执法人员" }).click();
    await page.getByPlaceholder("姓名").fill(officer.name);
    await page.getByPlaceholder("姓名").press("Enter");
    const listed = page.locator(".ant-tabs-tabpane-active tr", { hasText: officer.certificateNumber });
    const domains = await world.live.prisma.domain.findMany({ where: { code: { in: officer.qualifiedDomains } } });
    expect(domains.length).toBeGreaterThan(0);
    await expect.poll(() => listed.innerText(), { timeout: 15_000 }).toContain(domains[0]!.name);
    for (const domain of domains) expect(await listed.innerText()).not.toContain(domain.code);
    expectNoBrowserProblems(browser.current);
  }, 60_000);

  it("事项与基准: an item's benchmark with its tiers in yuan, the 四张清单 and the legal basis", async () => {
    const benchmark = await world.live.prisma.benchmark.findFirstOrThrow({
      where: { source: "gz", effectiveTo: null },
      orderBy: { itemCode: "asc" },
    });
    const page = await browser.current.newPage();
    await page.goto(`${world.live.url}/console/catalog`);
    await page.getByRole("button", { name: "以管委会身份登录" }).click();
    await page.getByPlaceholder("名称或编码（GZ / 渝 / 川）").fill(benchmark.itemCode);
    await page.getByPlaceholder("名称或编码（GZ / 渝 / 川）").press("Enter");
    const row = page.locator("tr", { hasText: benchmark.itemCode });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await row.getByRole("button", { name: "裁量基准" }).click();
    const tiers = page.locator(".benchmark-tiers");
    await expect.poll(() => tiers.innerText(), { timeout: 15_000 }).toContain("元");
    expect(await page.locator(".item-detail").innerText()).toContain("四张清单");
    expect(await page.locator(".legal-bases").innerText()).toMatch(/第.+条/);
    expectNoBrowserProblems(browser.current);
  }, 60_000);

  it("监督指标: the year's indicators as cards, one indicator's trend and breakdown charted, its records, both as CSV", async () => {
    // the platforms record inspections this year, and their adapters deliver them
    world.sims.cq.generator.generate(200);
    world.sims.sc.generator.generate(200);
    const thisYear = new Date(`${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)}-01-01T00:00:00+08:00`);
    const inspections = () =>
      world.live.prisma.enforcementRecord.count({ where: { kind: "INSPECTION", occurredAt: { gte: thisYear } } });
    await expect.poll(inspections, { timeout: 30_000 }).toBeGreaterThan(0);

    const page = await browser.current.newPage();
    await page.goto(`${world.live.url}/console/supervision`);
    await page.getByRole("button", { name: "以管委会身份登录" }).click();
    const cards = page.locator("[data-testid^=indicator-]");
    await expect.poll(() => cards.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(12);
    const card = page.getByTestId("indicator-INSPECTIONS_PER_ENTERPRISE");
    expect(await card.innerText()).toMatch(/企业年均受检次数[\s\S]*\d/);
    expect(await card.innerText()).toMatch(/正常|关注|预警|无数据/);

    const indicatorsCsv = page.waitForEvent("download");
    await page.getByRole("button", { name: "导出指标 CSV" }).click();
    const indicatorsText = await readFile((await (await indicatorsCsv).path()) ?? "", "utf8");
    expect(indicatorsText.split("\r\n")[0]).toBe("\uFEFF代码,名称,值,单位,目标,状态,上期值");
    expect(indicatorsText).toContain("INSPECTIONS_PER_ENTERPRISE,企业年均受检次数,");

    await card.click();
    await expect.poll(() => page.locator("[data-testid=trend-chart] canvas").count(), { timeout: 15_000 }).toBe(1);
    const records = page.locator(".ant-table-tbody tr.ant-table-row");
    await expect.poll(() => records.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const recordsCsv = page.waitForEvent("download");
    await page.getByRole("button", { name: "导出明细 CSV" }).click();
    const recordsText = await readFile((await (await recordsCsv).path()) ?? "", "utf8");
    expect(recordsText.split("\r\n")[0]).toBe("\uFEFF来源,类型,事项,统一社会信用代码,发生时间,结果");
    expect(recordsText.split("\r\n").length - 2).toBe(await records.count());
    expectNoBrowserProblems(browser.current);
  }, 60_000);

  it("every page of the console renders its data, on a phone too", async () => {
    const page = await browser.current.newPage({ phone: true });
    await page.goto(`${world.live.url}/console/`);
    await page.getByRole("button", { name: "以管委会身份登录" }).click();
    await expect.poll(() => page.locator("body").innerText()).toContain("抽查计划");
    const pages: [string, string][] = [
      ["sync", "已同步"],
      ["warnings", "监督预警"],
      ["supervision", "企业年均受检次数"],
      ["catalog", "GZ-0"],
      ["libraries", "CQ-GZ-"],
      ["audit", "query"],
    ];
    expect(await page.locator("main").innerText()).not.toContain("No data"); // zh_CN everywhere
    for (const [path, expected] of pages) {
      await page.goto(`${world.live.url}/console/${path}`);
      await expect.poll(() => page.locator("main").innerText(), { timeout: 15_000 }).toContain(expected);
    }
    expectNoBrowserProblems(browser.current);
  }, 90_000);
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  type CqChange,
  type CqSharedRecord,
  cqChangesPage,
  cqInboundResponse,
  cqRecord,
} from "../../adapters/chongqing/types.ts";
import { startChongqingSimulator } from "../../scripts/simulators/chongqing/index.ts";
import type { RunningSimulator } from "../../scripts/simulators/core/simulator.ts";
import { call } from "./helpers.ts";

const running: RunningSimulator[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startChongqingSimulator>[0] = {}) {
  const sim = await startChongqingSimulator({ rate: 0, ...options });
  running.push(sim);
  return sim;
}

/** reads the feed from `cursor` to the end; returns the entries and the last cursor */
async function readFeed(url: string, cursor = "", limit = 37) {
  const entries: CqChange[] = [];
  for (;;) {
    const res = await call(`${url}/api/v1/changes?cursor=${cursor}&limit=${limit}`);
    expect(res.status).toBe(200);
    const page = cqChangesPage.parse(res.body);
    entries.push(...page.items);
    cursor = page.nextCursor;
    if (!page.hasMore) return { entries, cursor };
  }
}

const shared = (over: Partial<CqSharedRecord> = {}): CqSharedRecord => ({
  origin: "sc",
  originId: "SC-CF-000007",
  version: 2,
  recordType: "PENALTY",
  itemCode: "CQ-YJ-330200-097-03",
  enterpriseCreditCode: "91511623MAG000946Y",
  officerCertNos: ["SC-GZ-2024-0006"],
  occurredAt: 1_790_000_000_000,
  decidedAt: 1_790_000_500_000,
  fineAmountFen: 1_200_050,
  result: "DECIDED",
  findings: "未按规定开展安全生产教育培训",
  taskId: null,
  updatedAt: 1_790_000_500_000,
  ...over,
});

describe("Chongqing simulator", () => {
  it("delivers every change exactly once across pages, starting with its own officers and enterprises", async () => {
    const sim = await start();
    sim.generator.run(400);
    const { entries } = await readFeed(sim.url);
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: sim.store.latestSeq }, (_, i) => i + 1));
    expect(entries.slice(0, 12).every((e) => e.entity === "officer" && e.data.certNo.startsWith("CQ-"))).toBe(true);
    const records = entries.flatMap((e) => (e.entity === "record" ? [e.data] : []));
    expect(records.length).toBeGreaterThan(150);
    expect(records.every((r) => r.itemCode.startsWith("CQ-") && /^CQ-(INS|PEN)-\d{6}$/.test(r.recordId))).toBe(true);
    // versions of one record increase along the feed
    const last = new Map<string, number>();
    for (const r of records) {
      expect(r.version).toBe((last.get(r.recordId) ?? 0) + 1);
      last.set(r.recordId, r.version);
    }
    // penalty decisions only for penalty items, with a fine unless 首违不罚 / 不予处罚 applied (行政处罚法 第33条)
    const decided = records.filter((r) => r.recordType === "PENALTY" && r.result === "DECIDED");
    expect(decided.length).toBeGreaterThan(0);
    const unfined = (r: (typeof decided)[number]) => r.lenientType === "SWBF" || r.lenientType === "BYCF";
    expect(decided.every((r) => r.decidedAt && (unfined(r) ? r.fineAmountFen === null : r.fineAmountFen! > 0))).toBe(
      true,
    );
    // the 执法+监督 platform's supervision fields: a department on every record, a mode on inspections
    expect(records.every((r) => typeof r.deptName === "string")).toBe(true);
    const inspections = records.filter((r) => r.recordType === "INSPECTION");
    expect(inspections.every((r) => r.checkMode !== null && r.checkMode !== undefined)).toBe(true);
  });

  it("resumes a cursor after a restart on the same data dir, keeping the store", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "cq-sim-"));
    dirs.push(dataDir);
    const first = await start({ dataDir });
    first.generator.run(150);
    const page = cqChangesPage.parse((await call(`${first.url}/api/v1/changes?limit=100`)).body);
    const before = first.store.latestSeq;
    const recordsBefore = (await call<{ records: unknown[] }>(`${first.url}/_sim/store`)).body.records;
    await first.stop();

    const second = await start({ dataDir });
    expect(second.store.latestSeq).toBe(before);
    expect((await call<{ records: unknown[] }>(`${second.url}/_sim/store`)).body.records).toEqual(recordsBefore);
    second.generator.run(20);
    const rest = await readFeed(second.url, page.nextCursor);
    expect(rest.entries.map((e) => e.seq)).toEqual(
      Array.from({ length: second.store.latestSeq - 100 }, (_, i) => i + 101),
    );
    // ids keep counting after the restart instead of reusing old ones
    const created = rest.entries.filter((e) => e.entity === "record" && e.data.version === 1).map((e) => e.data);
    expect(new Set(created.map((r) => (r as { recordId: string }).recordId)).size).toBe(created.length);
  });

  it("stores pushed records idempotently by (origin, originId, version) and ignores older versions", async () => {
    const sim = await start();
    const push = async (record: CqSharedRecord) =>
      cqInboundResponse.parse((await call(`${sim.url}/api/v1/shared-records`, { body: { records: [record] } })).body)
        .results[0]?.status;
    expect(await push(shared())).toBe("stored");
    expect(await push(shared({ findings: "a repeat with other content" }))).toBe("unchanged");
    expect(await push(shared({ version: 1, result: "PENDING" }))).toBe("stale");
    expect(await push(shared({ originId: "SC-CF-000008", version: 1 }))).toBe("stored");

    const dump = await call<{ received: (CqSharedRecord & { receivedAt: number })[] }>(`${sim.url}/_sim/store`);
    expect(dump.body.received).toHaveLength(2);
    const held = dump.body.received.find((r) => r.originId === "SC-CF-000007");
    expect(held).toMatchObject({ version: 2, result: "DECIDED", findings: "未按规定开展安全生产教育培训" });
    // pushed records are the other side's: they never enter Chongqing's own feed
    const { entries } = await readFeed(sim.url);
    expect(entries.some((e) => e.entity === "record")).toBe(false);

    const invalid = await call(`${sim.url}/api/v1/shared-records`, { body: { records: [{ originId: "x" }] } });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ error: { code: "BAD_INPUT" } });
  });

  it("records officers' task results in its own feed as inspections referencing the task", async () => {
    const sim = await start();
    const task = {
      taskId: "GZ-TASK-0001",
      version: 1,
      enterpriseUscc: "91500112MAG000014A",
      officerCertNos: ["CQ-GZ-2024-0001", "SC-GZ-2024-0006"],
      itemCodes: ["CQ-YJ-330200-097-03"],
      window: { from: 1_790_000_000_000, to: 1_790_086_400_000 },
      code: "ZFM-GZ-0001",
    };
    const pushTask = (t: typeof task) => call(`${sim.url}/api/v1/dispatch-tasks`, { body: { tasks: [t] } });
    expect(cqInboundResponse.parse((await pushTask(task)).body).results[0]?.status).toBe("stored");
    expect(cqInboundResponse.parse((await pushTask(task)).body).results[0]?.status).toBe("unchanged");

    const report = (outcome: string, findings: string) =>
      call(`${sim.url}/_sim/tasks/GZ-TASK-0001/results`, {
        body: { results: [{ itemCode: "CQ-YJ-330200-097-03", outcome, findings }] },
      });
    expect((await report("non_compliant", "培训记录缺失")).status).toBe(200);
    expect((await report("compliant", "已整改")).status).toBe(200);
    const notInTask = await call(`${sim.url}/_sim/tasks/GZ-TASK-0001/results`, {
      body: { results: [{ itemCode: "CQ-OTHER", outcome: "compliant" }] },
    });
    expect(notInTask.status).toBe(400);
    expect((await call(`${sim.url}/_sim/tasks/NOPE/results`, { body: { results: [] } })).status).toBe(404);

    const records = (await readFeed(sim.url)).entries.flatMap((e) =>
      e.entity === "record" ? [cqRecord.parse(e.data)] : [],
    );
    expect(records.map((r) => [r.recordId, r.version, r.result, r.taskId])).toEqual([
      ["CQ-INS-000001", 1, "NON_COMPLIANT", "GZ-TASK-0001"],
      ["CQ-INS-000001", 2, "COMPLIANT", "GZ-TASK-0001"],
    ]);
    expect(records[0]).toMatchObject({
      enterpriseCreditCode: task.enterpriseUscc,
      officerCertNos: task.officerCertNos,
    });
  });

  it("generates 100 000 records in a few seconds and still pages quickly", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "cq-sim-"));
    dirs.push(dataDir);
    const sim = await start({ dataDir });
    const started = performance.now();
    const res = await call<{ created: number; latestSeq: number }>(`${sim.url}/_sim/generate`, {
      body: { count: 100_000 },
    });
    expect(res.status).toBe(200);
    // ~2.7 s alone; up to ~5.5 s in the suite's one shared worker, whose heap the other files have grown
    expect(performance.now() - started).toBeLessThan(8000);
    expect(sim.store.records.size).toBe(100_000);
    const deep = cqChangesPage.parse(
      (await call(`${sim.url}/api/v1/changes?limit=1000&cursor=${Buffer.from("cq1:99000").toString("base64url")}`))
        .body,
    );
    expect(deep.items[0]?.seq).toBe(99_001);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import {
  formatBeijingTime,
  parseBeijingTime,
  type ScChange,
  type ScSharedRecord,
  scChangesPage,
  scInboundResponse,
  scRecordsPage,
  scSignature,
} from "../../adapters/sichuan/types.ts";
import { fenFromYuanText, yuanTextFromFen } from "../../schema/common/money.ts";
import type { RunningSimulator } from "../../scripts/simulators/core/simulator.ts";
import { type SichuanSimulatorOptions, startSichuanSimulator } from "../../scripts/simulators/sichuan/index.ts";
import { call, signedPost } from "./helpers.ts";

const SECRET = "test-secret-sc";
const running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function start(options: SichuanSimulatorOptions = {}) {
  const sim = await startSichuanSimulator({ rate: 0, secret: SECRET, ...options });
  running.push(sim);
  return sim;
}

async function readChanges(url: string, sinceId = 0, pageSize = 41) {
  const entries: ScChange[] = [];
  for (;;) {
    const page = scChangesPage.parse(
      (await call(`${url}/openapi/changes?since_id=${sinceId}&page_size=${pageSize}`)).body,
    );
    entries.push(...page.data);
    if (page.data.length === 0) return entries;
    sinceId = page.next_since_id;
  }
}

const shared = (over: Partial<ScSharedRecord> = {}): ScSharedRecord => ({
  origin: "cq",
  origin_id: "CQ-PEN-000003",
  rev: 3,
  record_kind: "处罚",
  item_code: "SC-511623-XZCF-00001",
  uscc: "91500112MAG000014A",
  officer_cert_nos: ["CQ-GZ-2024-0001", "CQ-GZ-2023-0002"],
  happened_at: "2026-11-20 09:30:00",
  decided_at: "2026-11-21 16:05:00",
  fine_yuan: "12000.50",
  result: "已决定",
  findings: "未按规定开展安全生产教育培训",
  task_id: null,
  updated_at: "2026-11-21 16:05:00",
  ...over,
});

describe("Sichuan formats", () => {
  it("writes times in Beijing time without an offset, and reads them back", () => {
    const utcMidnightPlus16h = Date.UTC(2026, 0, 1, 16, 0, 0);
    expect(formatBeijingTime(utcMidnightPlus16h)).toBe("2026-01-02 00:00:00");
    expect(parseBeijingTime("2026-01-02 00:00:00")).toBe(utcMidnightPlus16h);
    expect(parseBeijingTime("2026-02-30 00:00:00")).toBeNull();
    expect(parseBeijingTime("2026-01-02T00:00:00")).toBeNull();
  });

  it("converts decimal yuan strings to fen exactly", () => {
    expect(fenFromYuanText("12000.50")).toBe(1_200_050n);
    expect(yuanTextFromFen(7)).toBe("0.07");
  });
});

describe("Sichuan simulator", () => {
  it("serves Beijing-time strings and decimal-string fines that match its store exactly", async () => {
    const sim = await start();
    sim.generator.run(600);
    const records = (await readChanges(sim.url)).flatMap((c) => (c.entity_type === "record" ? [c.data] : []));
    const decided = records.filter((r) => r.record_kind === "处罚" && r.result === "已决定");
    expect(decided.length).toBeGreaterThan(10);
    // a fine on every decision but 首违不罚 / 不予处罚 (行政处罚法 第33条)
    const fined = decided.filter((r) => r.lenient_type !== "首违不罚" && r.lenient_type !== "不予处罚");
    for (const r of fined) expect(r.fine_yuan).toMatch(/^\d+\.\d{2}$/);
    for (const r of decided.filter((r) => !fined.includes(r))) expect(r.fine_yuan).toBeNull();
    expect(fined.some((r) => !r.fine_yuan!.endsWith(".00"))).toBe(true);
    for (const r of records) {
      expect(r.item_code).toMatch(/^SC-511623-/);
      const held = [...sim.store.allChanges()].find(
        (c) => c.entity === "record" && c.data.id === r.record_no && c.data.version === r.rev,
      );
      if (held?.entity !== "record") throw new Error(`record ${r.record_no} rev ${r.rev} not in the store`);
      expect(r.updated_at).toBe(formatBeijingTime(held.data.updatedAt));
      expect(parseBeijingTime(r.happened_at)).toBe(Math.floor(held.data.occurredAt / 1000) * 1000);
      expect(r.fine_yuan === null ? null : Number(fenFromYuanText(r.fine_yuan))).toBe(held.data.fineFen);
    }
  });

  it("delivers every change exactly once by since_id, with total counting what remains", async () => {
    const sim = await start();
    sim.generator.run(300);
    const entries = await readChanges(sim.url);
    expect(entries.map((e) => e.id)).toEqual(Array.from({ length: sim.store.latestSeq }, (_, i) => i + 1));
    const mid = scChangesPage.parse((await call(`${sim.url}/openapi/changes?since_id=100&page_size=10`)).body);
    expect(mid).toMatchObject({ total: sim.store.latestSeq - 100, next_since_id: 110 });
  });

  it("lists current records by page, ordered by (updated_at, record_no), filtered by updated_since", async () => {
    const sim = await start();
    sim.generator.run(200);
    const rows = [];
    for (let page = 1; ; page++) {
      const res = scRecordsPage.parse((await call(`${sim.url}/openapi/records?page=${page}&page_size=23`)).body);
      rows.push(...res.data);
      if (res.data.length < 23) break;
    }
    expect(rows).toHaveLength(sim.store.records.size);
    expect(new Set(rows.map((r) => r.record_no)).size).toBe(rows.length);
    const keys = rows.map((r) => `${r.updated_at}|${r.record_no}`);
    expect(keys).toEqual([...keys].sort());
    const since = rows[Math.floor(rows.length / 2)]!.updated_at;
    const filtered = scRecordsPage.parse(
      (await call(`${sim.url}/openapi/records?updated_since=${encodeURIComponent(since)}&page_size=500`)).body,
    );
    expect(filtered.total).toBe(rows.filter((r) => r.updated_at >= since).length);
    expect((await call(`${sim.url}/openapi/records?updated_since=2026-11-21T00:00:00`)).status).toBe(400);
  });

  it("refuses inbound pushes that are unsigned or signed with another secret", async () => {
    const sim = await start();
    const body = { records: [shared()] };
    const unsigned = await call(`${sim.url}/openapi/shared-records`, { body });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body).toMatchObject({ code: "BAD_SIGNATURE" });
    expect((await signedPost(`${sim.url}/openapi/shared-records`, body, "another-secret")).status).toBe(401);
    const raw = JSON.stringify(body);
    const tampered = await call(`${sim.url}/openapi/shared-records`, {
      body: raw.replace("12000.50", "1.00"),
      headers: { "x-sc-signature": scSignature(raw, SECRET) },
    });
    expect(tampered.status).toBe(401);
    expect(sim.store.received.size).toBe(0);
  });

  it("stores pushed records idempotently, ignores older revs, and keeps fines exact", async () => {
    const sim = await start();
    const push = async (record: ScSharedRecord) =>
      scInboundResponse.parse(
        (await signedPost(`${sim.url}/openapi/shared-records`, { records: [record] }, SECRET)).body,
      ).results[0]?.status;
    expect(await push(shared())).toBe("stored");
    expect(await push(shared())).toBe("unchanged");
    expect(await push(shared({ rev: 2, fine_yuan: null, result: "待定" }))).toBe("stale");
    expect(await push(shared({ rev: 4, fine_yuan: "9000.05" }))).toBe("stored");
    expect(sim.store.received.get("cq\u0000CQ-PEN-000003")).toMatchObject({ version: 4, fineFen: 900_005 });
    const dump = await call<{ received: ScSharedRecord[] }>(`${sim.url}/_sim/store`);
    expect(dump.body.received).toEqual([
      expect.objectContaining({
        origin_id: "CQ-PEN-000003",
        rev: 4,
        fine_yuan: "9000.05",
        happened_at: "2026-11-20 09:30:00",
      }),
    ]);
  });

  it("reports when each received record arrived, to the millisecond, at its stored version", async () => {
    const sim = await start();
    const before = Date.now();
    await signedPost(`${sim.url}/openapi/shared-records`, { records: [shared()] }, SECRET);
    await signedPost(`${sim.url}/openapi/shared-records`, { records: [shared({ rev: 4 })] }, SECRET);
    const after = Date.now();
    const { arrivals } = (await call<{ arrivals: Array<Record<string, unknown>> }>(`${sim.url}/_sim/arrivals`)).body;
    expect(arrivals).toEqual([{ origin: "cq", originId: "CQ-PEN-000003", version: 4, receivedAt: expect.any(Number) }]);
    const receivedAt = arrivals[0]!.receivedAt as number;
    expect(receivedAt).toBeGreaterThanOrEqual(before);
    expect(receivedAt).toBeLessThanOrEqual(after);
  });

  it("turns officers' results for a dispatch task into its own inspection records", async () => {
    const sim = await start();
    const task = {
      task_id: "GZ-TASK-0002",
      rev: 1,
      enterprise_uscc: "91511623MAG000946Y",
      officer_cert_nos: ["SC-GZ-2024-0006", "CQ-GZ-2024-0001"],
      item_codes: ["SC-511623-XZCF-00001", "SC-511623-XZJC-00040"],
      window: { from: "2026-11-23 09:00:00", to: "2026-11-23 18:00:00" },
      code: "ZFM-GZ-0002",
    };
    const pushed = await signedPost(`${sim.url}/openapi/dispatch-tasks`, { tasks: [task] }, SECRET);
    expect(scInboundResponse.parse(pushed.body).results[0]?.status).toBe("stored");
    const results = await call(`${sim.url}/_sim/tasks/GZ-TASK-0002/results`, {
      body: {
        results: [
          { itemCode: "SC-511623-XZCF-00001", outcome: "non_compliant", findings: "培训记录缺失" },
          { itemCode: "SC-511623-XZJC-00040", outcome: "compliant" },
        ],
      },
    });
    expect(results.status).toBe(200);
    const records = (await readChanges(sim.url)).flatMap((c) => (c.entity_type === "record" ? [c.data] : []));
    expect(records.map((r) => [r.record_kind, r.item_code, r.result, r.task_id])).toEqual([
      ["检查", "SC-511623-XZCF-00001", "不合格", "GZ-TASK-0002"],
      ["检查", "SC-511623-XZJC-00040", "合格", "GZ-TASK-0002"],
    ]);
    const dump = await call<{ tasks: { task_id: string; window: { from: string } }[] }>(`${sim.url}/_sim/store`);
    expect(dump.body.tasks).toEqual([expect.objectContaining({ task_id: "GZ-TASK-0002", window: task.window })]);
  });
});

/**
 * The outbound half against a scripted stream: a record whose item has no code on this platform is
 * acknowledged (never stalls the stream) but not silently — it is counted and kept standing in the
 * adapter's reported error, after the acknowledgement, so syncStatus shows it.
 */
import { type DocumentNode, print } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { taskToCq } from "../../adapters/chongqing/mappers/from-task.ts";
import type { Change, ItemCodes, RecordChange, TaskChange } from "../../adapters/core/canonical.ts";
import type { GatewayClient } from "../../adapters/core/gateway-client.ts";
import { runOutbound } from "../../adapters/core/outbound-sync.ts";
import { SyncReporter } from "../../adapters/core/sync-reporter.ts";
import { taskToSc } from "../../adapters/sichuan/mappers/from-task.ts";
import { silentLogger } from "../../gateway/logging/logger.ts";

/** a `record.upserted` change as the gateway sends it: the record is the typed subject */
function recordChange(seq: number, originId: string, itemCode: string): Change {
  return {
    seq: String(seq),
    kind: "record.upserted",
    entityType: "record",
    entityId: `id-${seq}`,
    origin: "SC",
    createdAt: new Date().toISOString(),
    subject: {
      __typename: "ChangedRecord",
      id: `id-${seq}`,
      origin: "SC",
      originId,
      version: 3,
      kind: "INSPECTION",
      itemCode,
      enterpriseUscc: "91500112MAG000014A",
      officerCertificates: ["SC-GZ-2024-0001"],
      occurredAt: "2026-06-01T09:00:00+08:00",
      decidedAt: null,
      fineYuan: null,
      result: "合格",
      findings: null,
      taskId: null,
      payload: {},
    },
  };
}

function scriptedGateway(changes: Change[]) {
  const calls: Array<{ query: string; input: Record<string, unknown> }> = [];
  const client = {
    async changes(_consumer: string, signal: AbortSignal) {
      return (async function* () {
        yield* changes;
        await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
      })();
    },
    async mutate(document: DocumentNode, variables: { input: Record<string, unknown> }) {
      calls.push({ query: print(document), input: variables.input });
      return {};
    },
  };
  return { client: client as unknown as GatewayClient, calls };
}

describe("outbound sync", () => {
  it("acknowledges a record it cannot map, and keeps it counted in the reported error", async () => {
    const { client, calls } = scriptedGateway([
      recordChange(7, "SC-JC-000001", "GZ-999"),
      recordChange(8, "SC-JC-000002", "GZ-001"),
    ]);
    const load = vi.fn(async () => {});
    const items: ItemCodes & { load(): Promise<void> } = {
      toUnified: () => null,
      fromUnified: (code) => (code === "GZ-001" ? "CQ-001" : null),
      load,
    };
    const pushed: string[][] = [];
    const platform = {
      toPlatform: (r: RecordChange, codes: ItemCodes) => (codes.fromUnified(r.itemCode ?? "") ? r.originId : null),
      pushRecords: async (ids: string[]) => void pushed.push(ids),
      taskToPlatform: () => null,
      pushTasks: async () => {},
    };
    const reporter = new SyncReporter(client, "platform", "OUTBOUND", 60_000, silentLogger());
    const controller = new AbortController();
    const run = runOutbound({
      client,
      platform,
      jurisdiction: "cq",
      items,
      consumer: "platform",
      reporter,
      signal: controller.signal,
      flushMs: 10,
    });
    await vi.waitFor(() => expect(calls.some((c) => c.query.includes("reportSyncError"))).toBe(true));
    controller.abort();
    await run;

    expect(pushed).toEqual([["SC-JC-000002"]]);
    expect(load).toHaveBeenCalledTimes(1); // one more look at the catalog before giving up on it
    const ack = calls.findIndex((c) => c.query.includes("acknowledgeChanges"));
    const report = calls.findIndex((c) => c.query.includes("reportSyncError"));
    expect(calls[ack]?.input.seq).toBe("8");
    expect(report).toBeGreaterThan(ack); // after the acknowledgement, which would clear it
    expect(calls[report]?.input.message).toMatch(/^1 record\(s\) acknowledged but not delivered/);
    expect(calls[report]?.input.message).toContain("sc/SC-JC-000001 v3 (item GZ-999)");
  });

  it("pushes the joint tasks its officers are on, newest version per task, and nothing without a code", async () => {
    const task = (version: number, code: string | null, jurisdictions: string[]): TaskChange => ({
      taskId: "T-1",
      version,
      state: "DISPATCHED",
      enterprise: { uscc: "91500112MAG000014A", name: "示例企业" },
      itemCodes: ["GZ-001"],
      visitFrom: "2026-12-01",
      visitTo: "2026-12-03",
      officers: [
        { certificateNumber: "CQ-1", jurisdiction: "cq" },
        { certificateNumber: "SC-1", jurisdiction: "sc" },
      ],
      inspectionCode: code,
      codeRevoked: code === null,
      jurisdictions,
    });
    const upper = (j: string) => j.toUpperCase() as "CQ" | "SC" | "GZ";
    // a `dispatch.task` change as the gateway sends it: the task is the typed subject
    const change = (seq: number, task: TaskChange): Change => ({
      seq: String(seq),
      kind: "dispatch.task",
      entityType: "InspectionTask",
      entityId: task.taskId,
      origin: "GZ",
      createdAt: new Date().toISOString(),
      subject: {
        __typename: "ChangedTask",
        id: task.taskId,
        version: task.version,
        state: task.state,
        enterprise: task.enterprise,
        itemCodes: task.itemCodes,
        domains: [],
        visitFrom: task.visitFrom,
        visitTo: task.visitTo,
        officers: task.officers.map((o) => ({
          certificateNumber: o.certificateNumber,
          jurisdiction: upper(o.jurisdiction),
        })),
        inspectionCode: task.inspectionCode,
        codeRevoked: task.codeRevoked,
        jurisdictions: task.jurisdictions.map(upper),
      },
    });
    const { client, calls } = scriptedGateway([
      change(1, task(2, "code-v2", ["cq", "sc"])),
      change(2, task(3, "code-v3", ["cq", "sc"])),
      change(3, { ...task(4, "other", ["sc"]), taskId: "T-2" }),
      change(4, { ...task(1, null, ["cq", "sc"]), taskId: "T-3" }),
    ]);
    const items = { toUnified: () => null, fromUnified: (c: string) => c.replace("GZ", "CQ"), load: async () => {} };
    const pushed: unknown[][] = [];
    const platform = {
      toPlatform: () => null,
      pushRecords: async () => {},
      taskToPlatform: taskToCq,
      pushTasks: async (tasks: unknown[]) => void pushed.push(tasks),
    };
    const reporter = new SyncReporter(client, "platform", "OUTBOUND", 60_000, silentLogger());
    const controller = new AbortController();
    const run = runOutbound({
      client,
      platform,
      jurisdiction: "cq",
      items,
      consumer: "p",
      reporter,
      signal: controller.signal,
      flushMs: 10,
    });
    // the stream may be cut into several batches: wait for the last seq's acknowledgement
    await vi.waitFor(() =>
      expect(calls.some((c) => c.query.includes("acknowledgeChanges") && c.input.seq === "4")).toBe(true),
    );
    controller.abort();
    await run;
    const all = pushed.flat() as { taskId: string; version: number }[];
    expect(all.map((t) => t.taskId)).not.toContain("T-2"); // Sichuan's officers only
    expect(all.map((t) => t.taskId)).not.toContain("T-3"); // not dispatched: no code yet
    expect(all.at(-1)).toEqual({
      taskId: "T-1",
      version: 3,
      enterpriseUscc: "91500112MAG000014A",
      officerCertNos: ["CQ-1", "SC-1"],
      itemCodes: ["CQ-001"],
      window: { from: Date.parse("2026-12-01T00:00:00+08:00"), to: Date.parse("2026-12-03T23:59:59.999+08:00") }, // the last millisecond of the Beijing day
      code: "code-v3",
      status: "ACTIVE",
    });
    expect(
      pushed.every((batch) => new Set((batch as { taskId: string }[]).map((t) => t.taskId)).size === batch.length),
    ).toBe(true);
    expect(taskToSc(task(3, "c", ["sc"]), items)?.window).toEqual({
      from: "2026-12-01 00:00:00",
      to: "2026-12-03 23:59:59",
    });
  });
});

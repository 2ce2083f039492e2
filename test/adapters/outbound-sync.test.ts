/**
 * The outbound half against a scripted stream: a record whose item has no code on this platform is
 * acknowledged (never stalls the stream) but not silently — it is counted and kept standing in the
 * adapter's reported error, after the acknowledgement, so syncStatus shows it.
 */
import { describe, expect, it, vi } from "vitest";
import type { Change, ItemCodes, RecordChange } from "../../adapters/core/canonical.ts";
import type { GatewayClient } from "../../adapters/core/gateway-client.ts";
import { runOutbound } from "../../adapters/core/outbound-sync.ts";
import { SyncReporter } from "../../adapters/core/sync-reporter.ts";

function recordChange(seq: number, originId: string, itemCode: string): Change {
  const payload = { origin: "sc", originId, version: 3, itemCode } as Partial<RecordChange>;
  return {
    seq: String(seq),
    kind: "record.upserted",
    entityType: "record",
    entityId: `id-${seq}`,
    originJurisdiction: "sc",
    payload: payload as Record<string, unknown>,
    createdAt: new Date().toISOString(),
  };
}

function scriptedGateway(changes: Change[]) {
  const calls: Array<{ query: string; variables: Record<string, unknown> }> = [];
  const client = {
    async changes(_consumer: string, signal: AbortSignal) {
      return (async function* () {
        yield* changes;
        await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
      })();
    },
    async mutate(query: string, variables: Record<string, unknown>) {
      calls.push({ query, variables });
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
    };
    const reporter = new SyncReporter(client, "platform", "OUTBOUND", 60_000, () => {});
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
    expect(calls[ack]?.variables.seq).toBe("8");
    expect(report).toBeGreaterThan(ack); // after the acknowledgement, which would clear it
    expect(calls[report]?.variables.message).toMatch(/^1 record\(s\) acknowledged but not delivered/);
    expect(calls[report]?.variables.message).toContain("sc/SC-JC-000001 v3 (item GZ-999)");
  });
});

/**
 * runInbound (adapters/core/inbound-sync.ts) wires the ingest pipeline as documented: every batch names the cursor it
 * follows, the next page's batch is sent before the last one is answered, a CURSOR_MOVED refusal is not retried
 * forever, nothing is sent ahead while an error stands, and the last batch is stored before the adapter idles.
 * A fake gateway client records what the adapter sends; a fake platform serves pages.
 */
import { describe, expect, it } from "vitest";
import type { RecordInput } from "../../adapters/core/canonical.ts";
import { type GatewayClient, GatewayError } from "../../adapters/core/gateway-client.ts";
import { type FeedPage, type InboundPlatform, runInbound } from "../../adapters/core/inbound-sync.ts";
import { SyncReporter } from "../../adapters/core/sync-reporter.ts";
import { silentLogger } from "../../gateway/logging/logger.ts";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Sent {
  operation: string;
  cursor?: string;
  follows?: string;
  at: number;
  answeredAt?: number;
}

/** pages page:1 … page:count after page:0, one record each, then caught up */
function platform(count: number): InboundPlatform<RecordInput> {
  return {
    async readPage(cursor) {
      const at = cursor === null ? 0 : Number(cursor.split(":")[1]);
      const n = Math.min(at + 1, count);
      const moved = n > at;
      return {
        records: moved ? [{ originId: `CQ-${n}`, version: 1 } as RecordInput] : [],
        officers: [],
        enterprises: [],
        invalid: [],
        cursor: `page:${n}`,
        backlog: count - n,
        sourceTime: null,
      } satisfies FeedPage<RecordInput>;
    },
    map: (record) => ({ ok: true, record }),
  };
}

/** a gateway that answers ingestRecords after `delayMs`, failing as `refuse` says */
function fakeClient(options: { delayMs: number; refuse?: (sent: Sent, n: number) => GatewayError | null }) {
  const sent: Sent[] = [];
  let clock = 0;
  const client = {
    async query() {
      return { syncStatus: [{ adapter: "platform", inbound: { cursor: "page:0" } }] };
    },
    async mutate(_document: unknown, variables: { input: { cursor?: string; follows?: string } }) {
      const entry: Sent = { operation: "ingest", ...variables.input, at: clock++ };
      if (!("cursor" in variables.input)) entry.operation = "other"; // heartbeats and error reports
      sent.push(entry);
      if (entry.operation !== "ingest") return {};
      await tick(options.delayMs);
      entry.answeredAt = clock++;
      const refusal = options.refuse?.(entry, sent.filter((s) => s.operation === "ingest").length);
      if (refusal) throw refusal;
      return { ingestRecords: { counts: { applied: 1, unchanged: 0, stale: 0, refused: 0 }, cursor: entry.cursor } };
    },
  };
  return { client: client as unknown as GatewayClient, sent };
}

async function run(count: number, client: GatewayClient, sent: Sent[], standingError = false) {
  const controller = new AbortController();
  const reporter = new SyncReporter(client, "platform", "INBOUND", 60_000, silentLogger());
  if (standingError) reporter.error(new Error("the platform was unreachable"));
  const running = runInbound({
    client,
    platform: platform(count),
    items: {} as never,
    source: "platform",
    reporter,
    signal: controller.signal,
    idleMs: 20,
    retryCapMs: 5,
  }).catch(() => {});
  const deadline = Date.now() + 10_000;
  while (!sent.some((s) => s.cursor === `page:${count}` && s.answeredAt !== undefined) && Date.now() < deadline) {
    await tick(5);
  }
  await tick(30);
  controller.abort();
  await running;
  return sent.filter((s) => s.operation === "ingest");
}

describe("runInbound with the ingest pipeline", () => {
  it("sends each page's batch on top of the cursor before it, the next one before the last is answered", async () => {
    const { client, sent } = fakeClient({ delayMs: 15 });
    const ingests = await run(4, client, sent);
    expect(ingests.slice(0, 4).map((s) => [s.cursor, s.follows])).toEqual([
      ["page:1", "page:0"],
      ["page:2", "page:1"],
      ["page:3", "page:2"],
      ["page:4", "page:3"],
    ]);
    // batch 2 left before batch 1 was answered
    expect(ingests[1]!.at).toBeLessThan(ingests[0]!.answeredAt!);
  });

  it("sends a batch refused with CURSOR_MOVED again once the one before it is stored, not over and over", async () => {
    const moved = new GatewayError("cursor moved", 409, "CONFLICT", "CURSOR_MOVED", { storedCursor: "page:0" });
    // the first attempt of page:2 (sent ahead) is refused as if page:1 were not stored yet
    const { client, sent } = fakeClient({
      delayMs: 10,
      refuse: (s) => (s.cursor === "page:2" && sent.filter((x) => x.cursor === "page:2").length === 1 ? moved : null),
    });
    const ingests = await run(3, client, sent);
    const page2 = ingests.filter((s) => s.cursor === "page:2");
    expect(page2.map((s) => s.follows)).toEqual(["page:1", "page:1"]);
    const page1Answered = ingests.find((s) => s.cursor === "page:1")!.answeredAt!;
    expect(page2[1]!.at).toBeGreaterThan(page1Answered);
    expect(ingests.filter((s) => s.cursor === "page:3")).toHaveLength(1);
  });

  it("stores a batch without follows when someone else moved the cursor, without retrying the refusal", async () => {
    const moved = new GatewayError("cursor moved", 409, "CONFLICT", "CURSOR_MOVED", { storedCursor: "reset" });
    const { client, sent } = fakeClient({
      delayMs: 5,
      refuse: (s) => (s.cursor === "page:2" && s.follows !== undefined ? moved : null),
    });
    const ingests = await run(3, client, sent);
    expect(ingests.filter((s) => s.cursor === "page:2").map((s) => s.follows)).toEqual([
      "page:1", // sent ahead
      "page:1", // sent again once page:1 was stored
      undefined, // without follows: stored as a batch alone always was
    ]);
  });

  it("sends one batch at a time while an error stands", async () => {
    // an error stands when the feed is taken up, and every batch's first attempt fails: it goes on standing
    const outage = new GatewayError("unavailable", 503, "SERVICE_UNAVAILABLE", undefined);
    const { client, sent } = fakeClient({
      delayMs: 5,
      refuse: (s) => (sent.filter((x) => x.cursor === s.cursor).length === 1 ? outage : null),
    });
    const ingests = await run(3, client, sent, true);
    expect(ingests.slice(0, 6).map((s) => s.cursor)).toEqual([
      "page:1",
      "page:1",
      "page:2",
      "page:2",
      "page:3",
      "page:3",
    ]);
    for (let i = 1; i < 6; i++) expect(ingests[i]!.at).toBeGreaterThan(ingests[i - 1]!.answeredAt!);
  });
});

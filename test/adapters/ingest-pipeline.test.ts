/**
 * adapters/core/ingest-pipeline.ts against a model of the gateway's cursor rule (schema/sync/checkpoints.ts
 * requireStoredCursor): a batch with `follows` is stored only on top of that cursor or of its own, otherwise refused
 * with CURSOR_MOVED naming the stored cursor; without `follows`, stored whatever the cursor. Whatever fails — before
 * a batch is stored, or after, its answer lost — every batch ends stored, the cursor never stands past a batch not
 * stored and never moves back.
 */
import { describe, expect, it } from "vitest";
import { IngestPipeline } from "../../adapters/core/ingest-pipeline.ts";

interface Batch {
  cursor: string;
  n: number;
}

const batch = (n: number, cursor = `page:${n}`): Batch => ({ cursor, n });
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

class CursorMoved extends Error {
  constructor(readonly storedCursor: string | null) {
    super("CURSOR_MOVED");
  }
}

/** what goes wrong with one attempt: nothing, a failure before it is stored, or its answer lost after */
type Fault = "none" | "before" | "answer lost";

/** the gateway as the pipeline sees it */
class ModelGateway {
  cursor: string | null;
  /** the batch whose cursor is stored (0: the one stored at start) */
  at = 0;
  stored = new Set<number>();
  /** every call, in the order made: [kind, batch n, follows] */
  calls: Array<[string, number, string | null]> = [];
  /** the cursor stood at a batch while one before it was not stored */
  skipped = false;
  /** the cursor moved back to an earlier batch */
  movedBack = false;

  constructor(
    start: string | null,
    private readonly fault: (kind: "store" | "ahead", n: number) => Fault,
    private readonly delayMs: () => number = () => 0,
  ) {
    this.cursor = start;
  }

  /** one attempt, as the gateway answers it */
  private async attempt(kind: "store" | "ahead", b: Batch, follows: string | null) {
    this.calls.push([kind, b.n, follows]);
    await tick(this.delayMs());
    const fault = this.fault(kind, b.n);
    if (fault === "before") throw new Error("outage");
    if (follows !== null && this.cursor !== follows && this.cursor !== b.cursor) throw new CursorMoved(this.cursor);
    this.stored.add(b.n);
    if (b.n < this.at) this.movedBack = true;
    for (let n = 1; n < b.n; n++) if (!this.stored.has(n)) this.skipped = true;
    this.at = b.n;
    this.cursor = b.cursor;
    if (fault === "answer lost") throw new Error("socket hang up");
  }

  senders = {
    /** retried until stored; CURSOR_MOVED is not retried (as runInbound's store) */
    store: async (b: Batch, follows: string | null) => {
      for (;;) {
        try {
          return await this.attempt("store", b, follows);
        } catch (error) {
          if (error instanceof CursorMoved) throw error;
        }
      }
    },
    sendAhead: (b: Batch, follows: string) => this.attempt("ahead", b, follows),
    movedTo: (error: unknown) => (error instanceof CursorMoved ? error.storedCursor : undefined),
  };
}

async function sendAll(gateway: ModelGateway, batches: Batch[], ahead = () => true) {
  const pipeline = new IngestPipeline<Batch>(gateway.senders, gateway.cursor);
  for (const b of batches) await pipeline.send(b, ahead());
  await pipeline.drain();
  return pipeline;
}

/** a gateway that answers every attempt after `delayMs`, from the stored cursor page:0 */
const faultless = (delayMs: number) =>
  new ModelGateway(
    "page:0",
    () => "none",
    () => delayMs,
  );

const pages = (count: number) => Array.from({ length: count }, (_, i) => batch(i + 1));

describe("IngestPipeline", () => {
  it("sends the next batch before the last one is stored, each on top of the cursor before it", async () => {
    const gateway = faultless(5);
    const pipeline = new IngestPipeline<Batch>(gateway.senders, "page:0");
    await pipeline.send(batch(1), true);
    expect(gateway.stored.size).toBe(0); // on its way, not awaited
    const second = pipeline.send(batch(2), true);
    expect(gateway.calls).toEqual([
      ["store", 1, "page:0"],
      ["ahead", 2, "page:1"],
    ]);
    await second; // resolves once batch 1 is stored
    expect([...gateway.stored]).toEqual([1]);
    await pipeline.drain();
    expect([...gateway.stored]).toEqual([1, 2]);
    expect(gateway.cursor).toBe("page:2");
  });

  it("sends a batch refused ahead again once the last one is stored", async () => {
    let failures = 2;
    const gateway = new ModelGateway(
      "page:0",
      (kind, n) => (kind === "store" && n === 1 && failures-- > 0 ? "before" : "none"),
      () => 2,
    );
    await sendAll(gateway, pages(2));
    expect(gateway.calls).toEqual([
      ["store", 1, "page:0"],
      ["ahead", 2, "page:1"], // refused: batch 1 is not stored yet
      ["store", 1, "page:0"],
      ["store", 1, "page:0"],
      ["store", 2, "page:1"],
    ]);
    expect([...gateway.stored].sort()).toEqual([1, 2]);
    expect(gateway.skipped).toBe(false);
  });

  it("never moves the cursor back when a stored batch's answer is lost and the batch after it is stored first", async () => {
    // batch 2 goes ahead, is stored, its answer lost; batch 3 goes ahead on top of it and is stored; batch 2 is sent
    // again on top of batch 1 and meets batch 3's cursor: it was stored
    let lost = 1;
    const gateway = new ModelGateway("page:0", (kind, n) =>
      kind === "ahead" && n === 2 && lost-- > 0 ? "answer lost" : "none",
    );
    await sendAll(gateway, pages(4));
    expect(gateway.calls).toContainEqual(["store", 2, "page:1"]);
    expect(gateway.movedBack).toBe(false);
    expect(gateway.cursor).toBe("page:4");
  });

  it("goes alone with the first batch of a feed with no stored cursor, then on top of each", async () => {
    const gateway = new ModelGateway(
      null,
      () => "none",
      () => 1,
    );
    await sendAll(gateway, pages(3));
    expect(gateway.calls).toEqual([
      ["store", 1, null],
      ["store", 2, "page:1"],
      ["ahead", 3, "page:2"],
    ]);
  });

  it("sends nothing ahead of a batch that did not move the cursor: its cursor would prove nothing", async () => {
    const gateway = faultless(1);
    await sendAll(gateway, [batch(1), batch(2, "page:1"), batch(3), batch(4)]);
    expect(gateway.calls.map(([kind, n]) => `${kind} ${n}`)).toEqual(["store 1", "ahead 2", "store 3", "ahead 4"]);
  });

  it("never sends ahead when told not to (an error stands)", async () => {
    const gateway = faultless(1);
    await sendAll(gateway, pages(4), () => false);
    expect(gateway.calls.map(([kind]) => kind)).toEqual(["store", "store", "store", "store"]);
    expect(gateway.cursor).toBe("page:4");
  });

  it("stores the batch without follows when someone else moved the cursor", async () => {
    const gateway = faultless(1);
    const pipeline = new IngestPipeline<Batch>(gateway.senders, "page:0");
    await pipeline.send(batch(1), true);
    await pipeline.drain();
    gateway.cursor = "reset-by-an-operator";
    await pipeline.send(batch(2), true);
    await pipeline.drain();
    expect(gateway.calls.slice(1)).toEqual([
      ["store", 2, "page:1"],
      ["store", 2, null],
    ]);
    expect(gateway.cursor).toBe("page:2");
  });

  it("stores every batch, never skips, never moves back, under random faults before and after storing", async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const seen = { ahead: 0, refusedAhead: 0, lost: 0 };
    for (let round = 0; round < 30; round++) {
      const gateway = new ModelGateway(
        round % 3 === 0 ? null : "page:0",
        () => {
          const r = random();
          if (r < 0.15) return "before";
          if (r < 0.3) {
            seen.lost += 1;
            return "answer lost";
          }
          return "none";
        },
        () => Math.floor(random() * 3),
      );
      await sendAll(gateway, pages(25));
      expect(gateway.skipped).toBe(false);
      expect(gateway.movedBack).toBe(false);
      expect(gateway.stored.size).toBe(25);
      expect(gateway.cursor).toBe("page:25");
      const aheads = gateway.calls.filter(([kind]) => kind === "ahead");
      seen.ahead += aheads.length;
      seen.refusedAhead += aheads.filter(([, n]) => gateway.calls.some(([k, m]) => k === "store" && m === n)).length;
    }
    // both paths were taken: batches stored ahead, and batches sent again after their early attempt
    expect(seen.ahead).toBeGreaterThan(100);
    expect(seen.refusedAhead).toBeGreaterThan(20);
    expect(seen.lost).toBeGreaterThan(20);
  });
});

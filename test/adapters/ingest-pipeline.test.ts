/**
 * adapters/core/ingest-pipeline.ts against a model of the gateway's cursor: a batch sent ahead is stored only on
 * top of the cursor it follows (as `requireStoredCursor` does), a batch stored the usual way whatever the cursor.
 * Whatever fails, every batch ends stored, in order, and the cursor never stands past a batch not stored.
 */
import { describe, expect, it } from "vitest";
import { IngestPipeline } from "../../adapters/core/ingest-pipeline.ts";

interface Batch {
  cursor: string;
  n: number;
}

const batch = (n: number): Batch => ({ cursor: `page:${n}`, n });
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** the gateway as the pipeline sees it: the stored cursor and the batches stored, in the order stored */
class ModelGateway {
  cursor: string | null = null;
  stored: number[] = [];
  /** every call, in the order made: [kind, batch n, follows] */
  calls: Array<[string, number, string | null]> = [];
  /** the cursor was at or past a batch whose records were not all stored yet */
  brokenOrder = false;

  constructor(
    private readonly fails: (kind: "store" | "ahead", n: number, attempt: number) => boolean,
    private readonly delayMs: (n: number) => number = () => 0,
  ) {}

  private apply(b: Batch) {
    const highest = Math.max(0, ...this.stored);
    if (b.n > highest + 1) this.brokenOrder = true;
    this.stored.push(b.n);
    this.cursor = b.cursor;
  }

  private attempts = new Map<string, number>();
  private attempt(kind: "store" | "ahead", n: number) {
    const key = `${kind}:${n}`;
    const count = this.attempts.get(key) ?? 0;
    this.attempts.set(key, count + 1);
    return count;
  }

  /** retried until stored, as runInbound's store is */
  store = async (b: Batch) => {
    for (;;) {
      this.calls.push(["store", b.n, null]);
      await tick(this.delayMs(b.n));
      if (!this.fails("store", b.n, this.attempt("store", b.n))) return this.apply(b);
    }
  };

  sendAhead = async (b: Batch, follows: string) => {
    this.calls.push(["ahead", b.n, follows]);
    await tick(this.delayMs(b.n));
    if (this.fails("ahead", b.n, this.attempt("ahead", b.n))) throw new Error("outage");
    if (this.cursor !== follows) throw new Error("CURSOR_MOVED");
    this.apply(b);
  };
}

async function sendAll(gateway: ModelGateway, count: number, ahead = () => true) {
  const pipeline = new IngestPipeline<Batch>({ store: gateway.store, sendAhead: gateway.sendAhead });
  for (let n = 1; n <= count; n++) await pipeline.send(batch(n), ahead());
  await pipeline.drain();
}

describe("IngestPipeline", () => {
  it("sends the next batch before the last one is stored, naming the last one's cursor", async () => {
    const gateway = new ModelGateway(
      () => false,
      () => 5,
    );
    const pipeline = new IngestPipeline<Batch>({ store: gateway.store, sendAhead: gateway.sendAhead });
    await pipeline.send(batch(1), true);
    expect(gateway.stored).toEqual([]); // the first one is on its way, not awaited
    const second = pipeline.send(batch(2), true);
    expect(gateway.calls).toEqual([
      ["store", 1, null],
      ["ahead", 2, "page:1"],
    ]);
    await second; // resolves once batch 1 is stored
    expect(gateway.stored).toEqual([1]);
    await pipeline.drain();
    expect(gateway.stored).toEqual([1, 2]);
    expect(gateway.cursor).toBe("page:2");
  });

  it("sends the batch again the usual way once the last one is stored when its early attempt fails", async () => {
    // batch 1 fails twice before it is stored: batch 2, sent ahead, finds the cursor not moved and is refused
    const gateway = new ModelGateway(
      (kind, n, attempt) => kind === "store" && n === 1 && attempt < 2,
      () => 2,
    );
    await sendAll(gateway, 2);
    expect(gateway.calls).toEqual([
      ["store", 1, null],
      ["ahead", 2, "page:1"],
      ["store", 1, null],
      ["store", 1, null],
      ["store", 2, null],
    ]);
    expect(gateway.stored).toEqual([1, 2]);
    expect(gateway.brokenOrder).toBe(false);
  });

  it("never sends ahead when told not to (an error stands): one batch at a time, as before", async () => {
    const gateway = new ModelGateway(
      () => false,
      () => 1,
    );
    await sendAll(gateway, 4, () => false);
    expect(gateway.calls.map(([kind]) => kind)).toEqual(["store", "store", "store", "store"]);
    expect(gateway.stored).toEqual([1, 2, 3, 4]);
  });

  it("stores every batch in order, the cursor never past one not stored, under random failures and delays", async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 20; round++) {
      const gateway = new ModelGateway(
        () => random() < 0.3,
        () => Math.floor(random() * 3),
      );
      await sendAll(gateway, 30);
      expect(gateway.brokenOrder).toBe(false);
      expect(new Set(gateway.stored)).toEqual(new Set(Array.from({ length: 30 }, (_, i) => i + 1)));
      expect(gateway.cursor).toBe("page:30");
      // some batches went ahead and some had to be sent again: both paths were taken
      expect(gateway.calls.some(([kind]) => kind === "ahead")).toBe(true);
    }
  });

  it("lets drain wait for a batch whose early attempt failed and is being sent again", async () => {
    const gateway = new ModelGateway(
      (kind) => kind === "ahead",
      () => 1,
    );
    await sendAll(gateway, 3);
    expect(gateway.stored).toEqual([1, 2, 3]);
    expect(gateway.calls.filter(([kind]) => kind === "ahead")).toHaveLength(2);
  });
});

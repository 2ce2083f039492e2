/**
 * Outbound: the gateway's `changes` stream → the platform. Changes are gathered into small batches;
 * per batch the other province's records are pushed (idempotent on the platform by origin, originId,
 * version), then the joint tasks its officers are on (idempotent by task and version, a revoked one
 * marked so; one not dispatched yet has no code and is not pushed), the catalog is reloaded on `item.changed`, and only THEN the batch's last seq is
 * acknowledged. A crash between push and ack replays the batch, which the idempotent push absorbs.
 * The stream resumes from the acknowledged seq (`changes(consumer:)`) whenever it ends or goes silent.
 */
import { abortableSleep, withRetry } from "./backoff.ts";
import {
  type Change,
  type ItemCodes,
  newestPerId,
  type Province,
  type RecordChange,
  recordChangeOf,
  type TaskChange,
  taskChangeOf,
} from "./canonical.ts";
import type { GatewayClient } from "./gateway-client.ts";
import { ACKNOWLEDGE_CHANGES } from "./operations/outbound.ts";
import type { SyncReporter } from "./sync-reporter.ts";

export interface OutboundPlatform<V, T = unknown> {
  /** the platform's shape of another province's record; null when its item has no code here */
  toPlatform(record: RecordChange, items: ItemCodes): V | null;
  /** pushes records; resolves only when the platform accepted all of them */
  pushRecords(records: V[], signal: AbortSignal): Promise<void>;
  /** the platform's shape of a joint task; null when it has no code yet (not dispatched) */
  taskToPlatform(task: TaskChange, items: ItemCodes): T | null;
  /** pushes joint tasks (idempotent by task and version) */
  pushTasks(tasks: T[], signal: AbortSignal): Promise<void>;
}

export interface OutboundOptions<V, T = unknown> {
  client: GatewayClient;
  platform: OutboundPlatform<V, T>;
  jurisdiction: Province;
  items: ItemCodes & { load(): Promise<void> };
  consumer: string;
  reporter: SyncReporter;
  signal: AbortSignal;
  /** a batch is pushed once this many changes wait. @default 200 */
  batchSize?: number;
  /** … or when no change came for this long (the changes of one commit arrive together). @default 25 */
  flushMs?: number;
  /** no event (not even a heartbeat, every 15 s) for this long: the stream is dead. @default 40_000 */
  silenceMs?: number;
  retryCapMs?: number;
}

const TIMEOUT: unique symbol = Symbol("timeout");

/**
 * Records acknowledged WITHOUT reaching the platform, because their item has no code there. They are
 * skipped rather than retried: waiting for a code that may never come would stall every change behind
 * them. So they are counted, logged and kept standing in syncStatus `lastError` (docs/sync.md).
 */
export class Undelivered {
  count = 0;
  private readonly latest: string[] = [];

  add(records: readonly RecordChange[]): void {
    for (const r of records) {
      this.count += 1;
      this.latest.push(`${r.origin}/${r.originId} v${r.version} (item ${r.itemCode ?? "none"})`);
    }
    this.latest.splice(0, Math.max(0, this.latest.length - 5));
  }

  summary(): string {
    return `${this.count} record(s) acknowledged but not delivered: their item has no code on this platform; latest: ${this.latest.join(", ")}`;
  }
}

export async function runOutbound<V, T>(options: OutboundOptions<V, T>): Promise<void> {
  const { client, consumer, reporter, signal } = options;
  const undelivered = new Undelivered();
  const retry = <T>(work: () => Promise<T>) =>
    withRetry(work, { signal, capMs: options.retryCapMs, onRetry: (error) => reporter.error(error) });

  async function handle(batch: Change[]): Promise<void> {
    if (batch.some((c) => c.kind === "item.changed")) await retry(() => options.items.load());
    const records = batch
      .filter((c) => c.origin !== options.jurisdiction.toUpperCase())
      .map(recordChangeOf)
      .filter((record): record is RecordChange => record !== null);
    let mapped = mapAll(records);
    if (mapped.unmapped.length > 0) {
      // the catalog may have changed without an item.changed reaching us yet: look once more
      await retry(() => options.items.load());
      mapped = mapAll(records);
    }
    if (mapped.vendor.length > 0) await retry(() => options.platform.pushRecords(mapped.vendor, signal));
    const tasks = tasksFor(batch);
    if (tasks.length > 0) await retry(() => options.platform.pushTasks(tasks, signal));
    const last = batch.at(-1);
    if (last) await acknowledge(last.seq);
    if (mapped.unmapped.length > 0) {
      undelivered.add(mapped.unmapped);
      reporter.standingProblem(undelivered.summary());
    }
  }

  /** joint tasks with this province's officers on the team, newest version per task, in the platform's shape */
  function tasksFor(batch: readonly Change[]): T[] {
    const tasks = batch
      .map(taskChangeOf)
      .filter((task): task is TaskChange => task?.jurisdictions.includes(options.jurisdiction) === true);
    return newestPerId(
      tasks,
      (t) => t.taskId,
      (t) => t.version,
    )
      .map((task) => options.platform.taskToPlatform(task, options.items))
      .filter((task): task is T => task !== null);
  }

  function mapAll(records: RecordChange[]) {
    const vendor: V[] = [];
    const unmapped: RecordChange[] = [];
    for (const record of records) {
      const v = options.platform.toPlatform(record, options.items);
      if (v === null) unmapped.push(record);
      else vendor.push(v);
    }
    return { vendor, unmapped };
  }

  let acked = "0";
  async function acknowledge(seq: string): Promise<void> {
    await reporter.clearing(() =>
      retry(() => client.mutate(ACKNOWLEDGE_CHANGES, { input: { consumer, seq } }, signal)),
    );
    acked = seq;
  }

  while (!signal.aborted) {
    const stream = new AbortController();
    const stop = () => stream.abort(signal.reason);
    signal.addEventListener("abort", stop, { once: true });
    try {
      const events = (await client.changes(consumer, stream.signal))[Symbol.asyncIterator]();
      // reconnected after a failure: acknowledging what is already acknowledged clears the error
      if (reporter.failing) await acknowledge(acked);
      let batch: Change[] = [];
      let pending = events.next();
      for (;;) {
        const wait = batch.length > 0 ? (options.flushMs ?? 25) : (options.silenceMs ?? 40_000);
        const next = await Promise.race([pending, abortableSleep(wait, signal).then((): typeof TIMEOUT => TIMEOUT)]);
        if (next === TIMEOUT) {
          if (batch.length === 0) break; // silent stream: reconnect
          await handle(batch);
          batch = [];
          continue;
        }
        if (next.done) break;
        pending = events.next();
        batch.push(next.value);
        if (batch.length >= (options.batchSize ?? 200)) {
          await handle(batch);
          batch = [];
        }
      }
      await handle(batch);
      pending.catch(() => {});
    } catch (error) {
      if (signal.aborted) return;
      reporter.error(error);
      await abortableSleep(1000, signal).catch(() => {});
    } finally {
      signal.removeEventListener("abort", stop);
      stream.abort();
    }
  }
}

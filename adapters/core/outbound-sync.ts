/**
 * Outbound: the gateway's `changes` stream → the platform. Changes are gathered into small batches;
 * per batch the other province's records are pushed (idempotent on the platform by origin, originId,
 * version), the catalog is reloaded on `item.changed`, and only THEN the batch's last seq is
 * acknowledged. A crash between push and ack replays the batch, which the idempotent push absorbs.
 * The stream resumes from the acknowledged seq (`changes(consumer:)`) whenever it ends or goes silent.
 */
import { abortableSleep, withRetry } from "./backoff.ts";
import type { Change, ItemCodes, Jurisdiction, RecordChange } from "./canonical.ts";
import type { GatewayClient } from "./gateway-client.ts";
import type { SyncReporter } from "./sync-reporter.ts";

export interface OutboundPlatform<V> {
  /** the platform's shape of another province's record; null when its item has no code here */
  toPlatform(record: RecordChange, items: ItemCodes): V | null;
  /** pushes records; resolves only when the platform accepted all of them */
  pushRecords(records: V[], signal: AbortSignal): Promise<void>;
}

export interface OutboundOptions<V> {
  client: GatewayClient;
  platform: OutboundPlatform<V>;
  jurisdiction: Jurisdiction;
  items: ItemCodes & { load(): Promise<void> };
  consumer: string;
  reporter: SyncReporter;
  signal: AbortSignal;
  /** a batch is pushed once this many changes wait. @default 200 */
  batchSize?: number;
  /** … or when no change came for this long. @default 100 */
  flushMs?: number;
  /** no event (not even a heartbeat, every 15 s) for this long: the stream is dead. @default 40_000 */
  silenceMs?: number;
  retryCapMs?: number;
}

const ACK = `mutation($consumer: String!, $seq: String!) { acknowledgeChanges(consumer: $consumer, seq: $seq) { ackedSeq } }`;
const TIMEOUT: unique symbol = Symbol("timeout");

export async function runOutbound<V>(options: OutboundOptions<V>): Promise<void> {
  const { client, consumer, reporter, signal } = options;
  const retry = <T>(work: () => Promise<T>) =>
    withRetry(work, { signal, capMs: options.retryCapMs, onRetry: (error) => reporter.error(error) });

  async function handle(batch: Change[]): Promise<void> {
    if (batch.some((c) => c.kind === "item.changed")) await retry(() => options.items.load());
    const records = batch
      .filter((c) => c.kind === "record.upserted" && c.originJurisdiction !== options.jurisdiction)
      .map((c) => c.payload as unknown as RecordChange);
    const vendor = records.flatMap((record) => {
      const mapped = options.platform.toPlatform(record, options.items);
      if (mapped === null) reporter.error(new Error(`${record.originId}: item ${record.itemCode} has no code here`));
      return mapped === null ? [] : [mapped];
    });
    if (vendor.length > 0) await retry(() => options.platform.pushRecords(vendor, signal));
    const last = batch.at(-1);
    if (last) await retry(() => client.mutate(ACK, { consumer, seq: last.seq }, signal));
  }

  while (!signal.aborted) {
    const stream = new AbortController();
    const stop = () => stream.abort(signal.reason);
    signal.addEventListener("abort", stop, { once: true });
    try {
      const events = (await client.changes(consumer, stream.signal))[Symbol.asyncIterator]();
      let batch: Change[] = [];
      let pending = events.next();
      for (;;) {
        const wait = batch.length > 0 ? (options.flushMs ?? 100) : (options.silenceMs ?? 40_000);
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

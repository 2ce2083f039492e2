/**
 * Inbound: platform feed → pure mapper → gateway. Per page: officer and enterprise changes go to the
 * libraries (./library-sync.ts), what the mapper cannot map goes to `quarantineRecords`, the rest to
 * `ingestRecords` WITH the page's cursor (stored in the same transaction as the records), then the next
 * page (read ahead while this one is stored when the platform holds more; sent before this one is answered,
 * stored only on top of it: ./ingest-pipeline.ts). The cursor to resume from is
 * the gateway's (`syncStatus … inbound { cursor }`), so a restarted adapter continues exactly where it
 * was; a page replayed after a crash changes nothing (newest version wins, docs/sync.md).
 */
import { abortableSleep, type RetryOptions, withRetry } from "./backoff.ts";
import type { EnterpriseInput, ItemCodes, MapResult, OfficerInput, RecordInput, Unmappable } from "./canonical.ts";
import { type GatewayClient, GatewayError } from "./gateway-client.ts";
import { IngestPipeline } from "./ingest-pipeline.ts";
import { pushLibraryChanges } from "./library-sync.ts";
import { INGEST_RECORDS, QUARANTINE_RECORDS, STORED_CURSORS } from "./operations/inbound.ts";
import type { SyncReporter } from "./sync-reporter.ts";

/** one page of the platform's feed, records already parsed (newest version per id) */
export interface FeedPage<V> {
  records: V[];
  /** officer and enterprise changes, mapped, newest version per key */
  officers: OfficerInput[];
  enterprises: EnterpriseInput[];
  /** entries that failed the vendor schema: quarantined as they are */
  invalid: Unmappable[];
  /** the position after this page */
  cursor: string;
  /** changes still waiting after this page */
  backlog: number;
  /** ISO time of the newest change in the page */
  sourceTime: string | null;
}

export interface InboundPlatform<V> {
  readPage(cursor: string | null, signal: AbortSignal): Promise<FeedPage<V>>;
  map(record: V, items: ItemCodes): MapResult;
}

export interface InboundOptions<V> {
  client: GatewayClient;
  platform: InboundPlatform<V>;
  items: ItemCodes;
  source: string;
  reporter: SyncReporter;
  signal: AbortSignal;
  /** pause when caught up (the longest: right after changes the pause starts at 50 ms and doubles). @default 1000 */
  idleMs?: number;
  retryCapMs?: number;
}

const FIRST_PAUSE_MS = 50;

/** what one page sends to `ingestRecords` */
interface IngestBatch {
  source: string;
  cursor: string;
  sourceTime: string | null;
  sourceBacklog: number;
  batch: RecordInput[];
}

/** the stored cursor a CURSOR_MOVED refusal of `ingestRecords` names; undefined for any other error */
function cursorMovedTo(error: unknown): string | null | undefined {
  if (!(error instanceof GatewayError) || error.reason !== "CURSOR_MOVED") return undefined;
  const stored = error.extensions.storedCursor;
  return typeof stored === "string" ? stored : null;
}

export async function storedInboundCursor(client: GatewayClient, source: string): Promise<string | null> {
  const { syncStatus } = await client.query(STORED_CURSORS, {});
  return syncStatus.find((s) => s.adapter === source)?.inbound?.cursor ?? null;
}

export async function runInbound<V>(options: InboundOptions<V>): Promise<void> {
  const { client, platform, source, reporter, signal } = options;
  const retry = <T>(work: () => Promise<T>, isPermanent?: RetryOptions["isPermanent"]) =>
    withRetry(work, { signal, capMs: options.retryCapMs, onRetry: (error) => reporter.error(error), isPermanent });

  const read = (from: string | null) => {
    const reading = retry(() => platform.readPage(from, signal));
    reading.catch(() => {}); // awaited below: this only keeps an abort during a read-ahead from going unhandled
    return reading;
  };
  let cursor = await retry(() => storedInboundCursor(client, source));
  const ingest = (input: IngestBatch, follows: string | null) =>
    client.mutate(INGEST_RECORDS, { input: follows === null ? input : { ...input, follows } }, signal);
  const pipeline = new IngestPipeline<IngestBatch>(
    {
      // a CURSOR_MOVED refusal is the pipeline's to answer, not retried
      store: (input, follows) =>
        reporter.clearing(() =>
          retry(
            () => ingest(input, follows),
            (error) => cursorMovedTo(error) !== undefined,
          ),
        ),
      sendAhead: ingest,
      movedTo: cursorMovedTo,
    },
    cursor,
  );
  let next = read(cursor);
  const idleMs = options.idleMs ?? 1000;
  let quietReads = 0;
  while (!signal.aborted) {
    const page = await next;
    const moved = page.cursor !== cursor;
    const caughtUp = !moved && page.backlog === 0;
    // more waiting on the platform: read ahead, the next page comes while this one is mapped and stored (the page
    // after a cursor does not depend on the gateway having stored it). Drained: read once this one is sent, so that
    // the next page holds what was created meanwhile (read ahead, it would be empty: a cycle lost)
    if (page.backlog > 0) next = read(page.cursor);
    // officers and enterprises before the records and the cursor: a crash in between replays them
    const refusedLibrary = await pushLibraryChanges(client, page, retry, signal);
    const mapped = page.records.map((record) => platform.map(record, options.items));
    const refused = [...page.invalid, ...refusedLibrary, ...mapped.flatMap((m) => (m.ok ? [] : [m.unmappable]))];
    const records: RecordInput[] = mapped.flatMap((m) => (m.ok ? [m.record] : []));
    // quarantined before the cursor moves past them: never skipped silently
    if (refused.length > 0)
      await retry(() => client.mutate(QUARANTINE_RECORDS, { input: { source, items: refused } }, signal));
    // an empty batch too when an error stands: its commit tells syncStatus the side works again
    if (records.length > 0 || refused.length > 0 || moved || reporter.failing) {
      const input: IngestBatch = {
        source,
        cursor: page.cursor,
        sourceTime: page.sourceTime,
        sourceBacklog: page.backlog,
        // one JSON document: the gateway coerces it record by record (cheaper than GraphQL's coercion of a list of
        // input objects), and a record of the wrong shape is quarantined alone instead of failing the page
        batch: records,
      };
      // sent ahead of the last batch while nothing is failing: the gateway stores it on top of the last one
      await pipeline.send(input, !reporter.failing);
    }
    cursor = page.cursor;
    if (caughtUp) {
      await pipeline.drain();
      await reporter.heartbeatIfDue({ sourceBacklog: 0 });
      // a feed that just had changes is read again soon, a quiet one every idleMs: a record created right after
      // a read does not wait a whole idle pause (the propagate bench's p99), and a quiet feed is not polled harder
      await abortableSleep(Math.min(idleMs, FIRST_PAUSE_MS * 2 ** quietReads), signal).catch(() => {});
      quietReads += 1;
      next = read(cursor);
    } else {
      quietReads = 0;
      if (page.backlog === 0) next = read(cursor);
    }
  }
}

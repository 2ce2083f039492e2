/**
 * One page of a platform's change feed, sorted out the same way for every province: entries that do
 * not parse go to quarantine (never block the page), record entries are kept at their newest version
 * per id (a page may repeat or reorder entries), and the newest change time gives the source time.
 */
import type { z } from "zod";
import { newestPerId } from "./canonical.ts";
import { newestIso } from "./http.ts";
import type { FeedPage } from "./inbound-sync.ts";

export interface FeedDialect<E, V> {
  /** the vendor's change entry */
  entry: z.ZodType<E>;
  /** the record inside an entry, or null for officer/enterprise entries */
  recordOf(entry: E): V | null;
  /** epoch ms of the change */
  timeOf(entry: E): number;
  idOf(record: V): string;
  versionOf(record: V): number;
}

export function sortFeedEntries<E, V>(
  raw: readonly unknown[],
  dialect: FeedDialect<E, V>,
): Pick<FeedPage<V>, "records" | "invalid" | "sourceTime"> {
  const records: V[] = [];
  const invalid: FeedPage<V>["invalid"] = [];
  const times: number[] = [];
  for (const item of raw) {
    const parsed = dialect.entry.safeParse(item);
    if (!parsed.success) {
      invalid.push({
        originId: null,
        version: null,
        code: "INVALID_VENDOR_RECORD",
        reason: parsed.error.message.slice(0, 500),
        payload: item,
      });
      continue;
    }
    times.push(dialect.timeOf(parsed.data));
    const record = dialect.recordOf(parsed.data);
    if (record !== null) records.push(record);
  }
  return {
    records: newestPerId(records, dialect.idOf, dialect.versionOf),
    invalid,
    sourceTime: newestIso(times),
  };
}

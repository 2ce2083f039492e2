/**
 * One page of a platform's change feed, sorted out the same way for every province: entries that do
 * not parse go to quarantine (never block the page), record, officer and enterprise entries are kept
 * at their newest version per key (a page may repeat or reorder entries), and the newest change time
 * gives the source time. Officers and enterprises leave here already mapped (they need no catalog).
 */
import type { z } from "zod";
import { type EnterpriseInput, newestPerId, type OfficerInput } from "./canonical.ts";
import { newestIso } from "./http.ts";
import type { FeedPage } from "./inbound-sync.ts";

export interface FeedDialect<E, V> {
  /** the vendor's change entry */
  entry: z.ZodType<E>;
  /** the record inside an entry, or null for officer/enterprise entries */
  recordOf(entry: E): V | null;
  /** an officer entry through the province's pure mapper; null for other entries */
  officerOf(entry: E): OfficerInput | null;
  /** an enterprise entry through the province's pure mapper; null for other entries */
  enterpriseOf(entry: E): EnterpriseInput | null;
  /** epoch ms of the change */
  timeOf(entry: E): number;
  idOf(record: V): string;
  versionOf(record: V): number;
}

export function sortFeedEntries<E, V>(
  raw: readonly unknown[],
  dialect: FeedDialect<E, V>,
): Pick<FeedPage<V>, "records" | "officers" | "enterprises" | "invalid" | "sourceTime"> {
  const records: V[] = [];
  const officers: OfficerInput[] = [];
  const enterprises: EnterpriseInput[] = [];
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
    const officer = dialect.officerOf(parsed.data);
    if (officer !== null) officers.push(officer);
    const enterprise = dialect.enterpriseOf(parsed.data);
    if (enterprise !== null) enterprises.push(enterprise);
  }
  return {
    records: newestPerId(records, dialect.idOf, dialect.versionOf),
    officers: newestPerId(
      officers,
      (o) => o.certificateNumber,
      (o) => o.version,
    ),
    enterprises: newestPerId(
      enterprises,
      (e) => e.uscc,
      (e) => e.version,
    ),
    invalid,
    sourceTime: newestIso(times),
  };
}

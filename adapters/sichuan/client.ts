/**
 * The Sichuan platform's HTTP API as the adapter uses it: the append-only change log
 * (`GET /openapi/changes?since_id=`, never the listing — see ./types.ts) and the signed
 * shared-records endpoint (HMAC-SHA256, `scSignedHeaders`).
 */
import { z } from "zod";
import { type FeedDialect, sortFeedEntries } from "../core/feed-entries.ts";
import { requestJson } from "../core/http.ts";
import type { FeedPage } from "../core/inbound-sync.ts";
import { scEnterpriseToInput, scOfficerToInput } from "./mappers/to-library.ts";
import {
  parseBeijingTime,
  type ScDispatchTask,
  type ScRecord,
  type ScSharedRecord,
  scChange,
  scChangesPage,
  scInboundResponse,
  scSignedHeaders,
} from "./types.ts";

const loosePage = scChangesPage.extend({ data: z.array(z.unknown()) });

const SC_FEED: FeedDialect<z.infer<typeof scChange>, ScRecord> = {
  entry: scChange,
  recordOf: (e) => (e.entity_type === "record" ? e.data : null),
  officerOf: (e) => (e.entity_type === "officer" ? scOfficerToInput(e.data) : null),
  enterpriseOf: (e) => (e.entity_type === "enterprise" ? scEnterpriseToInput(e.data) : null),
  timeOf: (e) => parseBeijingTime(e.changed_at) ?? 0,
  idOf: (r) => r.record_no,
  versionOf: (r) => r.rev,
};

export class SichuanClient {
  constructor(
    private readonly baseUrl: string,
    private readonly secret: string,
    /** the most the feed serves in one page: fewer, larger batches for the gateway */
    private readonly pageSize = 1000,
  ) {}

  async readPage(cursor: string | null, signal: AbortSignal): Promise<FeedPage<ScRecord>> {
    const query = new URLSearchParams({ since_id: cursor ?? "0", page_size: String(this.pageSize) });
    const page = loosePage.parse(await requestJson(`${this.baseUrl}/openapi/changes?${query}`, { signal }));
    return {
      ...sortFeedEntries(page.data, SC_FEED),
      cursor: String(page.next_since_id),
      // `total` counts the changes after since_id including this page's
      backlog: Math.max(0, page.total - page.data.length),
    };
  }

  async pushTasks(tasks: ScDispatchTask[], signal: AbortSignal): Promise<void> {
    const raw = JSON.stringify({ tasks });
    const body = await requestJson(`${this.baseUrl}/openapi/dispatch-tasks`, {
      method: "POST",
      headers: scSignedHeaders(raw, this.secret),
      body: raw,
      signal,
    });
    scInboundResponse.parse(body);
  }

  async pushRecords(records: ScSharedRecord[], signal: AbortSignal): Promise<void> {
    const raw = JSON.stringify({ records });
    const body = await requestJson(`${this.baseUrl}/openapi/shared-records`, {
      method: "POST",
      headers: scSignedHeaders(raw, this.secret),
      body: raw,
      signal,
    });
    scInboundResponse.parse(body);
  }
}

/**
 * The Chongqing platform's HTTP API as the adapter uses it: the cursor-paginated change feed
 * (`GET /api/v1/changes`) and the shared-records endpoint. Shapes: ./types.ts.
 */

import { z } from "zod";
import { type FeedDialect, sortFeedEntries } from "../core/feed-entries.ts";
import { requestJson } from "../core/http.ts";
import type { FeedPage } from "../core/inbound-sync.ts";
import { cqEnterpriseToInput, cqOfficerToInput } from "./mappers/to-library.ts";
import {
  type CqDispatchTask,
  type CqRecord,
  type CqSharedRecord,
  cqChange,
  cqChangesPage,
  cqInboundResponse,
} from "./types.ts";

const loosePage = cqChangesPage.extend({ items: z.array(z.unknown()) });

const CQ_FEED: FeedDialect<z.infer<typeof cqChange>, CqRecord> = {
  entry: cqChange,
  recordOf: (e) => (e.entity === "record" ? e.data : null),
  officerOf: (e) => (e.entity === "officer" ? cqOfficerToInput(e.data) : null),
  enterpriseOf: (e) => (e.entity === "enterprise" ? cqEnterpriseToInput(e.data) : null),
  timeOf: (e) => e.data.updatedAt,
  idOf: (r) => r.recordId,
  versionOf: (r) => r.version,
};

export class ChongqingClient {
  constructor(
    private readonly baseUrl: string,
    /** the most the feed serves in one page: fewer, larger batches for the gateway */
    private readonly pageSize = 1000,
  ) {}

  async readPage(cursor: string | null, signal: AbortSignal): Promise<FeedPage<CqRecord>> {
    const query = new URLSearchParams({ limit: String(this.pageSize), ...(cursor ? { cursor } : {}) });
    const page = loosePage.parse(await requestJson(`${this.baseUrl}/api/v1/changes?${query}`, { signal }));
    return {
      ...sortFeedEntries(page.items, CQ_FEED),
      cursor: page.nextCursor,
      backlog: page.hasMore ? 1 : 0,
    };
  }

  async pushTasks(tasks: CqDispatchTask[], signal: AbortSignal): Promise<void> {
    const body = await requestJson(`${this.baseUrl}/api/v1/dispatch-tasks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tasks }),
      signal,
    });
    cqInboundResponse.parse(body);
  }

  async pushRecords(records: CqSharedRecord[], signal: AbortSignal): Promise<void> {
    const body = await requestJson(`${this.baseUrl}/api/v1/shared-records`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ records }),
      signal,
    });
    cqInboundResponse.parse(body);
  }
}

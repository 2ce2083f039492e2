/**
 * The Chongqing platform's HTTP API as the adapter uses it: the cursor-paginated change feed
 * (`GET /api/v1/changes`) and the shared-records endpoint. Shapes: ./types.ts.
 */

import { z } from "zod";
import { newestPerId } from "../core/canonical.ts";
import { newestIso, requestJson } from "../core/http.ts";
import type { FeedPage } from "../core/inbound-sync.ts";
import { type CqRecord, type CqSharedRecord, cqChange, cqChangesPage, cqInboundResponse } from "./types.ts";

const loosePage = cqChangesPage.extend({ items: z.array(z.unknown()) });

export class ChongqingClient {
  constructor(
    private readonly baseUrl: string,
    private readonly pageSize = 500,
  ) {}

  async readPage(cursor: string | null, signal: AbortSignal): Promise<FeedPage<CqRecord>> {
    const query = new URLSearchParams({ limit: String(this.pageSize), ...(cursor ? { cursor } : {}) });
    const page = loosePage.parse(await requestJson(`${this.baseUrl}/api/v1/changes?${query}`, { signal }));
    const records: CqRecord[] = [];
    const invalid: FeedPage<CqRecord>["invalid"] = [];
    const times: number[] = [];
    for (const raw of page.items) {
      const parsed = cqChange.safeParse(raw);
      if (!parsed.success) {
        invalid.push({
          originId: null,
          version: null,
          code: "INVALID_VENDOR_RECORD",
          reason: parsed.error.message.slice(0, 500),
          payload: raw,
        });
        continue;
      }
      times.push(parsed.data.data.updatedAt);
      if (parsed.data.entity === "record") records.push(parsed.data.data);
    }
    return {
      records: newestPerId(
        records,
        (r) => r.recordId,
        (r) => r.version,
      ),
      invalid,
      cursor: page.nextCursor,
      backlog: page.hasMore ? 1 : 0,
      sourceTime: newestIso(times),
    };
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

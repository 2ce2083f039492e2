/**
 * The Sichuan platform's HTTP API as the adapter uses it: the append-only change log
 * (`GET /openapi/changes?since_id=`, never the listing — see ./types.ts) and the signed
 * shared-records endpoint (HMAC-SHA256, `scSignedHeaders`).
 */
import { z } from "zod";
import { newestPerId } from "../core/canonical.ts";
import { newestIso, requestJson } from "../core/http.ts";
import type { FeedPage } from "../core/inbound-sync.ts";
import {
  parseBeijingTime,
  type ScRecord,
  type ScSharedRecord,
  scChange,
  scChangesPage,
  scInboundResponse,
  scSignedHeaders,
} from "./types.ts";

const loosePage = scChangesPage.extend({ data: z.array(z.unknown()) });

export class SichuanClient {
  constructor(
    private readonly baseUrl: string,
    private readonly secret: string,
    private readonly pageSize = 500,
  ) {}

  async readPage(cursor: string | null, signal: AbortSignal): Promise<FeedPage<ScRecord>> {
    const query = new URLSearchParams({ since_id: cursor ?? "0", page_size: String(this.pageSize) });
    const page = loosePage.parse(await requestJson(`${this.baseUrl}/openapi/changes?${query}`, { signal }));
    const records: ScRecord[] = [];
    const invalid: FeedPage<ScRecord>["invalid"] = [];
    const times: number[] = [];
    for (const raw of page.data) {
      const parsed = scChange.safeParse(raw);
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
      times.push(parseBeijingTime(parsed.data.changed_at) ?? 0);
      if (parsed.data.entity_type === "record") records.push(parsed.data.data);
    }
    return {
      records: newestPerId(
        records,
        (r) => r.record_no,
        (r) => r.rev,
      ),
      invalid,
      cursor: String(page.next_since_id),
      // `total` counts the changes after since_id including this page's
      backlog: Math.max(0, page.total - page.data.length),
      sourceTime: newestIso(times),
    };
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

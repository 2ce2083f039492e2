/**
 * The Sichuan platform simulator: page/offset record listing, an exact change log by id, and signed
 * inbound endpoints for Chongqing's records and the committee's tasks.
 * Shapes and the signature: adapters/sichuan/types.ts.
 */
import {
  parseBeijingTime,
  SC_SIGNATURE_HEADER,
  type ScInboundResponse,
  type ScRecord,
  scDispatchTasksBody,
  scSharedRecordsBody,
  verifyScSignature,
} from "../../../adapters/sichuan/types.ts";
import { readFeed } from "../core/feed.ts";
import { HttpError, intParam, parseBody, type SimRequest } from "../core/router.ts";
import { type Dialect, type RunningSimulator, type SimulatorOptions, startSimulator } from "../core/simulator.ts";
import type { SimStore } from "../core/store.ts";
import * as sc from "./dialect.ts";

export interface SichuanSimulatorOptions extends SimulatorOptions {
  /** the HMAC-SHA256 secret shared with the adapter. @default "gaozhu-sc-dev-secret" */
  secret?: string;
}

export const DEFAULT_SC_SECRET = "gaozhu-sc-dev-secret";

/** records ordered by (updated_at, record_no), rebuilt only when the store has changed since */
function sortedRecords(store: SimStore): () => ScRecord[] {
  let cached: { at: number; rows: ScRecord[] } | null = null;
  return () => {
    if (cached?.at !== store.mutations) {
      const rows = [...store.records.values()].map(sc.toScRecord);
      rows.sort((a, b) => compare(a.updated_at, b.updated_at) || compare(a.record_no, b.record_no));
      cached = { at: store.mutations, rows };
    }
    return cached.rows;
  };
}
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** index of the first row with updated_at >= since */
function lowerBound(rows: ScRecord[], since: string): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.updated_at < since) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sichuanDialect(secret: string): Dialect {
  const requireSignature = (req: SimRequest) => {
    const header = req.headers[SC_SIGNATURE_HEADER];
    if (!verifyScSignature(req.rawBody, Array.isArray(header) ? header[0] : header, secret)) {
      throw new HttpError(401, "BAD_SIGNATURE", "X-SC-Signature missing or wrong");
    }
  };
  return {
    province: "sc",
    recordId: sc.scRecordId,
    errorBody: (code, msg) => ({ code, msg }),
    record: sc.toScRecord,
    officer: sc.toScOfficer,
    enterprise: sc.toScEnterprise,
    received: sc.toScShared,
    task: sc.toScTask,
    routes(ctx) {
      const { router, store } = ctx;
      const records = sortedRecords(store);
      router
        .on("GET", "/openapi/records", (req) => {
          const since = req.query.get("updated_since");
          if (since !== null && parseBeijingTime(since) === null) {
            throw new HttpError(400, "BAD_INPUT", "updated_since must be YYYY-MM-DD HH:mm:ss");
          }
          const page = intParam(req, "page", 1, 1, 1_000_000);
          const pageSize = intParam(req, "page_size", 50, 1, 500);
          const rows = records();
          const from = since === null ? 0 : lowerBound(rows, since);
          const start = from + (page - 1) * pageSize;
          const data = rows.slice(start, start + pageSize);
          return { status: 200, body: { data, total: rows.length - from, page, page_size: pageSize } };
        })
        .on("GET", "/openapi/changes", (req) => {
          const since = intParam(req, "since_id", 0, 0, Number.MAX_SAFE_INTEGER);
          const page = readFeed(ctx, since, intParam(req, "page_size", 100, 1, 1000));
          return {
            status: 200,
            body: { data: page.entries.map(sc.toScChange), total: page.remaining, next_since_id: page.next },
          };
        })
        .on("POST", "/openapi/shared-records", (req) => {
          requireSignature(req);
          const body = parseBody(req, scSharedRecordsBody);
          const results = store.batch(() =>
            body.records.map((r) => ({ id: r.origin_id, rev: r.rev, status: store.putReceived(sc.fromScShared(r)) })),
          );
          return { status: 200, body: { results } satisfies ScInboundResponse };
        })
        .on("POST", "/openapi/dispatch-tasks", (req) => {
          requireSignature(req);
          const body = parseBody(req, scDispatchTasksBody);
          const results = store.batch(() =>
            body.tasks.map((t) => ({ id: t.task_id, rev: t.rev, status: store.putTask(sc.fromScTask(t)) })),
          );
          return { status: 200, body: { results } satisfies ScInboundResponse };
        });
    },
  };
}

export function startSichuanSimulator(options: SichuanSimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator(sichuanDialect(options.secret ?? DEFAULT_SC_SECRET), options);
}

/**
 * library-scale, the gateway's side of the bulk load (issue 5): the very rows of the baseline pushed through the
 * real GraphQL path — `upsertEnterprises` / `upsertOfficers` in batches of 1,000 (the maximum), a fresh token per
 * request (replay protection), a few requests in flight — on a gateway running on a scratch Postgres database.
 *
 * A million rows through GraphQL take minutes, and `npm run bench` as a whole must stay within 15 minutes: the
 * push is bounded by a time budget AND by count, and the rows it did not reach are then loaded with a raw COPY so
 * that search runs over the full table. `rows` says exactly how many went through the gateway.
 */
import { performance } from "node:perf_hooks";
import type pg from "pg";
import { enterpriseRow, officerRow } from "../data/library-rows.ts";
import type { BenchKeys } from "../lib/keys.ts";
import { copyRows } from "../lib/postgres.ts";
import { progress } from "../lib/progress.ts";
import { ENTERPRISE_COLUMNS, enterpriseValues, OFFICER_COLUMNS, officerValues } from "./library-baseline.ts";

const BATCH = 1000;

export interface GatewayPush {
  /** rows that went through GraphQL, every one answered ok */
  rows: number;
  requests: number;
  seconds: number;
  rowsPerSecond: number;
  /** what ended the push: every row sent, or the time budget */
  stoppedBy: "count" | "time";
  /** rows loaded afterwards by raw COPY (not measured: only so that search sees the whole table) */
  copiedAfter: number;
}

type Kind = "enterprises" | "officers";

const MUTATION: Record<Kind, string> = {
  enterprises: `mutation($records: [EnterpriseInput!]!) { upsertEnterprises(input: { enterprises: $records }) {
    counts { refused } results { outcome message } } }`,
  officers: `mutation($records: [OfficerInput!]!) { upsertOfficers(input: { officers: $records }) {
    counts { refused } results { outcome message } } }`,
};

/** Request r carries block r>>1, one side of it: even rows (registered in cq) or odd rows (sc), 1,000 each. */
function requestRows(kind: Kind, r: number, total: number): { issuer: "cq" | "sc"; records: unknown[] } {
  const side = r & 1;
  const records: unknown[] = [];
  for (let j = 0; j < BATCH; j++) {
    const i = (r >> 1) * 2 * BATCH + 2 * j + side;
    if (i >= total) break;
    if (kind === "enterprises") {
      const { registeringJurisdiction: _origin, ...record } = enterpriseRow(i);
      records.push(record);
    } else {
      const { homeJurisdiction: _origin, ...record } = officerRow(i);
      records.push({ ...record, version: 1 });
    }
  }
  return { issuer: side === 0 ? "cq" : "sc", records };
}

async function send(url: string, keys: BenchKeys, kind: Kind, r: number, total: number): Promise<number> {
  const { issuer, records } = requestRows(kind, r, total);
  if (records.length === 0) return 0;
  const token = await keys.token(issuer, { subject: `${issuer}-library-bench` }); // fresh jti: replay protection
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: MUTATION[kind], variables: { records } }),
  });
  const body = (await response.json()) as {
    data?: Record<string, { counts: { refused: number }; results: { outcome: string; message: string }[] }>;
    errors?: { message: string; extensions?: unknown }[];
  };
  const payload = body.data?.[kind === "enterprises" ? "upsertEnterprises" : "upsertOfficers"];
  if (response.status !== 200 || body.errors?.length || !payload) {
    throw new Error(`${kind} request ${r}: ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  }
  if (payload.counts.refused > 0 || payload.results.length !== records.length) {
    const bad = payload.results.find((x) => x.outcome === "REFUSED");
    throw new Error(`${kind} request ${r}: ${payload.counts.refused} refused, e.g. ${bad?.message}`);
  }
  return records.length;
}

/** Pushes rows 0 … total-1 through the gateway until all are sent or `budgetSeconds` have passed. */
export async function pushThroughGateway(
  url: string,
  keys: BenchKeys,
  kind: Kind,
  total: number,
  budgetSeconds: number,
  concurrency: number,
): Promise<Omit<GatewayPush, "copiedAfter">> {
  const requestCount = 2 * Math.ceil(total / (2 * BATCH));
  let next = 0;
  let rows = 0;
  let stoppedBy: GatewayPush["stoppedBy"] = "count";
  const t0 = performance.now();
  const elapsed = () => (performance.now() - t0) / 1000;
  const worker = async () => {
    while (next < requestCount) {
      // stop only between blocks (both sides sent), so that what went through is exactly rows 0 … n-1
      if (next % 2 === 0 && elapsed() >= budgetSeconds) {
        stoppedBy = "time";
        return;
      }
      const r = next++;
      const sent = await send(url, keys, kind, r, total);
      rows += sent; // not `rows += await …`: that reads rows before the await and loses the other workers' rows
      if (r % 20 === 19) progress(`  gateway ${kind}: ${rows}/${total} rows, ${(rows / elapsed()).toFixed(0)} rows/s`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = elapsed();
  return { rows, requests: next, seconds, rowsPerSecond: rows / seconds, stoppedBy };
}

/** COPYs rows from … total-1 (those the gateway did not get to) straight into the gateway's database. */
export async function copyRest(client: pg.Client, kind: Kind, from: number, total: number): Promise<number> {
  const table = kind === "enterprises" ? "Enterprise" : "Officer";
  const columns = kind === "enterprises" ? ENTERPRISE_COLUMNS : OFFICER_COLUMNS;
  const values = kind === "enterprises" ? enterpriseValues : officerValues;
  const now = new Date().toISOString();
  for (let start = from; start < total; start += 50_000) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(total, start + 50_000); i++) rows.push(values(i, now));
    await copyRows(client, table, columns, rows);
    progress(`  COPY the rest of the ${kind}: ${start + rows.length}/${total}`);
  }
  return Math.max(0, total - from);
}

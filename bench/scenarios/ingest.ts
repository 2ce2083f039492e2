/**
 * ingest — 100,000 records through simulator → adapter → gateway → Postgres, vs a raw batched INSERT of the
 * same rows into a scratch database migrated the same way. Goal ≥ 0.5.
 *
 * Built now: the baseline (`recordRow` and `measureInsertBaseline`), which runs and is reported while the
 * measured part is "not built".
 *
 * TODO(issue 6) — the contract for whoever builds the measured part (fill `measureThroughAdapters`):
 * - A scratch Postgres database for the gateway (`withScratchDatabase(ctx.postgresUrl, "ingest", …)`), a gateway
 *   child on it (BENCH_GATEWAY_DATABASE_URL; not the shared PGlite gateway of the read scenarios), the Chongqing
 *   simulator holding `recordRow(0 … n-1)` in its own dialect (or generating n records, the same kinds and sizes),
 *   and adapters/chongqing as its own process with its own key from `ctx.keys.dir`.
 * - Time from the adapter's start until the gateway holds all n records (`records(origin: cq) { totalCount }`,
 *   or `syncStatus` lag 0); rate = n ÷ seconds. ratio = rate ÷ `baseline.rowsPerSecond`. Goal ≥ 0.5.
 * - Gateway RSS at the end: `ctx.notes.set("ingest.gatewayRssMb", …)` (the memory scenario reports it).
 * - Bounded: stop with an error after 5 minutes; every process started is stopped in a finally.
 */

import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { enterpriseRow } from "../data/library-rows.ts";
import { hasField, schemaOf } from "../lib/graphql.ts";
import { insertRows, postgresProblem, withScratchDatabase } from "../lib/postgres.ts";
import { progress } from "../lib/progress.ts";
import { formatNumber } from "../lib/report.ts";
import { goalCheck, measuredResult, notBuiltResult, ratioOf } from "../lib/result.ts";
import type { Scenario, ScenarioContext } from "./types.ts";

const COLUMNS = [
  "id",
  "kind",
  "originJurisdiction",
  "originId",
  "version",
  "itemCode",
  "enterpriseUscc",
  "officerCertificates",
  "occurredAt",
  "decidedAt",
  "fineFen",
  "result",
  "payload",
  "updatedAt",
] as const;

/** Record i as stored: alternately inspections and penalty decisions of Chongqing, on the first 1,000 enterprises. */
export function recordRow(i: number, now: string): unknown[] {
  const penalty = i % 2 === 1;
  const occurredAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  return [
    randomUUID(),
    penalty ? "PENALTY_DECISION" : "INSPECTION",
    "cq",
    `BENCH-${i}`,
    1,
    `GZ-${String((i % 125) + 1).padStart(3, "0")}`,
    enterpriseRow(i % 1000).uscc,
    [`BENCH-CQ-${String(i % 500).padStart(7, "0")}`],
    occurredAt,
    penalty ? occurredAt : null,
    penalty ? 500_000 + (i % 100) * 1000 : null,
    penalty ? "罚款" : "未发现问题",
    JSON.stringify({ note: `示例记录 ${i}`, findings: [] }),
    now,
  ];
}

export async function measureInsertBaseline(adminUrl: string, count: number, batch = 1000) {
  return withScratchDatabase(adminUrl, "ingest", async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const now = new Date().toISOString();
      let seconds = 0;
      for (let start = 0; start < count; start += batch) {
        const rows: unknown[][] = [];
        for (let i = start; i < Math.min(count, start + batch); i++) rows.push(recordRow(i, now));
        const t0 = performance.now();
        await insertRows(client, "EnforcementRecord", COLUMNS, rows);
        seconds += (performance.now() - t0) / 1000;
      }
      return { rows: count, batch, seconds, rowsPerSecond: count / seconds };
    } finally {
      await client.end();
    }
  });
}

/** TODO(issue 6): see the contract above. null = not implemented yet. */
async function measureThroughAdapters(
  _ctx: ScenarioContext,
  _count: number,
): Promise<{ rowsPerSecond: number; raw: Record<string, unknown> } | null> {
  return null;
}

export const ingest: Scenario = {
  name: "ingest",
  goal: "≥ 0.5 of a raw batched INSERT's rows/s",
  description: "100,000 records simulator → adapter → gateway → Postgres vs a raw batched INSERT of the same rows",
  async run(ctx, common) {
    const count = ctx.options.quick ? 10_000 : 100_000;
    const schema = schemaOf((await ctx.gateway()).info);
    const missing = hasField(schema, "Mutation", "ingestRecords") ? [] : ["Mutation.ingestRecords (issue 6)"];
    const noPostgres = await postgresProblem(ctx.postgresUrl);
    if (noPostgres) return notBuiltResult(common, [...missing, noPostgres].join("; "));
    progress(`ingest baseline: batched INSERT of ${count} records`);
    const baseline = await measureInsertBaseline(ctx.postgresUrl, count);
    const baselineSummary = `baseline: INSERT ${formatNumber(baseline.rowsPerSecond)} rows/s (${formatNumber(count)} records, 1,000 a statement)`;
    const measured = missing.length === 0 ? await measureThroughAdapters(ctx, count) : null;
    if (!measured) {
      const reason =
        missing.length > 0
          ? `missing ${missing.join(", ")}`
          : "adapter pipeline not measured yet (TODO in bench/scenarios/ingest.ts)";
      return notBuiltResult(common, reason, { count, baseline }, baselineSummary);
    }
    const ratio = ratioOf(measured.rowsPerSecond, baseline.rowsPerSecond);
    return measuredResult(common, {
      ratio,
      checks: [goalCheck("rows/s ratio", ratio, ">=", 0.5)],
      summary: `ingest ${formatNumber(measured.rowsPerSecond)} rows/s vs ${baselineSummary}`,
      raw: { count, baseline, ...measured.raw },
    });
  },
};

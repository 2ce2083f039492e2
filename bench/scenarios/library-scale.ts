/**
 * library-scale — 1,000,000 enterprises and 50,000 officers: bulk upsert through the gateway, search p50/p99
 * under concurrent load, a 双随机 draw — each reported as a ratio to a raw baseline in the same run.
 *
 * Baselines (./library-baseline.ts): COPY and multi-row INSERT of the same synthetic rows into a scratch Postgres
 * database, and a forced seq scan.
 *
 * Measured (issue 5), on a gateway of its own on a scratch Postgres database:
 * - upsert (./library-gateway.ts): `enterpriseRow(0 … n-1)` / `officerRow(0 … m-1)` through `upsertEnterprises` /
 *   `upsertOfficers`, 1,000 a request, a fresh token per request, 4 in flight, every record must come back ok.
 *   Bounded by count AND by a time budget (BENCH_LIBRARY_UPSERT_SECONDS, default 60 s; 15 s with --quick) so that
 *   `npm run bench` stays within 15 minutes; the rows not reached are then COPYed (not measured) so that search
 *   runs over the whole table. `raw.upsert.*.rows` is exactly the count that went through GraphQL.
 *   ratio = gateway upsert rows/s ÷ baseline multi-row INSERT rows/s (÷ COPY in raw).
 * - search (./library-search.ts): enterprises by name fragment, USCC prefix, park + credit grade; officers by name,
 *   jurisdiction + domain; 16 connections, p50/p99 each, with EXPLAIN ANALYZE of the SQL behind each (the indexes
 *   are in prisma/migrations/*_library_search_indexes). raw.search.worstP99RatioToSeqScan = worst p99 ÷ seq scan.
 *
 * - draw (./library-draw.ts, issue 7): a 双随机 draw over every enterprise and officer, commit + reveal through
 *   GraphQL; raw.draw.ratioToSeqScan = draw seconds ÷ seq scan seconds; the draw must verify.
 */
import pg from "pg";
import { type ServerChild, startServerChild } from "../lib/child.ts";
import { hasField, schemaOf } from "../lib/graphql.ts";
import { createScratchDatabase, postgresProblem } from "../lib/postgres.ts";
import { progress } from "../lib/progress.ts";
import { formatNumber } from "../lib/report.ts";
import { type GoalCheck, goalCheck, measuredResult, notBuiltResult, ratioOf } from "../lib/result.ts";
import { type LibraryBaseline, measureLibraryBaseline } from "./library-baseline.ts";
import { measureDraw } from "./library-draw.ts";
import { copyRest, type GatewayPush, pushThroughGateway } from "./library-gateway.ts";
import { measureSearch } from "./library-search.ts";
import type { Scenario, ScenarioContext } from "./types.ts";

export interface LibraryMeasured {
  ratio: number;
  checks: GoalCheck[];
  summary: string;
  raw: Record<string, unknown>;
}

/** Upsert budget: the whole `npm run bench` must stay within 15 minutes (BENCH_LIBRARY_UPSERT_SECONDS overrides). */
const UPSERT_SECONDS = Number(process.env.BENCH_LIBRARY_UPSERT_SECONDS) || 60;
const CONCURRENCY = 4;

/**
 * Upsert (bounded by time and count, the rest COPYed) and search on a gateway of its own on a scratch Postgres
 * database (PGlite would measure PGlite), then the draw over the whole tables.
 */
async function measureThroughGateway(
  ctx: ScenarioContext,
  baseline: LibraryBaseline,
  counts: { enterprises: number; officers: number },
): Promise<LibraryMeasured> {
  const quick = ctx.options.quick;
  const database = await createScratchDatabase(ctx.postgresUrl, "library_gateway");
  let gateway: ServerChild | undefined;
  const client = new pg.Client({ connectionString: database.url });
  try {
    progress("library-scale: starting a gateway on a scratch Postgres database …");
    gateway = await startServerChild("gateway-library", "gateway.ts", {
      env: { BENCH_KEYS_DIR: ctx.keys.dir, BENCH_GATEWAY_DATABASE_URL: database.url },
    });
    await client.connect();
    const budget = quick ? 15 : UPSERT_SECONDS;
    const push: Record<"enterprises" | "officers", GatewayPush> = {} as never;
    for (const kind of ["enterprises", "officers"] as const) {
      progress(`library-scale: ${kind} through upsert, ${CONCURRENCY} requests in flight, at most ${budget} s`);
      const through = await pushThroughGateway(gateway.url, ctx.keys, kind, counts[kind], budget, CONCURRENCY);
      const copiedAfter = await copyRest(client, kind, through.rows, counts[kind]);
      push[kind] = { ...through, copiedAfter };
    }
    await client.query(`VACUUM ANALYZE "Enterprise"`); // one statement a query: VACUUM refuses a transaction block
    await client.query(`VACUUM ANALYZE "Officer"`);
    const token = await ctx.keys.token("cq", { scopes: ["read"] });
    const search = await measureSearch(gateway.url, token, client, {
      warmupSeconds: quick ? 1 : 2,
      seconds: quick ? 3 : 8,
      connections: 16,
    });
    progress("library-scale: a 双随机 draw over every enterprise and officer …");
    const draw = await measureDraw(gateway.url, ctx.keys, client);
    const drawSeconds = draw.commitSeconds + draw.revealSeconds;
    const drawRatio = ratioOf(drawSeconds * 1000, baseline.seqScanMs);
    const e = push.enterprises;
    const o = push.officers;
    const vsInsert = ratioOf(e.rowsPerSecond, baseline.enterprises.insert.rowsPerSecond);
    const vsCopy = ratioOf(e.rowsPerSecond, baseline.enterprises.copy.rowsPerSecond);
    const worstP99 = Math.max(...search.map((s) => s.p99Ms));
    const searchRatio = ratioOf(worstP99, baseline.seqScanMs);
    const checks = [
      goalCheck("upsert ÷ INSERT measured", vsInsert, ">", 0),
      goalCheck("upsert ÷ COPY measured", vsCopy, ">", 0),
      goalCheck("search p99 ÷ seq scan measured", searchRatio, ">", 0),
      goalCheck("draw ÷ seq scan measured", drawRatio, ">", 0),
      goalCheck("draw verifies (1 = yes)", draw.valid ? 1 : 0, ">=", 1),
    ];
    const summary =
      `upsert ${rate(e.rowsPerSecond)} (${formatNumber(e.rows)} of ${formatNumber(counts.enterprises)} enterprises ` +
      `through GraphQL, rest COPYed) = ${vsInsert?.toFixed(2)} × INSERT, ${vsCopy?.toFixed(2)} × COPY; ` +
      `officers ${rate(o.rowsPerSecond)} (${formatNumber(o.rows)}); search p50/p99 ` +
      search.map((s) => `${s.name} ${formatNumber(s.p50Ms)}/${formatNumber(s.p99Ms)} ms`).join(", ") +
      `; draw over ${formatNumber(draw.candidates)} enterprises ${drawSeconds.toFixed(1)} s (commit ` +
      `${draw.commitSeconds.toFixed(1)} s, reveal ${draw.revealSeconds.toFixed(1)} s: ${formatNumber(draw.selected)} ` +
      `selected, ${formatNumber(draw.tasks)} tasks, ${formatNumber(draw.tasksWithoutTeam)} without a team) = ` +
      `${drawRatio?.toFixed(1)} × seq scan, verified ${draw.valid ? "valid" : "INVALID"}`;
    return {
      ratio: vsInsert ?? 0,
      checks,
      summary,
      raw: {
        upsert: {
          enterprises: e,
          officers: o,
          concurrency: CONCURRENCY,
          batch: 1000,
          ratioToInsert: vsInsert,
          ratioToCopy: vsCopy,
          officersRatioToInsert: ratioOf(o.rowsPerSecond, baseline.officers.insert.rowsPerSecond),
          officersRatioToCopy: ratioOf(o.rowsPerSecond, baseline.officers.copy.rowsPerSecond),
        },
        search: { connections: 16, cases: search, worstP99Ms: worstP99, worstP99RatioToSeqScan: searchRatio },
        draw: { ...draw, seconds: drawSeconds, ratioToSeqScan: drawRatio, seqScanMs: baseline.seqScanMs },
      },
    };
  } finally {
    await client.end().catch(() => {});
    await gateway?.stop();
    await database.drop().catch(() => {});
  }
}

/** What is missing on the gateway's side, in words; empty when everything is there. */
function missingParts(sdl: Record<string, unknown>): string[] {
  const schema = schemaOf(sdl);
  const missing: string[] = [];
  for (const field of ["upsertEnterprises", "upsertOfficers"]) {
    if (!hasField(schema, "Mutation", field)) missing.push(`Mutation.${field} (issue 5)`);
  }
  return missing;
}

const rate = (n: number) => `${formatNumber(n)} rows/s`;

export const libraryScale: Scenario = {
  name: "library-scale",
  goal: "reported as ratios (upsert ÷ INSERT, search p99 ÷ seq scan, draw ÷ seq scan)",
  description: "1,000,000 enterprises + 50,000 officers: upsert, search, draw vs COPY/INSERT and a seq scan",
  async run(ctx, common) {
    const counts = ctx.options.quick
      ? { enterprises: 50_000, officers: 5_000 }
      : { enterprises: 1_000_000, officers: 50_000 };
    const noPostgres = await postgresProblem(ctx.postgresUrl);
    const missing = missingParts((await ctx.gateway()).info);
    if (noPostgres) return notBuiltResult(common, [...missing, noPostgres].join("; "));
    const baseline = await measureLibraryBaseline(ctx.postgresUrl, counts.enterprises, counts.officers);
    const baselineSummary =
      `baseline, ${formatNumber(counts.enterprises)} enterprises: COPY ${rate(baseline.enterprises.copy.rowsPerSecond)}, ` +
      `INSERT ${rate(baseline.enterprises.insert.rowsPerSecond)}; seq scan ${formatNumber(baseline.seqScanMs, 1)} ms`;
    const raw = { counts, baseline };
    const measured = missing.length === 0 ? await measureThroughGateway(ctx, baseline, counts) : null;
    if (!measured) {
      const reason =
        missing.length > 0
          ? `missing ${missing.join(", ")}`
          : "measurement not written yet (TODO in bench/scenarios/library-scale.ts)";
      return notBuiltResult(common, reason, raw, baselineSummary);
    }
    return measuredResult(common, {
      ratio: measured.ratio,
      checks: measured.checks,
      summary: `${measured.summary}; ${baselineSummary}`,
      raw: { ...raw, ...measured.raw },
    });
  },
};

/**
 * supervision (issue 18 item 5) — the supervision indicators at scale: 1,000,000 enterprises and 5,000,000
 * enforcement records (./supervision-data.ts) on a gateway of its own on a scratch Postgres database, then
 * through the real GraphQL path with a gz token:
 * - `supervisionIndicators` for the year 2026, every indicator (each with its previous year, 2025);
 * - `supervisionTrend` of INSPECTIONS_PER_ENTERPRISE over 2026 (twelve months).
 * One request at a time (an interactive reader), after one warm-up request whose answer is checked; bounded by
 * ROUNDS and by a time budget each. p50/p99 of each, and ratio = indicator p99 ÷ one sequential scan of the
 * records table (`SELECT count(*) FROM "EnforcementRecord"`, seq scan forced, cache warm, same run).
 * Every statement the reads send is EXPLAIN ANALYZEd afterwards (./supervision-explain.ts), slowest first.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { type ServerChild, startServerChild } from "../lib/child.ts";
import { askOnce } from "../lib/graphql.ts";
import { percentile } from "../lib/load.ts";
import { createScratchDatabase, postgresProblem } from "../lib/postgres.ts";
import { progress } from "../lib/progress.ts";
import { formatNumber } from "../lib/report.ts";
import { goalCheck, measuredResult, notBuiltResult, ratioOf } from "../lib/result.ts";
import { seqScan } from "./library-baseline.ts";
import { generateSupervisionData, type SupervisionCounts } from "./supervision-data.ts";
import { explainReads } from "./supervision-explain.ts";
import type { Scenario } from "./types.ts";

/** interactive: what a person waits for a dashboard's figures without giving up */
const INTERACTIVE_MS = 2000;
const YEAR = { from: "2026-01-01", to: "2026-12-31" };

const QUERIES = {
  indicators: `{ supervisionIndicators(from: "${YEAR.from}", to: "${YEAR.to}") {
    code value numerator denominator status previous { value } } }`,
  trend: `{ supervisionTrend(code: INSPECTIONS_PER_ENTERPRISE, from: "${YEAR.from}", to: "${YEAR.to}") {
    from to value } }`,
} as const;

export interface Latency {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  stoppedBy: "count" | "time";
}

/** `rounds` requests one after another, or fewer when `budgetSeconds` have passed; the first is a warm-up */
async function timeRequests(
  url: string,
  headers: Record<string, string>,
  query: string,
  bounds: { rounds: number; budgetSeconds: number },
): Promise<{ latency: Latency; data: Record<string, unknown> | null }> {
  const body = JSON.stringify({ query });
  const warm = await askOnce(url, body, headers);
  const times: number[] = [];
  const t0 = performance.now();
  let stoppedBy: Latency["stoppedBy"] = "count";
  while (times.length < bounds.rounds) {
    if (times.length > 0 && (performance.now() - t0) / 1000 >= bounds.budgetSeconds) {
      stoppedBy = "time";
      break;
    }
    const started = performance.now();
    const answer = await askOnce(url, body, headers);
    times.push(performance.now() - started);
    if (answer.text !== warm.text) throw new Error("the same question answered differently between rounds");
  }
  const sorted = [...times].sort((a, b) => a - b);
  const latency = {
    requests: times.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? 0,
    stoppedBy,
  };
  return { latency, data: warm.data };
}

interface IndicatorAnswer {
  code: string;
  value: number | null;
}

async function measure(ctx: Parameters<Scenario["run"]>[0], counts: SupervisionCounts) {
  const quick = ctx.options.quick;
  const database = await createScratchDatabase(ctx.postgresUrl, "supervision");
  let gateway: ServerChild | undefined;
  const client = new pg.Client({ connectionString: database.url });
  try {
    progress("supervision: starting a gateway on a scratch Postgres database (migrate + seed) …");
    gateway = await startServerChild("gateway-supervision", "gateway.ts", {
      env: { BENCH_KEYS_DIR: ctx.keys.dir, BENCH_GATEWAY_DATABASE_URL: database.url },
    });
    await client.connect();
    const t0 = performance.now();
    const data = await generateSupervisionData(client, counts);
    const generationSeconds = (performance.now() - t0) / 1000;
    progress(`supervision: data generated in ${generationSeconds.toFixed(0)} s: ${JSON.stringify(data.counts)}`);
    const scan = await seqScan(client, "EnforcementRecord");
    progress(`supervision: seq scan of the records ${scan.ms.toFixed(0)} ms`);
    const token = await ctx.keys.token("gz", { scopes: ["read"] });
    const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
    const bounds = { rounds: quick ? 3 : 10, budgetSeconds: quick ? 20 : 90 };
    progress(
      `supervision: supervisionIndicators ${YEAR.from}..${YEAR.to}, at most ${bounds.rounds} rounds / ${bounds.budgetSeconds} s`,
    );
    const indicators = await timeRequests(gateway.url, headers, QUERIES.indicators, bounds);
    const answered = (indicators.data?.supervisionIndicators ?? []) as IndicatorAnswer[];
    const withValues = answered.filter((i) => i.value !== null).map((i) => i.code);
    progress(
      `supervision: indicators p50/p99 ${indicators.latency.p50Ms.toFixed(0)}/${indicators.latency.p99Ms.toFixed(0)} ms; ${withValues.length} with values`,
    );
    progress("supervision: supervisionTrend INSPECTIONS_PER_ENTERPRISE over the year …");
    const trend = await timeRequests(gateway.url, headers, QUERIES.trend, bounds);
    progress(`supervision: trend p50/p99 ${trend.latency.p50Ms.toFixed(0)}/${trend.latency.p99Ms.toFixed(0)} ms`);
    progress("supervision: EXPLAIN ANALYZE of every read statement of the year …");
    const scope = { period: YEAR, jurisdiction: null, domain: null };
    const explained = await explainReads(client, scope, 30);
    const indexes = await client.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'EnforcementRecord' ORDER BY indexname`,
    );
    const ratio = ratioOf(indicators.latency.p99Ms, scan.ms);
    const trendRatio = ratioOf(trend.latency.p99Ms, scan.ms);
    const checks = [
      goalCheck("indicators with a value (of the 12 required)", withValues.length, ">=", 12),
      goalCheck("indicators p99 ÷ seq scan measured", ratio, ">", 0),
      goalCheck(`indicators p99 ms (interactive ≤ ${INTERACTIVE_MS})`, indicators.latency.p99Ms, "<=", INTERACTIVE_MS),
      goalCheck(`trend p99 ms (interactive ≤ ${INTERACTIVE_MS})`, trend.latency.p99Ms, "<=", INTERACTIVE_MS),
    ];
    const ms = (n: number) => formatNumber(n, 0);
    const summary =
      `${formatNumber(data.counts.enterprises ?? 0)} enterprises, ${formatNumber(data.counts.records ?? 0)} records ` +
      `(${formatNumber(data.counts.inspections ?? 0)} inspections), ${formatNumber(data.counts.tasks ?? 0)} joint tasks, ` +
      `generated in ${generationSeconds.toFixed(0)} s; supervisionIndicators (${answered.length} indicators, ` +
      `${withValues.length} with values, year and previous year) p50/p99 ${ms(indicators.latency.p50Ms)}/` +
      `${ms(indicators.latency.p99Ms)} ms over ${indicators.latency.requests} requests = ${ratio?.toFixed(1)} × seq scan; ` +
      `supervisionTrend (12 months) p50/p99 ${ms(trend.latency.p50Ms)}/${ms(trend.latency.p99Ms)} ms = ` +
      `${trendRatio?.toFixed(1)} × seq scan; seq scan of the records ${formatNumber(scan.ms, 1)} ms; slowest read ` +
      `${explained[0] ? `${explained[0].read.split(":")[0]} ${ms(explained[0].executionMs)} ms` : "—"}`;
    const notes = [
      `data: ${Object.entries(data.counts)
        .map(([k, v]) => `${k} ${formatNumber(v)}`)
        .join(", ")}; generated in ` +
        `${generationSeconds.toFixed(0)} s (${Object.entries(data.seconds)
          .map(([k, v]) => `${k} ${v.toFixed(0)} s`)
          .join(", ")})`,
      `seq scan of the records: ${formatNumber(scan.ms, 1)} ms (${scan.plan})`,
      `supervisionIndicators: ${indicators.latency.requests} requests (stopped by ${indicators.latency.stoppedBy}), ` +
        `p50 ${ms(indicators.latency.p50Ms)} ms, p99 ${ms(indicators.latency.p99Ms)} ms, max ${ms(indicators.latency.maxMs)} ms; ` +
        `supervisionTrend: ${trend.latency.requests} requests, p50 ${ms(trend.latency.p50Ms)} ms, p99 ${ms(trend.latency.p99Ms)} ms`,
      `indexes of "EnforcementRecord" in this run: ${indexes.rows.map((r) => r.indexname).join(", ")}`,
      ...explained.slice(0, 4).map((e) => `EXPLAIN ANALYZE ${e.read} — ${ms(e.executionMs)} ms: ${e.plan}`),
    ];
    return {
      ratio,
      checks,
      summary,
      notes,
      raw: {
        counts: data.counts,
        generationSeconds: { total: generationSeconds, ...data.seconds },
        seqScan: { ms: scan.ms, plan: scan.plan },
        indicators: { ...indicators.latency, ratioToSeqScan: ratio, withValues },
        trend: { ...trend.latency, ratioToSeqScan: trendRatio },
        explain: explained,
      },
    };
  } finally {
    await client.end().catch(() => {});
    await gateway?.stop();
    await database.drop().catch(() => {});
  }
}

export const supervision: Scenario = {
  name: "supervision",
  goal: `reported as a ratio (indicators p99 ÷ seq scan of the records); interactive: p99 ≤ ${INTERACTIVE_MS} ms`,
  description:
    "supervisionIndicators + supervisionTrend over 1,000,000 enterprises and 5,000,000 records vs a seq scan",
  async run(ctx, common) {
    const counts: SupervisionCounts = ctx.options.quick
      ? { enterprises: 50_000, records: 250_000 }
      : { enterprises: 1_000_000, records: 5_000_000 };
    const noPostgres = await postgresProblem(ctx.postgresUrl);
    if (noPostgres) return notBuiltResult(common, noPostgres);
    return measuredResult(common, await measure(ctx, counts));
  },
};

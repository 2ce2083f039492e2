/**
 * propagate — a record created on the Chongqing platform (simulator) until it appears on the Sichuan platform,
 * at a steady 500 records/s. No baseline: the goal is absolute, p99 < 1 s.
 *
 * Measured (issue 6, `measurePropagation`), on the pipeline as deployed (./sync-rig.ts): a gateway child on a
 * scratch Postgres database, both simulators and both adapters as their own processes, keys from `ctx.keys.dir`.
 * After one warm-up record has gone all the way, records are created on the Chongqing simulator at 500/s for
 * `seconds` (`/_sim/generate` every 10 ms, bounded by count too: 500 × seconds). Creation time: the record's
 * `updatedAt` at version 1 on Chongqing; arrival: when the Sichuan simulator stored it (`/_sim/arrivals`, ms).
 * Latency = arrival − creation per record; p50/p99/max, and the count that never arrived within 30 s after the
 * load, which fails the scenario. ratio: null (no baseline). Every process is stopped in a finally.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { hasField, schemaOf } from "../lib/graphql.ts";
import { REPO_ROOT } from "../lib/paths.ts";
import { postgresProblem } from "../lib/postgres.ts";
import { progress } from "../lib/progress.ts";
import { formatNumber } from "../lib/report.ts";
import { type GoalCheck, goalCheck, measuredResult, notBuiltResult } from "../lib/result.ts";
import { type SyncRig, simulatorControl, startSyncRig } from "./sync-rig.ts";
import type { Scenario, ScenarioContext } from "./types.ts";

const RATE = 500;
const TICK_MS = 10;
const ARRIVAL_LIMIT_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type CqDump = { records: Array<{ recordId: string; version: number; updatedAt: number }> };
type Arrivals = { arrivals: Array<{ origin: string; originId: string; version: number; receivedAt: number }> };

/** Chongqing record id → creation time (epoch ms) of every record the platform holds */
async function createdAt(platformUrl: string): Promise<Map<string, number>> {
  const { records } = await simulatorControl<CqDump>(platformUrl, "store");
  return new Map(records.filter((r) => r.version === 1).map((r) => [r.recordId, r.updatedAt]));
}

/** Chongqing record id → when Sichuan stored it (epoch ms) */
async function arrivedAt(platformUrl: string): Promise<Map<string, number>> {
  const { arrivals } = await simulatorControl<Arrivals>(platformUrl, "arrivals");
  return new Map(arrivals.filter((a) => a.origin === "cq").map((a) => [a.originId, a.receivedAt]));
}

/** Polls Sichuan until every id in `ids` arrived or `limitMs` passed; the arrival times it saw. */
async function waitForArrivals(rig: SyncRig, ids: readonly string[], limitMs: number): Promise<Map<string, number>> {
  const deadline = performance.now() + limitMs;
  let lastReport = performance.now();
  for (;;) {
    const arrived = await arrivedAt(rig.platforms.sc!);
    const waiting = ids.filter((id) => !arrived.has(id)).length;
    if (waiting === 0 || performance.now() > deadline) return arrived;
    if (performance.now() - lastReport > 5000) {
      lastReport = performance.now();
      progress(`  propagate: ${formatNumber(waiting)} of ${formatNumber(ids.length)} still on their way`);
    }
    await sleep(250);
  }
}

/** Creates records on Chongqing at `rate`/s for `seconds` (steps of TICK_MS, catching up after a slow tick). */
async function createAtRate(platformUrl: string, rate: number, seconds: number): Promise<number> {
  const total = Math.round(rate * seconds);
  const t0 = performance.now();
  let created = 0;
  let lastReport = 0;
  while (created < total) {
    const elapsed = (performance.now() - t0) / 1000;
    const due = Math.min(total, Math.floor(elapsed * rate)) - created;
    if (due > 0) {
      await simulatorControl(platformUrl, "generate", { count: due });
      created += due;
    }
    if (elapsed - lastReport >= 5) {
      lastReport = elapsed;
      progress(`  propagate: ${formatNumber(created)}/${formatNumber(total)} created on Chongqing`);
    }
    await sleep(TICK_MS);
  }
  return (performance.now() - t0) / 1000;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function measurePropagation(
  ctx: ScenarioContext,
  seconds: number,
): Promise<{ checks: GoalCheck[]; summary: string; raw: Record<string, unknown> }> {
  const rig = await startSyncRig(ctx, "propagate", ["cq", "sc"]);
  try {
    const cq = rig.platforms.cq!;
    await rig.startAdapters(["cq", "sc"]);
    progress("propagate: one warm-up record all the way Chongqing → gateway → Sichuan …");
    await simulatorControl(cq, "generate", { count: 1 });
    const warmup = [...(await createdAt(cq)).keys()];
    const warmedUp = await waitForArrivals(rig, warmup, 60_000);
    if (warmup.some((id) => !warmedUp.has(id))) throw new Error("the warm-up record did not reach Sichuan within 60 s");

    progress(`propagate: ${RATE} records/s on Chongqing for ${seconds} s`);
    const loadSeconds = await createAtRate(cq, RATE, seconds);
    const created = await createdAt(cq);
    for (const id of warmup) created.delete(id);
    const ids = [...created.keys()];
    const arrived = await waitForArrivals(rig, ids, ARRIVAL_LIMIT_MS);
    const rssMb = (await rig.gateway.memory()).rss / 1e6;

    const latencies: number[] = [];
    let neverArrived = 0;
    for (const [id, at] of created) {
      const arrival = arrived.get(id);
      if (arrival === undefined || arrival - at > ARRIVAL_LIMIT_MS) neverArrived += 1;
      else latencies.push((arrival - at) / 1000);
    }
    latencies.sort((a, b) => a - b);
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const max = latencies.at(-1) ?? Number.NaN;
    const checks = [goalCheck("p99 latency (s)", p99, "<", 1), goalCheck("never arrived", neverArrived, "<=", 0)];
    const s = (x: number) => `${formatNumber(x * 1000)} ms`;
    return {
      checks,
      summary:
        `${formatNumber(ids.length)} records at ${RATE}/s over ${loadSeconds.toFixed(1)} s: p50 ${s(p50)}, p99 ${s(p99)}, ` +
        `max ${s(max)}; ${neverArrived} never arrived (30 s); gateway (postgres) RSS ${formatNumber(rssMb)} MB`,
      raw: {
        rate: RATE,
        seconds,
        loadSeconds,
        created: ids.length,
        arrived: latencies.length,
        neverArrived,
        latencySeconds: { p50, p90: percentile(latencies, 90), p99, max, min: latencies[0] ?? null },
        gatewayRssMb: rssMb,
        path: "Chongqing simulator → adapters/chongqing → gateway (Postgres) → changes (SSE) → adapters/sichuan → Sichuan simulator",
      },
    };
  } finally {
    await rig.stop();
  }
}

export const propagate: Scenario = {
  name: "propagate",
  goal: "p99 < 1 s at 500 records/s",
  description: "Chongqing platform → Sichuan platform latency at a steady 500 records/s",
  async run(ctx, common) {
    const schema = schemaOf((await ctx.gateway()).info);
    const missing: string[] = [];
    if (!hasField(schema, "Subscription", "changes")) missing.push("Subscription.changes (issue 6)");
    if (!existsSync(path.join(REPO_ROOT, "adapters", "core"))) missing.push("adapters/core (issue 6)");
    const noPostgres = await postgresProblem(ctx.postgresUrl);
    if (noPostgres) missing.push(noPostgres);
    if (missing.length > 0) return notBuiltResult(common, `missing ${missing.join(", ")}`);
    const measured = await measurePropagation(ctx, ctx.options.quick ? 5 : 20);
    return measuredResult(common, { ratio: null, ...measured });
  },
};

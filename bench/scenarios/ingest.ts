/**
 * ingest — 100,000 records through simulator → adapter → gateway → Postgres, vs a raw batched INSERT of the
 * same kind of rows into a scratch database migrated the same way. Goal ≥ 0.5.
 *
 * Baseline: `recordRow(0 … n-1)` by multi-row INSERT, 1,000 a statement (`measureInsertBaseline`).
 * Measured (issue 6, `measureThroughAdapters`), on the pipeline as deployed (./sync-rig.ts): a gateway child on a
 * scratch Postgres database; the Chongqing simulator in its own process, preloaded with n records of its own
 * generator (`/_sim/generate`: inspections and penalty decisions, its dialect); adapters/chongqing in its own
 * process with Chongqing's key from `ctx.keys.dir`, paging the feed as in production. Timed from the adapter's
 * spawn until the gateway's database holds all n (records + quarantined of cq, counted in the database: GraphQL's
 * totalCount stops at 10,000) and their visits are refreshed (no visit mark left); rate = n ÷ seconds, ratio = rate ÷ baseline rows/s. Gateway RSS at the end goes to
 * `ctx.notes` ("ingest.gatewayRssMb") for the memory scenario. Bounded: an error after 5 minutes; every process
 * is stopped in a finally. A missed goal is profiled on a second pass of new records (never the measured one).
 * Beside the rate: the CPU each process spent a record, and the fastest that allows on this machine however well the
 * steps overlap (../lib/cpu-bounds.ts), with the baseline's own Postgres CPU a row for scale.
 */

import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { enterpriseRow } from "../data/library-rows.ts";
import { type CpuBounds, cpuBounds, cpuBudget, type PipelineCpu } from "../lib/cpu-bounds.ts";
import { type CpuProfile, summariseProfile } from "../lib/cpu-profile.ts";
import { hasField, schemaOf } from "../lib/graphql.ts";
import { mainThreadCpuSeconds, postgresCpuClock, processCpuSeconds } from "../lib/machine.ts";
import { PROFILES_DIR, REPO_ROOT } from "../lib/paths.ts";
import { insertRows, postgresProblem, withScratchDatabase } from "../lib/postgres.ts";
import { progress } from "../lib/progress.ts";
import { formatNumber } from "../lib/report.ts";
import { goalCheck, measuredResult, notBuiltResult, type ProfileSummary, ratioOf } from "../lib/result.ts";
import { type SyncRig, simulatorControl, startSyncRig } from "./sync-rig.ts";
import type { Scenario, ScenarioContext } from "./types.ts";

const GOAL = 0.5;

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
      // Postgres's CPU a row beside it: what the records' INSERT alone costs the server (rows built outside the clock)
      const postgresCpu = postgresCpuClock();
      const postgresBefore = postgresCpu();
      for (let start = 0; start < count; start += batch) {
        const rows: unknown[][] = [];
        for (let i = start; i < Math.min(count, start + batch); i++) rows.push(recordRow(i, now));
        const t0 = performance.now();
        await insertRows(client, "EnforcementRecord", COLUMNS, rows);
        seconds += (performance.now() - t0) / 1000;
      }
      const postgresCpuMicrosPerRow = microsEach(postgresBefore, postgresCpu(), count);
      return { rows: count, batch, seconds, rowsPerSecond: count / seconds, postgresCpuMicrosPerRow };
    } finally {
      await client.end();
    }
  });
}

const LIMIT_SECONDS = 300;
/**
 * How often the records held are counted: a count reads every record row (~18 ms at 100,000 rows), taken from the
 * same two cores as the path measured, so the poll is sparse while the end is far and dense when it is near (the
 * count NEAR_SECONDS from now, at the rate seen since the last count, would reach the target): the end is timed to
 * POLL_NEAR_MS.
 */
const POLL_FAR_MS = 1_000;
const POLL_NEAR_MS = 100;
/** a far poll and a half: if the rate rises before the next count, the end is still timed by the near polls */
const NEAR_SECONDS = 1.5;
/**
 * Records of Chongqing the gateway's database holds, stored or quarantined. Read from the database itself: the
 * GraphQL `totalCount` of records and of the quarantine stops at TOTAL_COUNT_CAP (10,000), below what ingest sends.
 */
const HELD = `SELECT (SELECT count(*) FROM "EnforcementRecord" WHERE "originJurisdiction" = 'cq')::int AS stored,
  (SELECT count(*) FROM "QuarantinedRecord" WHERE "originJurisdiction" = 'cq')::int AS quarantined,
  (SELECT count(*) FROM "SupervisionVisitMark")::int AS marks`;

/**
 * Polls the gateway until it holds `target` Chongqing records (stored or quarantined: both are the adapter's
 * work done) and their visits are refreshed (no visit mark left: the supervision rollup is part of the work,
 * schema/supervision/visit-marks.ts), printing progress; throws after `limitSeconds`. `heldSeconds`: when the
 * records were all held.
 */
async function waitUntilHeld(rig: SyncRig, target: number, t0: number, limitSeconds: number, phase: string) {
  const client = new pg.Client({ connectionString: rig.databaseUrl });
  await client.connect();
  try {
    let lastReport = 0;
    let last = { held: 0, seconds: 0 };
    let heldSeconds: number | null = null;
    for (;;) {
      const counted = await client.query<{ stored: number; quarantined: number; marks: number }>(HELD);
      const { stored, quarantined, marks } = counted.rows[0]!;
      const held = stored + quarantined;
      const seconds = (performance.now() - t0) / 1000;
      if (held >= target) heldSeconds ??= seconds;
      if (held >= target && marks === 0) return { seconds, heldSeconds, stored, quarantined };
      if (seconds > limitSeconds) {
        throw new Error(`${phase}: the gateway held ${held} of ${target} records after ${limitSeconds} s: stopped`);
      }
      if (seconds - lastReport >= 5) {
        lastReport = seconds;
        progress(
          `  ${phase}: ${formatNumber(held)}/${formatNumber(target)} in the gateway after ${seconds.toFixed(0)} s`,
        );
      }
      const perSecond = (held - last.held) / Math.max(seconds - last.seconds, 1e-3);
      last = { held, seconds };
      const near = held + perSecond * NEAR_SECONDS >= target || heldSeconds !== null;
      await sleep(near ? POLL_NEAR_MS : POLL_FAR_MS);
    }
  } finally {
    await client.end();
  }
}

/**
 * The measured part (issue 6): simulator (n records preloaded) → adapters/chongqing (its own process, paging the
 * feed as in production) → gateway (its own process on a scratch Postgres database) → Postgres. Timed from the
 * adapter's spawn until the gateway holds all n. When the goal is missed, a second pass of new records is
 * ingested with the gateway under the CPU profiler (the measured pass is never profiled).
 */
async function measureThroughAdapters(
  ctx: ScenarioContext,
  count: number,
  baselineRowsPerSecond: number,
): Promise<{ rowsPerSecond: number; raw: Record<string, unknown>; profile?: ProfileSummary }> {
  const rig = await startSyncRig(ctx, "ingest", ["cq"]);
  try {
    const platform = rig.platforms.cq!;
    const generated = await simulatorControl<{ elapsedMs: number }>(platform, "generate", { count });
    progress(`ingest: the Chongqing simulator holds ${formatNumber(count)} new records (${generated.elapsedMs} ms)`);
    const meter = startPipelineCpuMeter(rig);
    const t0 = performance.now();
    meter.adapters(await rig.startAdapters(["cq"]));
    const held = await waitUntilHeld(rig, count, t0, LIMIT_SECONDS, "ingest");
    const rowsPerSecond = count / held.seconds;
    // what each process spent a record: what a change to the ingest path costs, whatever the shared cores' load
    const cpu = meter.perRecord(count);
    const bounds = cpuBounds({ cores: cpus().length, ...cpu });
    const memory = await rig.gateway.memory();
    const rssMb = memory.rss / 1e6;
    ctx.notes.set("ingest.gatewayRssMb", rssMb);
    ctx.notes.set("ingest.gatewayMemory", memory);
    progress(
      `ingest: ${formatNumber(count)} records in ${held.seconds.toFixed(1)} s = ${formatNumber(rowsPerSecond)} rows/s` +
        ` (all held after ${held.heldSeconds?.toFixed(1)} s, their visits refreshed ${((held.seconds - (held.heldSeconds ?? held.seconds)) * 1000).toFixed(0)} ms later)` +
        `; CPU a record: ${cpuText(cpu)}; ${boundsText(bounds, baselineRowsPerSecond)}`,
    );
    const raw = {
      measured: {
        ...held,
        rowsPerSecond,
        cpuMicrosPerRecord: cpu,
        cpuBounds: bounds,
        gatewayRssMb: rssMb,
        adapterPageSize: 1000,
      },
      path: "Chongqing simulator → adapters/chongqing (own process) → ingestRecords → gateway (own process) → Postgres",
    };
    const missed = rowsPerSecond / baselineRowsPerSecond < GOAL;
    if (!missed || !ctx.options.profileOnMiss) return { rowsPerSecond, raw };
    return { rowsPerSecond, raw, profile: await profileSecondPass(rig, count, Math.min(count, 10_000)) };
  } finally {
    await rig.stop();
  }
}

/**
 * The CPU each process of the pipeline spends while the records go through: the gateway (and its main thread), the
 * simulator, the adapters (spawned inside the window: all they used) and PostgreSQL (all of its processes: the
 * gateway for ingest is the only one at work). A backend that starts and ends between the two readings is not
 * counted (the bench's own counting connection is one): the bound it gives errs on the high side, as an upper bound
 * may. Postgres's CPU, not its active time (pg_stat_database.active_time):
 * that counts a batch waiting for the origin's ingest lock while the one before it is stored, as the adapter's next
 * batch does (adapters/core/ingest-pipeline.ts).
 */
function startPipelineCpuMeter(rig: SyncRig) {
  const simulatorPid = rig.simulatorPids.cq!;
  const gatewayBefore = processCpuSeconds(rig.gateway.pid);
  const threadBefore = mainThreadCpuSeconds(rig.gateway.pid);
  const simulatorBefore = processCpuSeconds(simulatorPid);
  const postgresCpu = postgresCpuClock();
  const postgresBefore = postgresCpu();
  let adapterPids: number[] = [];
  return {
    adapters(pids: number[]) {
      adapterPids = pids;
    },
    perRecord(count: number): Omit<PipelineCpu, "cores"> {
      const adapters = adapterPids.map((pid) => processCpuSeconds(pid));
      const adapterSeconds = adapters.every((s): s is number => s !== null)
        ? adapters.reduce((sum, s) => sum + s, 0)
        : null;
      return {
        processes: {
          gateway: microsEach(gatewayBefore, processCpuSeconds(rig.gateway.pid), count),
          postgres: microsEach(postgresBefore, postgresCpu(), count),
          adapter: microsEach(0, adapterSeconds, count),
          simulator: microsEach(simulatorBefore, processCpuSeconds(simulatorPid), count),
        },
        mainThread: {
          process: "gateway",
          micros: microsEach(threadBefore, mainThreadCpuSeconds(rig.gateway.pid), count),
        },
      };
    },
  };
}

/** CPU µs each of `count` items cost, from two readings of a CPU clock in seconds; null when one is unknown */
const microsEach = (before: number | null, after: number | null, count: number) =>
  before === null || after === null ? null : Math.round(((after - before) / count) * 1e6);

const cpuText = (cpu: Omit<PipelineCpu, "cores">) =>
  [
    ...Object.entries(cpu.processes).map(([name, micros]) => `${name} ${micros ?? "?"} µs`),
    `(the ${cpu.mainThread.process}'s main thread ${cpu.mainThread.micros ?? "?"} µs)`,
  ].join(", ");

/** the two bounds as rows/s and as ratios to the baseline, against the goal */
function boundsText(bounds: CpuBounds, baselineRowsPerSecond: number): string {
  const say = (rate: number | null) =>
    rate === null ? "unknown" : `${formatNumber(rate)} rows/s (${(rate / baselineRowsPerSecond).toFixed(2)})`;
  const budget = cpuBudget(GOAL * baselineRowsPerSecond, cpus().length);
  return (
    `at most ${say(bounds.machine)} on this machine's ${cpus().length} cores, ${say(bounds.mainThread)} on the gateway's main thread, however well the steps overlap;` +
    ` the goal (${GOAL}) needs ≤ ${Math.round(budget.totalMicros)} µs a record in all and ≤ ${Math.round(budget.mainThreadMicros)} µs on that thread`
  );
}

/** `extra` more records through the running adapter, the gateway under the CPU profiler until they are in. */
async function profileSecondPass(rig: SyncRig, held: number, extra: number): Promise<ProfileSummary> {
  mkdirSync(PROFILES_DIR, { recursive: true });
  const file = path.join(PROFILES_DIR, `gateway-ingest-${new Date().toISOString().replaceAll(":", "-")}.cpuprofile`);
  progress(`ingest: profiling the gateway while it ingests ${formatNumber(extra)} more records`);
  await rig.gateway.startProfile();
  const t0 = performance.now();
  try {
    await simulatorControl(rig.platforms.cq!, "generate", { count: extra });
    await waitUntilHeld(rig, held + extra, t0, LIMIT_SECONDS, "profile pass");
  } finally {
    await rig.gateway.stopProfile(file);
  }
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  const summary = summariseProfile(JSON.parse(readFileSync(file, "utf8")) as CpuProfile);
  return { target: "gateway (ingest)", seconds, file: path.relative(REPO_ROOT, file), ...summary };
}

/**
 * the gateway's CPU per record and RSS at the end, Postgres's CPU per record, and the machine's bound, as the summary
 * says them
 */
function gatewayNote(raw: Record<string, unknown>, baselineRowsPerSecond: number): string {
  const measured = raw.measured as {
    cpuMicrosPerRecord: Omit<PipelineCpu, "cores">;
    gatewayRssMb: number;
    cpuBounds: CpuBounds;
  };
  const { gateway, postgres: postgresMicros } = measured.cpuMicrosPerRecord.processes;
  const cpu = gateway == null ? "" : `CPU ${gateway} µs a record, `;
  const postgres = postgresMicros == null ? "" : `; Postgres CPU ${postgresMicros} µs a record`;
  const { machine, totalMicros } = measured.cpuBounds;
  const bound =
    machine === null
      ? ""
      : `; the pipeline's CPU, ${totalMicros} µs a record in all, allows at most ${formatNumber(machine)} rows/s (${(machine / baselineRowsPerSecond).toFixed(2)}) on ${cpus().length} cores`;
  return ` (gateway ${cpu}RSS ${formatNumber(measured.gatewayRssMb)} MB at the end${postgres}${bound})`;
}

export const ingest: Scenario = {
  name: "ingest",
  goal: `≥ ${GOAL} of a raw batched INSERT's rows/s`,
  description: "100,000 records simulator → adapter → gateway → Postgres vs a raw batched INSERT of the same rows",
  async run(ctx, common) {
    const count = ctx.options.quick ? 10_000 : 100_000;
    const schema = schemaOf((await ctx.gateway()).info);
    const missing = hasField(schema, "Mutation", "ingestRecords") ? [] : ["Mutation.ingestRecords (issue 6)"];
    const noPostgres = await postgresProblem(ctx.postgresUrl);
    if (noPostgres) return notBuiltResult(common, [...missing, noPostgres].join("; "));
    progress(`ingest baseline: batched INSERT of ${count} records`);
    const baseline = await measureInsertBaseline(ctx.postgresUrl, count);
    const baselineCpu =
      baseline.postgresCpuMicrosPerRow === null ? "" : `, Postgres CPU ${baseline.postgresCpuMicrosPerRow} µs a row`;
    const baselineSummary = `baseline: INSERT ${formatNumber(baseline.rowsPerSecond)} rows/s (${formatNumber(count)} records, 1,000 a statement${baselineCpu})`;
    if (missing.length > 0) {
      return notBuiltResult(common, `missing ${missing.join(", ")}`, { count, baseline }, baselineSummary);
    }
    const measured = await measureThroughAdapters(ctx, count, baseline.rowsPerSecond);
    const ratio = ratioOf(measured.rowsPerSecond, baseline.rowsPerSecond);
    return measuredResult(common, {
      ratio,
      checks: [goalCheck("rows/s ratio", ratio, ">=", GOAL)],
      summary: `ingest ${formatNumber(measured.rowsPerSecond)} rows/s through simulator → adapter → gateway${gatewayNote(measured.raw, baseline.rowsPerSecond)} vs ${baselineSummary}`,
      raw: { count, baseline, ...measured.raw },
      profile: measured.profile,
    });
  },
};

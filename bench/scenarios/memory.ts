/**
 * memory — the gateway's resident set size at the end of the read load (and of ingest, once built). No
 * baseline: the goal is absolute. The process's memory breakdown says where it sits (with embedded PGlite the
 * database's WASM heap lives inside the gateway process, counted in `arrayBuffers`/`external`).
 * When the gateway under test runs on Postgres (as deployed), a second gateway on embedded PGlite (as
 * `npm start` runs without DATABASE_URL) takes the same read load once, and its RSS is reported beside.
 */
import type { ServerChild } from "../lib/child.ts";
import { deployedGatewayNodeFlags } from "../lib/deployed-gateway.ts";
import { startPreparedGateway } from "../lib/gateway-child.ts";
import { drain, runLoad } from "../lib/load.ts";
import { formatNumber } from "../lib/report.ts";
import { goalCheck, measuredResult } from "../lib/result.ts";
import { gatewayReadTarget } from "./read.ts";
import type { Scenario, ScenarioContext } from "./types.ts";

const LIMIT_MB = 300;
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

/** RSS (MB) after the read load on `gateway`, and its req/s then. */
async function rssAfterRead(ctx: ScenarioContext, gateway: ServerChild) {
  const target = await gatewayReadTarget(ctx, gateway);
  const { warmupSeconds, durationSeconds } = ctx.options.timing;
  const figures = await runLoad(target, {
    warmupSeconds,
    seconds: durationSeconds,
    phase: `read load for memory (${gateway.info.database})`,
  });
  await drain(target);
  return { rssMb: (await gateway.memory()).rss / 1e6, requestsPerSecond: figures.requestsPerSecond };
}

/** The same read on a gateway on embedded PGlite, started for this measure and stopped after. */
async function embeddedFigures(ctx: ScenarioContext) {
  const child = await startPreparedGateway("gateway-pglite", ctx.keys.dir, {});
  try {
    const atStartMb = (await child.memory()).rss / 1e6;
    return { atStartMb, ...(await rssAfterRead(ctx, child)) };
  } finally {
    await child.stop();
  }
}

export const memory: Scenario = {
  name: "memory",
  goal: `gateway RSS < ${LIMIT_MB} MB at the end of read and ingest`,
  description: "gateway RSS after the read load (ingest: when built)",
  async run(ctx, common) {
    const gateway = await ctx.gateway();
    let afterRead = ctx.notes.get("read.gatewayRssMb") as number | undefined;
    // read did not run in this invocation: put the gateway under the same load, once
    afterRead ??= (await rssAfterRead(ctx, gateway)).rssMb;
    const embedded = gateway.info.database === "postgres" ? await embeddedFigures(ctx) : null;
    const afterIngest = ctx.notes.get("ingest.gatewayRssMb") as number | undefined;
    const now = await gateway.memory();
    const checks = [goalCheck("RSS after read (MB)", afterRead, "<", LIMIT_MB)];
    if (afterIngest !== undefined) checks.push(goalCheck("RSS after ingest (MB)", afterIngest, "<", LIMIT_MB));
    const atStart = ctx.notes.get("gateway.rssAtStartMb") as number | undefined;
    const notes = [
      `the gateway process: ${mb(now.rss)} MB resident, of which JS heap ${mb(now.heapUsed)} MB used of ${mb(now.heapTotal)} MB, ` +
        `external ${mb(now.external)} MB (array buffers ${mb(now.arrayBuffers)} MB)` +
        (atStart === undefined ? "" : `; ${formatNumber(atStart)} MB right after start, before any load`),
    ];
    const ingested = ctx.notes.get("ingest.gatewayMemory") as NodeJS.MemoryUsage | undefined;
    if (ingested) {
      notes.push(
        `the ingest gateway at the end of ingest: ${mb(ingested.rss)} MB resident, of which JS heap ` +
          `${mb(ingested.heapUsed)} MB used of ${mb(ingested.heapTotal)} MB, external ${mb(ingested.external)} MB — ` +
          "most of the heap used is the garbage of 1,000-record batches (each a ~0.5 MB request, its parsed and " +
          "coerced copies and the SQL parameters built from them; ~64 MB live after a full GC); the gateway runs " +
          `with the Node flags it has in production (docker-compose.yml): ${deployedGatewayNodeFlags().join(" ") || "none"}`,
      );
    }
    const bareYoga = ctx.notes.get("read.baselineRssMb") as number | undefined;
    if (bareYoga !== undefined) {
      notes.push(
        `for scale: bare graphql-yoga, precompiled alike, held ${formatNumber(bareYoga)} MB after its read load`,
      );
    }
    if (embedded) {
      notes.push(
        `the same gateway on embedded PGlite (\`npm start\` without DATABASE_URL): ${formatNumber(embedded.rssMb)} MB ` +
          `after the same read load (${formatNumber(embedded.requestsPerSecond)} req/s), ${formatNumber(embedded.atStartMb)} MB ` +
          "right after start — PGlite is the whole Postgres inside the gateway process (WebAssembly memory, shared " +
          "buffers, caches); the goal is measured on the gateway as deployed, with Postgres in its own process",
      );
    }
    if (gateway.info.database === "pglite") {
      notes.push(
        "with embedded PGlite the whole Postgres (WebAssembly memory, its shared buffers and caches) lives inside the " +
          "gateway process; `npm run bench -- memory --postgres` measures the gateway alone, as deployed",
      );
    }
    return measuredResult(common, {
      ratio: null,
      notes,
      checks,
      summary:
        `gateway RSS ${formatNumber(afterRead)} MB after read (${gateway.info.database}); ` +
        (embedded ? `on embedded PGlite ${formatNumber(embedded.rssMb)} MB after the same read; ` : "") +
        (afterIngest === undefined ? "ingest not built" : `${formatNumber(afterIngest)} MB after ingest`),
      raw: {
        database: gateway.info.database,
        embedded,
        rssAfterReadMb: afterRead,
        rssAfterIngestMb: afterIngest ?? null,
        rssAtStartMb: ctx.notes.get("gateway.rssAtStartMb") ?? null,
        breakdownMb: {
          rss: mb(now.rss),
          heapTotal: mb(now.heapTotal),
          heapUsed: mb(now.heapUsed),
          external: mb(now.external),
          arrayBuffers: mb(now.arrayBuffers),
        },
      },
    });
  },
};

/**
 * library-scale — 1,000,000 enterprises and 50,000 officers: bulk upsert through the gateway, search p50/p99
 * under concurrent load, a 双随机 draw — each reported as a ratio to a raw baseline in the same run.
 *
 * Built now: the baselines (./library-baseline.ts: COPY and multi-row INSERT of the same synthetic rows into a
 * scratch Postgres database, a forced seq scan). They run, and their figures are reported, even while the
 * measured parts are "not built".
 *
 * TODO(issue 5, issue 7) — the contract for whoever builds the measured parts (fill `measureThroughGateway`):
 * - Start a gateway child on Postgres (BENCH_GATEWAY_DATABASE_URL = a scratch database from
 *   `withScratchDatabase(ctx.postgresUrl, "gateway", …)`; PGlite would measure PGlite, not the gateway).
 * - upsert (issue 5): push `enterpriseRow(0 … n-1)` / `officerRow(0 … m-1)` (bench/data/library-rows.ts, the
 *   very rows of the baseline) through `upsertEnterprises` / `upsertOfficers` in batches (a `cq` token for
 *   rows with registeringJurisdiction/homeJurisdiction "cq", `sc` for the others; a fresh token per mutation:
 *   replay protection), a few batches in flight. Every record must come back `ok`. Report rows/s.
 *   ratio = upsert rows/s ÷ baseline multi-row INSERT rows/s (also ÷ COPY, in raw).
 * - search (issue 5): `enterprises(search:/park:/industry:, first: 20) { totalCount edges { node { uscc } } }`
 *   under 64 connections (a mix of name fragment, USCC prefix, park), p50/p99; ratio = p99 ÷ seq scan time.
 *   Use EXPLAIN ANALYZE on these queries and add the indexes they need in a migration.
 * - draw (issue 7): one 双随机 draw over all enterprises and officers; ratio = draw seconds ÷ seq scan seconds.
 * - Budget: the whole `npm run bench` must stay under 15 minutes on 2 cores; a million rows through GraphQL at a
 *   few thousand rows/s takes minutes: measure the rate on a bounded count if needed and say so in `raw`.
 * Until then this scenario reports "not built" (never a guessed figure).
 */
import { hasField, schemaOf } from "../lib/graphql.ts";
import { postgresProblem } from "../lib/postgres.ts";
import { formatNumber } from "../lib/report.ts";
import { type GoalCheck, measuredResult, notBuiltResult } from "../lib/result.ts";
import { type LibraryBaseline, measureLibraryBaseline } from "./library-baseline.ts";
import type { Scenario, ScenarioContext } from "./types.ts";

export interface LibraryMeasured {
  ratio: number;
  checks: GoalCheck[];
  summary: string;
  raw: Record<string, unknown>;
}

/** TODO(issue 5, issue 7): see the contract above. null = not implemented yet. */
async function measureThroughGateway(
  _ctx: ScenarioContext,
  _baseline: LibraryBaseline,
  _counts: { enterprises: number; officers: number },
): Promise<LibraryMeasured | null> {
  return null;
}

/** What is missing on the gateway's side, in words; empty when everything is there. */
function missingParts(sdl: Record<string, unknown>): string[] {
  const schema = schemaOf(sdl);
  const missing: string[] = [];
  for (const field of ["upsertEnterprises", "upsertOfficers"]) {
    if (!hasField(schema, "Mutation", field)) missing.push(`Mutation.${field} (issue 5)`);
  }
  const mutations = schema?.getMutationType()?.getFields() ?? {};
  if (!Object.keys(mutations).some((name) => /draw/i.test(name) && !/verify/i.test(name))) {
    missing.push("a draw mutation (issue 7)");
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

/**
 * propagate — a record created on the Chongqing platform (simulator) until it appears on the Sichuan platform,
 * at a steady 500 records/s. No baseline: the goal is absolute, p99 < 1 s.
 *
 * TODO(issue 6) — the contract for whoever builds it (fill `measurePropagation`):
 * - A gateway child on a scratch Postgres database (BENCH_GATEWAY_DATABASE_URL), both simulators and both
 *   adapters as their own processes, keys from `ctx.keys.dir`.
 * - Create records on the Chongqing simulator at 500/s for `seconds` (bounded by count too: 500 × seconds),
 *   each stamped with its creation time; read each one's arrival time on the Sichuan simulator (its store or
 *   its inbound endpoint log). Latency = arrival − creation, per record; report p50/p99/max and the count that
 *   never arrived within 30 s (which fails the scenario).
 * - ratio: null (no baseline). checks: `goalCheck("p99 latency (s)", p99Seconds, "<", 1)`.
 * Until then this scenario reports "not built".
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { hasField, schemaOf } from "../lib/graphql.ts";
import { REPO_ROOT } from "../lib/paths.ts";
import { type GoalCheck, measuredResult, notBuiltResult } from "../lib/result.ts";
import type { Scenario, ScenarioContext } from "./types.ts";

/** TODO(issue 6): see the contract above. null = not implemented yet. */
async function measurePropagation(
  _ctx: ScenarioContext,
  _seconds: number,
): Promise<{ checks: GoalCheck[]; summary: string; raw: Record<string, unknown> } | null> {
  return null;
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
    const measured = missing.length === 0 ? await measurePropagation(ctx, ctx.options.quick ? 5 : 20) : null;
    if (!measured) {
      return notBuiltResult(
        common,
        missing.length > 0
          ? `missing ${missing.join(", ")}`
          : "not measured yet (TODO in bench/scenarios/propagate.ts)",
      );
    }
    return measuredResult(common, { ratio: null, ...measured });
  },
};

import type { BenchOptions } from "../lib/args.ts";
import type { ServerChild } from "../lib/child.ts";
import type { BenchKeys } from "../lib/keys.ts";
import type { ResultCommon, ScenarioResult } from "../lib/result.ts";

export type { ResultCommon };

/** What every scenario receives from bench/run.ts. */
export interface ScenarioContext {
  options: BenchOptions;
  keys: BenchKeys;
  /** the database kind gateways of this run use: --postgres / --pglite, or Postgres when it answers (auto) */
  gatewayDatabaseKind(): Promise<"pglite" | "postgres">;
  /** the real gateway in its own process, started on first use and shared by the scenarios of one run */
  gateway(): Promise<ServerChild>;
  /** figures one scenario leaves for a later one (e.g. read → memory) */
  notes: Map<string, unknown>;
  /** a Postgres server to create scratch databases on (BENCH_POSTGRES_URL, default 127.0.0.1:5432) */
  postgresUrl: string;
}

export interface Scenario {
  name: string;
  /** the goal as the issue states it */
  goal: string;
  /** measured vs baseline, one line */
  description: string;
  run(ctx: ScenarioContext, common: ResultCommon): Promise<ScenarioResult>;
}

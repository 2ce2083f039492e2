/**
 * `npm run bench` — every scenario, each measured against a baseline in the same run (bench/RESULTS.md says
 * which and why); `npm run bench -- <scenario> [--quick]` for one. Servers under test run in child processes on
 * 127.0.0.1 (ephemeral ports); progress goes to stderr, the table to stdout; each scenario's JSON lands in
 * bench/results/ and bench/RESULTS.md is regenerated.
 */

import { print, printProblem } from "../scripts/cli-output.ts";
import { parseBenchArgs, USAGE } from "./lib/args.ts";
import type { ServerChild } from "./lib/child.ts";
import { startPreparedGateway } from "./lib/gateway-child.ts";
import { createBenchKeys } from "./lib/keys.ts";
import { machineNote } from "./lib/machine.ts";
import { PROFILES_DIR } from "./lib/paths.ts";
import { createScratchDatabase, DEFAULT_POSTGRES_URL, postgresProblem, type ScratchDatabase } from "./lib/postgres.ts";
import { progress } from "./lib/progress.ts";
import { renderTable } from "./lib/report.ts";
import { errorResult, type ScenarioResult } from "./lib/result.ts";
import { updateResultsMarkdown, writeResultJson } from "./lib/store.ts";
import { SCENARIO_NAMES, SCENARIOS } from "./scenarios/index.ts";
import type { ScenarioContext } from "./scenarios/types.ts";

const parsed = parseBenchArgs(process.argv.slice(2), SCENARIO_NAMES);
if (!parsed.ok) {
  for (const problem of parsed.problems) printProblem(problem);
  printProblem(USAGE);
  process.exit(parsed.help ? 0 : 64);
}
const { options } = parsed;
const started = Date.now();
const keys = await createBenchKeys();

let gateway: Promise<ServerChild> | undefined;
let gatewayDatabase: ScratchDatabase | undefined;
const ctx: ScenarioContext = {
  options,
  keys,
  notes: new Map(),
  postgresUrl: process.env.BENCH_POSTGRES_URL || DEFAULT_POSTGRES_URL,
  async gatewayDatabaseKind() {
    if (options.gatewayDatabase === "auto") {
      const problem = await postgresProblem(ctx.postgresUrl);
      options.gatewayDatabase = problem ? "pglite" : "postgres";
      if (problem) progress(`${problem}: the gateway runs on embedded PGlite`);
    }
    return options.gatewayDatabase;
  },
  gateway() {
    gateway ??= (async () => {
      const kind = await ctx.gatewayDatabaseKind();
      progress(`starting the gateway (fresh ${kind} database: npm run seed, then serve) …`);
      if (kind === "postgres") {
        gatewayDatabase = await createScratchDatabase(ctx.postgresUrl, "gateway");
      }
      const child = await startPreparedGateway(
        "gateway",
        keys.dir,
        { url: gatewayDatabase?.url },
        { cpuProfDir: options.cpuProf ? PROFILES_DIR : undefined },
      );
      ctx.notes.set("gateway.rssAtStartMb", (await child.memory()).rss / 1e6);
      return child;
    })();
    return gateway;
  },
};

const results: ScenarioResult[] = [];
let interrupted = false;
const stopAll = async () => {
  if (gateway) await (await gateway.catch(() => null))?.stop();
  await gatewayDatabase?.drop().catch(() => {});
  await keys.cleanup();
};
process.once("SIGINT", () => {
  interrupted = true;
  progress("interrupted: stopping servers …");
  void stopAll().finally(() => process.exit(130));
});

try {
  for (const scenario of SCENARIOS.filter((s) => options.scenarios.includes(s.name))) {
    if (interrupted) break;
    const common = {
      scenario: scenario.name,
      goal: scenario.goal,
      quick: options.quick,
      machine: machineNote(),
      startedAt: new Date(),
    };
    progress(`── ${scenario.name}: ${scenario.description}`);
    let result: ScenarioResult;
    try {
      result = await scenario.run(ctx, common);
    } catch (error) {
      progress(`${scenario.name} failed: ${(error as Error).stack ?? error}`);
      result = errorResult(common, error);
    }
    results.push(result);
    const file = writeResultJson(result);
    progress(
      `${scenario.name}: ${result.status}${result.ratio === null ? "" : `, ratio ${result.ratio.toFixed(2)}`} → ${file}`,
    );
  }
} finally {
  await stopAll();
}

updateResultsMarkdown(results, SCENARIO_NAMES);
print(`\n${renderTable(results)}\n`);
print(`${results.length} scenario(s) in ${((Date.now() - started) / 1000).toFixed(0)} s; bench/RESULTS.md updated.`);
if (options.quick) print("--quick: short loads, a smoke test of the harness — not figures to compare.");

/**
 * `npm run bench -- [scenario ...] [--quick] [--cpu-prof] [--no-profile] [--postgres | --pglite] [--rounds N] [--warmup S] [--duration S]`.
 * Pure: argv in, options or the list of problems out.
 */

export interface LoadTiming {
  /** warm-up seconds per server and round (not measured) */
  warmupSeconds: number;
  /** measured seconds per server and round */
  durationSeconds: number;
  /** interleaved rounds; figures are the median over rounds */
  rounds: number;
}

export interface BenchOptions {
  scenarios: string[];
  quick: boolean;
  /** `node --cpu-prof` on the gateway child for its whole life (profiles land in bench/results/profiles) */
  cpuProf: boolean;
  /** when a goal is missed, profile the gateway for a few seconds under the same load (default on) */
  profileOnMiss: boolean;
  /**
   * the gateway's database: a scratch Postgres database, as deployed, or embedded PGlite (as `npm start` runs
   * without DATABASE_URL); "auto" (the default): Postgres when BENCH_POSTGRES_URL answers, else PGlite
   */
  gatewayDatabase: "auto" | "pglite" | "postgres";
  timing: LoadTiming;
}

/** 3 s warm-up + 10 s measured, median of 2 interleaved rounds (docs/performance-notes.md) */
export const FULL_TIMING: LoadTiming = { warmupSeconds: 3, durationSeconds: 10, rounds: 2 };
/** a smoke test of the harness: figures too short to compare */
export const QUICK_TIMING: LoadTiming = { warmupSeconds: 2, durationSeconds: 5, rounds: 1 };

export const USAGE = `usage: npm run bench -- [scenario ...] [--quick] [--cpu-prof] [--no-profile] [--postgres | --pglite]
                        [--rounds N] [--warmup S] [--duration S]
  no scenario: all of them, in order
  --quick       short loads (a smoke test of the harness)
  --cpu-prof    run the gateway child (in ingest/propagate also the simulators and adapters) under node --cpu-prof
                (files in bench/results/profiles/)
  --no-profile  do not profile the gateway when a goal is missed
  --postgres    the gateway on a scratch Postgres database (BENCH_POSTGRES_URL), as deployed
  --pglite      the gateway on embedded PGlite, as \`npm start\` runs without DATABASE_URL
                (neither: Postgres when BENCH_POSTGRES_URL answers, else PGlite)`;

export type ParsedArgs = { ok: true; options: BenchOptions } | { ok: false; problems: string[]; help: boolean };

export function parseBenchArgs(argv: readonly string[], known: readonly string[]): ParsedArgs {
  const problems: string[] = [];
  const scenarios: string[] = [];
  let quick = false;
  let cpuProf = false;
  let profileOnMiss = true;
  let gatewayDatabase: BenchOptions["gatewayDatabase"] = "auto";
  const overrides: Partial<LoadTiming> = {};
  const positiveNumber = (flag: string, value: string | undefined, integer: boolean): number | undefined => {
    const n = Number(value);
    if (value === undefined || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
      problems.push(`${flag} needs a positive ${integer ? "integer" : "number"}, got ${value ?? "nothing"}`);
      return undefined;
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") return { ok: false, problems: [], help: true };
    if (arg === "--quick") quick = true;
    else if (arg === "--cpu-prof") cpuProf = true;
    else if (arg === "--no-profile") profileOnMiss = false;
    else if (arg === "--postgres") gatewayDatabase = "postgres";
    else if (arg === "--pglite") gatewayDatabase = "pglite";
    else if (arg === "--rounds") overrides.rounds = positiveNumber(arg, argv[++i], true);
    else if (arg === "--warmup") overrides.warmupSeconds = positiveNumber(arg, argv[++i], false);
    else if (arg === "--duration") overrides.durationSeconds = positiveNumber(arg, argv[++i], false);
    else if (arg.startsWith("-")) problems.push(`unknown option ${arg}`);
    else if (!known.includes(arg)) problems.push(`unknown scenario ${arg} (known: ${known.join(", ")})`);
    else if (!scenarios.includes(arg)) scenarios.push(arg);
  }
  if (problems.length > 0) return { ok: false, problems, help: false };
  const timing = { ...(quick ? QUICK_TIMING : FULL_TIMING) };
  for (const [key, value] of Object.entries(overrides) as Array<[keyof LoadTiming, number | undefined]>) {
    if (value !== undefined) timing[key] = value;
  }
  return {
    ok: true,
    options: {
      scenarios: scenarios.length > 0 ? scenarios : [...known],
      quick,
      cpuProf,
      profileOnMiss,
      gatewayDatabase,
      timing,
    },
  };
}

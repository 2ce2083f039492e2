/**
 * Running a simulator alone: flags override environment variables, which override defaults. Every
 * problem is reported at once, then exit 1.
 *
 *   --port <n>        SIM_CQ_PORT / SIM_SC_PORT   default 4101 (cq) / 4102 (sc)
 *   --rate <n>        SIM_RATE                    activity steps per second, 0 = off (default 1)
 *   --seed <n>        SIM_SEED                    default 1
 *   --data-dir <dir>  SIM_DATA_DIR                keep the store across restarts (default: memory only)
 *   --secret <s>      SIM_SC_SECRET               Sichuan's HMAC secret
 *   --gateway-jwks <file>  GATEWAY_JWKS           the gateway's public keys (KEYS_DIR/gateway.jwks.json): the
 *                                                 federation subgraph at /subgraph answers only the gateway
 *   --latency-ms, --error-rate, --duplicate-rate, --reorder-rate   initial fault knobs
 */

import { parseArgs } from "node:util";
import { z } from "zod";
import { exitWithParent } from "../../../adapters/core/exit-with-parent.ts";
import { readJwksFile } from "../../../gateway/auth/jwks-file.ts";
import { loadLogSettingsOrExit } from "../../../gateway/config.ts";
import { createLogger } from "../../../gateway/logging/logger.ts";
import { printProblem } from "../../cli-output.ts";
import type { Province } from "./model.ts";
import type { RunningSimulator, SimulatorOptions } from "./simulator.ts";

const DEFAULT_PORT: Record<Province, number> = { cq: 4101, sc: 4102 };

const number = z.coerce.number();
const cliOptions = z.object({
  port: number.pipe(z.number().int().min(0).max(65_535)),
  rate: number.pipe(z.number().min(0)),
  seed: number.pipe(z.number().int()),
  dataDir: z.string().min(1).optional(),
  secret: z.string().min(1).optional(),
  gatewayJwks: z.string().min(1).optional(),
  latencyMs: number.pipe(z.number().int().min(0)).optional(),
  errorRate: number.pipe(z.number().min(0).max(1)).optional(),
  duplicateRate: number.pipe(z.number().min(0).max(1)).optional(),
  reorderRate: number.pipe(z.number().min(0).max(1)).optional(),
});
export type CliOptions = Omit<SimulatorOptions, "gatewayJwks"> & { secret?: string; gatewayJwks?: string };

const FLAGS = [
  "port",
  "rate",
  "seed",
  "data-dir",
  "secret",
  "gateway-jwks",
  "latency-ms",
  "error-rate",
  "duplicate-rate",
  "reorder-rate",
];

function fail(problems: string[]): never {
  for (const problem of problems) printProblem(problem);
  process.exit(1);
}

export function parseCommandLine(province: Province, argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  let values: Record<string, string | undefined>;
  try {
    const options = Object.fromEntries(FLAGS.map((name) => [name, { type: "string" as const }]));
    values = parseArgs({ args: argv, options }).values as Record<string, string | undefined>;
  } catch (error) {
    fail([(error as Error).message]);
  }
  const parsed = cliOptions.safeParse({
    port: values.port ?? env[`SIM_${province.toUpperCase()}_PORT`] ?? DEFAULT_PORT[province],
    rate: values.rate ?? env.SIM_RATE ?? 1,
    seed: values.seed ?? env.SIM_SEED ?? 1,
    dataDir: values["data-dir"] ?? env.SIM_DATA_DIR,
    secret: values.secret ?? env.SIM_SC_SECRET,
    gatewayJwks: values["gateway-jwks"] ?? env.GATEWAY_JWKS,
    latencyMs: values["latency-ms"],
    errorRate: values["error-rate"],
    duplicateRate: values["duplicate-rate"],
    reorderRate: values["reorder-rate"],
  });
  if (!parsed.success) fail(parsed.error.issues.map((i) => `invalid ${i.path.join(".")}: ${i.message}`));
  const { latencyMs, errorRate, duplicateRate, reorderRate, ...rest } = parsed.data;
  const faults = Object.fromEntries(
    Object.entries({ latencyMs, errorRate, duplicateRate, reorderRate }).filter(([, v]) => v !== undefined),
  );
  return { ...rest, faults };
}

/** starts the simulator from the command line and stops it cleanly on SIGINT / SIGTERM */
export async function runFromCommandLine(
  province: Province,
  start: (options: SimulatorOptions & { secret?: string }) => Promise<RunningSimulator>,
): Promise<void> {
  const { gatewayJwks: jwksFile, ...options } = parseCommandLine(province, process.argv.slice(2), process.env);
  const log = createLogger(`sim ${province}`, loadLogSettingsOrExit(process.env));
  const gatewayJwks = jwksFile ? await readJwksFile(jwksFile) : null;
  if (!gatewayJwks) log.warn("GATEWAY_JWKS unset: the federation subgraph (/subgraph) refuses every request");
  const sim = await start({ ...options, gatewayJwks });
  log.info(
    { url: sim.url, rate: options.rate, seed: options.seed, dataDir: options.dataDir ?? null },
    `platform simulator on ${sim.url} (rate ${options.rate}/s, seed ${options.seed}, ` +
      `data ${options.dataDir ?? "in memory"}, ${sim.store.latestSeq} changes)`,
  );
  const shutdown = () => void sim.stop().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  exitWithParent(() => sim.stop());
}

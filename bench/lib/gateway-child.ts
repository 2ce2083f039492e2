/**
 * The gateway as deployed: its database is migrated and seeded first by `scripts/seed.ts` in a process of its
 * own (as `npm run seed`, then `npm run serve`), so that neither the migration engine nor the seed data ever
 * sit in the measured gateway's memory. Then the gateway child (bench/servers/gateway.ts) serves that database.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type ServerChild, type StartOptions, startServerChild } from "./child.ts";
import { REPO_ROOT } from "./paths.ts";

/** A Postgres database (already created, empty or not) or, without one, a fresh embedded PGlite directory. */
export interface GatewayDatabase {
  url?: string;
}

const SEED_TIMEOUT_MS = 180_000;

function seed(env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/seed.ts"], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: "development", LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), SEED_TIMEOUT_MS);
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`scripts/seed.ts failed (exit ${code}): ${output.slice(-2000)}`));
    });
  });
}

export async function startPreparedGateway(
  name: string,
  keysDir: string,
  database: GatewayDatabase,
  options: Pick<StartOptions, "cpuProfDir" | "env"> = {},
): Promise<ServerChild> {
  const dataDir = database.url ? null : await mkdtemp(path.join(tmpdir(), "gz-bench-gateway-"));
  const target: Record<string, string> = database.url
    ? { DATABASE_URL: database.url }
    : { PGLITE_DIR: path.join(dataDir!, "pglite") };
  try {
    await seed({ ...target, KEYS_DIR: keysDir });
    const child = await startServerChild(name, "gateway.ts", {
      ...options,
      env: {
        ...options.env,
        BENCH_KEYS_DIR: keysDir,
        BENCH_GATEWAY_PREPARED: "1",
        ...(database.url
          ? { BENCH_GATEWAY_DATABASE_URL: database.url }
          : { BENCH_GATEWAY_PGLITE_DIR: target.PGLITE_DIR! }),
      },
    });
    return {
      ...child,
      async stop() {
        await child.stop();
        if (dataDir) await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

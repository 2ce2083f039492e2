/**
 * `npm start`'s sync half: both platform simulators and both adapters, each its own child process
 * (as in production, where each province runs its adapter on its side), with its config in its
 * environment. `stopAll()` ends them on Ctrl-C.
 *
 * Supervised like a process manager would (docker-compose `restart: unless-stopped`): a child that
 * dies — crashed, or killed to test recovery — is started again after a pause that doubles up to 10 s
 * (back to 1 s once it has run for a minute); each child ends with `npm start` (EXIT_WITH_PARENT).
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { jwksPath } from "../gateway/auth/keys.ts";
import { type Logger, silentLogger } from "../gateway/logging/logger.ts";

export interface SyncProcessesOptions {
  gatewayUrl: string;
  keysDir: string;
  audience: string;
  env: Record<string, string | undefined>;
  /** where restarts are reported */
  logger: Logger;
}

export interface Supervised {
  readonly current: ChildProcess;
  stop(): Promise<void>;
}

const FIRST_PAUSE_MS = 1000;
const MAX_PAUSE_MS = 10_000;
const STABLE_MS = 60_000;

/** Runs `file` (node --import tsx) and starts it again whenever it dies, until `stop()`. */
export function supervise(
  file: string,
  env: Record<string, string | undefined>,
  logger: Logger = silentLogger(),
): Supervised {
  let stopping = false;
  let pause = FIRST_PAUSE_MS;
  const start = (): ChildProcess => {
    const child = spawn(process.execPath, ["--import", "tsx", file], {
      env: { ...process.env, ...env, EXIT_WITH_PARENT: "1" },
      stdio: "inherit",
    });
    const startedAt = Date.now();
    child.once("exit", (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt > STABLE_MS) pause = FIRST_PAUSE_MS;
      logger.warn(
        { file, code, signal },
        `${file} exited (${signal ?? `code ${code}`}); starting it again in ${pause / 1000} s`,
      );
      setTimeout(() => {
        if (!stopping) supervised.current = start();
      }, pause).unref();
      pause = Math.min(pause * 2, MAX_PAUSE_MS);
    });
    return child;
  };
  const supervised = {
    current: start(),
    stop(): Promise<void> {
      stopping = true;
      const child = supervised.current;
      return new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill("SIGKILL"), 5000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        child.kill("SIGTERM");
      });
    },
  };
  return supervised;
}

/** where `npm start` runs the two platform simulators (SIM_CQ_PORT, SIM_SC_PORT) */
export function simulatorUrls(env: Record<string, string | undefined>) {
  return { cq: `http://127.0.0.1:${env.SIM_CQ_PORT ?? "4101"}`, sc: `http://127.0.0.1:${env.SIM_SC_PORT ?? "4102"}` };
}

export function startSyncProcesses(options: SyncProcessesOptions) {
  const cqPort = options.env.SIM_CQ_PORT ?? "4101";
  const scPort = options.env.SIM_SC_PORT ?? "4102";
  const secret = options.env.SIM_SC_SECRET ?? "gaozhu-sc-dev-secret";
  const shared = {
    // the gateway's public keys: each platform's federation subgraph answers only the gateway
    GATEWAY_JWKS: jwksPath(options.keysDir, "gateway"),
    SIM_RATE: options.env.SIM_RATE ?? "1",
    SIM_DATA_DIR: options.env.SIM_DATA_DIR ?? path.join(".data", "sim"),
  };
  const urls = simulatorUrls(options.env);
  // Node resolves "localhost" to ::1 first; the gateway listens on 127.0.0.1
  const gatewayUrl = options.gatewayUrl.replace("//localhost", "//127.0.0.1");
  const adapterEnv = { GATEWAY_URL: gatewayUrl, KEYS_DIR: options.keysDir, JWT_AUDIENCE: options.audience };
  const run = (file: string, env: Record<string, string>) => supervise(file, env, options.logger);
  const children = [
    run("scripts/simulators/chongqing/main.ts", { ...shared, SIM_CQ_PORT: cqPort }),
    run("scripts/simulators/sichuan/main.ts", { ...shared, SIM_SC_PORT: scPort, SIM_SC_SECRET: secret }),
    // adapters retry with backoff until their platform answers: no need to wait for the simulators
    run("adapters/chongqing/main.ts", { ...adapterEnv, PLATFORM_URL: urls.cq }),
    run("adapters/sichuan/main.ts", { ...adapterEnv, PLATFORM_URL: urls.sc, SC_SECRET: secret }),
  ];
  return {
    urls,
    async stopAll(): Promise<void> {
      await Promise.all(children.map((child) => child.stop()));
    },
  };
}

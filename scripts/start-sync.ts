/**
 * `npm start`'s sync half: both platform simulators and both adapters, each its own child process
 * (as in production, where each province runs its adapter on its side), with its config in its
 * environment. `stopAll()` ends them on Ctrl-C.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export interface SyncProcessesOptions {
  gatewayUrl: string;
  keysDir: string;
  audience: string;
  env: Record<string, string | undefined>;
}

function run(file: string, env: Record<string, string | undefined>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", file], { env: { ...process.env, ...env }, stdio: "inherit" });
}

export function startSyncProcesses(options: SyncProcessesOptions) {
  const cqPort = options.env.SIM_CQ_PORT ?? "4101";
  const scPort = options.env.SIM_SC_PORT ?? "4102";
  const secret = options.env.SIM_SC_SECRET ?? "gaozhu-sc-dev-secret";
  const shared = {
    SIM_RATE: options.env.SIM_RATE ?? "1",
    SIM_DATA_DIR: options.env.SIM_DATA_DIR ?? path.join(".data", "sim"),
  };
  const urls = { cq: `http://127.0.0.1:${cqPort}`, sc: `http://127.0.0.1:${scPort}` };
  // Node resolves "localhost" to ::1 first; the gateway listens on 127.0.0.1
  const gatewayUrl = options.gatewayUrl.replace("//localhost", "//127.0.0.1");
  const adapterEnv = { GATEWAY_URL: gatewayUrl, KEYS_DIR: options.keysDir, JWT_AUDIENCE: options.audience };
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
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              const force = setTimeout(() => child.kill("SIGKILL"), 5000);
              child.once("exit", () => {
                clearTimeout(force);
                resolve();
              });
              child.kill("SIGTERM");
            }),
        ),
      );
    },
  };
}

/**
 * The sync pipeline as deployed, for ingest and propagate: a gateway of its own on a scratch Postgres database,
 * the provincial simulators and the adapters each in its own process (as `npm start` runs them,
 * scripts/start-sync.ts), the adapters signing with their province's key from the bench's keys directory.
 * `stop()` ends every process the rig started and drops the database, whatever state it is in.
 */

import type { Province } from "../../schema/common/jurisdiction.ts";
import { type ServerChild, startServerChild } from "../lib/child.ts";
import { askOnce } from "../lib/graphql.ts";
import { PROFILES_DIR } from "../lib/paths.ts";
import { createScratchDatabase, type ScratchDatabase } from "../lib/postgres.ts";
import { progress } from "../lib/progress.ts";
import { type ScriptProcess, startScript } from "../lib/script-process.ts";
import type { ScenarioContext } from "./types.ts";

const SIMULATOR: Record<Province, string> = {
  cq: "scripts/simulators/chongqing/main.ts",
  sc: "scripts/simulators/sichuan/main.ts",
};
const ADAPTER: Record<Province, string> = { cq: "adapters/chongqing/main.ts", sc: "adapters/sichuan/main.ts" };

export interface SyncRig {
  gateway: ServerChild;
  /** the gateway's scratch Postgres database */
  databaseUrl: string;
  /** each simulator's base URL (its control API is under /_sim) */
  platforms: Partial<Record<Province, string>>;
  /** each simulator's process id (what it spends is part of the pipeline's cost) */
  simulatorPids: Partial<Record<Province, number>>;
  /** spawns the adapters (not waiting for them: their start-up counts in what the scenario times); their pids */
  startAdapters(provinces: readonly Province[]): Promise<number[]>;
  /** one GraphQL request to the gateway with a read token of `issuer`; throws on any error */
  query<T>(issuer: Province, query: string): Promise<T>;
  stop(): Promise<void>;
}

export async function startSyncRig(
  ctx: ScenarioContext,
  name: string,
  provinces: readonly Province[],
): Promise<SyncRig> {
  const processes: ScriptProcess[] = [];
  // --cpu-prof: every process of the pipeline, each profile written when it stops
  const cpuProfDir = ctx.options.cpuProf ? PROFILES_DIR : undefined;
  let database: ScratchDatabase | undefined;
  let gateway: ServerChild | undefined;
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await gateway?.stop();
    await database?.drop().catch(() => {});
  };
  try {
    database = await createScratchDatabase(ctx.postgresUrl, name.replaceAll("-", "_"));
    progress(`${name}: starting a gateway on a scratch Postgres database …`);
    gateway = await startServerChild(`gateway-${name}`, "gateway.ts", {
      env: { BENCH_KEYS_DIR: ctx.keys.dir, BENCH_GATEWAY_DATABASE_URL: database.url },
      cpuProfDir,
    });
    const platforms: Partial<Record<Province, string>> = {};
    const simulatorPids: Partial<Record<Province, number>> = {};
    for (const province of provinces) {
      const simulator = await startScript(`sim-${province}`, {
        file: SIMULATOR[province],
        args: ["--port", "0", "--rate", "0"],
        readyLine: /simulator on (http:\/\/[\d.:]+)/,
        cpuProfDir,
      });
      processes.push(simulator);
      platforms[province] = simulator.ready![1]!;
      simulatorPids[province] = simulator.pid;
    }
    const gatewayBase = gateway.url.replace(/\/graphql$/, "");
    const tokens = new Map<Province, string>();
    const running = gateway;
    return {
      gateway: running,
      databaseUrl: database.url,
      platforms,
      simulatorPids,
      async startAdapters(which) {
        const pids: number[] = [];
        for (const province of which) {
          const platformUrl = platforms[province];
          if (!platformUrl) throw new Error(`no ${province} simulator in this rig`);
          const adapter = await startScript(`adapter-${province}`, {
            file: ADAPTER[province],
            env: { GATEWAY_URL: gatewayBase, KEYS_DIR: ctx.keys.dir, PLATFORM_URL: platformUrl },
            cpuProfDir,
          });
          processes.push(adapter);
          pids.push(adapter.pid);
        }
        return pids;
      },
      async query<T>(issuer: Province, query: string) {
        if (!tokens.has(issuer)) tokens.set(issuer, await ctx.keys.token(issuer, { scopes: ["read"] }));
        const headers = { "content-type": "application/json", authorization: `Bearer ${tokens.get(issuer)}` };
        const answer = await askOnce(running.url, JSON.stringify({ query }), headers);
        return answer.data as T;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** JSON from a simulator's control API (never faulted) */
export async function simulatorControl<T>(platformUrl: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${platformUrl}/_sim/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${platformUrl}/_sim/${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

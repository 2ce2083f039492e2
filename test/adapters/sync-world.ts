/**
 * The world of the adapter end-to-end tests: a live gateway over HTTP, both platform simulators and
 * both adapters in-process, with the knobs the fault tests turn (adapters stopped and started, the
 * gateway stopped and started, activity on or off) and what they read back (gz queries, adapter logs).
 */
import type { RunningAdapter } from "../../adapters/core/adapter.ts";
import type { Province } from "../../adapters/core/canonical.ts";
import { startAdapter } from "../../adapters/start-adapter.ts";
import { loadPrivateKey } from "../../gateway/auth/keys.ts";
import { signToken } from "../../gateway/auth/sign-token.ts";
import { createLogger } from "../../gateway/logging/logger.ts";
import { PROVINCES } from "../../schema/common/jurisdiction.ts";
import { startChongqingSimulator } from "../../scripts/simulators/chongqing/index.ts";
import type { RunningSimulator } from "../../scripts/simulators/core/simulator.ts";
import { startSichuanSimulator } from "../../scripts/simulators/sichuan/index.ts";
import { type LiveGateway, startLiveGateway } from "../support/live-gateway.ts";

export { PROVINCES };

export interface SyncWorld {
  live: LiveGateway;
  sims: Record<Province, RunningSimulator>;
  /** what each adapter logged (its retries show here) */
  logs: Record<Province, string[]>;
  startAdapter(province: Province): Promise<void>;
  stopAdapter(province: Province): Promise<void>;
  /** `count` new records on a platform, through its control API */
  generate(province: Province, count: number): Promise<void>;
  /** steady activity on both platforms (records, new versions, officer and enterprise changes); 0 stops it */
  setRate(stepsPerSecond: number): void;
  /** a GraphQL query as the committee (gz sees every adapter and record) */
  gz<T>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; data: T | null; errors?: unknown }>;
  dispose(): Promise<void>;
}

export async function startSyncWorld(gatewayEnv: Record<string, string> = {}): Promise<SyncWorld> {
  const live = await startLiveGateway(gatewayEnv);
  const sims = {
    cq: await startChongqingSimulator({ rate: 0, seed: 11 }),
    sc: await startSichuanSimulator({ rate: 0, seed: 22 }),
  };
  const adapters = new Map<Province, RunningAdapter>();
  const logs: Record<Province, string[]> = { cq: [], sc: [] };
  const gzKey = await loadPrivateKey(live.keysDir, "gz");

  const world: SyncWorld = {
    live,
    sims,
    logs,
    async startAdapter(province) {
      const adapter = await startAdapter({
        province,
        gatewayUrl: live.url,
        keysDir: live.keysDir,
        platformUrl: sims[province].url,
        idleMs: 50,
        reportEveryMs: 1000,
        retryCapMs: 500,
        // JSON lines, one per record
        logger: createLogger(`adapter ${province}`, { destination: { write: (line) => logs[province].push(line) } }),
      });
      adapters.set(province, adapter);
    },
    async stopAdapter(province) {
      await adapters.get(province)?.stop();
      adapters.delete(province);
    },
    async generate(province, count) {
      const response = await fetch(`${sims[province].url}/_sim/generate`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ count }),
      });
      if (response.status !== 200) throw new Error(`generate on ${province}: ${response.status}`);
    },
    setRate(stepsPerSecond) {
      for (const p of PROVINCES) sims[p].setRate(stepsPerSecond);
    },
    async gz(query, variables = {}) {
      const token = await signToken({
        privateKey: gzKey.key,
        kid: gzKey.kid,
        alg: gzKey.alg,
        issuer: "gz",
        subject: "sync-test",
      });
      const response = await fetch(`${live.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: never; errors?: unknown };
      return { status: response.status, data: body.data ?? null, errors: body.errors };
    },
    async dispose() {
      world.setRate(0);
      await Promise.allSettled([...adapters.values()].map((a) => a.stop()));
      await Promise.allSettled(PROVINCES.map((p) => sims[p].stop()));
      await live.dispose();
    },
  };
  for (const province of PROVINCES) await world.startAdapter(province);
  return world;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** polls `check` until it holds; bounded */
export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await sleep(100);
  }
}

/** how many records of an origin the gateway holds, as the `records` connection counts them */
export async function totalCount(world: SyncWorld, origin: Province): Promise<number> {
  const answer = await world.gz<{ records: { totalCount: number } }>(
    `query($o: Jurisdiction) { records(origin: $o, first: 1) { totalCount } }`,
    { o: origin.toUpperCase() },
  );
  if (!answer.data) throw new Error(`records query failed: ${JSON.stringify(answer.errors)}`);
  return answer.data.records.totalCount;
}

/**
 * Both adapters in-process against the real gateway over HTTP and both simulators: records made on
 * one platform reach the gateway and the other platform exactly once, at their latest version —
 * also across an adapter restart and with the platforms failing, duplicating and reordering.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningAdapter } from "../../adapters/core/adapter.ts";
import type { Jurisdiction } from "../../adapters/core/canonical.ts";
import { startAdapter } from "../../adapters/start-adapter.ts";
import { loadPrivateKey } from "../../gateway/auth/keys.ts";
import { signToken } from "../../gateway/auth/sign-token.ts";
import { startChongqingSimulator } from "../../scripts/simulators/chongqing/index.ts";
import type { RunningSimulator } from "../../scripts/simulators/core/simulator.ts";
import { startSichuanSimulator } from "../../scripts/simulators/sichuan/index.ts";
import { startLiveGateway } from "../support/live-gateway.ts";
import { snapshot, waitForReconciled } from "./sync-support.ts";

let live: Awaited<ReturnType<typeof startLiveGateway>>;
let cqSim: RunningSimulator;
let scSim: RunningSimulator;
const adapters = new Map<Jurisdiction, RunningAdapter>();

async function start(province: Jurisdiction) {
  const adapter = await startAdapter({
    province,
    gatewayUrl: live.url,
    keysDir: live.keysDir,
    platformUrl: province === "cq" ? cqSim.url : scSim.url,
    idleMs: 50,
    reportEveryMs: 1000,
    retryCapMs: 500,
    log: () => {},
  });
  adapters.set(province, adapter);
}

async function generate(sim: RunningSimulator, count: number) {
  const response = await fetch(`${sim.url}/_sim/generate`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ count }),
  });
  expect(response.status).toBe(200);
}

async function totalCount(origin: Jurisdiction): Promise<number> {
  const key = await loadPrivateKey(live.keysDir, "gz");
  const token = await signToken({ privateKey: key.key, kid: key.kid, alg: key.alg, issuer: "gz", subject: "test" });
  const response = await fetch(`${live.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `query($o: String) { records(origin: $o, first: 1) { totalCount } }`,
      variables: { o: origin },
    }),
  });
  const body = (await response.json()) as { data: { records: { totalCount: number } } };
  return body.data.records.totalCount;
}

const reconciled = (origin: Jurisdiction) => waitForReconciled(() => snapshot(live, origin, cqSim.url, scSim.url));

beforeAll(async () => {
  live = await startLiveGateway();
  cqSim = await startChongqingSimulator({ rate: 0, seed: 11 });
  scSim = await startSichuanSimulator({ rate: 0, seed: 22 });
  await start("cq");
  await start("sc");
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([...adapters.values()].map((a) => a.stop()));
  await Promise.allSettled([cqSim?.stop(), scSim?.stop()]);
  await live?.dispose();
}, 60_000);

describe("adapters ⇄ gateway ⇄ platforms", () => {
  it("carries Chongqing's records to the gateway and to Sichuan, each once at its latest version", async () => {
    await generate(cqSim, 40);
    cqSim.generator.run(40); // updates: later versions of some of them
    const s = await reconciled("cq");
    expect(await totalCount("cq")).toBe(s.source.size);
    expect([...s.source.values()].some((v) => v > 1)).toBe(true);
  }, 90_000);

  it("carries Sichuan's records to the gateway and to Chongqing, each once at its latest version", async () => {
    await generate(scSim, 40);
    scSim.generator.run(40);
    const s = await reconciled("sc");
    expect(await totalCount("sc")).toBe(s.source.size);
  }, 90_000);

  it("resumes after an adapter restart mid-way without loss or duplication", async () => {
    await generate(cqSim, 300);
    await new Promise((r) => setTimeout(r, 150));
    await adapters.get("cq")?.stop();
    cqSim.generator.run(60);
    await start("cq");
    const s = await reconciled("cq");
    expect(await totalCount("cq")).toBe(s.source.size);
  }, 90_000);

  it("reconciles exactly while both platforms fail 30% of requests, duplicate and reorder", async () => {
    const faults = { errorRate: 0.3, duplicateRate: 0.3, reorderRate: 0.5 };
    cqSim.faults.update(faults);
    scSim.faults.update(faults);
    try {
      await generate(cqSim, 100);
      await generate(scSim, 100);
      cqSim.generator.run(100);
      scSim.generator.run(100);
      await reconciled("cq");
      await reconciled("sc");
    } finally {
      cqSim.faults.reset();
      scSim.faults.reset();
    }
  }, 120_000);
});

/**
 * Outages under steady traffic on both platforms: the gateway killed and restarted on the same
 * database, then one platform down for a while. Afterwards the three stores reconcile exactly, no
 * version went backwards, and syncStatus shows both adapters caught up.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectCaughtUp,
  expectLibraryVersionsNeverWentBack,
  expectVersionsNeverWentBack,
  syncStatus,
  waitForLibrariesReconciled,
  waitForReconciled,
} from "./sync-support.ts";
import { type SyncWorld, sleep, startSyncWorld, totalCount } from "./sync-world.ts";

let world: SyncWorld;

beforeAll(async () => {
  world = await startSyncWorld();
}, 120_000);

afterAll(() => world?.dispose(), 60_000);

/** both directions reconciled (records, and officers and enterprises), versions only rose, both adapters caught up */
async function expectSettled() {
  world.setRate(0);
  for (const origin of ["cq", "sc"] as const) {
    const s = await waitForReconciled(world, origin);
    expect(await totalCount(world, origin)).toBe(s.source.size);
    await waitForLibrariesReconciled(world, origin);
  }
  await expectVersionsNeverWentBack(world);
  await expectLibraryVersionsNeverWentBack(world);
  await expectCaughtUp(world);
}

describe("sync across outages", () => {
  it("resumes after the gateway is killed mid-traffic and restarted on the same database", async () => {
    world.setRate(150);
    await world.generate("cq", 200);
    await world.generate("sc", 200);
    await sleep(400);
    const before = await world.live.prisma.enforcementRecord.count();
    await world.live.stop();
    const retriesBefore = world.logs.cq.length + world.logs.sc.length;
    await sleep(1500); // traffic goes on; the adapters find nothing to talk to
    await expect(fetch(`${world.live.url}/health`)).rejects.toThrow();
    expect(world.logs.cq.length + world.logs.sc.length).toBeGreaterThan(retriesBefore);
    expect([...world.logs.cq, ...world.logs.sc].some((l) => l.includes("retrying"))).toBe(true);
    await world.live.start();
    await expectSettled();
    expect(await world.live.prisma.enforcementRecord.count()).toBeGreaterThan(before);
  }, 90_000);

  it("catches up with a platform that was down for a while, in both directions", async () => {
    world.setRate(150);
    await sleep(300);
    world.sims.cq.faults.update({ downForMs: 2500 });
    await sleep(200); // a push already accepted may still land
    const received = world.sims.cq.store.received.size;
    const fromSc = await totalCount(world, "sc");
    // while Chongqing is down: its adapter's errors are visible, Sichuan's records still reach the gateway
    const deadline = Date.now() + 1500;
    let shown: string | null = null;
    while (!shown && Date.now() < deadline) {
      shown = (await syncStatus(world)).find((s) => s.jurisdiction === "CQ")?.lastError ?? null;
      await sleep(100);
    }
    expect(shown).toMatch(/503|down/);
    expect(world.sims.cq.faults.isDown()).toBe(true);
    expect(world.sims.cq.store.received.size).toBe(received);
    let nowFromSc = fromSc;
    while (nowFromSc === fromSc && world.sims.cq.faults.isDown()) {
      await sleep(100);
      nowFromSc = await totalCount(world, "sc");
    }
    expect(nowFromSc, "Sichuan's records reach the gateway while Chongqing is down").toBeGreaterThan(fromSc);
    while (world.sims.cq.faults.isDown()) await sleep(100);
    await expectSettled();
    expect(world.sims.cq.store.received.size).toBeGreaterThan(received);
  }, 90_000);
});

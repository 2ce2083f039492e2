import { afterEach, describe, expect, it } from "vitest";
import { type CqChange, cqChangesPage } from "../../adapters/chongqing/types.ts";
import { scChangesPage } from "../../adapters/sichuan/types.ts";
import { startChongqingSimulator } from "../../scripts/simulators/chongqing/index.ts";
import type { RunningSimulator } from "../../scripts/simulators/core/simulator.ts";
import { startSichuanSimulator } from "../../scripts/simulators/sichuan/index.ts";
import { call } from "./helpers.ts";

const running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function cqSim() {
  const sim = await startChongqingSimulator({ rate: 0 });
  running.push(sim);
  return sim;
}

const setFaults = (sim: RunningSimulator, faults: Record<string, unknown>) =>
  call(`${sim.url}/_sim/faults`, { body: faults });

describe("fault knobs", () => {
  it("error rate 1 answers every platform request with a 5xx and changes nothing; the control API still answers", async () => {
    const sim = await cqSim();
    sim.generator.run(50);
    const before = sim.store.latestSeq;
    expect((await setFaults(sim, { errorRate: 1 })).status).toBe(200);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 ? call(`${sim.url}/api/v1/changes`) : call(`${sim.url}/api/v1/dispatch-tasks`, { body: { tasks: [] } }),
      ).map(async (p) => (await p).status),
    );
    expect(statuses.every((s) => s === 500 || s === 503)).toBe(true);
    expect((await call(`${sim.url}/_sim/health`)).status).toBe(200);
    expect(sim.store.latestSeq).toBe(before);
    await call(`${sim.url}/_sim/faults`, { method: "DELETE" });
    expect((await call(`${sim.url}/api/v1/changes`)).status).toBe(200);
  });

  it("duplicates and reorders feed entries, yet the feed read to the end still holds every change", async () => {
    const sim = await cqSim();
    sim.generator.run(300);
    await setFaults(sim, { duplicateRate: 0.3, reorderRate: 1 });
    const seen: CqChange[] = [];
    let cursor = "";
    let outOfOrder = false;
    for (let pages = 0; pages < 1000; pages++) {
      const page = cqChangesPage.parse((await call(`${sim.url}/api/v1/changes?limit=50&cursor=${cursor}`)).body);
      const seqs = page.items.map((i) => i.seq);
      if (seqs.some((s, i) => i > 0 && s < seqs[i - 1]!)) outOfOrder = true;
      seen.push(...page.items);
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    const seqs = seen.map((e) => e.seq);
    expect(seqs.length).toBeGreaterThan(sim.store.latestSeq); // duplicates were delivered
    expect(outOfOrder).toBe(true);
    expect([...new Set(seqs)].sort((a, b) => a - b)).toEqual(
      Array.from({ length: sim.store.latestSeq }, (_, i) => i + 1),
    );
    // a duplicate is the same change, not a corrupted copy
    const bySeq = new Map<number, string>();
    for (const e of seen) {
      const json = JSON.stringify(e);
      expect(bySeq.get(e.seq) ?? json).toBe(json);
      bySeq.set(e.seq, json);
    }
  });

  it("duplicates entries in Sichuan's change pages too", async () => {
    const sim = await startSichuanSimulator({ rate: 0, faults: { duplicateRate: 1 } });
    running.push(sim);
    const page = scChangesPage.parse((await call(`${sim.url}/openapi/changes?page_size=10`)).body);
    expect(page.data.map((c) => c.id)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10]);
    expect(page.next_since_id).toBe(9); // the last entry is delivered again in the next page
  });

  it("refuses with 503 during a down window, then recovers by itself", async () => {
    const sim = await cqSim();
    await setFaults(sim, { downForMs: 400 });
    const refused = await call(`${sim.url}/api/v1/changes`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.body).toMatchObject({ error: { code: "UNAVAILABLE" } });
    await new Promise((r) => setTimeout(r, 450));
    expect((await call(`${sim.url}/api/v1/changes`)).status).toBe(200);

    await setFaults(sim, { down: true });
    expect((await call(`${sim.url}/api/v1/changes`)).status).toBe(503);
    await setFaults(sim, { down: false });
    expect((await call(`${sim.url}/api/v1/changes`)).status).toBe(200);
  });

  it("adds latency to platform requests only", async () => {
    const sim = await cqSim();
    await setFaults(sim, { latencyMs: 200 });
    let started = performance.now();
    expect((await call(`${sim.url}/api/v1/changes`)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    started = performance.now();
    await call(`${sim.url}/_sim/health`);
    expect(performance.now() - started).toBeLessThan(150);
  });

  it("rejects fault settings out of range", async () => {
    const sim = await cqSim();
    expect((await setFaults(sim, { errorRate: 2 })).status).toBe(400);
    expect(sim.faults.settings.errorRate).toBe(0);
  });
});

describe("activity", () => {
  const withoutTimes = (sim: RunningSimulator) =>
    sim.store.allChanges().map((c) => {
      const { updatedAt: _u, ...data } = c.data as unknown as Record<string, unknown>;
      delete data.occurredAt;
      delete data.decidedAt;
      // a published result carries the wall-clock time it was published at, like the dates above
      const supervision = data.supervision as Record<string, unknown> | null | undefined;
      if (supervision) data.supervision = { ...supervision, resultPublishedAt: supervision.resultPublishedAt !== null };
      return { seq: c.seq, entity: c.entity, data };
    });

  it("is deterministic given the seed", async () => {
    const sims = await Promise.all([1, 1, 2].map((seed) => startChongqingSimulator({ rate: 0, seed })));
    running.push(...sims);
    for (const sim of sims) sim.generator.run(300);
    const [a, b, c] = sims.map(withoutTimes);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("runs at the chosen rate and stops at 0", async () => {
    const sim = await cqSim();
    const start = sim.store.latestSeq;
    expect((await call(`${sim.url}/_sim/rate`, { body: { rate: 100 } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect((await call(`${sim.url}/_sim/rate`, { body: { rate: 0 } })).status).toBe(200);
    const made = sim.store.latestSeq - start;
    expect(made).toBeGreaterThanOrEqual(15);
    expect(made).toBeLessThanOrEqual(80);
    await new Promise((r) => setTimeout(r, 150));
    expect(sim.store.latestSeq - start).toBe(made);
  });
});

/**
 * The simulators' activity looks like a platform's: inspections are a minority of its records, spread over
 * months, and only its watch list (重点监管, one enterprise in five) is inspected outside the committee's
 * draws — so after half an hour of activity most enterprises still have no recent inspection and a
 * 双随机 plan made then draws them (it excludes enterprises inspected within its last N days).
 */
import { afterAll, describe, expect, it } from "vitest";
import { startChongqingSimulator } from "../../scripts/simulators/chongqing/index.ts";
import type { RunningSimulator } from "../../scripts/simulators/core/simulator.ts";
import { startSichuanSimulator } from "../../scripts/simulators/sichuan/index.ts";

const DAY = 86_400_000;
const running: RunningSimulator[] = [];
afterAll(() => Promise.all(running.map((s) => s.stop())));

describe.each([
  ["Chongqing", startChongqingSimulator],
  ["Sichuan", startSichuanSimulator],
])("%s simulator's activity", (_name, start) => {
  it("leaves most enterprises without a recent inspection after half an hour (1,800 steps)", async () => {
    const sim = await start({ rate: 0, seed: 7 });
    running.push(sim);
    sim.generator.run(1_800);
    const now = sim.store.now();
    const records = [...sim.store.records.values()];
    const inspections = records.filter((r) => r.kind === "INSPECTION");
    expect(records.length).toBeGreaterThan(500);
    expect(inspections.length / records.length).toBeGreaterThan(0.1);
    expect(inspections.length / records.length).toBeLessThan(0.4);

    const occurred = inspections.map((r) => (now - r.occurredAt) / DAY);
    expect(Math.max(...occurred)).toBeGreaterThan(90); // spread over months, not the last hours
    const recentlyInspected = new Set(
      inspections.filter((r) => now - r.occurredAt < 90 * DAY).map((r) => r.enterpriseUscc),
    );
    const enterprises = sim.store.enterprises.size;
    expect(recentlyInspected.size).toBeGreaterThan(0);
    expect(recentlyInspected.size).toBeLessThanOrEqual(Math.ceil(enterprises / 5));
    // penalty decisions still reach any enterprise (supervision warnings have something to look at)
    const penalised = new Set(records.filter((r) => r.kind === "PENALTY").map((r) => r.enterpriseUscc));
    expect(penalised.size).toBeGreaterThan(enterprises / 2);
  });
});

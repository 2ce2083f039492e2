/**
 * Both adapters in-process against the real gateway over HTTP and both simulators: records made on
 * one platform reach the gateway and the other platform exactly once, at their latest version —
 * also across an adapter restart and with the platforms failing, duplicating and reordering.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectCaughtUp,
  expectLibraryVersionsNeverWentBack,
  expectVersionsNeverWentBack,
  waitForLibrariesReconciled,
  waitForReconciled,
} from "./sync-support.ts";
import { type SyncWorld, sleep, startSyncWorld, totalCount } from "./sync-world.ts";

let world: SyncWorld;

beforeAll(async () => {
  world = await startSyncWorld();
}, 120_000);

afterAll(() => world?.dispose(), 60_000);

describe("adapters ⇄ gateway ⇄ platforms", () => {
  it("carries Chongqing's records to the gateway and to Sichuan, each once at its latest version", async () => {
    await world.generate("cq", 40);
    world.sims.cq.generator.run(40); // updates: later versions of some of them
    const s = await waitForReconciled(world, "cq");
    expect(await totalCount(world, "cq")).toBe(s.source.size);
    expect([...s.source.values()].some((v) => v > 1)).toBe(true);
  }, 90_000);

  it("carries Sichuan's records to the gateway and to Chongqing, each once at its latest version", async () => {
    await world.generate("sc", 40);
    world.sims.sc.generator.run(40);
    const s = await waitForReconciled(world, "sc");
    expect(await totalCount(world, "sc")).toBe(s.source.size);
  }, 90_000);

  it("resumes after an adapter restart mid-way without loss or duplication", async () => {
    await world.generate("cq", 300);
    await sleep(150);
    await world.stopAdapter("cq");
    world.sims.cq.generator.run(60);
    await world.startAdapter("cq");
    const s = await waitForReconciled(world, "cq");
    expect(await totalCount(world, "cq")).toBe(s.source.size);
  }, 90_000);

  it("reconciles exactly while both platforms fail 30% of requests, duplicate and reorder", async () => {
    const faults = { errorRate: 0.3, duplicateRate: 0.3, reorderRate: 0.5 };
    world.sims.cq.faults.update(faults);
    world.sims.sc.faults.update(faults);
    try {
      await world.generate("cq", 100);
      await world.generate("sc", 100);
      world.sims.cq.generator.run(100);
      world.sims.sc.generator.run(100);
      await waitForReconciled(world, "cq");
      await waitForReconciled(world, "sc");
    } finally {
      world.sims.cq.faults.reset();
      world.sims.sc.faults.reset();
    }
  }, 120_000);

  it("carries officer and enterprise changes from both platforms to the gateway's libraries", async () => {
    const before = await world.live.prisma.libraryChange.count({ where: { outcome: "APPLIED" } });
    for (const province of ["cq", "sc"] as const) {
      world.sims[province].generator.run(300); // ~5% officer changes, ~5% enterprise changes
      const s = await waitForLibrariesReconciled(world, province);
      expect([...s.gateway.officers.values()].some((v) => v > 1)).toBe(true);
      expect([...s.gateway.enterprises.values()].some((v) => v > 1)).toBe(true);
    }
    expect(await world.live.prisma.libraryChange.count({ where: { outcome: "APPLIED" } })).toBeGreaterThan(before);
    await expectLibraryVersionsNeverWentBack(world);
  }, 90_000);

  it("gives this year's supervision indicators values from the platforms' activity", async () => {
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const answer = await world.gz<{ supervisionIndicators: Array<{ code: string; value: number | null }> }>(
      `query($from: Date!, $to: Date!) { supervisionIndicators(from: $from, to: $to) { code value } }`,
      { from: `${year}-01-01`, to: `${year}-12-31` },
    );
    expect(answer.errors).toBeUndefined();
    const valued = new Set(answer.data?.supervisionIndicators.filter((i) => i.value !== null).map((i) => i.code));
    for (const code of ["INSPECTIONS_PER_ENTERPRISE", "REPEATED_INSPECTIONS", "JOINT_VISIT_RATE", "CODE_SCAN_RATE"])
      expect(valued).toContain(code);
    for (const code of ["RANDOM_INSPECTION_COVERAGE", "A_GRADE_INSPECTION_RATE", "LENIENT_CASES", "CASE_DURATION"])
      expect(valued).toContain(code);
    expect(valued.size).toBeGreaterThanOrEqual(12);
  }, 30_000);

  it("leaves no version gone backwards and both adapters caught up, nothing quarantined", async () => {
    await waitForReconciled(world, "cq");
    await waitForReconciled(world, "sc");
    await expectVersionsNeverWentBack(world);
    await expectCaughtUp(world);
  }, 30_000);
});

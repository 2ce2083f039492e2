/**
 * The gateway's alert schedule: evaluates the current Beijing month on its interval, raises each alert once even
 * when two replicas run it, and stops (waiting for a run under way) on shutdown.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAlertSchedule } from "../../schema/supervision/alert-schedule.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { loadSupervisionScenario, SCENARIO_ENV } from "./supervision-scenario.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway({ seed: false, env: SCENARIO_ENV });
  await loadSupervisionScenario(t.prisma, new Date());
});
afterAll(() => t.dispose());

const MONTH = "2026-03-01..2026-03-31";
const deadline = async (what: () => Promise<boolean>, ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await what()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
};

describe("the supervision alert schedule", () => {
  it("evaluates the current month on its interval, once across two replicas, and stops", async () => {
    // March 2026 (Beijing): R2 10 days after R1 and T2 5 days after R2 — E1's repeated inspection
    const deps = { prisma: t.prisma, bus: t.services.bus, config: t.services.config, logger: t.services.logger };
    const clock = () => new Date("2026-03-31T12:00:00Z");
    const replicas = [startAlertSchedule({ ...deps, clock }, 20), startAlertSchedule({ ...deps, clock }, 20)];
    const count = () => t.prisma.supervisionWarning.count({ where: { periodKey: MONTH } });
    const raised = await deadline(async () => (await count()) > 0, 20_000);
    // a few more rounds of both replicas
    await new Promise((resolve) => setTimeout(resolve, 300));
    await Promise.all(replicas.map((r) => r.stop()));
    expect(raised).toBe(true);
    const stored = await t.prisma.supervisionWarning.findMany({ where: { periodKey: MONTH } });
    expect(stored.map((w) => [w.kind, w.subject]).filter(([kind]) => kind === "REPEATED_INSPECTION")).toEqual([
      ["REPEATED_INSPECTION", "enterprise:91500000SUPV00001A"],
    ]);
    const after = await count();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await count()).toBe(after);
  });
});

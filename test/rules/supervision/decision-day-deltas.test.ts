/** What a write moves in the decision rollup: after − before, per key (schema/supervision/decision-rollup.ts). */
import { describe, expect, it } from "vitest";
import { DECISION_DAY_COUNTERS, type DecisionDayRow } from "../../../schema/supervision/decision-day-rows.ts";
import { decisionDayDeltas } from "../../../schema/supervision/decision-rollup.ts";

function row(day: string, counts: Partial<DecisionDayRow> = {}): DecisionDayRow {
  const zero = Object.fromEntries(DECISION_DAY_COUNTERS.map((c) => [c, 0])) as Record<string, number>;
  return {
    day,
    jurisdiction: "cq",
    itemCode: "GZ-001",
    department: "应急管理局",
    ...zero,
    decisions: 1,
    measured: 1,
    matched: 1,
    fined: 1,
    fineFen: 500_000n,
    durations: { "7": 1 },
    ...counts,
  } as DecisionDayRow;
}

describe("decisionDayDeltas", () => {
  it("moves nothing when the records contribute the same as before (a re-push)", () => {
    expect(decisionDayDeltas([row("2026-03-01")], [row("2026-03-01")])).toEqual([]);
  });
  it("takes a corrected decision from its old day and adds it to the new one, with its fine and duration", () => {
    const deltas = decisionDayDeltas(
      [row("2026-03-01")],
      [row("2026-03-02", { fineFen: 800_000n, durations: { "8": 1 } })],
    );
    expect(deltas).toEqual([
      expect.objectContaining({
        day: "2026-03-01",
        decisions: -1,
        matched: -1,
        fineFen: -500_000n,
        durations: { "7": -1 },
      }),
      expect.objectContaining({
        day: "2026-03-02",
        decisions: 1,
        matched: 1,
        fineFen: 800_000n,
        durations: { "8": 1 },
      }),
    ]);
  });
  it("keeps the key when only a warning changed: matched −1, a deviation +1", () => {
    const deltas = decisionDayDeltas([row("2026-03-01")], [row("2026-03-01", { matched: 0, fineAboveRange: 1 })]);
    expect(deltas).toEqual([expect.objectContaining({ decisions: 0, matched: -1, fineAboveRange: 1, durations: {} })]);
  });
});

/** counterDeltas (schema/supervision/counter-rollup.ts): after − before per key, in key order, nothing for what did not move. */
import { describe, expect, it } from "vitest";
import { type CounterRollup, counterDeltas } from "../../../schema/supervision/counter-rollup.ts";

const rollup: CounterRollup = {
  table: "T",
  keys: [
    ["day", "date"],
    ["jurisdiction", "text"],
  ],
  counters: ["visits", "onSite"],
};

describe("counterDeltas", () => {
  it("adds what is new, takes away what is gone, in key order", () => {
    const before = [
      { day: "2026-03-02", jurisdiction: "cq", visits: 2, onSite: 1 },
      { day: "2026-03-01", jurisdiction: "sc", visits: 1, onSite: 1 },
    ];
    const after = [
      { day: "2026-03-02", jurisdiction: "cq", visits: 3, onSite: 1 },
      { day: "2026-03-01", jurisdiction: "cq", visits: 1, onSite: 0 },
    ];
    expect(counterDeltas(rollup, before, after)).toEqual([
      { day: "2026-03-01", jurisdiction: "cq", visits: 1, onSite: 0 },
      { day: "2026-03-01", jurisdiction: "sc", visits: -1, onSite: -1 },
      { day: "2026-03-02", jurisdiction: "cq", visits: 1, onSite: 0 },
    ]);
  });

  it("moves nothing when nothing changed (a re-pushed record)", () => {
    const rows = [{ day: "2026-03-02", jurisdiction: "cq", visits: 2, onSite: 1 }];
    expect(
      counterDeltas(
        rollup,
        rows,
        rows.map((r) => ({ ...r })),
      ),
    ).toEqual([]);
  });
});

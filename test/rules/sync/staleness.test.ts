import { describe, expect, it } from "vitest";
import { freshness, inboundLagSeconds, worstState } from "../../../schema/sync/rules/staleness.ts";

const NOW = new Date("2026-06-01T10:00:00+08:00");
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);
const idle = { lagRecords: 0, lagSeconds: 0 };

describe("how fresh an adapter's figures are", () => {
  it("is CAUGHT_UP or LAGGING while it reported within the threshold, STALE past it", () => {
    expect(freshness(ago(60), idle, NOW, 60)).toEqual({ reportAgeSeconds: 60, state: "CAUGHT_UP" });
    expect(freshness(ago(5), { lagRecords: 3, lagSeconds: 0 }, NOW, 60).state).toBe("LAGGING");
    expect(freshness(ago(61), idle, NOW, 60)).toEqual({ reportAgeSeconds: 61, state: "STALE" });
  });

  it("never reads a stale inbound backlog of 0 as caught up: its lag is at least the report's age", () => {
    const stopped = freshness(ago(95), idle, NOW, 60);
    expect(inboundLagSeconds(0, stopped)).toBe(95);
    expect(inboundLagSeconds(300, stopped)).toBe(300);
    expect(inboundLagSeconds(0, freshness(ago(5), idle, NOW, 60))).toBe(0);
  });

  it("rates an adapter by its worse direction", () => {
    expect(worstState(["CAUGHT_UP", "CAUGHT_UP"])).toBe("CAUGHT_UP");
    expect(worstState(["LAGGING", "CAUGHT_UP"])).toBe("LAGGING");
    expect(worstState(["CAUGHT_UP", "STALE", "LAGGING"])).toBe("STALE");
  });
});

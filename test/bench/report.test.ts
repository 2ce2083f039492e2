import { describe, expect, it } from "vitest";
import { summariseProfile } from "../../bench/lib/cpu-profile.ts";
import {
  HISTORY_HEADING,
  keptHistory,
  mergeLatest,
  parseEmbeddedResults,
  renderResultsMarkdown,
  renderTable,
} from "../../bench/lib/report.ts";
import { goalCheck, measuredResult, notBuiltResult, type ResultCommon } from "../../bench/lib/result.ts";

const machine = {
  cpus: 2,
  cpuModel: "Test CPU",
  memoryGb: 24,
  node: "v20.20.2",
  platform: "linux-x64",
  loadAverage: 3.2,
};
const common = (scenario: string, quick = false): ResultCommon => ({
  scenario,
  goal: "≥ 0.6 of baseline req/s",
  quick,
  machine,
  startedAt: new Date(2026, 10, 21),
});
const read = (ratio: number, quick = false) =>
  measuredResult(common("read", quick), {
    ratio,
    checks: [goalCheck("req/s ratio", ratio, ">=", 0.6)],
    summary: `gateway ${ratio * 1000} req/s`,
    raw: {},
    profile:
      ratio < 0.6
        ? {
            target: "gateway",
            seconds: 5,
            file: null,
            topFrames: [{ name: "execute graphql/execution/execute.js:1", selfPercent: 12.5 }],
            byPackage: [{ name: "@whatwg-node/server", selfPercent: 31 }],
            idlePercent: 4,
          }
        : undefined,
  });

describe("RESULTS.md", () => {
  it("says plainly when a goal is missed, and where the profile points", () => {
    const markdown = renderResultsMarkdown({ read: read(0.41) }, ["read"]);
    expect(markdown).toContain(
      "| read | 2026-11-21 | gateway 410 req/s | 0.41 | ≥ 0.6 of baseline req/s | **NO — missed** |",
    );
    expect(markdown).toContain("## Goals missed");
    expect(markdown).toContain("@whatwg-node/server 31.0%");
    expect(markdown).toContain("load average at start: read 3.20");
  });

  it("shows the notes of a scenario that met its goal under Details, those of a missed one under its miss", () => {
    const withNotes = (ratio: number) => ({ ...read(ratio), notes: [`EXPLAIN ANALYZE at ${ratio}`] });
    const met = renderResultsMarkdown({ read: withNotes(0.7) }, ["read"]);
    expect(met).toContain("## Details\n\n### read\n\n- EXPLAIN ANALYZE at 0.7");
    const missed = renderResultsMarkdown({ read: withNotes(0.41) }, ["read"]);
    expect(missed).not.toContain("## Details");
    expect(missed).toContain("- EXPLAIN ANALYZE at 0.41");
  });

  it("shows a part that is not built with its reason, and keeps every scenario's latest result in itself", () => {
    const match = notBuiltResult(common("match"), "no Query.matchDiscretion");
    const markdown = renderResultsMarkdown({ read: read(0.7), match }, ["read", "match"]);
    expect(markdown).toContain("| match | 2026-11-21 | not built: no Query.matchDiscretion | — |");
    const embedded = parseEmbeddedResults(markdown);
    expect(Object.keys(embedded)).toEqual(["read", "match"]);
    expect(embedded.read?.ratio).toBe(0.7);
  });

  it("replaces a scenario's row with a newer run, but never a full run's figures with a quick one", () => {
    const stored = { read: read(0.7) };
    expect(mergeLatest(stored, [read(0.8)]).read?.ratio).toBe(0.8);
    expect(mergeLatest(stored, [read(0.2, true)]).read?.ratio).toBe(0.7);
    expect(mergeLatest({}, [read(0.2, true)]).read?.quick).toBe(true);
  });

  it("keeps the hand-written section on what each change moved through a regeneration", () => {
    const history = `${HISTORY_HEADING}\n\n- stableJson: 6.7 → 4.9 ms a batch`;
    const first = renderResultsMarkdown({ read: read(0.7) }, ["read"], history);
    expect(keptHistory(first)).toBe(history);
    const again = renderResultsMarkdown({ read: read(0.8) }, ["read"], keptHistory(first));
    expect(again).toContain(history);
    expect(parseEmbeddedResults(again).read?.ratio).toBe(0.8);
    expect(keptHistory(renderResultsMarkdown({ read: read(0.7) }, ["read"]))).toBeNull();
  });

  it("reads nothing from a file without embedded data", () => {
    expect(parseEmbeddedResults("# Benchmark results\n")).toEqual({});
  });
});

describe("the terminal table", () => {
  it("has one row per scenario with status, ratio and goal", () => {
    const table = renderTable([read(0.65), notBuiltResult(common("match"), "no Query.matchDiscretion")]);
    const lines = table.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^read\s+met\s+0\.65\s+/);
    expect(lines[3]).toMatch(/^match\s+not built\s+—\s+.*not built: no Query\.matchDiscretion/);
  });
});

describe("CPU profile summary", () => {
  it("gives self time per frame and per package, leaving idle time out", () => {
    const frame = (id: number, functionName: string, url: string) => ({
      id,
      callFrame: { functionName, url, lineNumber: 9 },
    });
    const summary = summariseProfile({
      nodes: [
        frame(1, "(idle)", ""),
        frame(2, "execute", "file:///w/node_modules/graphql/execution/execute.js"),
        frame(3, "handle", "file:///w/node_modules/@whatwg-node/server/cjs/index.js"),
        frame(4, "(garbage collector)", ""),
      ],
      samples: [1, 1, 1, 1, 2, 2, 3, 4],
    });
    expect(summary.byPackage).toEqual([
      { name: "graphql", selfPercent: 50 },
      { name: "@whatwg-node/server", selfPercent: 25 },
      { name: "GC", selfPercent: 25 },
    ]);
    expect(summary.idlePercent).toBe(50);
    expect(summary.topFrames[0]).toEqual({ name: "execute graphql/execution/execute.js:10", selfPercent: 50 });
  });
});

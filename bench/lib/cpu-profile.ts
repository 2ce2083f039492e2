/**
 * Summarises a V8 CPU profile (`--cpu-prof`, or the inspector's Profiler.stop) into self time per frame and
 * per package: enough to say in RESULTS.md where a missed goal's time goes. Pure.
 */
import type { CpuHotspot } from "./result.ts";

export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
  }>;
  samples?: number[];
}

/** our own code, precompiled into one file per process (gateway/, schema/, … together) */
export const BUNDLED_CODE = "ours (bundled)";

/** "graphql", "@whatwg-node/server", "node:internal", "gateway", "GC", … */
export function packageOf(functionName: string, url: string): string {
  if (functionName === "(garbage collector)") return "GC";
  if (functionName === "(program)") return "(program)";
  if (!url) return "(native)";
  if (url.startsWith("node:")) return url.startsWith("node:internal") ? "node:internal" : url;
  // PGlite (Postgres) and the Prisma 7 query compiler are both WebAssembly: keep the modules apart
  if (url.startsWith("wasm://")) return `wasm:${url.split("/").pop()}`;
  const marker = "/node_modules/";
  const at = url.lastIndexOf(marker);
  if (at >= 0) {
    const [first, second] = url.slice(at + marker.length).split("/");
    return first?.startsWith("@") ? `${first}/${second}` : (first ?? url);
  }
  const path = url.replace(/^file:\/\//, "");
  // a precompiled process under test (bench/lib/bundles.ts): gateway/, schema/ … in one file
  if (path.includes("/dist/")) return BUNDLED_CODE;
  const repo = /\/(gateway|schema|bench|prisma|adapters|scripts)\//.exec(path);
  return repo?.[1] ?? path.split("/").slice(-2).join("/");
}

function frameName(functionName: string, url: string, lineNumber: number): string {
  const file = url.includes("/node_modules/")
    ? url.slice(url.lastIndexOf("/node_modules/") + "/node_modules/".length)
    : url.replace(/^file:\/\/.*?\/(gateway|schema|bench|prisma)\//, "$1/").replace(/^file:\/\//, "");
  return file ? `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}` : functionName || "(anonymous)";
}

const top = (totals: Map<string, number>, all: number, n: number): CpuHotspot[] =>
  [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, count]) => ({ name, selfPercent: (100 * count) / all }));

export interface ProfileHotspots {
  topFrames: CpuHotspot[];
  byPackage: CpuHotspot[];
  /** share of all samples the process was idle (waiting on I/O, or on its turn for a core) */
  idlePercent: number;
}

/** Self time of the busiest frames and packages, in percent of the non-idle samples. */
export function summariseProfile(profile: CpuProfile, n = 8): ProfileHotspots {
  const hits = new Map<number, number>();
  if (profile.samples && profile.samples.length > 0) {
    for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  } else {
    for (const node of profile.nodes) hits.set(node.id, node.hitCount ?? 0);
  }
  const frames = new Map<string, number>();
  const packages = new Map<string, number>();
  let all = 0;
  let idle = 0;
  for (const node of profile.nodes) {
    const count = hits.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") idle += count;
    if (count === 0 || functionName === "(idle)") continue;
    all += count;
    const frame = frameName(functionName, url, lineNumber);
    frames.set(frame, (frames.get(frame) ?? 0) + count);
    const pkg = packageOf(functionName, url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + count);
  }
  const idlePercent = all + idle > 0 ? (100 * idle) / (all + idle) : 0;
  if (all === 0) return { topFrames: [], byPackage: [], idlePercent };
  return { topFrames: top(frames, all, n), byPackage: top(packages, all, n), idlePercent };
}

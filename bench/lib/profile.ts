/**
 * Where a missed goal's time goes: a V8 CPU profile of the server child (the inspector's profiler, the same
 * data as `node --cpu-prof`) while it serves the scenario's load, summarised for RESULTS.md.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ServerChild } from "./child.ts";
import { type CpuProfile, summariseProfile } from "./cpu-profile.ts";
import { drain, type LoadTarget, runLoad } from "./load.ts";
import { PROFILES_DIR, REPO_ROOT } from "./paths.ts";
import { progress } from "./progress.ts";
import type { ProfileSummary } from "./result.ts";

export async function profileUnderLoad(
  child: ServerChild,
  target: LoadTarget,
  seconds: number,
): Promise<ProfileSummary> {
  mkdirSync(PROFILES_DIR, { recursive: true });
  const file = path.join(PROFILES_DIR, `${target.name}-${new Date().toISOString().replaceAll(":", "-")}.cpuprofile`);
  progress(`${target.name}: profiling ${seconds} s under the same load`);
  await child.startProfile();
  try {
    await runLoad(target, { warmupSeconds: 0, seconds, phase: "profile" });
  } finally {
    await child.stopProfile(file);
    await drain(target);
  }
  const summary = summariseProfile(JSON.parse(readFileSync(file, "utf8")) as CpuProfile);
  return { target: target.name, seconds, file: path.relative(REPO_ROOT, file), ...summary };
}

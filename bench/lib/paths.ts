import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_ROOT = resolve(BENCH_DIR, "..");
/** git-ignored: one JSON per scenario and day, and CPU profiles */
export const RESULTS_DIR = join(BENCH_DIR, "results");
export const PROFILES_DIR = join(RESULTS_DIR, "profiles");
/** committed: the latest figures per scenario */
export const RESULTS_MARKDOWN = join(BENCH_DIR, "RESULTS.md");

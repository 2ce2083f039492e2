/**
 * Where the console's build lives (console/dist, made by `npm run build` or by `npm start` when missing or
 * stale) and whether it is older than its sources.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { repositoryFile } from "../util/repository-root.ts";

export const CONSOLE_DIR = repositoryFile("console");
export const CONSOLE_DIST_DIR = path.join(CONSOLE_DIR, "dist");
const BUILT_MARK = path.join(CONSOLE_DIST_DIR, "index.html");

/** newest modification time under `dir` (ms), 0 when it does not exist */
function newestIn(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** the build is missing, or a source (console/src, index.html, vite config, the error catalogue) is newer */
export function consoleBuildIsStale(): boolean {
  if (!existsSync(BUILT_MARK)) return true;
  const built = statSync(BUILT_MARK).mtimeMs;
  const sources = [
    newestIn(path.join(CONSOLE_DIR, "src")),
    ...["index.html", "vite.config.ts"].map((f) => statSync(path.join(CONSOLE_DIR, f)).mtimeMs),
    // the console shows the gateway's Chinese error terms from it (console/src/error-text.ts)
    statSync(path.join(CONSOLE_DIR, "..", "gateway", "error-catalogue.ts")).mtimeMs,
  ];
  return sources.some((mtime) => mtime > built);
}

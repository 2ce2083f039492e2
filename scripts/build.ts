/**
 * `npm run build` — the deployable entry points precompiled to plain JavaScript in dist/ (git-ignored), so that
 * production runs `node dist/scripts/serve.js` without a TypeScript loader in the process: tsx keeps its loader,
 * the transformed sources and their source maps resident — ~100 MB of the gateway's RSS under the read bench
 * (bench/RESULTS.md, memory). esbuild (the transpiler tsx itself uses) bundles our code into one file per
 * entry; packages stay external and load from node_modules as usual. Type checking stays `npm run typecheck`.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { cliLogger } from "./cli-output.ts";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DIST_DIR = path.join(REPO_ROOT, "dist");

/** what production runs (docker-compose.yml) */
export const DEPLOYED_ENTRIES = [
  "scripts/serve.ts",
  "scripts/migrate.ts",
  "adapters/chongqing/main.ts",
  "adapters/sichuan/main.ts",
] as const;

/**
 * Bundles `entries` (paths relative to the repository) to `<outdir>/<same path>.js`; returns the output paths.
 * Node 20 runs them as ES modules (package.json "type": "module"). `outdir` must lie inside the
 * repository: the bundles import their packages from its node_modules.
 */
export async function buildEntries(entries: readonly string[], outdir = DIST_DIR): Promise<string[]> {
  await build({
    entryPoints: entries.map((entry) => path.join(REPO_ROOT, entry)),
    outbase: REPO_ROOT,
    outdir,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    packages: "external",
    // No keepNames: without minifying, esbuild keeps our names (V8 names const arrow functions itself), and
    // keepNames wraps every closure in a `__name` call that redefines its `name` — per request, for the closures
    // a handler makes: ~2.5% of the read lane's CPU (bench/README.md, "read-peers"). Errors set their own `name`.
    sourcemap: "linked",
    logLevel: "warning",
  });
  return entries.map((entry) => distPathOf(entry, outdir));
}

export function distPathOf(entry: string, outdir = DIST_DIR): string {
  return path.join(outdir, entry.replace(/\.ts$/, ".js"));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const outputs = await buildEntries(DEPLOYED_ENTRIES);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  cliLogger("build").info(`${outputs.map((o) => path.relative(REPO_ROOT, o)).join(", ")} in ${seconds} s`);
}

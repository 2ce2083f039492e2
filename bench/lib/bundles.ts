/**
 * Every process under test runs precompiled, as deployed (`npm run build`, docker-compose.yml): the servers of
 * read, read-peers and match (the gateway and its baselines and peers alike) and the adapters of ingest and
 * propagate. They are built once per bench run, into dist/ (git-ignored). The simulators stand in for the
 * provincial platforms, which are not under test, and run through tsx as `npm start` runs them.
 */
import { performance } from "node:perf_hooks";
import { buildEntries, distPathOf } from "../../scripts/build.ts";
import { progress } from "./progress.ts";

export const BUNDLED_ENTRIES: readonly string[] = [
  "bench/servers/gateway.ts",
  "bench/servers/yoga-bare.ts",
  "bench/servers/apollo.ts",
  "bench/servers/mercurius.ts",
  // the provinces' platforms of the federation scenario (their subgraphs answer the gateway's joins)
  "bench/servers/provinces.ts",
  "adapters/chongqing/main.ts",
  "adapters/sichuan/main.ts",
];

let built: Promise<void> | undefined;

/** The precompiled file of `entry` (a path relative to the repository, one of BUNDLED_ENTRIES). */
export async function bundledEntry(entry: string): Promise<string> {
  if (!BUNDLED_ENTRIES.includes(entry)) throw new Error(`${entry} is not built for the bench`);
  built ??= (async () => {
    const started = performance.now();
    await buildEntries(BUNDLED_ENTRIES);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    progress(`precompiled ${BUNDLED_ENTRIES.length} processes under test into dist/ (${seconds} s)`);
  })();
  await built;
  return distPathOf(entry);
}

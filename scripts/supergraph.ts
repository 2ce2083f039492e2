/**
 * `npm run supergraph` — composes the federation's subgraphs (schema/federation/subgraphs.ts: the
 * gateway's `shared`, `chongqing`, `sichuan`) into the committed supergraph.graphql; exit 1 with the
 * composition's errors when they do not compose. `npm run supergraph -- --check`: exit 1 when the
 * committed file is not what composition gives (run `npm run supergraph` and commit). docs/federation.md.
 */
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { composeSupergraph, supergraphFileText } from "../schema/federation/compose.ts";
import { federationSubgraphs } from "../schema/federation/subgraphs.ts";
import { cliLogger, printProblem } from "./cli-output.ts";

const SUPERGRAPH_FILE = new URL("../supergraph.graphql", import.meta.url);
const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });
const log = cliLogger("supergraph");

const composition = composeSupergraph(federationSubgraphs());
if (!composition.ok) {
  printProblem("子图组合失败 — the subgraphs do not compose into a supergraph:");
  for (const problem of composition.problems) printProblem(`  ${problem}`);
  process.exit(1);
}
const text = supergraphFileText(composition.supergraphSdl);

if (values.check) {
  const committed = await readFile(SUPERGRAPH_FILE, "utf8").catch(() => null);
  if (committed !== text) {
    printProblem(
      "supergraph.graphql 已过期 — supergraph.graphql is stale (or missing): run `npm run supergraph` and commit it",
    );
    process.exit(1);
  }
  log.info("supergraph.graphql is up to date");
} else {
  await writeFile(SUPERGRAPH_FILE, text);
  log.info("supergraph.graphql written");
}

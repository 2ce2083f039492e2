/** Writes `bench/results/<date>-<scenario>.json` and regenerates `bench/RESULTS.md`. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { RESULTS_DIR, RESULTS_MARKDOWN } from "./paths.ts";
import { keptHistory, mergeLatest, parseEmbeddedResults, renderResultsMarkdown } from "./report.ts";
import type { ScenarioResult } from "./result.ts";

export function writeResultJson(result: ScenarioResult): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${result.date}-${result.scenario}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

export function updateResultsMarkdown(results: readonly ScenarioResult[], order: readonly string[]): void {
  const existing = existsSync(RESULTS_MARKDOWN) ? readFileSync(RESULTS_MARKDOWN, "utf8") : "";
  const merged = mergeLatest(parseEmbeddedResults(existing), results);
  writeFileSync(RESULTS_MARKDOWN, renderResultsMarkdown(merged, order, keptHistory(existing)));
}

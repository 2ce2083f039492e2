/**
 * The table printed at the end of a run and `bench/RESULTS.md`. Pure: results in, text out.
 * RESULTS.md carries its own data in a trailing comment, so that running one scenario updates its row and
 * keeps the others' latest figures (bench/results/ is git-ignored and empty on a fresh clone).
 */
import type { GoalCheck, MachineNote, ScenarioResult } from "./result.ts";

const DATA_START = "<!-- bench-data (read by bench/run.ts to keep the other scenarios' rows; do not edit)";
const DATA_END = "-->";

/** Two decimals; two significant digits below 0.1, so that a small ratio never reads 0.00 */
export const formatRatio = (ratio: number | null) =>
  ratio === null ? "—" : ratio !== 0 && Math.abs(ratio) < 0.095 ? ratio.toPrecision(2) : ratio.toFixed(2);
export const formatNumber = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The figures cell: the summary, or why there is none (and what could be measured anyway). */
export function figuresText(result: ScenarioResult): string {
  if (result.status !== "not built" && result.status !== "error") return result.summary;
  const extra = result.summary !== "not built" && result.summary !== "error" ? ` (${result.summary})` : "";
  return `${result.status}: ${result.reason ?? ""}${extra}`;
}

export function verdict(result: ScenarioResult): string {
  if (result.status === "met") return "yes";
  if (result.status === "missed") return "**NO — missed**";
  return result.status;
}

function checkText(check: GoalCheck): string {
  const value = check.value === null ? "not measured" : formatNumber(check.value, 2);
  return `${check.name} = ${value} (goal ${check.op} ${check.limit}) ${check.met ? "✓" : "✗"}`;
}

/** Fixed-width columns for the terminal. */
export function renderTable(results: readonly ScenarioResult[]): string {
  const rows = [
    ["scenario", "status", "ratio", "goal", "figures"],
    ...results.map((r) => [
      r.scenario + (r.quick ? " (quick)" : ""),
      r.status,
      formatRatio(r.ratio),
      r.goal,
      figuresText(r),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

/**
 * The latest result per scenario: an incoming result replaces the stored one, except that a quick run
 * (a smoke test of the harness) never replaces a full run's figures.
 */
export function mergeLatest(
  stored: Readonly<Record<string, ScenarioResult>>,
  incoming: readonly ScenarioResult[],
): Record<string, ScenarioResult> {
  const merged: Record<string, ScenarioResult> = { ...stored };
  for (const result of incoming) {
    const previous = merged[result.scenario];
    if (previous && result.quick && !previous.quick) continue;
    merged[result.scenario] = result;
  }
  return merged;
}

/** The results embedded in an existing RESULTS.md ({} when there are none or they cannot be read). */
export function parseEmbeddedResults(markdown: string): Record<string, ScenarioResult> {
  const start = markdown.indexOf(DATA_START);
  if (start < 0) return {};
  const end = markdown.indexOf(DATA_END, start + DATA_START.length);
  if (end < 0) return {};
  try {
    const parsed = JSON.parse(markdown.slice(start + DATA_START.length, end)) as unknown;
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, ScenarioResult>) : {};
  } catch {
    return {};
  }
}

function machineLine(m: MachineNote, results: readonly ScenarioResult[]): string {
  const loads = results.map((r) => `${r.scenario} ${r.machine.loadAverage.toFixed(2)}`).join(", ");
  const busy = results.some((r) => r.machine.loadAverage > 0.5)
    ? " (above ~0.5 someone else was using the cores: read those figures with care)"
    : "";
  return `${m.cpus} × ${m.cpuModel}, ${formatNumber(m.memoryGb)} GB, Node ${m.node} (${m.platform}); 1-minute load average at start: ${loads}${busy}`;
}

function missedSection(result: ScenarioResult): string[] {
  const lines = [`### ${result.scenario} — goal missed`, ""];
  for (const check of result.checks.filter((c) => !c.met)) lines.push(`- ${checkText(check)}`);
  const profile = result.profile;
  if (profile) {
    lines.push(
      "",
      `Where the time goes — ${profile.target}, ${profile.seconds} s under the same load (V8 CPU profile${profile.file ? `: \`${profile.file}\`` : ""}), self time:`,
      "",
      `- idle ${profile.idlePercent.toFixed(0)}% of the samples; of the busy time, by package: ${profile.byPackage.map((h) => `${h.name} ${h.selfPercent.toFixed(1)}%`).join(", ")}`,
      `- top frames: ${profile.topFrames.map((h) => `\`${h.name}\` ${h.selfPercent.toFixed(1)}%`).join(", ")}`,
    );
  } else if (!result.notes?.length) {
    lines.push("", "No profile was taken for this run.");
  }
  if (result.notes?.length) lines.push("", ...result.notes.map((note) => `- ${note}`));
  return [...lines, ""];
}

/**
 * The one hand-written section of RESULTS.md: what each change moved, with before/after figures and the load of each
 * run. A regeneration keeps it as it is (`keptHistory`), just before the embedded data.
 */
export const HISTORY_HEADING = "## Which change moved what";

/** The hand-written section of an existing RESULTS.md, from its heading to the embedded data; null when absent. */
export function keptHistory(markdown: string): string | null {
  const start = markdown.indexOf(`\n${HISTORY_HEADING}\n`);
  if (start < 0) return null;
  const end = markdown.indexOf(DATA_START, start);
  return markdown.slice(start + 1, end < 0 ? undefined : end).trimEnd();
}

export function renderResultsMarkdown(
  results: Readonly<Record<string, ScenarioResult>>,
  order: readonly string[],
  history: string | null = null,
): string {
  const known = order.filter((name) => results[name]);
  const extra = Object.keys(results).filter((name) => !order.includes(name));
  const list = [...known, ...extra].map((name) => results[name]!);
  const lines = [
    "# Benchmark results",
    "",
    "Written by `npm run bench` (bench/run.ts): the latest figures of each scenario. Every figure is compared with a",
    "baseline measured in the same run on the same machine, and the ratio is what counts — these machines are",
    "shared, so absolute figures drift between runs (docs/performance-notes.md). Rows marked *quick*",
    "come from `--quick` smoke runs of the harness, not figures to compare.",
    "",
    "| scenario | date | figures | ratio | goal | met |",
    "|---|---|---|---|---|---|",
    ...list.map((r) => {
      const figures = figuresText(r);
      const date = r.date + (r.quick ? " *quick*" : "");
      return `| ${r.scenario} | ${date} | ${escapeCell(figures)} | ${formatRatio(r.ratio)} | ${escapeCell(r.goal)} | ${verdict(r)} |`;
    }),
    "",
    "## Machines",
    "",
    ...uniqueMachines(list).map(([machine, group]) => `- ${machineLine(machine, group)}`),
    "",
  ];
  const missed = list.filter((r) => r.status === "missed");
  if (missed.length > 0) lines.push("## Goals missed", "", ...missed.flatMap(missedSection));
  const detailed = list.filter((r) => r.status !== "missed" && r.notes?.length);
  if (detailed.length > 0) {
    lines.push("## Details", "");
    for (const r of detailed) lines.push(`### ${r.scenario}`, "", ...r.notes!.map((note) => `- ${note}`), "");
  }
  const checked = list.filter((r) => r.checks.length > 0);
  if (checked.length > 0) {
    lines.push("## Checks", "");
    for (const r of checked) lines.push(`- ${r.scenario}: ${r.checks.map(checkText).join("; ")}`);
    lines.push("");
  }
  if (history) lines.push(history, "");
  lines.push(DATA_START, JSON.stringify(results, null, 1), DATA_END, "");
  return lines.join("\n");
}

const escapeCell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** Results grouped by the hardware and Node version they ran on. */
function uniqueMachines(results: readonly ScenarioResult[]): Array<[MachineNote, ScenarioResult[]]> {
  const groups = new Map<string, [MachineNote, ScenarioResult[]]>();
  for (const r of results) {
    const key = `${r.machine.cpus}|${r.machine.cpuModel}|${r.machine.memoryGb}|${r.machine.node}`;
    const group = groups.get(key) ?? [r.machine, []];
    group[1].push(r);
    groups.set(key, group);
  }
  return [...groups.values()];
}

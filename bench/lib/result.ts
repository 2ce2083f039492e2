/**
 * The result of one scenario, as written to `bench/results/<date>-<scenario>.json`. Outside checks rely on
 * `scenario`, `ratio` (measured ÷ baseline, null where the scenario has no baseline or did not run), `goal`
 * and `met`; everything else is raw figures for people. Pure: no I/O here.
 */

export type ScenarioStatus =
  /** ran, and every check of its goal holds */
  | "met"
  /** ran, and at least one check of its goal fails */
  | "missed"
  /** a part it measures is not built yet: nothing was measured, nothing faked */
  | "not built"
  /** the part is built but the scenario could not run (a bad response, a crash): see `error` */
  | "error";

/** One comparison of the goal, e.g. `ratio ≥ 0.6`. A null value (not measured) never holds. */
export interface GoalCheck {
  name: string;
  value: number | null;
  op: ">=" | "<=" | "<" | ">";
  limit: number;
  met: boolean;
}

export interface MachineNote {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
  /** 1-minute load average when the scenario started: > 0.5 means someone else was using the cores */
  loadAverage: number;
}

export interface CpuHotspot {
  /** function (url:line), or a package / category name in `byPackage` */
  name: string;
  selfPercent: number;
}

export interface ProfileSummary {
  /** which process was profiled, and for how long */
  target: string;
  seconds: number;
  file: string | null;
  topFrames: CpuHotspot[];
  byPackage: CpuHotspot[];
  /** share of samples the process was idle: high under load means it waits (I/O, locks), not computes */
  idlePercent: number;
}

export interface ScenarioResult {
  scenario: string;
  /** YYYY-MM-DD, local date of the run */
  date: string;
  startedAt: string;
  status: ScenarioStatus;
  /** the goal as the issue states it */
  goal: string;
  /** measured ÷ baseline; null without a baseline or when nothing was measured */
  ratio: number | null;
  met: boolean;
  checks: GoalCheck[];
  /** one line for the table, e.g. "gateway 2,104 req/s vs yoga 3,420 req/s" */
  summary: string;
  /** short runs (`--quick`): a smoke test of the harness, not figures to compare */
  quick: boolean;
  /** why the scenario is "not built", or what went wrong ("error") */
  reason?: string;
  raw: Record<string, unknown>;
  machine: MachineNote;
  profile?: ProfileSummary;
  /** findings in words, shown in RESULTS.md (e.g. where the memory sits) */
  notes?: string[];
}

export function goalCheck(
  name: string,
  value: number | null | undefined,
  op: GoalCheck["op"],
  limit: number,
): GoalCheck {
  const v = value === undefined || value === null || !Number.isFinite(value) ? null : value;
  const met =
    v !== null && (op === ">=" ? v >= limit : op === "<=" ? v <= limit : op === ">" ? v > limit : /* "<" */ v < limit);
  return { name, value: v, op, limit, met };
}

/** measured ÷ baseline, or null when either is missing or the baseline is not positive */
export function ratioOf(measured: number | null | undefined, baseline: number | null | undefined): number | null {
  if (measured === null || measured === undefined || baseline === null || baseline === undefined) return null;
  if (!Number.isFinite(measured) || !Number.isFinite(baseline) || baseline <= 0) return null;
  return measured / baseline;
}

/** Median of the values (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface ResultCommon {
  scenario: string;
  goal: string;
  quick: boolean;
  machine: MachineNote;
  startedAt: Date;
}

const localDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

function base(common: ResultCommon) {
  return {
    scenario: common.scenario,
    date: localDate(common.startedAt),
    startedAt: common.startedAt.toISOString(),
    goal: common.goal,
    quick: common.quick,
    machine: common.machine,
  };
}

/** A scenario that ran: met only when there is at least one check and every check holds. */
export function measuredResult(
  common: ResultCommon,
  figures: {
    ratio: number | null;
    checks: GoalCheck[];
    summary: string;
    raw: Record<string, unknown>;
    profile?: ProfileSummary;
    notes?: string[];
  },
): ScenarioResult {
  const met = figures.checks.length > 0 && figures.checks.every((c) => c.met);
  return {
    ...base(common),
    status: met ? "met" : "missed",
    ratio: figures.ratio,
    met,
    checks: figures.checks,
    summary: figures.summary,
    raw: figures.raw,
    ...(figures.profile ? { profile: figures.profile } : {}),
    ...(figures.notes?.length ? { notes: figures.notes } : {}),
  };
}

/** `summary`: figures that could be measured anyway (e.g. the baseline), shown beside the reason */
export function notBuiltResult(
  common: ResultCommon,
  reason: string,
  raw: Record<string, unknown> = {},
  summary = "not built",
): ScenarioResult {
  return { ...base(common), status: "not built", ratio: null, met: false, checks: [], summary, reason, raw };
}

export function errorResult(common: ResultCommon, error: unknown, raw: Record<string, unknown> = {}): ScenarioResult {
  const reason = error instanceof Error ? error.message : String(error);
  return { ...base(common), status: "error", ratio: null, met: false, checks: [], summary: "error", reason, raw };
}

/**
 * Interleaved rounds (docs/performance-notes.md): in each round every server gets a warm-up then a measured window,
 * one after another, the order rotating between rounds, so that a machine getting busier or quieter during the
 * run shifts every server alike. Figures are the median over rounds.
 *
 * Before the first round every contender's load runs once unmeasured (`settleSeconds`, the warm-up's length by
 * default): the processes are fresh, the gateway's database just seeded. Without it the first contender of round
 * one paid the cold start for all the others sharing its process (in a standalone match run, ~4,000 req/s at 178 µs
 * a request in its first window against ~6,600 at 136 µs in its second).
 */
import type { LoadTiming } from "./args.ts";
import type { ServerChild } from "./child.ts";
import { drain, failureShare, type LoadFigures, type LoadTarget, runLoad } from "./load.ts";
import { postgresCpuClock, processCpuSeconds } from "./machine.ts";
import { progress } from "./progress.ts";
import { formatNumber } from "./report.ts";
import { median } from "./result.ts";

export interface Contender {
  target: LoadTarget;
  child: ServerChild;
}

export interface ContenderFigures {
  name: string;
  /** medians over rounds */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** the server's RSS after its last measured window */
  rssMb: number;
  /** the worst round's share of requests without the expected answer */
  failureShare: number;
  /**
   * CPU a request (µs, median over rounds) of the server's process, and of every Postgres process of the machine
   * (the gateway's audit and reads; ~0 for a server that uses no database): unlike req/s, what a request costs
   * does not depend on what else the two shared cores are doing. null: not measurable here (not Linux)
   */
  cpuMicrosPerRequest: number | null;
  postgresCpuMicrosPerRequest: number | null;
  rounds: LoadFigures[];
}

/** Beyond this share of failed or wrong answers a server's figures mean nothing. */
export const MAX_FAILURE_SHARE = 0.01;

export interface RoundOptions {
  /** @default 64 */
  connections?: number;
  /** unmeasured load of each contender before the first round; @default timing.warmupSeconds */
  settleSeconds?: number;
  /** work of the scenario's own after each round (e.g. a measurement that must not overlap the load) */
  afterRound?: (round: number) => Promise<void>;
}

export async function interleavedRounds(
  contenders: readonly Contender[],
  timing: LoadTiming,
  options: RoundOptions = {},
): Promise<Record<string, ContenderFigures>> {
  const rounds = new Map<string, LoadFigures[]>(contenders.map((c) => [c.target.name, []]));
  const rss = new Map<string, number>();
  await settle(contenders, options.settleSeconds ?? timing.warmupSeconds, options.connections);
  for (let round = 0; round < timing.rounds; round++) {
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!);
    for (const { target, child } of order) {
      const label = `round ${round + 1}/${timing.rounds}`;
      progress(`${target.name}: ${label} warm-up ${timing.warmupSeconds} s, then ${timing.durationSeconds} s measured`);
      const figures = await runLoad(target, {
        warmupSeconds: timing.warmupSeconds,
        seconds: timing.durationSeconds,
        phase: label,
        connections: options.connections,
        cpuClocks: { server: () => processCpuSeconds(child.pid), postgres: postgresCpuClock() },
      });
      rounds.get(target.name)!.push(figures);
      rss.set(target.name, (await child.memory()).rss / 1e6);
      await drain(target);
      progress(
        `${target.name}: ${label} ${Math.round(figures.requestsPerSecond)} req/s, p99 ${figures.latencyMs.p99.toFixed(1)} ms` +
          (failureShare(figures) > 0 ? `, ${(failureShare(figures) * 100).toFixed(2)}% failed or wrong` : ""),
      );
    }
    await options.afterRound?.(round);
  }
  const result: Record<string, ContenderFigures> = {};
  for (const { target } of contenders) {
    const list = rounds.get(target.name)!;
    result[target.name] = {
      name: target.name,
      requestsPerSecond: median(list.map((f) => f.requestsPerSecond)) ?? 0,
      p50Ms: median(list.map((f) => f.latencyMs.p50)) ?? 0,
      p99Ms: median(list.map((f) => f.latencyMs.p99)) ?? 0,
      rssMb: rss.get(target.name) ?? 0,
      failureShare: Math.max(...list.map(failureShare)),
      ...cpuPerRequest(list),
      rounds: list,
    };
  }
  return result;
}

/** Each contender's load, unmeasured, one after another: every process warm before anything is measured. */
async function settle(contenders: readonly Contender[], seconds: number, connections: number | undefined) {
  if (seconds <= 0) return;
  for (const { target } of contenders) {
    progress(`${target.name}: settling ${seconds} s before the first round (not measured)`);
    await runLoad(target, { warmupSeconds: 0, seconds, phase: "settle", connections });
    await drain(target);
  }
}

/** the server's and Postgres's µs of CPU a request over these measured windows (median over them) */
export function cpuPerRequest(
  rounds: readonly LoadFigures[],
): Pick<ContenderFigures, "cpuMicrosPerRequest" | "postgresCpuMicrosPerRequest"> {
  return {
    cpuMicrosPerRequest: cpuMicrosPerRequest(rounds, "server"),
    postgresCpuMicrosPerRequest: cpuMicrosPerRequest(rounds, "postgres"),
  };
}

/** µs of CPU a request over the measured windows (median over rounds); null when a round could not say */
function cpuMicrosPerRequest(rounds: readonly LoadFigures[], clock: "server" | "postgres"): number | null {
  const each = rounds.map((round) => {
    const seconds = round.cpuSeconds[clock];
    return seconds === null || seconds === undefined || round.requests === 0 ? null : (seconds / round.requests) * 1e6;
  });
  return each.includes(null) ? null : (median(each as number[]) ?? null);
}

/**
 * ", CPU 108 µs a request + Postgres 27 µs" (Postgres named when it worked for the server: ≥ 1 µs a request); empty
 * where CPU could not be read
 */
export function cpuText(figures: Pick<ContenderFigures, "cpuMicrosPerRequest" | "postgresCpuMicrosPerRequest">) {
  if (figures.cpuMicrosPerRequest === null) return "";
  const postgres = figures.postgresCpuMicrosPerRequest;
  return (
    `, CPU ${formatNumber(figures.cpuMicrosPerRequest)} µs a request` +
    (postgres !== null && postgres >= 1 ? ` + Postgres ${formatNumber(postgres)} µs` : "")
  );
}

/** Throws when a server answered too many requests wrongly: its throughput would be meaningless. */
export function assertAnswered(figures: ContenderFigures): void {
  if (figures.rounds.some((round) => round.requests + round.errors + round.non2xx === 0)) {
    throw new Error(
      `${figures.name}: no request completed within a measured window (a server this slow needs longer windows)`,
    );
  }
  if (figures.failureShare > MAX_FAILURE_SHARE) {
    throw new Error(
      `${figures.name}: ${(figures.failureShare * 100).toFixed(1)}% of requests failed or got a wrong answer ` +
        `(limit ${MAX_FAILURE_SHARE * 100}%)`,
    );
  }
}

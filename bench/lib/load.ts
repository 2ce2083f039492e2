/**
 * Bounded HTTP load with autocannon (as a library): bounded by time AND by request count, with a hard stop
 * should a server hang, and progress lines while it runs. Every response is compared with the expected body:
 * a wrong answer counts as a mismatch, not as throughput.
 *
 * Warm-up and measurement are ONE continuous load, and only responses completed after the warm-up count: two
 * separate runs would leave the warm-up's abandoned in-flight requests as a backlog inside the measured window
 * (seconds of it on a slow server). After the load, `drain` waits until the server has finished what was
 * abandoned at the end, so that it does not steal CPU from the next server's window.
 */
import autocannon from "autocannon";
import { progress } from "./progress.ts";
import { formatNumber } from "./report.ts";

export interface LoadTarget {
  /** shown in progress lines, e.g. "gateway" */
  name: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** the exact response body every request must get */
  expectBody?: string;
}

export interface LoadFigures {
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; mean: number; max: number };
  /** 2xx responses with the expected body, completed in the measured window */
  requests: number;
  seconds: number;
  /** CPU seconds each of `bounds.cpuClocks` counted over the measured window (null: that clock could not say) */
  cpuSeconds: Record<string, number | null>;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
}

export interface LoadBounds {
  /** not measured: the server warms up (JIT, caches, connection pools) */
  warmupSeconds: number;
  seconds: number;
  /** @default 64 */
  connections?: number;
  /** @default 100,000 per second — above anything measured here, so time is the bound that acts */
  maxRequests?: number;
  /** a steady arrival rate instead of "as fast as possible" */
  overallRate?: number;
  /** shown in progress lines, e.g. "round 1/2" */
  phase: string;
  /** clocks of CPU seconds used so far (a process, Postgres…), read at the measured window's start and end */
  cpuClocks?: Readonly<Record<string, () => number | null>>;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function runLoad(target: LoadTarget, bounds: LoadBounds): Promise<LoadFigures> {
  const connections = bounds.connections ?? 64;
  const total = bounds.warmupSeconds + bounds.seconds;
  const maxRequests = Math.max(connections, bounds.maxRequests ?? Math.round(total * 100_000));
  let measuring = false;
  let measuredFrom = 0;
  const readClocks = () =>
    Object.fromEntries(Object.entries(bounds.cpuClocks ?? {}).map(([name, clock]) => [name, clock()]));
  let cpuFrom: Record<string, number | null> = {};
  const latencies: number[] = [];
  const counts = { ok: 0, errors: 0, timeouts: 0, non2xx: 0, mismatches: 0 };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: "POST",
        headers: target.headers,
        body: target.body,
        connections,
        duration: total,
        maxOverallRequests: maxRequests,
        overallRate: bounds.overallRate,
        timeout: 30,
        expectBody: target.expectBody,
      },
      (error) => {
        clearTimeout(hardStop);
        clearTimeout(startMeasuring);
        if (error) return reject(error);
        const seconds = measuring ? (performance.now() - measuredFrom) / 1000 : 0;
        const cpuTo = measuring ? readClocks() : {};
        latencies.sort((a, b) => a - b);
        // autocannon reports every response not equal to expectBody as a mismatch, non-2xx ones included
        const wrong2xx = Math.max(0, counts.mismatches - counts.non2xx);
        const requests = counts.ok - wrong2xx;
        resolve({
          requestsPerSecond: seconds > 0 ? requests / seconds : 0,
          latencyMs: {
            p50: percentile(latencies, 50),
            p90: percentile(latencies, 90),
            p99: percentile(latencies, 99),
            mean: latencies.length > 0 ? latencies.reduce((a, b) => a + b, 0) / latencies.length : 0,
            max: latencies.at(-1) ?? 0,
          },
          requests,
          seconds,
          cpuSeconds: Object.fromEntries(
            Object.entries(cpuTo).map(([name, to]) => {
              const from = cpuFrom[name];
              return [name, to === null || from === null || from === undefined ? null : to - from];
            }),
          ),
          errors: counts.errors,
          timeouts: counts.timeouts,
          non2xx: counts.non2xx,
          mismatches: wrong2xx,
        });
      },
    );
    const startMeasuring = setTimeout(() => {
      measuring = true;
      measuredFrom = performance.now();
      cpuFrom = readClocks();
    }, bounds.warmupSeconds * 1000);
    // a hung server must not hang the run: stop well after the planned end
    const hardStop = setTimeout(() => instance.stop(), (total + 30) * 1000);
    instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
      if (!measuring) return;
      if (status >= 200 && status < 300) {
        counts.ok += 1;
        latencies.push(responseTime);
      } else counts.non2xx += 1;
    });
    instance.on("reqMismatch", () => {
      if (measuring) counts.mismatches += 1;
    });
    instance.on("reqError", (error: Error) => {
      if (!measuring) return;
      counts.errors += 1;
      if (error.message.includes("timed out")) counts.timeouts += 1;
    });
    let elapsed = 0;
    instance.on("tick", ({ counter }: { counter: number }) => {
      elapsed += 1;
      if (elapsed % 5 === 0 && elapsed < total) {
        const phase = elapsed <= bounds.warmupSeconds ? "warm-up" : "measure";
        progress(`  ${target.name} ${bounds.phase} ${phase} ${elapsed}/${total} s · ${formatNumber(counter)} req/s`);
      }
    });
  });
}

/** Waits (at most `timeoutMs`) until the server answers one more request: what was abandoned is done. */
export async function drain(target: LoadTarget, timeoutMs = 60_000): Promise<void> {
  await fetch(target.url, {
    method: "POST",
    headers: target.headers,
    body: target.body,
    signal: AbortSignal.timeout(timeoutMs),
  }).then(
    (response) => response.arrayBuffer(),
    () => {},
  );
}

/** Requests that did not get the expected answer, as a share of all answered or failed requests. */
export function failureShare(figures: LoadFigures): number {
  const bad = figures.errors + figures.non2xx + figures.mismatches;
  const all = figures.requests + bad;
  return all > 0 ? bad / all : 1;
}

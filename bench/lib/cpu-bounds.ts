/**
 * The fastest a pipeline of processes could go on this machine, from what each spends on a record; pure. Used by
 * ingest (issue 19 item 3) to say whether a missed goal is within reach of better overlap, or needs less work per
 * record. Two bounds, each an upper bound on records a second whatever the processes' overlap:
 *   - the machine's: its cores can give at most `cores` CPU seconds a second, and every record costs the sum of
 *     what each process spends on it;
 *   - one thread's: a process's main thread runs its JavaScript one record after another, so no record rate can
 *     exceed one over that thread's time a record (Node's GC helpers and thread pool run on other threads).
 */

export interface PipelineCpu {
  cores: number;
  /** CPU µs a record of each process of the pipeline (all its threads); null when it could not be read */
  processes: Record<string, number | null>;
  /** CPU µs a record of one process's main thread, and its name; null when it could not be read */
  mainThread: { process: string; micros: number | null };
}

export interface CpuBounds {
  /** records a second the machine's cores allow; null when a process's CPU is unknown */
  machine: number | null;
  /** records a second the main thread allows; null when unknown */
  mainThread: number | null;
  /** CPU µs a record of all the processes together; null when one is unknown */
  totalMicros: number | null;
}

export function cpuBounds(pipeline: PipelineCpu): CpuBounds {
  const spent = Object.values(pipeline.processes);
  const known = spent.every((micros): micros is number => micros !== null && micros >= 0);
  const totalMicros = known && spent.length > 0 ? spent.reduce((sum, micros) => sum + micros, 0) : null;
  const thread = pipeline.mainThread.micros;
  return {
    machine: totalMicros !== null && totalMicros > 0 ? (pipeline.cores * 1e6) / totalMicros : null,
    mainThread: thread !== null && thread > 0 ? 1e6 / thread : null,
    totalMicros,
  };
}

/**
 * The most CPU a record may cost, all processes together and on the main thread, for `rowsPerSecond` to be reachable
 * at all on `cores` cores.
 */
export function cpuBudget(rowsPerSecond: number, cores: number): { totalMicros: number; mainThreadMicros: number } {
  return { totalMicros: (cores * 1e6) / rowsPerSecond, mainThreadMicros: 1e6 / rowsPerSecond };
}

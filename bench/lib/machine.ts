import { readdirSync, readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import type { MachineNote } from "./result.ts";

export function machineNote(): MachineNote {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  };
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on every Linux build this runs on). */
const USER_HZ = 100;

/** A process's command name and the CPU seconds (user + system) it has used, from the text of /proc/<pid>/stat. */
function statOf(stat: string): { command: string; cpuSeconds: number } {
  // the fields after the command name (in parentheses, which may hold spaces): utime and stime are 14 and 15
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return {
    command: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")),
    cpuSeconds: (Number(fields[11]) + Number(fields[12])) / USER_HZ,
  };
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; null off Linux. CPU time, unlike
 * a rate, does not depend on what else the shared cores are doing: it says what a change costs per record.
 */
export function processCpuSeconds(pid: number): number | null {
  try {
    return statOf(readFileSync(`/proc/${pid}/stat`, "utf8")).cpuSeconds;
  } catch {
    return null;
  }
}

/**
 * CPU seconds (user + system) a process's main thread has used so far, from /proc/<pid>/task/<pid>/stat; null off
 * Linux. Node runs JavaScript on that thread alone (GC helpers, libuv's pool and the compiler run on others): what a
 * record costs there is done one record after another, however many cores the machine has.
 */
export function mainThreadCpuSeconds(pid: number): number | null {
  try {
    return statOf(readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8")).cpuSeconds;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) used so far by each process of the machine named `postgres`, by pid; null off Linux */
function postgresCpuByPid(): Map<number, number> | null {
  let names: string[];
  try {
    names = readdirSync("/proc");
  } catch {
    return null;
  }
  const seconds = new Map<number, number>();
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    const { command, cpuSeconds } = statOf(stat);
    if (command === "postgres") seconds.set(Number(name), cpuSeconds);
  }
  return seconds;
}

/**
 * A clock of the CPU seconds PostgreSQL's processes (its backends, WAL writer, checkpointer…) used since its first
 * reading; null off Linux or with no `postgres` process in sight (a server elsewhere). Each process adds what it used
 * between two readings; a process that starts between them adds all it used. One that ends between two readings
 * takes its last interval with it (not counted); none is ever subtracted. The bench's servers share the machine's one
 * PostgreSQL: read over a window in which only one server works, it is that server's share.
 */
export function postgresCpuClock(): () => number | null {
  let seen: Map<number, number> | null = null;
  let total = 0;
  return () => {
    const now = postgresCpuByPid();
    if (now === null || now.size === 0) return null;
    for (const [pid, seconds] of now) {
      const before = seen?.get(pid);
      if (before !== undefined) total += Math.max(0, seconds - before);
      else if (seen !== null) total += seconds;
    }
    seen = now;
    return total;
  };
}

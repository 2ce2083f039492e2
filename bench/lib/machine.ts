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
 * CPU seconds (user + system) used so far by every process of the machine named `postgres` (its backends, WAL writer,
 * checkpointer…); null off Linux. The bench's servers share the machine's one PostgreSQL: read over a window in
 * which only one server runs, it is that server's share (the gateway's audit batches and reads). Backends that end
 * within the window take their time with them (not counted): the servers measured keep their connections.
 */
export function postgresCpuSeconds(): number | null {
  let names: string[];
  try {
    names = readdirSync("/proc");
  } catch {
    return null;
  }
  let seconds = 0;
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    const { command, cpuSeconds } = statOf(stat);
    if (command === "postgres") seconds += cpuSeconds;
  }
  return seconds;
}

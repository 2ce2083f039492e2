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

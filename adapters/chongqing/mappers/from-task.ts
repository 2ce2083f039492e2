/** A joint task from the change stream → Chongqing's dispatch-task shape. Pure. */
import { type ItemCodes, type TaskChange, taskWindow } from "../../core/canonical.ts";
import type { CqDispatchTask } from "../types.ts";

/** null when the task has no code yet (not dispatched) or an item has no Chongqing code */
export function taskToCq(task: TaskChange, items: ItemCodes): CqDispatchTask | null {
  if (task.inspectionCode === null) return null;
  const itemCodes = task.itemCodes.map((code) => items.fromUnified(code));
  if (itemCodes.some((code) => code === null)) return null;
  return {
    taskId: task.taskId,
    version: task.version,
    enterpriseUscc: task.enterprise.uscc,
    officerCertNos: task.officers.map((o) => o.certificateNumber),
    itemCodes: itemCodes as string[],
    window: taskWindow(task),
    code: task.inspectionCode,
    status: task.codeRevoked || task.state === "CANCELLED" ? "REVOKED" : "ACTIVE",
  };
}

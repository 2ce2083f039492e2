/** A joint task from the change stream → Chongqing's dispatch-task shape. Pure. */
import { type ItemCodes, type TaskChange, taskForPlatform } from "../../core/canonical.ts";
import type { CqDispatchTask } from "../types.ts";

/** null when the task has no code yet (not dispatched) or an item has no Chongqing code */
export function taskToCq(task: TaskChange, items: ItemCodes): CqDispatchTask | null {
  const sent = taskForPlatform(task, items);
  if (!sent) return null;
  return {
    taskId: task.taskId,
    version: task.version,
    enterpriseUscc: task.enterprise.uscc,
    officerCertNos: task.officers.map((o) => o.certificateNumber),
    itemCodes: sent.itemCodes,
    window: sent.window,
    code: sent.inspectionCode,
    status: sent.withdrawn ? "REVOKED" : "ACTIVE",
  };
}

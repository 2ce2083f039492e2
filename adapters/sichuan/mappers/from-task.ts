/** A joint task from the change stream → Sichuan's dispatch-task shape (snake_case, Beijing-time strings). Pure. */
import { type ItemCodes, type TaskChange, taskForPlatform } from "../../core/canonical.ts";
import { formatBeijingTime, type ScDispatchTask } from "../types.ts";

/** null when the task has no code yet (not dispatched) or an item has no Sichuan code */
export function taskToSc(task: TaskChange, items: ItemCodes): ScDispatchTask | null {
  const sent = taskForPlatform(task, items);
  if (!sent) return null;
  return {
    task_id: task.taskId,
    rev: task.version,
    enterprise_uscc: task.enterprise.uscc,
    officer_cert_nos: task.officers.map((o) => o.certificateNumber),
    item_codes: sent.itemCodes,
    window: { from: formatBeijingTime(sent.window.from), to: formatBeijingTime(sent.window.to) },
    code: sent.inspectionCode,
    state: sent.withdrawn ? "revoked" : "valid",
  };
}

/** A joint task from the change stream → Sichuan's dispatch-task shape (snake_case, Beijing-time strings). Pure. */
import { type ItemCodes, type TaskChange, taskWindow } from "../../core/canonical.ts";
import { formatBeijingTime, type ScDispatchTask } from "../types.ts";

/** null when the task has no code yet (not dispatched) or an item has no Sichuan code */
export function taskToSc(task: TaskChange, items: ItemCodes): ScDispatchTask | null {
  if (task.inspectionCode === null) return null;
  const itemCodes = task.itemCodes.map((code) => items.fromUnified(code));
  if (itemCodes.some((code) => code === null)) return null;
  const window = taskWindow(task);
  return {
    task_id: task.taskId,
    rev: task.version,
    enterprise_uscc: task.enterprise.uscc,
    officer_cert_nos: task.officers.map((o) => o.certificateNumber),
    item_codes: itemCodes as string[],
    window: { from: formatBeijingTime(window.from), to: formatBeijingTime(window.to) },
    code: task.inspectionCode,
    state: task.codeRevoked || task.state === "CANCELLED" ? "revoked" : "valid",
  };
}

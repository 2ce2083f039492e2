/**
 * Results that arrive as records: an officer answers a task item on the province's own platform, which
 * records an INSPECTION naming the task (`taskId`) and the item; the adapter ingests it like any record.
 * Inside the ingest's transaction each such record becomes the task item's result (task-results.ts),
 * recorded under the record's officer on the team — or, when the platform did not name one, the first
 * officer of its province on the team. Records that cannot answer (unknown task, task not open, item
 * not in the task, province not on the team) stay ordinary records, with a note in the ingest result.
 */

import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import type { ChangeInput } from "../../gateway/outbox/outbox.ts";
import { keyOrNull } from "../common/node-access.ts";
import { taskChange } from "./task-change.ts";
import { applyItemResults, isOpen } from "./task-results.ts";
import { lockedTask } from "./task-service.ts";

export interface AnsweringRecord {
  id: string;
  kind: string;
  itemCode: string | null;
  officerCertificates: readonly string[];
  result: string | null;
  taskId: string | null;
  findings: string | null;
}

export interface TaskAnswers {
  changes: ChangeInput[];
  /** record id → why it did not answer its task */
  notApplied: Map<string, string>;
}

/** the canonical results (adapters/core/canonical.ts) and the Chinese words a platform may send */
const ANSWERS: Readonly<Record<string, "COMPLIANT" | "NON_COMPLIANT">> = {
  COMPLIANT: "COMPLIANT",
  NON_COMPLIANT: "NON_COMPLIANT",
  合格: "COMPLIANT",
  不合格: "NON_COMPLIANT",
};
const answerOf = (result: string | null) =>
  result !== null && Object.hasOwn(ANSWERS, result) ? ANSWERS[result] : null;

export async function applyTaskAnswers(
  tx: Prisma.TransactionClient,
  origin: string,
  records: readonly AnsweringRecord[],
  now: Date,
): Promise<TaskAnswers> {
  const answers: TaskAnswers = { changes: [], notApplied: new Map() };
  const byTask = new Map<string, AnsweringRecord[]>();
  for (const r of records) {
    if (r.kind !== "INSPECTION" || !r.taskId || !r.itemCode || !answerOf(r.result)) continue;
    byTask.set(r.taskId, [...(byTask.get(r.taskId) ?? []), r]);
  }
  for (const [taskId, answering] of [...byTask].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // the platform names the task by the global id it received (its `id`); anything else is no task of ours
    const key = keyOrNull("InspectionTask", taskId);
    const exists = key && (await tx.inspectionTask.findUnique({ where: { id: key }, select: { id: true } }));
    const skip = (why: string) => {
      for (const r of answering) answers.notApplied.set(r.id, why);
    };
    if (!key || !exists) {
      skip(`TASK_UNKNOWN: no joint task ${taskId}`);
      continue;
    }
    const task = await lockedTask(tx, key);
    if (!isOpen(task)) {
      skip(`TASK_NOT_OPEN: task ${taskId} is ${task.state}`);
      continue;
    }
    const ours = task.officers.filter((o) => o.homeJurisdiction === origin).map((o) => o.certificateNumber);
    const inputs = answering
      .filter((r) => task.itemCodes.includes(r.itemCode as string) && ours.length > 0)
      .map((r) => ({
        itemCode: r.itemCode as string,
        result: answerOf(r.result) as "COMPLIANT" | "NON_COMPLIANT",
        findings: r.findings,
        recordedBy: r.officerCertificates.find((c) => ours.includes(c)) ?? (ours[0] as string),
      }));
    for (const r of answering) {
      if (ours.length === 0) answers.notApplied.set(r.id, `NOT_ON_TEAM: no ${origin} officer on task ${taskId}`);
      else if (!task.itemCodes.includes(r.itemCode as string)) {
        answers.notApplied.set(r.id, `ITEM_NOT_IN_TASK: ${r.itemCode} is not an item of task ${taskId}`);
      }
    }
    if (inputs.length === 0) continue;
    const updated = await applyItemResults(tx, task, { issuer: origin, officer: null }, inputs, now);
    if (updated) answers.changes.push(taskChange(updated));
  }
  return answers;
}

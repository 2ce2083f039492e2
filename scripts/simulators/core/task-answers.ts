/**
 * Officers answering the committee's joint tasks on their own platform: each answered item becomes an
 * INSPECTION record naming the task (`taskId`), which the adapter ingests like any record and the
 * gateway turns into the task item's result. Reporting an item again corrects the earlier report (a
 * new version of the same record), never a second record.
 *
 * Who answers which item, when the generator does it: item i of the task falls to the officer at
 * position i mod (team size) — pick order, Chongqing first — so each item is answered once, by the
 * platform of that officer. The simulated officers answer as soon as they hold the task (a real team
 * reports after its visit in the window).
 */
import type { ReceivedTask, SimRecord } from "./model.ts";
import type { SimStore } from "./store.ts";

export interface ItemAnswer {
  itemCode: string;
  result: "COMPLIANT" | "NON_COMPLIANT";
  findings: string | null;
}

export function answerTaskItems(
  store: SimStore,
  task: ReceivedTask,
  answers: readonly ItemAnswer[],
  officerCertNos: readonly string[] = task.officerCertNos,
): SimRecord[] {
  return store.batch(() =>
    answers.map((answer) => {
      const outcome = { result: answer.result, findings: answer.findings, officerCertNos: [...officerCertNos] };
      const earlier = store.recordForTaskItem(task.taskId, answer.itemCode);
      if (earlier) return store.updateRecord(earlier.id, outcome);
      return store.createRecord({
        ...outcome,
        kind: "INSPECTION",
        itemCode: answer.itemCode,
        enterpriseUscc: task.enterpriseUscc,
        occurredAt: store.now(),
        decidedAt: null,
        fineFen: null,
        taskId: task.taskId,
      });
    }),
  );
}

/** An item of a held task that falls to one of this platform's officers and is not answered yet. */
export function nextItemToAnswer(store: SimStore): { task: ReceivedTask; itemCode: string; officer: string } | null {
  for (const task of store.tasks.values()) {
    if (task.revoked) continue;
    for (const [i, itemCode] of task.itemCodes.entries()) {
      const officer = task.officerCertNos[i % task.officerCertNos.length]!;
      if (!store.officers.has(officer)) continue;
      if (!store.recordForTaskItem(task.taskId, itemCode)) return { task, itemCode, officer };
    }
  }
  return null;
}

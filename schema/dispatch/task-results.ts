/**
 * Results per item from the officers' own platforms (issue 7 §5). A province records, for a task its
 * officers are on, each item as COMPLIANT or NON_COMPLIANT with findings, under one of its officers on
 * the team (rules/task-access.ts). A non-compliant item can open a penalty case: its facts go through
 * `matchDiscretion` (the unified benchmark, 行政处罚法 第37条 从旧兼从轻) and the lawful range is stored
 * with the result. The first result starts the task; a result for every item completes it.
 * Replaying the same results changes nothing (no new version, no event): adapters retry freely.
 */
import type { GatewayContext } from "../../gateway/context.ts";
import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { badInput, conflict, forbidden } from "../../gateway/errors.ts";
import { type FactsInput, toCaseFacts } from "../benchmarks/discretion-input.ts";
import { asDiscretionInputErrors, loadItemRules, matchRulesDiscretion } from "../benchmarks/discretion-service.ts";
import type { DiscretionOutcome } from "../benchmarks/rules/case-evaluation.ts";
import { writeAudited } from "../common/write.ts";
import { markVisitsStale } from "../supervision/visit-marks.ts";
import { transition } from "./rules/index.ts";
import { resultRefusal, type TaskViewer } from "./rules/task-access.ts";
import { TASK_INCLUDE, type TaskWithTeam, taskChange } from "./task-change.ts";
import { lockedTask } from "./task-service.ts";
import { taskViewer } from "./task-viewer.ts";

export interface PenaltyCaseInput {
  /** the penalty item the finding falls under (unified, Chongqing or Sichuan code) */
  itemCode: string;
  actDate: Date;
  decisionDate?: Date | null;
  facts?: FactsInput | null;
}

/** the JSON column `TaskItemResult.penaltyCase` */
export type StoredPenaltyCase = {
  itemCode: string;
  outcome: DiscretionOutcome;
  /** the lawful fine range in fen, both ends inclusive; null when no penalty, or unknowable without facts */
  range: { minFen: number; maxFen: number } | null;
  tier: { level: number; name: string } | null;
  citations: string[];
  benchmarkVersion: number;
};

export interface ItemResultInput {
  itemCode: string;
  result: "COMPLIANT" | "NON_COMPLIANT";
  findings?: string | null;
  /** certificate number of the officer on the team who records it */
  recordedBy: string;
  penaltyCase?: PenaltyCaseInput | null;
}

type Tx = Prisma.TransactionClient;

async function penaltyCaseOf(tx: Tx, input: ItemResultInput, now: Date): Promise<StoredPenaltyCase | null> {
  if (!input.penaltyCase) return null;
  if (input.result !== "NON_COMPLIANT") {
    throw badInput(`item ${input.itemCode}: only a non-compliant item opens a penalty case`, {
      reason: "CASE_ON_COMPLIANT",
    });
  }
  const { itemCode, actDate, decisionDate, facts } = input.penaltyCase;
  const { item, match } = await asDiscretionInputErrors(async () =>
    matchRulesDiscretion((await loadItemRules(tx, [itemCode])).get(itemCode), {
      itemCode,
      actDate,
      decisionDate: decisionDate ?? now,
      facts: toCaseFacts(facts),
    }),
  );
  return {
    itemCode: item.code,
    outcome: match.outcome,
    range: match.range ? { minFen: match.range.minFen, maxFen: match.range.maxFen } : null,
    tier: match.tier,
    citations: match.citations,
    benchmarkVersion: match.benchmarkVersion,
  };
}

const sameResult = (stored: TaskWithTeam["results"][number] | undefined, input: ItemResultInput) =>
  stored !== undefined &&
  stored.result === input.result &&
  (stored.findings ?? null) === (input.findings ?? null) &&
  stored.recordedBy === input.recordedBy &&
  !input.penaltyCase;

function nextState(task: TaskWithTeam, itemsWithResult: number) {
  let state = task.state;
  if (state === "DISPATCHED") state = "IN_PROGRESS";
  if (state === "IN_PROGRESS" && itemsWithResult >= task.itemCodes.length) {
    const done = transition(state, "COMPLETE");
    if (done.ok) state = done.state;
  }
  return state;
}

/**
 * Applies results to a locked, open task: checks each (item of the task, officer of the viewer's province
 * on the team), stores what is new, moves the state. Returns the updated task, or null when nothing changed.
 */
export async function applyItemResults(
  tx: Tx,
  task: TaskWithTeam,
  viewer: TaskViewer,
  results: readonly ItemResultInput[],
  now: Date,
): Promise<TaskWithTeam | null> {
  let changed = 0;
  for (const input of results) {
    if (!task.itemCodes.includes(input.itemCode)) {
      throw badInput(`item ${input.itemCode} is not an item of task ${task.id}`, { reason: "ITEM_NOT_IN_TASK" });
    }
    const refusal = resultRefusal(viewer, task.officers, input.recordedBy);
    if (refusal) {
      throw forbidden(`${input.recordedBy} may not record results on task ${task.id}: ${refusal}`, { reason: refusal });
    }
    if (
      sameResult(
        task.results.find((s) => s.itemCode === input.itemCode),
        input,
      )
    )
      continue;
    const data = {
      result: input.result,
      findings: input.findings ?? null,
      recordedBy: input.recordedBy,
      jurisdiction: viewer.issuer,
      penaltyCase: (await penaltyCaseOf(tx, input, now)) ?? undefined,
      recordedAt: now,
    };
    await tx.taskItemResult.upsert({
      where: { taskId_itemCode: { taskId: task.id, itemCode: input.itemCode } },
      create: { taskId: task.id, itemCode: input.itemCode, ...data },
      update: data,
    });
    changed++;
  }
  if (changed === 0) return null;
  const count = await tx.taskItemResult.count({ where: { taskId: task.id } });
  const updated = await tx.inspectionTask.update({
    where: { id: task.id },
    data: { state: nextState(task, count), version: { increment: 1 } },
    include: TASK_INCLUDE,
  });
  // DONE makes the task a visit, its results and last change set its time (supervision rollup, refreshed after the commit)
  await markVisitsStale(tx, { usccs: [updated.enterpriseUscc] });
  return updated;
}

export const isOpen = (task: Pick<TaskWithTeam, "state">) =>
  task.state === "DISPATCHED" || task.state === "IN_PROGRESS";

export async function recordTaskResults(ctx: GatewayContext, taskId: string, results: readonly ItemResultInput[]) {
  if (results.length === 0) throw badInput("No results given", { reason: "NO_RESULTS" });
  const viewer = await taskViewer(ctx);
  return writeAudited(ctx, async (tx) => {
    const task = await lockedTask(tx, taskId);
    if (!isOpen(task)) {
      const replay =
        task.state === "DONE" &&
        results.every((r) =>
          sameResult(
            task.results.find((s) => s.itemCode === r.itemCode),
            r,
          ),
        );
      if (replay) return { result: task, recordIds: [task.id] };
      throw conflict(`Task ${taskId} is ${task.state}: results are taken while it is dispatched or in progress`, {
        reason: "TASK_NOT_OPEN",
      });
    }
    const updated = await applyItemResults(tx, task, viewer, results, ctx.now);
    if (!updated) return { result: task, recordIds: [task.id] };
    return { result: updated, recordIds: [taskId], changes: [taskChange(updated)] };
  });
}

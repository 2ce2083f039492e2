/**
 * Task life (issue 7 §4–§5): dispatch with a signed 执法码, the state machine (rules/task-state.ts),
 * revocation of codes, and results per item from the officers' platforms. Each write is one audited
 * transaction that bumps the task's version and emits the whole task on the change stream.
 */
import { GraphQLError } from "graphql";
import type { SigningKey } from "../../gateway/auth/keys.ts";
import type { GatewayContext } from "../../gateway/context.ts";
import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { badInput, conflict, notFound } from "../../gateway/errors.ts";
import { beijingMidnight } from "../common/effective-dates.ts";
import { writeAudited } from "../common/write.ts";
import { markVisitsStale } from "../supervision/visit-marks.ts";
import { committeeSigningKey } from "./code-signing.ts";
import { signInspectionCode, type TaskEvent, transition } from "./rules/index.ts";
import { seesTask, type TaskViewer } from "./rules/task-access.ts";
import { TASK_INCLUDE, type TaskWithTeam, taskChange } from "./task-change.ts";

type Tx = Prisma.TransactionClient;
const HOUR_MS = 3_600_000;

export async function lockedTask(tx: Tx, taskId: string): Promise<TaskWithTeam> {
  await tx.$queryRaw`SELECT id FROM "InspectionTask" WHERE id = ${taskId} FOR UPDATE`;
  const task = await tx.inspectionTask.findUnique({ where: { id: taskId }, include: TASK_INCLUDE });
  if (!task) throw notFound(`No inspection task ${taskId}`);
  return task;
}

function checkedTransition(task: TaskWithTeam, event: TaskEvent) {
  const outcome = transition(task.state, event);
  if (!outcome.ok) throw conflict(outcome.message, { reason: outcome.code, from: outcome.from, to: outcome.to });
  return outcome.state;
}

async function saved(tx: Tx, taskId: string, data: Prisma.InspectionTaskUpdateInput) {
  const task = await tx.inspectionTask.update({
    where: { id: taskId },
    data: { ...data, version: { increment: 1 } },
    include: TASK_INCLUDE,
  });
  // a task's state and last change decide its visit (supervision rollup, refreshed after the commit)
  await markVisitsStale(tx, { usccs: [task.enterpriseUscc] });
  return task;
}

const written = (task: TaskWithTeam) => ({ result: task, recordIds: [task.id], changes: [taskChange(task)] });

/** PLANNED → DISPATCHED with a signed 执法码, inside `tx`; throws the refusal (NOT_FOUND, CONFLICT, NO_VALID_TEAM). */
async function dispatchLocked(tx: Tx, taskId: string, key: SigningKey): Promise<TaskWithTeam> {
  const task = await lockedTask(tx, taskId);
  const state = checkedTransition(task, "DISPATCH");
  if (task.officers.length === 0) {
    throw badInput(`Task ${taskId} has no valid team: ${JSON.stringify(task.teamProblems)}`, {
      reason: "NO_VALID_TEAM",
    });
  }
  const inspectionCode = await signInspectionCode(
    {
      taskId,
      uscc: task.enterpriseUscc,
      officers: task.officers.map((o) => o.certificateNumber),
      items: task.itemCodes,
      notBefore: beijingMidnight(task.visitFrom),
      expiresAt: new Date(beijingMidnight(task.visitTo).getTime() + 24 * HOUR_MS),
    },
    key,
  );
  return saved(tx, taskId, { state, inspectionCode });
}

export async function dispatchTask(ctx: GatewayContext, taskId: string) {
  const key = await committeeSigningKey(ctx.services);
  return writeAudited(ctx, async (tx) => written(await dispatchLocked(tx, taskId, key)));
}

/** One task's outcome in a batch dispatch: the dispatched task, or the refusal it would have raised alone. */
export type TaskDispatchOutcome =
  | { taskId: string; task: TaskWithTeam; refusal: null }
  | { taskId: string; task: null; refusal: { code: string; reason: string | null; message: string } };

/**
 * Dispatches several tasks in ONE audited transaction; a task that cannot be dispatched is reported with
 * its refusal and the others still go. Rows are locked in id order (two overlapping batches cannot
 * deadlock); outcomes come back in the order given.
 */
export async function dispatchTasks(ctx: GatewayContext, taskIds: readonly string[]): Promise<TaskDispatchOutcome[]> {
  const key = await committeeSigningKey(ctx.services);
  const unique = [...new Set(taskIds)];
  return writeAudited(ctx, async (tx) => {
    const outcomes = new Map<string, TaskDispatchOutcome>();
    for (const taskId of [...unique].sort()) {
      try {
        outcomes.set(taskId, { taskId, task: await dispatchLocked(tx, taskId, key), refusal: null });
      } catch (error) {
        if (!(error instanceof GraphQLError) || typeof error.extensions.code !== "string") throw error;
        const { code, reason } = error.extensions;
        const refusal = { code, reason: typeof reason === "string" ? reason : null, message: error.message };
        outcomes.set(taskId, { taskId, task: null, refusal });
      }
    }
    const ordered = unique.map((id) => outcomes.get(id)!);
    const dispatched = ordered.flatMap((o) => (o.task ? [o.task] : []));
    return { result: ordered, recordIds: dispatched.map((t) => t.id), changes: dispatched.map(taskChange) };
  });
}

/**
 * START, COMPLETE or CANCEL (a cancelled task's code is revoked with it). `viewer`: a province acting
 * from its platform, which may move only the tasks its officers are on.
 */
export async function moveTask(
  ctx: GatewayContext,
  taskId: string,
  event: Exclude<TaskEvent, "DISPATCH">,
  options: { reason?: string; viewer?: TaskViewer } = {},
) {
  const { reason, viewer } = options;
  return writeAudited(ctx, async (tx) => {
    const task = await lockedTask(tx, taskId);
    if (viewer && !seesTask(viewer, task.officers)) throw notFound(`No inspection task ${taskId}`);
    const state = checkedTransition(task, event);
    const revoke = event === "CANCEL" && task.codeRevokedAt === null;
    const data: Prisma.InspectionTaskUpdateInput = revoke
      ? { state, codeRevokedAt: ctx.now, codeRevokedReason: reason ?? "task cancelled" }
      : { state };
    return written(await saved(tx, taskId, data));
  });
}

export async function revokeInspectionCode(ctx: GatewayContext, taskId: string, reason: string) {
  if (!reason.trim()) throw badInput("A revocation states its reason", { reason: "REASON_REQUIRED" });
  return writeAudited(ctx, async (tx) => {
    const task = await lockedTask(tx, taskId);
    if (!task.inspectionCode) throw conflict(`Task ${taskId} has no code yet`, { reason: "NO_CODE" });
    if (task.codeRevokedAt) return { result: task, recordIds: [task.id] }; // idempotent
    return written(await saved(tx, taskId, { codeRevokedAt: ctx.now, codeRevokedReason: reason.trim() }));
  });
}

/**
 * `dispatchTasks` — 批量派单: a whole draw, or a list of tasks, in one request and one audited
 * transaction, each task's outcome reported (one that cannot go — no valid team, already dispatched —
 * does not hold the others back).
 */
import { z } from "zod";
import { notFound } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { encodeGlobalId, keyOf } from "../common/node-access.ts";
import { dispatchTasks, type TaskDispatchOutcome } from "./task-service.ts";

/** a batch by ids is bounded like a page; a draw's batch is as large as the draw */
export const MAX_TASKS_PER_DISPATCH = 100;

/** a list of ids names 1 to MAX tasks; refused with the domain codes NO_TASKS / TOO_MANY_TASKS in problems[] */
const taskIdList = z
  .array(z.unknown())
  .nullish()
  .superRefine((ids, ctx) => {
    if (ids == null) return;
    if (ids.length === 0)
      ctx.addIssue({ code: "custom", message: "name at least one task", params: { code: "NO_TASKS" } });
    if (ids.length > MAX_TASKS_PER_DISPATCH) {
      ctx.addIssue({
        code: "custom",
        message: `at most ${MAX_TASKS_PER_DISPATCH} tasks per request: dispatch a draw by its id instead`,
        params: { code: "TOO_MANY_TASKS" },
      });
    }
  });

const DispatchTasksInput = builder.inputType("DispatchTasksInput", {
  description: "批量派单 — the tasks to dispatch: given by id, or every PLANNED task of a draw (exactly one)",
  isOneOf: true,
  fields: (t) => ({
    taskIds: t.idList({
      description: `任务 — 1 to ${MAX_TASKS_PER_DISPATCH} tasks by 全局ID (their \`id\`), each outcome reported in this order`,
      validate: taskIdList,
    }),
    drawId: t.id({ description: "抽取 — every task of this draw (by 全局ID) still PLANNED" }),
  }),
});

const TaskDispatchResultRef = builder.objectRef<TaskDispatchOutcome>("TaskDispatchResult").implement({
  description: "派单结果 — one task's outcome, in input order (task id order for a draw)",
  fields: (t) => ({
    taskId: t.id({
      description: "任务 — 全局ID of the task (its `id`)",
      resolve: (o) => encodeGlobalId("InspectionTask", o.taskId),
    }),
    ok: t.boolean({ description: "已派单 — dispatched now, with its 执法码", resolve: (o) => o.task !== null }),
    code: t.string({
      description: "DISPATCHED when ok; otherwise the refusal's code (NOT_FOUND, CONFLICT, BAD_USER_INPUT)",
      resolve: (o) => o.refusal?.code ?? "DISPATCHED",
    }),
    reason: t.string({
      nullable: true,
      description: "拒绝原因 — e.g. ILLEGAL_TRANSITION (not PLANNED), NO_VALID_TEAM",
      resolve: (o) => o.refusal?.reason ?? null,
    }),
    message: t.string({
      nullable: true,
      description: "说明 — the refusal as a person reads it",
      resolve: (o) => o.refusal?.message ?? null,
    }),
    task: t.prismaField({
      type: "InspectionTask",
      nullable: true,
      description: "任务 — as dispatched (null when refused)",
      resolve: (_q, o) => o.task,
    }),
  }),
});

const DispatchTasksPayload = builder.objectRef<TaskDispatchOutcome[]>("DispatchTasksPayload").implement({
  description: "批量派单结果 — how many went, how many were refused, and each task's outcome",
  fields: (t) => ({
    dispatched: t.int({ description: "已派单数", resolve: (o) => o.filter((x) => x.task).length }),
    refused: t.int({ description: "未派单数", resolve: (o) => o.filter((x) => !x.task).length }),
    results: t.field({ type: [TaskDispatchResultRef], description: "每个任务的结果", resolve: (o) => o }),
  }),
});

builder.mutationFields((t) => ({
  dispatchTasks: t.field({
    type: DispatchTasksPayload,
    description:
      "批量派单 — PLANNED → DISPATCHED for each task given (or each PLANNED task of a draw), each with a signed 执法码; refusals reported per task",
    authScopes: { $all: { issuer: "gz", scope: "dispatch:write" } },
    args: { input: t.arg({ type: DispatchTasksInput, required: true, description: "输入 — the tasks, or a draw" }) },
    resolve: async (_r, { input }, ctx) => {
      if (input.drawId != null) {
        const drawId = keyOf("Draw", input.drawId);
        const draw = await ctx.prisma.draw.findUnique({ where: { id: drawId }, select: { id: true } });
        if (!draw) throw notFound(`No draw ${drawId}`);
        const planned = await ctx.prisma.inspectionTask.findMany({
          where: { drawId, state: "PLANNED" },
          select: { id: true },
          orderBy: { id: "asc" },
        });
        return dispatchTasks(
          ctx,
          planned.map((p) => p.id),
        );
      }
      return dispatchTasks(
        ctx,
        (input.taskIds ?? []).map((id) => keyOf("InspectionTask", id)),
      );
    },
  }),
}));

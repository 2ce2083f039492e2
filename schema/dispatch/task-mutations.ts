import { CaseFactsInputRef } from "../benchmarks/discretion-query.ts";
import { builder } from "../builder.ts";
import { recordPayload } from "../common/mutation-payload.ts";
import { keyOf } from "../common/node-access.ts";
import { writeAudited } from "../common/write.ts";
import { normaliseUscc } from "./rules/index.ts";
import { recordTaskResults } from "./task-results.ts";
import { dispatchTask, moveTask, revokeInspectionCode } from "./task-service.ts";
import { taskViewer } from "./task-viewer.ts";
import { InspectionTaskRef, ItemResultEnum } from "./types.ts";

const DISPATCH = { $all: { issuer: "gz", scope: "dispatch:write" } } as const;
const PROVINCE_WRITE = { scope: "records:write" } as const;

const PenaltyCaseInput = builder.inputType("PenaltyCaseInput", {
  description: "立案 — a non-compliant finding opened as a penalty case, matched against the unified benchmark",
  fields: (t) => ({
    itemCode: t.string({ required: true, description: "the penalty item (unified, Chongqing or Sichuan code)" }),
    actDate: t.field({ type: "Date", required: true, description: "违法行为发生日" }),
    decisionDate: t.field({ type: "Date", required: false, description: "default: today" }),
    facts: t.field({
      description: "案件事实 — the facts found; missing: measured against the whole statutory range",
      type: CaseFactsInputRef,
      required: false,
    }),
  }),
});

const ItemResultInput = builder.inputType("TaskItemResultInput", {
  description: "检查结果 — one item's result as an officer's platform recorded it",
  fields: (t) => ({
    itemCode: t.string({ description: "检查事项 — the item's unified code; one of the task's items", required: true }),
    result: t.field({ description: "检查结果 — compliant or not", type: ItemResultEnum, required: true }),
    findings: t.string({
      description: "检查情况 — free text, up to 10 000 characters; masked outside the recording province",
      required: false,
    }),
    recordedBy: t.string({ required: true, description: "certificate number of the officer on the team" }),
    penaltyCase: t.field({
      description:
        "立案 — open a penalty case (NON_COMPLIANT only): matched against the unified benchmark and stored with the result",
      type: PenaltyCaseInput,
      required: false,
    }),
  }),
});

const TASK_ID = "联合检查任务 — the task's id";
const TaskIdInput = (name: string, description: string) =>
  builder.inputType(name, {
    description,
    fields: (t) => ({ taskId: t.id({ required: true, description: TASK_ID }) }),
  });
const TaskReasonInput = (name: string, description: string, reason: string) =>
  builder.inputType(name, {
    description,
    fields: (t) => ({
      taskId: t.id({ required: true, description: TASK_ID }),
      reason: t.string({ required: true, description: `${reason}; up to 500 characters, kept on the task` }),
    }),
  });

const DispatchTaskInput = TaskIdInput("DispatchTaskInput", "派单 — the PLANNED task to dispatch");
const StartTaskInput = TaskIdInput("StartTaskInput", "开始检查 — the DISPATCHED task the team starts");
const CancelTaskInput = TaskReasonInput("CancelTaskInput", "取消任务 — the task to cancel and why", "取消原因 — why");
const RevokeInspectionCodeInput = TaskReasonInput(
  "RevokeInspectionCodeInput",
  "吊销执法码 — the task whose 执法码 is revoked and why",
  "吊销原因 — why, e.g. 证件遗失",
);
const RecordTaskResultsInput = builder.inputType("RecordTaskResultsInput", {
  description: "检查结果 — results of one task's items, as an officer's platform recorded them",
  fields: (t) => ({
    taskId: t.id({ required: true, description: TASK_ID }),
    results: t.field({
      type: [ItemResultInput],
      required: true,
      description: "逐项结果 — one per item (an item of the task, at most once each); a replay changes nothing",
    }),
  }),
});

const taskPayload = (name: string, description: string, fieldDescription: string) =>
  recordPayload(name, { description, field: "task", type: InspectionTaskRef, fieldDescription });

const DispatchTaskPayload = taskPayload(
  "DispatchTaskPayload",
  "已派单 — the task, now DISPATCHED",
  "联合检查任务 — DISPATCHED, with its signed 执法码 (inspectionCode)",
);
const StartTaskPayload = taskPayload(
  "StartTaskPayload",
  "已开始 — the task, now IN_PROGRESS",
  "联合检查任务 — IN_PROGRESS",
);
const CancelTaskPayload = taskPayload(
  "CancelTaskPayload",
  "已取消 — the task, now CANCELLED, its 执法码 revoked",
  "联合检查任务 — CANCELLED",
);
const RevokeInspectionCodePayload = taskPayload(
  "RevokeInspectionCodePayload",
  "已吊销 — the task whose 执法码 verifyInspection now answers REVOKED",
  "联合检查任务 — codeRevoked true, with its reason",
);
const RecordTaskResultsPayload = taskPayload(
  "RecordTaskResultsPayload",
  "已记录 — the task with every result recorded so far",
  "联合检查任务 — IN_PROGRESS after a first result, DONE once every item has one",
);

builder.mutationFields((t) => ({
  dispatchTask: t.field({
    type: DispatchTaskPayload,
    description: "派单 — PLANNED → DISPATCHED with a signed 执法码; the task flows to the team's platforms",
    authScopes: DISPATCH,
    args: { input: t.arg({ type: DispatchTaskInput, required: true, description: "输入 — the task to dispatch" }) },
    resolve: async (_r, { input }, ctx) => ({ task: await dispatchTask(ctx, keyOf("InspectionTask", input.taskId)) }),
  }),
  cancelTask: t.field({
    type: CancelTaskPayload,
    description: "取消任务 — cancel a task not yet done; its code is revoked with it",
    authScopes: DISPATCH,
    args: {
      input: t.arg({ type: CancelTaskInput, required: true, description: "输入 — the task and why it is cancelled" }),
    },
    resolve: async (_r, { input }, ctx) => ({
      task: await moveTask(ctx, keyOf("InspectionTask", input.taskId), "CANCEL", { reason: input.reason }),
    }),
  }),
  startTask: t.field({
    type: StartTaskPayload,
    description: "开始检查 — DISPATCHED → IN_PROGRESS (also done by the first result); gz, or a team member's province",
    authScopes: { $any: { $all: { issuer: "gz", scope: "dispatch:write" }, scope: "records:write" } },
    args: { input: t.arg({ type: StartTaskInput, required: true, description: "输入 — the task the team starts" }) },
    resolve: async (_r, { input }, ctx) => ({
      task: await moveTask(
        ctx,
        keyOf("InspectionTask", input.taskId),
        "START",
        ctx.caller?.issuer === "gz" ? {} : { viewer: await taskViewer(ctx) },
      ),
    }),
  }),
  revokeInspectionCode: t.field({
    type: RevokeInspectionCodePayload,
    description: "吊销执法码 — revoke a task's 执法码: verifyInspection answers REVOKED from then on",
    authScopes: DISPATCH,
    args: {
      input: t.arg({
        type: RevokeInspectionCodeInput,
        required: true,
        description: "输入 — the task and why its 执法码 is revoked",
      }),
    },
    resolve: async (_r, { input }, ctx) => ({
      task: await revokeInspectionCode(ctx, keyOf("InspectionTask", input.taskId), input.reason),
    }),
  }),
  recordTaskResults: t.field({
    type: RecordTaskResultsPayload,
    description:
      "检查结果 — results per item from an officer's platform; the first starts the task, one per item completes it; replays change nothing",
    authScopes: PROVINCE_WRITE,
    args: {
      input: t.arg({
        type: RecordTaskResultsInput,
        required: true,
        description: "输入 — the task and its results per item",
      }),
    },
    resolve: async (_r, { input }, ctx) => ({
      task: await recordTaskResults(ctx, keyOf("InspectionTask", input.taskId), input.results),
    }),
  }),
}));

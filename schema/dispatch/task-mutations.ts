import { CaseFactsInputRef } from "../benchmarks/discretion-query.ts";
import { builder } from "../builder.ts";
import { recordTaskResults } from "./task-results.ts";
import { dispatchTask, moveTask, revokeInspectionCode } from "./task-service.ts";
import { taskViewer } from "./task-viewer.ts";
import { ItemResultEnum } from "./types.ts";

const DISPATCH = { $all: { issuer: "gz", scope: "dispatch:write" } } as const;
const PROVINCE_WRITE = { scope: "records:write" } as const;

const PenaltyCaseInput = builder.inputType("PenaltyCaseInput", {
  description: "立案 — a non-compliant finding opened as a penalty case, matched against the unified benchmark",
  fields: (t) => ({
    itemCode: t.string({ required: true, description: "the penalty item (unified, Chongqing or Sichuan code)" }),
    actDate: t.field({ type: "Date", required: true, description: "违法行为发生日" }),
    decisionDate: t.field({ type: "Date", required: false, description: "default: today" }),
    facts: t.field({ type: CaseFactsInputRef, required: false }),
  }),
});

const ItemResultInput = builder.inputType("TaskItemResultInput", {
  fields: (t) => ({
    itemCode: t.string({ required: true }),
    result: t.field({ type: ItemResultEnum, required: true }),
    findings: t.string({ required: false }),
    recordedBy: t.string({ required: true, description: "certificate number of the officer on the team" }),
    penaltyCase: t.field({ type: PenaltyCaseInput, required: false }),
  }),
});

builder.mutationFields((t) => ({
  dispatchTask: t.prismaField({
    type: "InspectionTask",
    description: "派单 — PLANNED → DISPATCHED with a signed 执法码; the task flows to the team's platforms",
    authScopes: DISPATCH,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_q, _r, { id }, ctx) => dispatchTask(ctx, String(id)),
  }),
  cancelTask: t.prismaField({
    type: "InspectionTask",
    description: "cancel a task not yet done; its code is revoked with it",
    authScopes: DISPATCH,
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_q, _r, { id, reason }, ctx) => moveTask(ctx, String(id), "CANCEL", { reason }),
  }),
  startTask: t.prismaField({
    type: "InspectionTask",
    description: "DISPATCHED → IN_PROGRESS (also done by the first result)",
    authScopes: { $any: { $all: { issuer: "gz", scope: "dispatch:write" }, scope: "records:write" } },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_q, _r, { id }, ctx) =>
      moveTask(ctx, String(id), "START", ctx.caller?.issuer === "gz" ? {} : { viewer: await taskViewer(ctx) }),
  }),
  revokeInspectionCode: t.prismaField({
    type: "InspectionTask",
    description: "revoke a task's 执法码: verifyInspection answers REVOKED from then on",
    authScopes: DISPATCH,
    args: { taskId: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_q, _r, { taskId, reason }, ctx) => revokeInspectionCode(ctx, String(taskId), reason),
  }),
  recordTaskResults: t.prismaField({
    type: "InspectionTask",
    description:
      "results per item from an officer's platform; the first starts the task, one per item completes it; replays change nothing",
    authScopes: PROVINCE_WRITE,
    args: {
      taskId: t.arg.id({ required: true }),
      results: t.arg({ type: [ItemResultInput], required: true }),
    },
    resolve: (_q, _r, { taskId, results }, ctx) => recordTaskResults(ctx, String(taskId), results),
  }),
}));

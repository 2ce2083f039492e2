/** 心跳 — the adapters' own reports: `heartbeat` (alive, backlog, source time) and `reportSyncError`. */

import type { SignedInContext } from "../../gateway/context.ts";
import { badInput } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import type { Jurisdiction } from "../common/jurisdiction.ts";
import { writeAudited } from "../common/write.ts";
import { adapterName, type CheckpointTouch, touchCheckpoint } from "./checkpoints.ts";
import { AdapterStatusRef, clockOf } from "./status-queries.ts";
import { type AdapterStatus, adapterStatuses } from "./status-service.ts";
import { directionOf, SyncDirectionEnum } from "./types.ts";

type InputFields = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];

const adapterFields = (t: InputFields) => ({
  source: t.string({
    required: true,
    description: "适配器名 — the adapter's name (as in ingestRecords / acknowledgeChanges), scoped to your issuer",
  }),
  direction: t.field({
    type: SyncDirectionEnum,
    required: false,
    defaultValue: "INBOUND",
    description: "同步方向 — which direction reports (default INBOUND)",
  }),
});

const HeartbeatInput = builder.inputType("HeartbeatInput", {
  description: "心跳 — an adapter's report that it is alive",
  fields: (t) => ({
    ...adapterFields(t),
    sourceBacklog: t.int({
      required: false,
      description: "inbound: changes still waiting on the source (0: caught up; never negative)",
    }),
    sourceTime: t.field({
      type: "DateTime",
      required: false,
      description: "inbound: time of the newest source change applied",
    }),
  }),
});

const ReportSyncErrorInput = builder.inputType("ReportSyncErrorInput", {
  description: "同步错误 — an adapter's report of a failure",
  fields: (t) => ({
    ...adapterFields(t),
    message: t.string({
      required: true,
      description: "what failed, in the adapter's words (at most 2000 characters kept; no personal data)",
    }),
  }),
});

const statusPayload = (name: string, description: string) =>
  builder.objectRef<{ status: AdapterStatus }>(name).implement({
    description,
    fields: (t) => ({
      status: t.field({
        type: AdapterStatusRef,
        description: "同步状态 — the adapter's status after the report",
        resolve: (p) => p.status,
      }),
    }),
  });

const HeartbeatPayload = statusPayload("HeartbeatPayload", "心跳结果 — the heartbeat as stored");
const ReportSyncErrorPayload = statusPayload("ReportSyncErrorPayload", "同步错误结果 — the error as stored");

type Report = Pick<CheckpointTouch, "sourceBacklog" | "sourceTime" | "lastError">;

/** An adapter's own report: touch its checkpoint (audited), answer with its status. */
async function report(
  ctx: SignedInContext,
  args: { source: string; direction?: "INBOUND" | "OUTBOUND" | null },
  fields: Report,
): Promise<{ status: AdapterStatus }> {
  const issuer = ctx.caller.issuer;
  const name = adapterName(args.source);
  const direction = directionOf(args.direction ?? "INBOUND");
  await writeAudited(ctx, async (tx) => {
    const c = await touchCheckpoint(tx, { issuer, name, direction, now: ctx.now, ...fields });
    return { result: c, recordIds: [c.id] };
  });
  const [status] = await adapterStatuses(ctx.prisma, issuer, clockOf(ctx), { jurisdiction: issuer, adapter: name });
  return { status: status as AdapterStatus };
}

builder.mutationFields((t) => ({
  heartbeat: t.withAuth({ scope: "read" }).field({
    type: HeartbeatPayload,
    description: "心跳 — the adapter is alive; an idle inbound side reports its backlog (0: caught up) and source time",
    args: { input: t.arg({ type: HeartbeatInput, required: true, description: "who reports, and its backlog" }) },
    resolve: (_root, { input }, ctx) => {
      if (input.sourceBacklog != null && input.sourceBacklog < 0) {
        throw badInput("sourceBacklog cannot be negative", { reason: "BAD_BACKLOG" });
      }
      return report(ctx, input, { sourceBacklog: input.sourceBacklog, sourceTime: input.sourceTime });
    },
  }),

  reportSyncError: t.withAuth({ scope: "read" }).field({
    type: ReportSyncErrorPayload,
    description:
      "同步错误 — the adapter reports a failure (platform down, push refused…); shown by syncStatus until its next success",
    args: { input: t.arg({ type: ReportSyncErrorInput, required: true, description: "who reports, and what failed" }) },
    resolve: (_root, { input }, ctx) => {
      const message = input.message.trim().slice(0, 2000);
      if (!message) throw badInput("message is empty", { reason: "EMPTY_MESSAGE" });
      return report(ctx, input, { lastError: message });
    },
  }),
}));

/** `syncStatus`, and the adapters' own reports: `heartbeat` and `reportSyncError`. */

import type { GatewayContext } from "../../gateway/context.ts";
import { badInput } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import type { Jurisdiction } from "../common/jurisdiction.ts";
import { jurisdictionOf } from "../common/jurisdiction.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { writeAudited } from "../common/write.ts";
import { adapterName, type CheckpointTouch, touchCheckpoint } from "./checkpoints.ts";
import { worstState } from "./rules/staleness.ts";
import { type AdapterStatus, adapterStatuses, type CheckpointStatus, type StatusClock } from "./status-service.ts";
import { directionOf, SyncDirectionEnum, SyncStateEnum } from "./types.ts";

const clockOf = (ctx: GatewayContext): StatusClock => ({
  now: ctx.now,
  staleAfterSeconds: ctx.services.config.sync.staleAfterSeconds,
});

const CheckpointStatusRef = builder.objectRef<CheckpointStatus>("SyncCheckpointStatus").implement({
  description: "同步检查点 — sync checkpoint: one direction of an adapter, its position and its lag (docs/sync.md)",
  fields: (t) => ({
    id: t.string({ description: "检查点编号 — the checkpoint's id (stable)", resolve: (s) => s.checkpoint.id }),
    cursor: t.string({
      nullable: true,
      description: "inbound: the stored source cursor",
      resolve: (s) => s.checkpoint.cursor,
    }),
    ackedSeq: t.string({
      description: "outbound: the acknowledged seq",
      resolve: (s) => String(s.checkpoint.ackedSeq),
    }),
    sourceTime: t.field({
      type: "DateTime",
      nullable: true,
      description: "源时间 — inbound: time of the newest source change applied, as last reported; null if never",
      resolve: (s) => s.checkpoint.sourceTime,
    }),
    sourceBacklog: t.int({
      nullable: true,
      description: "inbound: as last reported",
      resolve: (s) => s.checkpoint.sourceBacklog,
    }),
    lagRecords: t.exposeInt("lagRecords", {
      description:
        "滞后条数 — lag in records: outbound, changes after ackedSeq on a default stream; inbound, the sourceBacklog last reported (0 if never)",
    }),
    lagSeconds: t.exposeInt("lagSeconds", {
      description:
        "滞后秒数 — lag in seconds: age of the oldest change still waiting, 0 when none; when STALE at least reportAgeSeconds",
    }),
    state: t.field({
      type: SyncStateEnum,
      description: "同步状态 — sync state of this direction (STALE: no report within the threshold)",
      resolve: (s) => s.state,
    }),
    reportAgeSeconds: t.exposeInt("reportAgeSeconds", {
      description: "上报间隔 — report age: seconds since this direction last reported (heartbeat or write)",
    }),
    lastError: t.string({
      nullable: true,
      description: "最近错误 — the last error this direction reported, cleared by its next success; null when none",
      resolve: (s) => s.checkpoint.lastError,
    }),
    lastErrorAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "错误时间 — when lastError was reported",
      resolve: (s) => s.checkpoint.lastErrorAt,
    }),
    lastSeenAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "最近上报 — when this direction last reported (heartbeat or write); null if never",
      resolve: (s) => s.checkpoint.lastSeenAt,
    }),
  }),
});

const both = (s: AdapterStatus) => [s.inbound, s.outbound].filter((c): c is CheckpointStatus => c !== null);
const newest = (dates: Array<Date | null>) =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

const AdapterStatusRef = builder.objectRef<AdapterStatus>("AdapterSyncStatus").implement({
  description: "同步状态 — one adapter (a jurisdiction's named source and consumer); definitions in docs/sync.md",
  fields: (t) => ({
    jurisdiction: t.field({
      type: JurisdictionEnum,
      description: "辖区 — whose adapter it is",
      resolve: (s) => jurisdictionOf(s.jurisdiction),
    }),
    adapter: t.exposeString("adapter", { description: "the source / consumer name it uses" }),
    lagRecords: t.int({
      description: "inbound backlog + outbound unacknowledged changes",
      resolve: (s) => both(s).reduce((n, c) => n + c.lagRecords, 0),
    }),
    lagSeconds: t.int({
      description: "the larger of the two directions' lag in seconds",
      resolve: (s) => Math.max(0, ...both(s).map((c) => c.lagSeconds)),
    }),
    state: t.field({
      type: SyncStateEnum,
      description: "同步状态 — sync state: the worse of its two directions; never CAUGHT_UP from a stale report",
      resolve: (s) => worstState(both(s).map((c) => c.state)),
    }),
    reportAgeSeconds: t.int({
      description: "上报间隔 — report age: seconds since the less recent of its two directions last reported",
      resolve: (s) => Math.max(0, ...both(s).map((c) => c.reportAgeSeconds)),
    }),
    quarantined: t.exposeInt("quarantined", { description: "records of this adapter waiting in the quarantine" }),
    lastError: t.string({
      nullable: true,
      description: "the most recent error still standing (cleared by the next success in its direction)",
      resolve: (s) =>
        [...both(s)]
          .sort((a, b) => Number(b.checkpoint.lastErrorAt ?? 0) - Number(a.checkpoint.lastErrorAt ?? 0))
          .find((c) => c.checkpoint.lastError)?.checkpoint.lastError ?? null,
    }),
    lastSeenAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "最近上报 — the more recent of its two directions' last reports; null if neither reported",
      resolve: (s) => newest(both(s).map((c) => c.checkpoint.lastSeenAt)),
    }),
    cursor: t.string({
      nullable: true,
      description: "源游标 — the inbound direction's stored source cursor; null without an inbound side",
      resolve: (s) => s.inbound?.checkpoint.cursor ?? null,
    }),
    ackedSeq: t.string({
      nullable: true,
      description: "已确认序号 — the outbound direction's acknowledged seq; null without an outbound side",
      resolve: (s) => (s.outbound ? String(s.outbound.checkpoint.ackedSeq) : null),
    }),
    inbound: t.field({
      type: CheckpointStatusRef,
      nullable: true,
      description: "入站 — province → gateway; null when the adapter has never pushed",
      resolve: (s) => s.inbound,
    }),
    outbound: t.field({
      type: CheckpointStatusRef,
      nullable: true,
      description: "出站 — gateway → province; null when the adapter has never acknowledged",
      resolve: (s) => s.outbound,
    }),
  }),
});

builder.queryFields((t) => ({
  syncStatus: t.field({
    type: [AdapterStatusRef],
    description:
      "同步状态 — one entry per adapter: lag in records and seconds, quarantine size, last error (a province sees its own, gz all)",
    authScopes: { scope: "read" },
    resolve: (_root, _args, ctx) => adapterStatuses(ctx.prisma, ctx.caller?.issuer as Jurisdiction, clockOf(ctx)),
  }),
}));

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
  ctx: GatewayContext,
  args: { source: string; direction?: "INBOUND" | "OUTBOUND" | null },
  fields: Report,
): Promise<{ status: AdapterStatus }> {
  const issuer = ctx.caller?.issuer as Jurisdiction;
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
  heartbeat: t.field({
    type: HeartbeatPayload,
    description: "心跳 — the adapter is alive; an idle inbound side reports its backlog (0: caught up) and source time",
    authScopes: { scope: "read" },
    args: { input: t.arg({ type: HeartbeatInput, required: true, description: "who reports, and its backlog" }) },
    resolve: (_root, { input }, ctx) => {
      if (input.sourceBacklog != null && input.sourceBacklog < 0) {
        throw badInput("sourceBacklog cannot be negative", { reason: "BAD_BACKLOG" });
      }
      return report(ctx, input, { sourceBacklog: input.sourceBacklog, sourceTime: input.sourceTime });
    },
  }),

  reportSyncError: t.field({
    type: ReportSyncErrorPayload,
    description:
      "同步错误 — the adapter reports a failure (platform down, push refused…); shown by syncStatus until its next success",
    authScopes: { scope: "read" },
    args: { input: t.arg({ type: ReportSyncErrorInput, required: true, description: "who reports, and what failed" }) },
    resolve: (_root, { input }, ctx) => {
      const message = input.message.trim().slice(0, 2000);
      if (!message) throw badInput("message is empty", { reason: "EMPTY_MESSAGE" });
      return report(ctx, input, { lastError: message });
    },
  }),
}));

/** `syncStatus`: each adapter's lag, backlog, last error and state, as its reports and checkpoints tell. */

import type { GatewayContext } from "../../gateway/context.ts";
import { builder } from "../builder.ts";
import type { Jurisdiction } from "../common/jurisdiction.ts";
import { jurisdictionOf } from "../common/jurisdiction.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { worstState } from "./rules/staleness.ts";
import { type AdapterStatus, adapterStatuses, type CheckpointStatus, type StatusClock } from "./status-service.ts";
import { SyncStateEnum } from "./types.ts";

export const clockOf = (ctx: GatewayContext): StatusClock => ({
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

export const AdapterStatusRef = builder.objectRef<AdapterStatus>("AdapterSyncStatus").implement({
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
  syncStatus: t.withAuth({ scope: "read" }).field({
    type: [AdapterStatusRef],
    description:
      "同步状态 — one entry per adapter: lag in records and seconds, quarantine size, last error (a province sees its own, gz all)",
    resolve: (_root, _args, ctx) => adapterStatuses(ctx.prisma, ctx.caller.issuer, clockOf(ctx)),
  }),
}));

/** 隔离区 — records refused on ingest (or by an adapter's mapper), kept with the reason until resolved. */
import type { GatewayContext } from "../../gateway/context.ts";
import type { Prisma, QuarantinedRecord } from "../../gateway/db/generated/prisma/client.ts";
import { builder } from "../builder.ts";
import { connectionTypes } from "../common/connection-types.ts";
import { jurisdictionOf } from "../common/jurisdiction.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { nodeAccess, requireScope } from "../common/node-access.ts";
import { maskPersonalData, maskPersonalText } from "../libraries/rules/mask-personal-data.ts";
import { seesPersonalDataInClear } from "../libraries/rules/personal-data.ts";
import { retriedRecord } from "./retried-record.ts";

export const QUARANTINE_STATUSES = ["QUARANTINED", "REPLAYED", "SUPERSEDED", "DISCARDED"] as const;
export type QuarantineStatus = (typeof QUARANTINE_STATUSES)[number];

export const QuarantineStatusEnum = builder.enumType("QuarantineStatus", {
  description: "隔离状态 — where a quarantined record stands, in the order it moves",
  values: {
    QUARANTINED: { description: "waiting: correct and replay it, or discard it" },
    REPLAYED: { description: "a corrected version went through ingest" },
    SUPERSEDED: { description: "a newer valid version of the record arrived" },
    DISCARDED: { description: "set aside on purpose, with the reason in `resolution`" },
  } as const,
});

const inClear = (ctx: GatewayContext, q: Pick<QuarantinedRecord, "originJurisdiction">) =>
  seesPersonalDataInClear(ctx.caller, q.originJurisdiction);

builder.prismaNode("QuarantinedRecord", {
  id: { field: "id" },
  // an id of nothing reads as null, not as an error
  nullable: true,
  description: "A refused record: never silently dropped, never blocking the ones behind it",
  fields: (t) => ({
    origin: t.field({
      type: JurisdictionEnum,
      description: "来源 — the province whose record it is",
      resolve: (q) => jurisdictionOf(q.originJurisdiction),
    }),
    originId: t.exposeString("originId", {
      nullable: true,
      description: "its id on the origin platform; null when the refused record had none",
    }),
    version: t.exposeInt("version", { nullable: true, description: "the refused version; null when it had none" }),
    source: t.exposeString("source", { description: "the adapter's name" }),
    code: t.exposeString("code", { description: "UNKNOWN_ITEM, BAD_USCC, MISSING_FIELD, … or the adapter's own code" }),
    reason: t.string({
      description: "why (it may quote the refused value: personal data masked outside its origin)",
      resolve: (q, _a, ctx) => (inClear(ctx, q) ? q.reason : maskPersonalText(q.reason)),
    }),
    payload: t.field({
      type: "JSON",
      description: "the record as refused (personal data masked outside its origin)",
      resolve: (q, _a, ctx) => (inClear(ctx, q) ? q.payload : maskPersonalData(q.payload)),
    }),
    status: t.field({
      type: QuarantineStatusEnum,
      description: "隔离状态 — waiting or how it was resolved",
      resolve: (q) => q.status as QuarantineStatus,
    }),
    attempts: t.exposeInt("attempts", { description: "how often it was refused" }),
    retryable: t.boolean({
      description:
        "可重新入库 — whether `retryQuarantined` can run it again as sent while it is QUARANTINED; false for a misshapen entry (INVALID_SHAPE) or an adapter's own payload: only its province can correct and replay those",
      resolve: (q) => retriedRecord(q) !== null,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "when it was first refused" }),
    resolvedAt: t.expose("resolvedAt", {
      type: "DateTime",
      nullable: true,
      description: "when it was replayed, superseded or discarded; null while QUARANTINED",
    }),
    resolution: t.string({
      nullable: true,
      description: "how it was resolved, in words (personal data masked outside its origin)",
      resolve: (q, _a, ctx) =>
        q.resolution === null || inClear(ctx, q) ? q.resolution : maskPersonalText(q.resolution),
    }),
  }),
});

builder.queryFields((t) => ({
  quarantine: t.prismaConnection(
    {
      type: "QuarantinedRecord",
      cursor: "id",
      description: "隔离区 — refused records, oldest first (a province sees its own, gz all)",
      authScopes: { scope: "read" },
      args: {
        origin: t.arg({ type: JurisdictionEnum, required: false, description: "来源 — for GZ: one province's" }),
        status: t.arg({ type: QuarantineStatusEnum, required: false, description: "default: all" }),
      },
      totalCount: (_c, args, ctx) =>
        ctx.prisma.quarantinedRecord.count({ where: quarantineFilter(args, ctx.caller?.issuer) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.quarantinedRecord.findMany({
          ...query,
          where: quarantineFilter(args, ctx.caller?.issuer),
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        }),
    },
    ...connectionTypes("QuarantinedRecord", "隔离记录 — a quarantined record"),
  ),
}));

// the rule of `quarantine`: a province its own, gz all
nodeAccess("QuarantinedRecord", async (ctx, key) => {
  requireScope(ctx, "read");
  const where = { AND: [{ id: key }, quarantineFilter({}, ctx.caller?.issuer)] };
  return (await ctx.prisma.quarantinedRecord.count({ where })) > 0;
});

function quarantineFilter(
  args: { origin?: string | null; status?: QuarantineStatus | null },
  viewer: string | undefined,
): Prisma.QuarantinedRecordWhereInput {
  const and: Prisma.QuarantinedRecordWhereInput[] = [];
  if (viewer !== "gz") and.push({ originJurisdiction: viewer ?? "" });
  if (args.origin) and.push({ originJurisdiction: args.origin });
  if (args.status) and.push({ status: args.status });
  return { AND: and };
}

/** Reading records: both provinces read each other's (互认, mutual recognition), gz reads all. */
import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { builder } from "../builder.ts";
import { cappedCount, sharedConnection } from "../common/connection-types.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { RecordKindEnum } from "./types.ts";

interface RecordFilterArgs {
  origin?: string | null;
  kind?: "INSPECTION" | "PENALTY_DECISION" | null;
  itemCode?: string | null;
  enterpriseUscc?: string | null;
}

function recordFilter(args: RecordFilterArgs): Prisma.EnforcementRecordWhereInput {
  return {
    ...(args.origin && { originJurisdiction: args.origin }),
    ...(args.kind && { kind: args.kind }),
    ...(args.itemCode && { itemCode: args.itemCode }),
    ...(args.enterpriseUscc && { enterpriseUscc: args.enterpriseUscc.trim().toUpperCase() }),
  };
}

builder.queryFields((t) => ({
  records: t.prismaConnection(
    {
      type: "EnforcementRecord",
      cursor: "originJurisdiction_originId",
      description: "执法记录 — records of both provinces, ordered by origin then originId, filtered",
      authScopes: { scope: "read" },
      args: {
        origin: t.arg({ type: JurisdictionEnum, required: false, description: "来源 — one province's records" }),
        kind: t.arg({
          type: RecordKindEnum,
          required: false,
          description: "记录类型 — inspections or penalty decisions",
        }),
        itemCode: t.arg.string({ required: false, description: "unified item code" }),
        enterpriseUscc: t.arg.string({
          required: false,
          description: "统一社会信用代码 — records about this enterprise",
        }),
      },
      totalCount: (_c, args, ctx) => cappedCount(ctx.prisma.enforcementRecord, recordFilter(args)),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.enforcementRecord.findMany({
          ...query,
          where: recordFilter(args),
          orderBy: [{ originJurisdiction: "asc" }, { originId: "asc" }],
        }),
    },
    sharedConnection("EnforcementRecord", "执法记录 — an enforcement record", { cappedCount: true }),
  ),

  record: t.prismaField({
    type: "EnforcementRecord",
    nullable: true,
    description: "One record by its origin and its id there",
    authScopes: { scope: "read" },
    args: {
      origin: t.arg({ type: JurisdictionEnum, required: true, description: "来源 — the province that owns it" }),
      originId: t.arg.string({ required: true, description: "its id on that province's platform" }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.enforcementRecord.findUnique({
        ...query,
        where: { originJurisdiction_originId: { originJurisdiction: args.origin, originId: args.originId } },
      }),
  }),
}));

/** 执法监督预警 as GraphQL: the committee's `warnings` connection and `acknowledgeWarning` (管委会 only). */
import type { Prisma, SupervisionWarning } from "../../gateway/db/generated/prisma/client.ts";
import { notFound } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { jurisdictionOf } from "../common/jurisdiction.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { writeAudited } from "../common/write.ts";
import { DiscretionOutcomeEnum, PenaltyRangeRef, TierRef } from "./discretion-query.ts";
import type { DiscretionMatch } from "./rules/discretion.ts";
import type { StoredDecision } from "./warning-service.ts";

const WarningKindEnum = builder.enumType("WarningKind", {
  description: "预警类型 — what is wrong with a pushed penalty decision",
  values: {
    FINE_ABOVE_RANGE: { description: "罚款高于上限 — fine above the lawful range" },
    FINE_BELOW_RANGE: { description: "罚款低于下限 — fine below the lawful range" },
    LENIENT_IGNORED: { description: "未适用四张清单 — a lenient list that applies was ignored" },
    ITEM_NOT_EMPOWERED: { description: "事项未赋权 — the item is not empowered to the committee" },
    FACTS_MISSING: {
      description: "未附案件事实 — no facts pushed: measured against the whole statutory range (LOW)",
    },
  } as const,
});
const WarningSeverityEnum = builder.enumType("WarningSeverity", {
  description: "预警级别 — warning severity, from the most to the least urgent",
  values: {
    HIGH: {
      description: "高 — high: a fine above the range, a penalty despite a binding 不予处罚, or an item not empowered",
    },
    MEDIUM: {
      description: "中 — medium: a fine below the range, or a 从轻/减轻 range exceeded within the tier's own range",
    },
    LOW: {
      description: "低 — low: a penalty despite a discretionary 首违不罚 (可以), or a decision pushed without facts",
    },
  } as const,
});
const WARNING_STATUSES = ["OPEN", "ACKNOWLEDGED", "SUPERSEDED"] as const;
const WarningStatusEnum = builder.enumType("WarningStatus", {
  description: "预警状态 — warning status: open until the committee acknowledges it or a newer version replaces it",
  values: {
    OPEN: { description: "待处理 — open: not yet seen by the committee" },
    ACKNOWLEDGED: { description: "已确认 — acknowledged: the committee (管委会) has seen it" },
    SUPERSEDED: { description: "已取代 — superseded: a newer version of the record was pushed" },
  } as const,
});

const decisionOf = (w: SupervisionWarning) => w.decision as unknown as StoredDecision;
const matchOf = (w: SupervisionWarning) => {
  const match = w.match as unknown as Partial<DiscretionMatch>;
  return match.outcome ? (match as DiscretionMatch) : null;
};

const WarningRecordRef = builder.objectRef<SupervisionWarning>("WarningRecord").implement({
  description: "预警所涉决定 — the penalty decision, as pushed in the version that raised the warning",
  fields: (t) => ({
    id: t.id({ description: "记录编号 — the gateway's id of the record", resolve: (w) => w.recordId }),
    origin: t.field({
      type: JurisdictionEnum,
      description: "来源 — whose decision it is",
      resolve: (w) => jurisdictionOf(w.originJurisdiction),
    }),
    originId: t.string({
      description: "来源编号 — the record's id on its province's platform",
      resolve: (w) => decisionOf(w).originId,
    }),
    version: t.int({
      description: "版本 — the record version that raised the warning",
      resolve: (w) => w.recordVersion,
    }),
    fineYuan: t.field({
      type: "Yuan",
      nullable: true,
      description: "罚款 — the fine the decision imposed",
      resolve: (w) => (decisionOf(w).fineFen === null ? null : BigInt(decisionOf(w).fineFen as string)),
    }),
    decidedAt: t.field({
      type: "DateTime",
      description: "决定时间 — when the penalty was decided",
      resolve: (w) => new Date(decisionOf(w).decisionDate),
    }),
  }),
});

const WarningMatchRef = builder.objectRef<DiscretionMatch>("WarningMatch").implement({
  description: "裁量结论 — the matchDiscretion result the decision was measured against",
  fields: (t) => ({
    outcome: t.field({
      type: DiscretionOutcomeEnum,
      description: "裁量结论 — what the benchmark allowed",
      resolve: (m) => m.outcome,
    }),
    range: t.field({
      type: PenaltyRangeRef,
      nullable: true,
      description: "罚款幅度 — the lawful range the fine was measured against; null when no penalty",
      resolve: (m) => m.range,
    }),
    tierRange: t.field({
      type: PenaltyRangeRef,
      nullable: true,
      description: "阶次幅度 — the tier's own range before 从轻/减轻",
      resolve: (m) => m.tierRange,
    }),
    tier: t.field({
      type: TierRef,
      nullable: true,
      description: "裁量阶次 — the tier the facts fall in",
      resolve: (m) => m.tier,
    }),
    benchmarkVersion: t.exposeInt("benchmarkVersion", { description: "基准版本 — the benchmark version applied" }),
    citations: t.exposeStringList("citations", { description: "法律依据 — law and article, as cited" }),
  }),
});

builder.prismaObject("SupervisionWarning", {
  description: "执法监督预警 — a pushed penalty decision outside what its benchmark allows",
  fields: (t) => ({
    id: t.exposeID("id", { description: "预警编号 — the warning's id (for acknowledgeWarning)" }),
    kind: t.expose("kind", { type: WarningKindEnum, description: "预警类型 — what is wrong" }),
    severity: t.expose("severity", { type: WarningSeverityEnum, description: "预警级别 — how urgent" }),
    message: t.exposeString("message", { description: "说明 — what is wrong, in words, with the amounts" }),
    status: t.field({
      type: WarningStatusEnum,
      description: "预警状态 — open, acknowledged or superseded",
      resolve: (w) => w.status as (typeof WARNING_STATUSES)[number],
    }),
    itemCode: t.exposeString("itemCode", {
      nullable: true,
      description: "事项编码 — the unified item code; null when the decision's item is unknown",
    }),
    record: t.field({
      type: WarningRecordRef,
      description: "预警所涉决定 — the decision that raised it",
      resolve: (w) => w,
    }),
    match: t.field({
      type: WarningMatchRef,
      nullable: true,
      description: "null when the item could not be matched",
      resolve: matchOf,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "预警时间 — when the warning was raised" }),
  }),
});

interface WarningFilterArgs {
  kind?: Prisma.SupervisionWarningWhereInput["kind"] | null;
  severity?: Prisma.SupervisionWarningWhereInput["severity"] | null;
  origin?: string | null;
  itemCode?: string | null;
  status?: string | null;
}
function warningFilter(args: WarningFilterArgs): Prisma.SupervisionWarningWhereInput {
  return {
    ...(args.kind ? { kind: args.kind } : {}),
    ...(args.severity ? { severity: args.severity } : {}),
    ...(args.origin ? { originJurisdiction: args.origin } : {}),
    ...(args.itemCode ? { itemCode: args.itemCode } : {}),
    ...(args.status ? { status: args.status } : {}),
  };
}

builder.queryFields((t) => ({
  warnings: t.prismaConnection({
    type: "SupervisionWarning",
    cursor: "id",
    description: "执法监督预警 — newest first (管委会 only)",
    authScopes: { $all: { issuer: "gz", scope: "read" } },
    args: {
      kind: t.arg({ type: WarningKindEnum, required: false }),
      severity: t.arg({ type: WarningSeverityEnum, required: false }),
      origin: t.arg({ type: JurisdictionEnum, required: false, description: "来源 — one province's decisions" }),
      itemCode: t.arg.string({ required: false, description: "unified item code" }),
      status: t.arg({ type: WarningStatusEnum, required: false }),
    },
    totalCount: (_connection, args, ctx) => ctx.prisma.supervisionWarning.count({ where: warningFilter(args) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.supervisionWarning.findMany({
        ...query,
        where: warningFilter(args),
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  }),
}));

builder.mutationFields((t) => ({
  acknowledgeWarning: t.prismaField({
    type: "SupervisionWarning",
    description: "管委会 acknowledges an open warning; acknowledging again changes nothing",
    authScopes: { $all: { issuer: "gz", scope: "supervision:write" } },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = String(args.id);
      await writeAudited(ctx, async (tx) => {
        const warning = await tx.supervisionWarning.findUnique({ where: { id } });
        if (!warning) throw notFound(`No warning ${id}`);
        if (warning.status !== "OPEN") return { result: null, recordIds: [id] };
        await tx.supervisionWarning.update({ where: { id }, data: { status: "ACKNOWLEDGED" } });
        return {
          result: null,
          recordIds: [id],
          changes: [
            {
              kind: "warning.acknowledged",
              entityType: "warning",
              entityId: id,
              originJurisdiction: warning.originJurisdiction,
              payload: { recordId: warning.recordId, subject: ctx.caller?.subject ?? null },
            },
          ],
        };
      });
      return ctx.prisma.supervisionWarning.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));

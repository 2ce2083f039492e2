/** 执法监督预警 as GraphQL: the committee's `warnings` connection and `acknowledgeWarning` (管委会 only). */
import type { Prisma, SupervisionWarning } from "../../gateway/db/generated/prisma/client.ts";
import { notFound } from "../../gateway/errors.ts";
import { DiscretionOutcomeEnum, PenaltyRangeRef, TierRef } from "../benchmarks/discretion-query.ts";
import type { DiscretionMatch } from "../benchmarks/rules/discretion.ts";
import { builder } from "../builder.ts";
import { connectionTypes } from "../common/connection-types.ts";
import { jurisdictionOf } from "../common/jurisdiction.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { encodeGlobalId, keyOf, nodeAccess, readableWith } from "../common/node-access.ts";
import { writeAudited } from "../common/write.ts";
import type { AlertEvidence } from "./rules/alerts.ts";
import type { StoredDecision } from "./service.ts";

const WarningKindEnum = builder.enumType("WarningKind", {
  description:
    "预警类型 — what is wrong with a pushed penalty decision, or which supervision indicator crossed its threshold over a period",
  values: {
    FINE_ABOVE_RANGE: { description: "罚款高于上限 — fine above the lawful range" },
    FINE_BELOW_RANGE: { description: "罚款低于下限 — fine below the lawful range" },
    LENIENT_IGNORED: { description: "未适用四张清单 — a lenient list that applies was ignored" },
    ITEM_NOT_EMPOWERED: { description: "事项未赋权 — the item is not empowered to the committee" },
    FACTS_MISSING: {
      description: "未附案件事实 — no facts pushed: measured against the whole statutory range (LOW)",
    },
    REPEATED_INSPECTION: {
      description:
        "重复检查（扰企） — an enterprise inspected again within the repeat window by any department of either province, outside one joint visit (per enterprise and period)",
    },
    FINE_INCOME_SURGE: {
      description:
        "罚没收入异常增长 — fine income of a jurisdiction, domain or department up more than the threshold on the previous period: an early warning of 趋利性执法; no quota may be derived from it",
    },
    A_GRADE_OVER_INSPECTED: {
      description:
        "A级企业检查过多 — a jurisdiction inspected more than the ceiling (default 3%) of A-grade enterprises",
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
  description: "预警状态 — where a warning stands, in the order it moves",
  values: {
    OPEN: { description: "待处理 — raised, not yet acknowledged" },
    ACKNOWLEDGED: { description: "已确认 — the committee has seen it (acknowledgeWarning)" },
    SUPERSEDED: { description: "已失效 — a newer version of the decision was pushed and measured afresh" },
  } as const,
});

const decisionOf = (w: SupervisionWarning) => w.decision as unknown as StoredDecision;
const matchOf = (w: SupervisionWarning) => {
  const match = w.match as unknown as Partial<DiscretionMatch>;
  return match.outcome ? (match as DiscretionMatch) : null;
};

/** a warning about one penalty record (its record fields set) */
type RecordWarning = SupervisionWarning & { recordId: string; recordVersion: number };

const WarningRecordRef = builder.objectRef<RecordWarning>("WarningRecord").implement({
  description: "预警所涉决定 — the penalty decision, as pushed in the version that raised the warning",
  fields: (t) => ({
    id: t.id({
      description: "记录ID — 全局ID of the decision's record (the EnforcementRecord's `id`; read it with `node`)",
      resolve: (w) => encodeGlobalId("EnforcementRecord", w.recordId),
    }),
    origin: t.field({
      type: JurisdictionEnum,
      description: "来源 — whose decision it is",
      resolve: (w) => jurisdictionOf(w.originJurisdiction),
    }),
    originId: t.string({ description: "来源编号 — the province's own id", resolve: (w) => decisionOf(w).originId }),
    version: t.int({ description: "版本 — the version that raised the warning", resolve: (w) => w.recordVersion }),
    fineYuan: t.field({
      type: "Yuan",
      nullable: true,
      description: "罚款 — the fine the decision imposed",
      resolve: (w) => (decisionOf(w).fineFen === null ? null : BigInt(decisionOf(w).fineFen as string)),
    }),
    decidedAt: t.field({
      description: "处罚决定时间 — as pushed",
      type: "DateTime",
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

const evidenceOf = (w: SupervisionWarning) => (w.evidence ?? null) as AlertEvidence | null;

const WarningEvidenceRef = builder.objectRef<AlertEvidence>("WarningEvidence").implement({
  description:
    "预警依据 — what an indicator alert rests on: its period, figure, threshold and records (drill down with `node`)",
  fields: (t) => ({
    from: t.field({
      type: "Date",
      description: "起 — the period's first Beijing day",
      resolve: (e) => new Date(e.from),
    }),
    to: t.field({ type: "Date", description: "止 — the period's last Beijing day", resolve: (e) => new Date(e.to) }),
    value: t.exposeFloat("value", {
      description: "数值 — the figure that crossed the threshold (percent; REPEATED_INSPECTION: repeat visits)",
    }),
    threshold: t.exposeFloat("threshold", {
      description: "阈值 — the threshold it crossed (percent; REPEATED_INSPECTION: the repeat window in days)",
    }),
    numerator: t.exposeFloat("numerator", {
      nullable: true,
      description:
        "分子 — FINE_INCOME_SURGE: this period's fines (yuan); A_GRADE_OVER_INSPECTED: A-grade enterprises inspected",
    }),
    denominator: t.exposeFloat("denominator", {
      nullable: true,
      description:
        "分母 — FINE_INCOME_SURGE: the previous period's fines (yuan); A_GRADE_OVER_INSPECTED: A-grade enterprises",
    }),
    enterpriseUscc: t.exposeString("enterpriseUscc", {
      nullable: true,
      description: "企业 — REPEATED_INSPECTION: the enterprise's unified social credit code",
    }),
    domain: t.exposeString("domain", { nullable: true, description: "执法领域 — a domain alert's domain code" }),
    department: t.exposeString("department", { nullable: true, description: "部门 — a department alert's department" }),
    recordIds: t.idList({
      description:
        "记录 — 全局ID of the records the alert rests on (EnforcementRecord; at most 200; the indicator's `records` lists all)",
      resolve: (e) => e.recordIds.map((id) => encodeGlobalId("EnforcementRecord", id)),
    }),
    taskIds: t.exposeStringList("taskIds", { description: "联合检查任务 — ids of the joint tasks the alert rests on" }),
  }),
});

const SupervisionWarningRef = builder.prismaNode("SupervisionWarning", {
  id: { field: "id" },
  // an id of nothing reads as null, not as an error
  nullable: true,
  description:
    "执法监督预警 — a pushed penalty decision outside what its benchmark allows, or a supervision indicator over its threshold in a period",
  fields: (t) => ({
    kind: t.expose("kind", { description: "预警类型 — what is wrong", type: WarningKindEnum }),
    severity: t.expose("severity", { description: "预警级别 — how urgent", type: WarningSeverityEnum }),
    message: t.exposeString("message", { description: "说明 — the warning as a person reads it" }),
    status: t.field({
      description: "预警状态 — open, acknowledged or superseded",
      type: WarningStatusEnum,
      resolve: (w) => w.status as (typeof WARNING_STATUSES)[number],
    }),
    itemCode: t.exposeString("itemCode", { description: "处罚事项 — the penalty item's unified code", nullable: true }),
    record: t.field({
      description: "处罚决定 — the decision as pushed in the version that raised it; null for an indicator alert",
      type: WarningRecordRef,
      nullable: true,
      resolve: (w) => (w.recordId === null || w.recordVersion === null ? null : (w as RecordWarning)),
    }),
    subject: t.exposeString("subject", {
      nullable: true,
      description:
        "预警对象 — an indicator alert's subject: enterprise:<USCC>, a jurisdiction (cq), cq/domain:<code> or cq/department:<name>; null per decision",
    }),
    periodKey: t.exposeString("periodKey", {
      nullable: true,
      description: "统计期 — an indicator alert's period, YYYY-MM-DD..YYYY-MM-DD (Beijing days); null per decision",
    }),
    evidence: t.field({
      type: WarningEvidenceRef,
      nullable: true,
      description: "预警依据 — an indicator alert's evidence; null per decision (its `record` is the evidence)",
      resolve: evidenceOf,
    }),
    match: t.field({
      type: WarningMatchRef,
      nullable: true,
      description: "null when the item could not be matched",
      resolve: matchOf,
    }),
    createdAt: t.expose("createdAt", { description: "预警时间 — when raised", type: "DateTime" }),
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

// the rule of `warnings`: 管委会 only
nodeAccess("SupervisionWarning", readableWith("read", "gz"));

builder.queryFields((t) => ({
  warnings: t.prismaConnection(
    {
      type: "SupervisionWarning",
      cursor: "id",
      description: "执法监督预警 — newest first (管委会 only)",
      authScopes: { $all: { issuer: "gz", scope: "read" } },
      args: {
        kind: t.arg({ type: WarningKindEnum, required: false, description: "预警类型 — warnings of this kind" }),
        severity: t.arg({
          type: WarningSeverityEnum,
          required: false,
          description: "预警级别 — warnings of this severity",
        }),
        origin: t.arg({ type: JurisdictionEnum, required: false, description: "来源 — one province's decisions" }),
        itemCode: t.arg.string({ required: false, description: "unified item code" }),
        status: t.arg({ type: WarningStatusEnum, required: false, description: "预警状态 — warnings in this status" }),
      },
      totalCount: (_connection, args, ctx) => ctx.prisma.supervisionWarning.count({ where: warningFilter(args) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.supervisionWarning.findMany({
          ...query,
          where: warningFilter(args),
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        }),
    },
    ...connectionTypes("SupervisionWarning", "执法监督预警 — a supervision warning"),
  ),
}));

const AcknowledgeWarningInput = builder.inputType("AcknowledgeWarningInput", {
  description: "确认预警 — which warning the committee has dealt with",
  fields: (t) => ({ warningId: t.id({ required: true, description: "预警ID — 全局ID of the warning (its `id`)" }) }),
});

const AcknowledgeWarningPayload = builder
  .objectRef<{ warning: SupervisionWarning; acknowledged: boolean }>("AcknowledgeWarningPayload")
  .implement({
    description: "确认结果 — the warning as it stands, and whether this call changed it",
    fields: (t) => ({
      warning: t.field({
        type: SupervisionWarningRef,
        description: "执法监督预警 — ACKNOWLEDGED, or as it was when it was not OPEN",
        resolve: (o) => o.warning,
      }),
      acknowledged: t.exposeBoolean("acknowledged", {
        description: "本次确认 — true: OPEN → ACKNOWLEDGED now; false: it was already acknowledged or superseded",
      }),
    }),
  });

builder.mutationFields((t) => ({
  acknowledgeWarning: t.field({
    type: AcknowledgeWarningPayload,
    description: "确认预警 — 管委会 acknowledges an open warning; acknowledging again changes nothing",
    authScopes: { $all: { issuer: "gz", scope: "supervision:write" } },
    args: {
      input: t.arg({ type: AcknowledgeWarningInput, required: true, description: "输入 — the warning acknowledged" }),
    },
    resolve: async (_root, { input }, ctx) => {
      const id = keyOf("SupervisionWarning", input.warningId);
      const acknowledged = await writeAudited(ctx, async (tx) => {
        const warning = await tx.supervisionWarning.findUnique({ where: { id } });
        if (!warning) throw notFound(`No warning ${id}`);
        if (warning.status !== "OPEN") return { result: false, recordIds: [id] };
        await tx.supervisionWarning.update({ where: { id }, data: { status: "ACKNOWLEDGED" } });
        return {
          result: true,
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
      return { warning: await ctx.prisma.supervisionWarning.findUniqueOrThrow({ where: { id } }), acknowledged };
    },
  }),
}));

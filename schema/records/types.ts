/** 执法记录 — enforcement records pushed by the provinces, as GraphQL types and inputs. */

import type { GatewayContext } from "../../gateway/context.ts";
import { builder } from "../builder.ts";
import { jurisdictionOf } from "../common/jurisdiction.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { nodeAccess, readableWith } from "../common/node-access.ts";
import { maskPersonalData, maskPersonalText } from "../libraries/rules/mask-personal-data.ts";
import { seesPersonalDataInClear } from "../libraries/rules/personal-data.ts";
import { documentOf } from "./rules/record-document.ts";
import { SUPERVISION_FIELD_DESCRIPTIONS as D, InspectionModeEnum, LenientKindEnum } from "./supervision-fields.ts";

export const RecordKindEnum = builder.enumType("RecordKind", {
  description: "记录类型",
  values: {
    INSPECTION: { description: "行政检查记录 — an inspection" },
    PENALTY_DECISION: { description: "行政处罚决定 — a penalty decision" },
  } as const,
});

/** Free text of a record as this reader may see it: personal data masked outside the origin (gz needs pii:read). */
const freeText = (ctx: GatewayContext, origin: string, text: string | null) =>
  text === null || seesPersonalDataInClear(ctx.caller, origin) ? text : maskPersonalText(text);

export const EnforcementRecordRef = builder.prismaNode("EnforcementRecord", {
  id: { field: "id" },
  // an id of nothing reads as null, not as an error
  nullable: true,
  description: "执法记录 — a record of a province's platform, unique by (origin, originId); the newest version is kept",
  fields: (t) => ({
    origin: t.field({
      type: JurisdictionEnum,
      description: "来源 — the province that owns it",
      resolve: (r) => jurisdictionOf(r.originJurisdiction),
    }),
    originId: t.exposeString("originId", { description: "its id on the origin platform" }),
    version: t.exposeInt("version", { description: "the origin's version; a newer one replaces it" }),
    kind: t.expose("kind", { type: RecordKindEnum, description: "记录类型 — inspection or penalty decision" }),
    itemCode: t.exposeString("itemCode", { nullable: true, description: "unified item code (执法事项)" }),
    enterpriseUscc: t.exposeString("enterpriseUscc", {
      nullable: true,
      description: "统一社会信用代码 of the enterprise",
    }),
    officerCertificates: t.exposeStringList("officerCertificates", { description: "执法证号 of the officers" }),
    occurredAt: t.expose("occurredAt", { type: "DateTime", description: "检查时间 / 违法行为发生时间" }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true, description: "处罚决定时间" }),
    fineYuan: t.field({
      type: "Yuan",
      nullable: true,
      description: "罚款 — the fine in yuan; null: no fine",
      resolve: (r) => r.fineFen,
    }),
    result: t.string({
      nullable: true,
      description: "结果 as the platform writes it; personal data masked outside the origin",
      resolve: (r, _a, ctx) => freeText(ctx, r.originJurisdiction, r.result),
    }),
    findings: t.string({
      nullable: true,
      description: "检查情况 / 违法事实 (free text); personal data masked outside the origin (gz needs pii:read)",
      resolve: (r, _a, ctx) => freeText(ctx, r.originJurisdiction, documentOf(r).findings),
    }),
    taskId: t.string({
      nullable: true,
      description:
        "派单 — the joint task it answers, as the platform named it: the task's 全局ID (InspectionTask `id`)",
      resolve: (r) => documentOf(r).taskId,
    }),
    payload: t.field({
      type: "JSON",
      description: "the platform's extra fields; personal data masked outside the origin (gz needs pii:read)",
      resolve: (r, _args, ctx) => {
        const extra = documentOf(r).extra;
        return seesPersonalDataInClear(ctx.caller, r.originJurisdiction) ? extra : maskPersonalData(extra);
      },
    }),
    department: t.exposeString("department", { nullable: true, description: D.department }),
    inspectionMode: t.expose("inspectionMode", {
      type: InspectionModeEnum,
      nullable: true,
      description: D.inspectionMode,
    }),
    onSite: t.exposeBoolean("onSite", { nullable: true, description: D.onSite }),
    resultPublishedAt: t.expose("resultPublishedAt", {
      type: "DateTime",
      nullable: true,
      description: D.resultPublishedAt,
    }),
    codeScanned: t.exposeBoolean("codeScanned", { nullable: true, description: D.codeScanned }),
    lenientKind: t.expose("lenientKind", { type: LenientKindEnum, nullable: true, description: D.lenientKind }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "when the gateway first stored it" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "when the gateway last stored a newer version" }),
  }),
});

// both provinces read each other's records (互认), gz all: the rule of `records`
nodeAccess("EnforcementRecord", readableWith("read"));

export const RecordInputRef = builder.inputType("RecordInput", {
  description:
    "One record as an adapter pushes it, already mapped to the canonical shape. Content problems (unknown item, bad USCC, missing field…) quarantine the record; they never fail the batch",
  fields: (t) => ({
    originId: t.string({ required: true, description: "its id on the origin platform" }),
    version: t.int({ required: true, description: "≥ 1, raised on every change; the newest wins" }),
    kind: t.field({
      type: RecordKindEnum,
      required: true,
      description: "记录类型 — an inspection or a penalty decision",
    }),
    itemCode: t.string({ required: false, description: "UNIFIED item code (map provincial codes with the catalog)" }),
    enterpriseUscc: t.string({ required: false, description: "统一社会信用代码" }),
    officerCertificates: t.stringList({ required: false, description: "执法证号, at least one" }),
    occurredAt: t.field({ type: "DateTime", required: false, description: "发生时间 — the inspection or the act" }),
    decidedAt: t.field({
      type: "DateTime",
      required: false,
      description: "决定时间 — penalty decisions: when decided",
    }),
    fineYuan: t.field({ type: "Yuan", required: false, description: "罚款 — the fine in yuan; absent: no fine" }),
    result: t.string({ required: false, description: "结果 — as the platform wrote it (size limit: docs/limits.md)" }),
    findings: t.string({
      required: false,
      description: "检查发现 — free text; personal data in it is masked across provinces",
    }),
    taskId: t.string({
      required: false,
      description:
        "派单 — the joint task it answers: the task's 全局ID (its `id`, as the change stream gives it); anything else is kept but answers no task",
    }),
    payload: t.field({
      type: "JSON",
      required: false,
      description: "extra fields, a JSON object; `facts` and `lenientApplied` feed supervision of penalty decisions",
    }),
    department: t.string({ required: false, description: `${D.department} (size limit: docs/limits.md)` }),
    inspectionMode: t.field({ type: InspectionModeEnum, required: false, description: D.inspectionMode }),
    onSite: t.boolean({ required: false, description: D.onSite }),
    resultPublishedAt: t.field({ type: "DateTime", required: false, description: D.resultPublishedAt }),
    codeScanned: t.boolean({ required: false, description: D.codeScanned }),
    lenientKind: t.field({ type: LenientKindEnum, required: false, description: D.lenientKind }),
  }),
});

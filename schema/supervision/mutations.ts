/** `reportPenaltyDecision` — a province pushes one of its penalty decisions; it is stored and supervised. */
import { z } from "zod";
import { forbidden } from "../../gateway/errors.ts";
import { toCaseFacts } from "../benchmarks/discretion-input.ts";
import { CaseFactsInputRef } from "../benchmarks/discretion-query.ts";
import { builder } from "../builder.ts";
import { jurisdictionOf } from "../common/jurisdiction.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { encodeGlobalId } from "../common/node-access.ts";
import { limitOf } from "../common/rules/field-limits.ts";
import { type PushOutcome, reportPenaltyDecision } from "./decision-service.ts";

/** checked before the resolver, every problem at once (schema/validation-error.ts); other fields pass as they are */
const pushedDecision = z.looseObject({
  originId: z.string().trim().min(1).max(limitOf("ReportPenaltyDecisionInput.originId").max),
  version: z.number().int().min(1),
  itemCode: z.string().trim().min(1).max(64),
  enterpriseUscc: z.string().trim().max(32).nullish(),
  officerCertificates: z.array(z.string().trim().min(1).max(64)).max(50).nullish(),
  result: z.string().max(2000).nullish(),
});

const ReportPenaltyDecisionInput = builder.inputType("ReportPenaltyDecisionInput", {
  description: "行政处罚决定 as pushed by a province; the origin is the caller's issuer",
  validate: pushedDecision,
  fields: (t) => ({
    origin: t.field({
      type: JurisdictionEnum,
      required: false,
      description: "optional check: must equal the caller's issuer (cq or sc), or the push is FORBIDDEN",
    }),
    originId: t.string({
      required: true,
      description: "来源编号 — the province's own id of the decision; 1–100 characters",
    }),
    version: t.int({
      required: true,
      description: "版本 — the province's version, ≥ 1; the newest wins",
    }),
    itemCode: t.string({
      required: true,
      description: "事项编码 — unified, Chongqing or Sichuan item code; up to 64 characters",
    }),
    occurredAt: t.field({ type: "DateTime", required: true, description: "违法行为发生时间" }),
    decidedAt: t.field({ type: "DateTime", required: true, description: "处罚决定时间" }),
    fineYuan: t.field({ type: "Yuan", required: false, description: "罚款 — the fine in yuan; null: no fine" }),
    lenientApplied: t.boolean({
      required: false,
      description: "the decision says a lenient list (不予处罚/从轻/减轻) was applied",
    }),
    enterpriseUscc: t.string({
      required: false,
      description: "统一社会信用代码 — the party's USCC; up to 32 characters",
    }),
    officerCertificates: t.stringList({
      required: false,
      description: "执法证号 — the deciding officers' certificate numbers; at most 50",
    }),
    result: t.string({
      required: false,
      description: "处罚结果 — as written; up to 2000 characters",
    }),
    facts: t.field({ type: CaseFactsInputRef, required: false, description: "the facts the decision found" }),
  }),
});

const PushPayload = builder.objectRef<PushOutcome>("ReportPenaltyDecisionPayload").implement({
  description: "推送结果 — the record the gateway holds now, and whether this push changed it",
  fields: (t) => ({
    recordId: t.id({
      description: "记录ID — 全局ID of the stored decision record (its `id`; read it with `node`)",
      resolve: (o) => encodeGlobalId("EnforcementRecord", o.record.id),
    }),
    origin: t.field({
      type: JurisdictionEnum,
      description: "来源 — whose record it is",
      resolve: (o) => jurisdictionOf(o.record.originJurisdiction),
    }),
    originId: t.string({ description: "来源编号 — the province's own id", resolve: (o) => o.record.originId }),
    version: t.int({ description: "the version the gateway holds now", resolve: (o) => o.record.version }),
    applied: t.boolean({
      description: "false: this or a newer version was already held; nothing changed",
      resolve: (o) => o.applied,
    }),
  }),
});

builder.mutationFields((t) => ({
  reportPenaltyDecision: t.withAuth({ scope: "records:write" }).field({
    type: PushPayload,
    description:
      "推送行政处罚决定 — store a penalty decision of the caller's own origin (newest version wins) and measure it against its benchmark (执法监督预警)",
    // records:write lies only within the ceilings of cq and sc (gateway/auth/scopes.ts)
    args: {
      input: t.arg({ type: ReportPenaltyDecisionInput, required: true, description: "输入 — the decision as decided" }),
    },
    resolve: async (_root, { input }, ctx) => {
      const origin = ctx.caller.issuer;
      if (input.origin != null && input.origin !== origin) {
        throw forbidden(`A ${origin} token may only push records of origin ${origin}`, { reason: "ORIGIN_MISMATCH" });
      }
      const fineFen = input.fineYuan ?? null;
      return reportPenaltyDecision(ctx, origin, {
        originId: input.originId,
        version: input.version,
        itemCode: input.itemCode,
        occurredAt: input.occurredAt,
        decidedAt: input.decidedAt,
        fineFen,
        lenientApplied: input.lenientApplied ?? null,
        enterpriseUscc: input.enterpriseUscc ?? null,
        officerCertificates: input.officerCertificates ?? [],
        result: input.result ?? null,
        facts: toCaseFacts(input.facts),
      });
    },
  }),
}));

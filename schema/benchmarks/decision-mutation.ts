/** `reportPenaltyDecision` — a province pushes one of its penalty decisions; it is stored and supervised. */
import { z } from "zod";
import { badInput, forbidden } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { jurisdictionOf } from "../common/jurisdiction.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { encodeGlobalId } from "../common/node-access.ts";
import { type PushOutcome, reportPenaltyDecision } from "./decision-service.ts";
import { toCaseFacts } from "./discretion-input.ts";
import { CaseFactsInputRef } from "./discretion-query.ts";

const PenaltyDecisionInput = builder.inputType("PenaltyDecisionInput", {
  description: "行政处罚决定 as pushed by a province; the origin is the caller's issuer",
  fields: (t) => ({
    origin: t.field({
      type: JurisdictionEnum,
      required: false,
      description: "optional check: must equal the caller's issuer (cq or sc), or the push is FORBIDDEN",
    }),
    originId: t.string({ required: true, description: "the province's own id of the decision" }),
    version: t.int({ required: true, description: "the province's version; the newest wins" }),
    itemCode: t.string({ required: true, description: "unified, Chongqing or Sichuan item code" }),
    occurredAt: t.field({ type: "DateTime", required: true, description: "违法行为发生时间" }),
    decidedAt: t.field({ type: "DateTime", required: true, description: "处罚决定时间" }),
    fineYuan: t.field({ type: "Yuan", required: false, description: "罚款 — the fine in yuan; null: no fine" }),
    lenientApplied: t.boolean({
      required: false,
      description: "the decision says a lenient list (不予处罚/从轻/减轻) was applied",
    }),
    enterpriseUscc: t.string({ required: false }),
    officerCertificates: t.stringList({ required: false }),
    result: t.string({ required: false, description: "处罚结果 as written" }),
    facts: t.field({ type: CaseFactsInputRef, required: false, description: "the facts the decision found" }),
  }),
});

const pushShape = z.object({
  originId: z.string().trim().min(1).max(128),
  version: z.number().int().min(1),
  itemCode: z.string().trim().min(1).max(64),
  enterpriseUscc: z.string().trim().max(32).nullish(),
  officerCertificates: z.array(z.string().trim().min(1).max(64)).max(50).nullish(),
  result: z.string().max(2000).nullish(),
});

const PushPayload = builder.objectRef<PushOutcome>("ReportPenaltyDecisionPayload").implement({
  fields: (t) => ({
    recordId: t.id({
      description: "全局ID of the stored decision record (its `id`)",
      resolve: (o) => encodeGlobalId("EnforcementRecord", o.record.id),
    }),
    origin: t.field({
      type: JurisdictionEnum,
      description: "来源 — whose record it is",
      resolve: (o) => jurisdictionOf(o.record.originJurisdiction),
    }),
    originId: t.string({ resolve: (o) => o.record.originId }),
    version: t.int({ description: "the version the gateway holds now", resolve: (o) => o.record.version }),
    applied: t.boolean({
      description: "false: this or a newer version was already held; nothing changed",
      resolve: (o) => o.applied,
    }),
  }),
});

builder.mutationFields((t) => ({
  reportPenaltyDecision: t.field({
    type: PushPayload,
    description:
      "推送行政处罚决定 — store a penalty decision of the caller's own origin (newest version wins) and measure it against its benchmark (执法监督预警)",
    // records:write lies only within the ceilings of cq and sc (gateway/auth/scopes.ts)
    authScopes: { scope: "records:write" },
    args: { input: t.arg({ type: PenaltyDecisionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const origin = ctx.caller?.issuer as string;
      if (input.origin != null && input.origin !== origin) {
        throw forbidden(`A ${origin} token may only push records of origin ${origin}`, { reason: "ORIGIN_MISMATCH" });
      }
      const parsed = pushShape.safeParse(input);
      if (!parsed.success) throw badInput(z.prettifyError(parsed.error), { reason: "INVALID_INPUT" });
      const fineFen = input.fineYuan ?? null;
      return reportPenaltyDecision(ctx, origin, {
        originId: parsed.data.originId,
        version: parsed.data.version,
        itemCode: parsed.data.itemCode,
        occurredAt: input.occurredAt,
        decidedAt: input.decidedAt,
        fineFen,
        lenientApplied: input.lenientApplied ?? null,
        enterpriseUscc: parsed.data.enterpriseUscc ?? null,
        officerCertificates: parsed.data.officerCertificates ?? [],
        result: parsed.data.result ?? null,
        facts: toCaseFacts(input.facts),
      });
    },
  }),
}));

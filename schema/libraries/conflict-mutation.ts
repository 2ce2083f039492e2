/**
 * `declareConflict` — 回避: an officer's declared conflict of interest with an enterprise keeps the
 * officer off that enterprise's teams (schema/dispatch). The officer's own province declares it, or 管委会.
 */
import { badInput, forbidden } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { writeAudited } from "../common/write.ts";
import { normaliseUscc } from "../dispatch/rules/index.ts";

const DeclareConflictInput = builder.inputType("DeclareConflictInput", {
  description: "回避申报 — an officer's conflict of interest with an enterprise",
  fields: (t) => ({
    certificateNumber: t.string({ required: true, description: "执法证号 — the officer's certificate number" }),
    uscc: t.string({ required: true, description: "统一社会信用代码 — the enterprise's USCC (GB 32100)" }),
    reason: t.string({ required: true, description: "回避事由 — why, e.g. 亲属任职 (a kin works there); not empty" }),
  }),
});

const DeclareConflictPayload = builder
  .objectRef<{ certificateNumber: string; enterpriseUscc: string }>("DeclareConflictPayload")
  .implement({
    description: "回避申报结果 — the conflict as stored (declaring it again replaces the reason)",
    fields: (t) => ({
      conflict: t.prismaField({
        type: "OfficerConflict",
        description: "the stored declaration",
        resolve: (query, key, _a, ctx) =>
          ctx.prisma.officerConflict.findUniqueOrThrow({ ...query, where: { certificateNumber_enterpriseUscc: key } }),
      }),
    }),
  });

builder.mutationFields((t) => ({
  declareConflict: t.field({
    type: DeclareConflictPayload,
    description: "回避 — declare an officer's conflict with an enterprise (the officer's own province, or gz)",
    authScopes: { $any: { scope: "libraries:write", $all: { issuer: "gz", scope: "dispatch:write" } } },
    args: {
      input: t.arg({ type: DeclareConflictInput, required: true, description: "officer, enterprise and reason" }),
    },
    resolve: async (_r, { input }, ctx) => {
      const certificateNumber = input.certificateNumber.trim().toUpperCase();
      const officer = await ctx.prisma.officer.findUnique({ where: { certificateNumber } });
      if (!officer) throw badInput(`No officer ${certificateNumber}`, { reason: "UNKNOWN_OFFICER" });
      const issuer = ctx.caller?.issuer;
      if (issuer !== "gz" && issuer !== officer.homeJurisdiction) {
        throw forbidden(
          `Officer ${certificateNumber} is of ${officer.homeJurisdiction}: only that province or gz declares for them`,
        );
      }
      const reason = input.reason.trim();
      if (!reason) throw badInput("A conflict states its reason", { reason: "REASON_REQUIRED" });
      const enterpriseUscc = normaliseUscc(input.uscc);
      return writeAudited(ctx, async (tx) => {
        await tx.officerConflict.upsert({
          where: { certificateNumber_enterpriseUscc: { certificateNumber, enterpriseUscc } },
          create: { certificateNumber, enterpriseUscc, reason, declaredBy: ctx.caller?.subject ?? "" },
          update: { reason },
        });
        return { result: { certificateNumber, enterpriseUscc }, recordIds: [`${certificateNumber}/${enterpriseUscc}`] };
      });
    },
  }),
}));

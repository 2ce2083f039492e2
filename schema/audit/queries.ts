/** `auditTrail` and `verifyAudit` — reading and checking the audit log (管委会 with `audit:read`). */
import { verifyStoredChain } from "../../gateway/audit/verify-stored-chain.ts";
import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { builder } from "../builder.ts";
import { cappedCount, connectionTypes } from "../common/connection-types.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { AuditChainCheckRef, AuditOutcomeEnum } from "./types.ts";

const AUDIT_READER = { $all: { issuer: "gz", scope: "audit:read" } } as const;

builder.queryFields((t) => ({
  auditTrail: t.prismaConnection(
    {
      type: "AuditEntry",
      cursor: "seq",
      description: "审计日志 — audit entries, newest first, filtered (管委会 with audit:read)",
      authScopes: AUDIT_READER,
      args: {
        issuer: t.arg({
          type: JurisdictionEnum,
          required: false,
          description: "签发方 — entries of tokens of this issuer",
        }),
        subject: t.arg.string({ required: false, description: "the token's `sub`" }),
        recordId: t.arg.string({ required: false, description: "entries that touched this record" }),
        from: t.arg({
          type: "DateTime",
          required: false,
          description: "从 — entries at or after this instant (inclusive)",
        }),
        to: t.arg({
          type: "DateTime",
          required: false,
          description: "至 — entries at or before this instant (inclusive, to the millisecond a DateTime carries)",
        }),
        outcome: t.arg({ type: AuditOutcomeEnum, required: false, description: "审计结果 — entries that ended so" }),
      },
      totalCount: (_connection, args, ctx) => cappedCount(ctx.prisma.auditEntry, auditFilter(args)),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.auditEntry.findMany({ ...query, where: auditFilter(args), orderBy: { seq: "desc" } }),
    },
    ...connectionTypes("AuditEntry", "审计记录 — an audit entry", { cappedCount: true }),
  ),

  verifyAudit: t.field({
    type: AuditChainCheckRef,
    description:
      "审计链校验 — recomputes the whole hash chain and names the first broken entry (管委会 with audit:read)",
    authScopes: AUDIT_READER,
    resolve: (_root, _args, ctx) => verifyStoredChain(ctx.prisma),
  }),
}));

interface AuditFilterArgs {
  issuer?: string | null;
  subject?: string | null;
  recordId?: string | null;
  from?: Date | null;
  to?: Date | null;
  outcome?: "OK" | "ERROR" | "REFUSED" | null;
}

function auditFilter(args: AuditFilterArgs): Prisma.AuditEntryWhereInput {
  const and: Prisma.AuditEntryWhereInput[] = [];
  if (args.issuer) and.push({ issuer: args.issuer });
  if (args.subject) and.push({ subject: args.subject });
  if (args.recordId) and.push({ recordIds: { has: args.recordId } });
  if (args.from) and.push({ at: { gte: args.from } });
  // inclusive: `at` is stored to the microsecond, a DateTime argument names a whole millisecond
  if (args.to) and.push({ at: { lt: new Date(args.to.getTime() + 1) } });
  if (args.outcome) and.push({ outcome: args.outcome });
  return { AND: and };
}

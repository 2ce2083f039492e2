/** 审计日志 — audit entries and the result of checking their hash chain, as GraphQL types. */
import type { AuditChainResult } from "../../gateway/audit/chain.ts";
import { badInput } from "../../gateway/errors.ts";
import { builder } from "../builder.ts";
import { jurisdictionOf } from "../common/jurisdiction.ts";
import { JurisdictionEnum } from "../common/jurisdiction-enum.ts";
import { nodeAccess, readableWith } from "../common/node-access.ts";

export const AuditOutcomeEnum = builder.enumType("AuditOutcome", {
  description: "审计结果 — audit outcome: how the audited operation ended",
  values: {
    OK: { description: "成功 — completed" },
    ERROR: { description: "失败 — failed: bad input, not found, conflict or an unexpected error" },
    REFUSED: {
      description: "拒绝 — refused: bad or missing token, forbidden, replayed, rate limited or invalid document",
    },
  } as const,
});

builder.prismaNode("AuditEntry", {
  id: { field: "seq" },
  // an id of nothing reads as null, not as an error
  nullable: true,
  findUnique: (key) => ({ seq: sequenceNumber(key) }),
  description: "审计记录 — one operation (or refused attempt), chained to the previous entry by its hash",
  fields: (t) => ({
    seq: t.string({
      description: "position in the chain (a 64-bit integer, hence a string)",
      resolve: (entry) => String(entry.seq),
    }),
    at: t.expose("at", { type: "DateTime", description: "时间 — when the gateway handled the operation" }),
    issuer: t.field({
      type: JurisdictionEnum,
      nullable: true,
      description: "签发方 — the token's issuer; null when no token was verified",
      resolve: (entry) => (entry.issuer === null ? null : jurisdictionOf(entry.issuer)),
    }),
    subject: t.exposeString("subject", { nullable: true, description: "the token's `sub`" }),
    operationName: t.exposeString("operationName", {
      nullable: true,
      description: "操作名 — the GraphQL operation name the client sent; null for an anonymous operation",
    }),
    operationType: t.exposeString("operationType", {
      description: "query | mutation | subscription | invalid (refused before execution) | unknown",
    }),
    documentHash: t.exposeString("documentHash", {
      nullable: true,
      description: "SHA-256 of the document as received",
    }),
    variablesHash: t.exposeString("variablesHash", {
      nullable: true,
      description: "SHA-256 of the variables (sorted keys)",
    }),
    recordIds: t.exposeStringList("recordIds", { description: "ids of the records the operation touched" }),
    outcome: t.field({
      type: AuditOutcomeEnum,
      description: "审计结果 — how the operation ended",
      resolve: (entry) => entry.outcome as "OK" | "ERROR" | "REFUSED",
    }),
    errorCode: t.exposeString("errorCode", {
      nullable: true,
      description: "the refusal's reason (e.g. TOKEN_EXPIRED) or the error's code",
    }),
    prevHash: t.exposeString("prevHash", { description: "hash of the previous entry (64 zeros for the first)" }),
    hash: t.exposeString("hash", { description: "SHA-256 over this entry's canonical payload, prevHash included" }),
  }),
});

/** the key inside an audit entry's global id: its position in the chain */
function sequenceNumber(key: string): bigint {
  if (!/^[1-9][0-9]{0,18}$/.test(key)) throw badInput("Not an audit entry's id (全局ID)", { reason: "BAD_GLOBAL_ID" });
  return BigInt(key);
}

// the rule of `auditTrail`: 管委会 with audit:read
nodeAccess("AuditEntry", readableWith("audit:read", "gz"));

export const AuditChainCheckRef = builder.objectRef<AuditChainResult>("AuditChainCheck").implement({
  description: "审计链校验 — the stored chain recomputed from the first entry",
  fields: (t) => ({
    ok: t.exposeBoolean("ok", {
      description: "完整 — intact: true when every entry recomputes to its stored hash and links to the one before",
    }),
    checked: t.int({ description: "entries found intact (before the broken one, if any)", resolve: (r) => r.checked }),
    firstBrokenSeq: t.string({
      nullable: true,
      description: "seq of the first entry where the chain breaks",
      resolve: (r) => (r.ok ? null : String(r.firstBrokenSeq)),
    }),
    reason: t.string({
      nullable: true,
      description:
        "HASH_MISMATCH (entry altered) | PREV_HASH_MISMATCH (an entry before it removed or altered) | SEQUENCE_ORDER",
      resolve: (r) => (r.ok ? null : r.reason),
    }),
    headSeq: t.string({
      nullable: true,
      description: "seq of the last intact entry: publish it with headHash to anchor the chain",
      resolve: (r) => (r.ok && r.head ? String(r.head.seq) : null),
    }),
    headHash: t.string({
      nullable: true,
      description:
        "链头哈希 — hash of the last intact entry (64 hex characters); null when the chain is broken or empty",
      resolve: (r) => (r.ok && r.head ? r.head.hash : null),
    }),
  }),
});

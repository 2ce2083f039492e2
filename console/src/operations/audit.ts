/** 审计: the trail and the chain check (audit:read). */
import { graphql } from "../graphql.ts";

export const AuditTrail = graphql(`
  query AuditTrail($outcome: AuditOutcome) {
    auditTrail(outcome: $outcome, first: 100) {
      edges { node { seq at issuer operationType operationName outcome errorCode } }
    }
  }
`);

export const VerifyAudit = graphql(`
  query VerifyAudit { verifyAudit { ok checked headSeq headHash firstBrokenSeq reason } }
`);

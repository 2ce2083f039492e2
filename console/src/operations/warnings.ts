/** 监督预警: warnings with filters, acknowledge. */
import { graphql } from "../graphql.ts";

export const Warnings = graphql(`
  query Warnings($status: WarningStatus, $severity: WarningSeverity, $origin: Jurisdiction) {
    warnings(first: 100, status: $status, severity: $severity, origin: $origin) {
      totalCount
      edges { node { id kind severity status message itemCode createdAt } }
    }
  }
`);

export const AcknowledgeWarning = graphql(`
  mutation AcknowledgeWarning($id: ID!) {
    acknowledgeWarning(input: { warningId: $id }) { warning { id status } }
  }
`);

/** Outbound: the change stream into the province (adapters/core/outbound-sync.ts, gateway-client.ts). */
import { graphql } from "./graphql.ts";

export const CHANGES = graphql(`
  subscription Changes($consumer: String) {
    changes(consumer: $consumer) {
      seq kind entityType entityId origin createdAt
      subject {
        __typename
        ... on ChangedRecord {
          id origin originId version kind itemCode enterpriseUscc officerCertificates
          occurredAt decidedAt fineYuan result findings taskId payload
        }
        ... on ChangedTask {
          id version state enterprise { uscc name } itemCodes domains visitFrom visitTo
          officers { certificateNumber jurisdiction }
          inspectionCode codeRevoked jurisdictions
        }
      }
    }
  }
`);

export const ACKNOWLEDGE_CHANGES = graphql(`
  mutation AcknowledgeChanges($input: AcknowledgeChangesInput!) {
    acknowledgeChanges(input: $input) { acknowledgement { ackedSeq } }
  }
`);

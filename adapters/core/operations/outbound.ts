/** Outbound: the change stream into the province (adapters/core/outbound-sync.ts, gateway-client.ts). */
import { graphql } from "./graphql.ts";

export const CHANGES = graphql(`
  subscription Changes($consumer: String) {
    changes(consumer: $consumer) { seq kind entityType entityId origin payload createdAt }
  }
`);

export const ACKNOWLEDGE_CHANGES = graphql(`
  mutation AcknowledgeChanges($input: AcknowledgeChangesInput!) {
    acknowledgeChanges(input: $input) { acknowledgement { ackedSeq } }
  }
`);

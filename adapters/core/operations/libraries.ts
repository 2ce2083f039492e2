/** Inbound: the province's officers and enterprises (adapters/core/library-sync.ts). */
import { graphql } from "./graphql.ts";

export const UPSERT_OFFICERS = graphql(`
  mutation UpsertOfficers($input: UpsertOfficersInput!) {
    upsertOfficers(input: $input) { results { key outcome code message } }
  }
`);

export const UPSERT_ENTERPRISES = graphql(`
  mutation UpsertEnterprises($input: UpsertEnterprisesInput!) {
    upsertEnterprises(input: $input) { results { key outcome code message } }
  }
`);

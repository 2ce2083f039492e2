/** Inbound: the province's records into the gateway (adapters/core/inbound-sync.ts). */
import { graphql } from "./graphql.ts";

export const STORED_CURSORS = graphql(`
  query StoredCursors {
    syncStatus { adapter inbound { cursor } }
  }
`);

export const QUARANTINE_RECORDS = graphql(`
  mutation QuarantineRecords($input: QuarantineRecordsInput!) {
    quarantineRecords(input: $input) { quarantined { id } }
  }
`);

export const INGEST_RECORDS = graphql(`
  mutation IngestRecords($input: IngestRecordsInput!) {
    ingestRecords(input: $input) {
      counts { applied unchanged stale refused }
      cursor
    }
  }
`);

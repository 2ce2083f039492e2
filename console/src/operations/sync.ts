/** 同步状态: each adapter's lag, backlog, last error and quarantine; the quarantine's records run again (重新入库). */
import { graphql } from "../graphql.ts";

export const SyncStatus = graphql(`
  query SyncStatus {
    syncStatus { adapter jurisdiction state lagSeconds lagRecords lastError lastSeenAt quarantined reportAgeSeconds }
  }
`);

export const Quarantine = graphql(`
  query Quarantine($origin: Jurisdiction) {
    quarantine(origin: $origin, status: QUARANTINED, first: 100) {
      totalCount
      edges { node { id origin originId version source code reason attempts createdAt retryable } }
    }
  }
`);

export const RetryQuarantined = graphql(`
  mutation RetryQuarantined($id: ID!) {
    retryQuarantined(id: $id) {
      result { outcome code message }
      quarantined { status attempts reason }
    }
  }
`);

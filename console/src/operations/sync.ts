/** 同步状态: each adapter's lag, backlog, last error and quarantine. */
import { graphql } from "../graphql.ts";

export const SyncStatus = graphql(`
  query SyncStatus {
    syncStatus { adapter jurisdiction state lagSeconds lagRecords lastError lastSeenAt quarantined reportAgeSeconds }
  }
`);

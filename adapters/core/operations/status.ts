/** What an adapter reports about itself (adapters/core/sync-reporter.ts). */
import { graphql } from "./graphql.ts";

export const HEARTBEAT = graphql(`
  mutation Heartbeat($input: HeartbeatInput!) {
    heartbeat(input: $input) { status { adapter } }
  }
`);

export const REPORT_SYNC_ERROR = graphql(`
  mutation ReportSyncError($input: ReportSyncErrorInput!) {
    reportSyncError(input: $input) { status { adapter } }
  }
`);

/**
 * What both sync halves tell the gateway about themselves: heartbeats while idle and standing errors
 * (docs/sync.md "Status"). Best effort: a failed report is not retried (the next one says the same),
 * and reports are throttled so that a failing platform does not turn into a flood of audited writes.
 */
import type { GatewayClient } from "./gateway-client.ts";

export type Direction = "INBOUND" | "OUTBOUND";

const HEARTBEAT = `mutation($source: String!, $direction: SyncDirection, $sourceBacklog: Int, $sourceTime: DateTime) {
  heartbeat(source: $source, direction: $direction, sourceBacklog: $sourceBacklog, sourceTime: $sourceTime) { adapter } }`;
const REPORT_ERROR = `mutation($source: String!, $direction: SyncDirection, $message: String!) {
  reportSyncError(source: $source, direction: $direction, message: $message) { adapter } }`;

export class SyncReporter {
  private lastError = 0;
  private lastHeartbeat = 0;

  constructor(
    private readonly client: GatewayClient,
    private readonly source: string,
    private readonly direction: Direction,
    private readonly everyMs: number,
    private readonly log: (message: string) => void,
  ) {}

  error(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.log(`${this.direction.toLowerCase()} retrying: ${message}`);
    if (Date.now() - this.lastError < this.everyMs) return;
    this.lastError = Date.now();
    this.client
      .mutate(REPORT_ERROR, { source: this.source, direction: this.direction, message: message.slice(0, 500) })
      .catch(() => {});
  }

  /** an idle side says it is alive (inbound: and caught up) */
  async heartbeatIfDue(extra: { sourceBacklog?: number; sourceTime?: string | null } = {}): Promise<void> {
    if (Date.now() - this.lastHeartbeat < this.everyMs) return;
    this.lastHeartbeat = Date.now();
    await this.client
      .mutate(HEARTBEAT, { source: this.source, direction: this.direction, ...extra })
      .catch((error) => this.log(`heartbeat failed: ${error instanceof Error ? error.message : error}`));
  }
}

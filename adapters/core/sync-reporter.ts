/**
 * What both sync halves tell the gateway about themselves: heartbeats while idle and standing errors
 * (docs/sync.md "Status"). Best effort: a failed report is not retried (the next one says the same),
 * and reports are throttled so that a failing platform does not turn into a flood of audited writes.
 */
import { errorLabel } from "../../gateway/logging/error-labels.ts";
import type { Logger } from "../../gateway/logging/logger.ts";
import { type GatewayClient, GatewayError } from "./gateway-client.ts";
import { HEARTBEAT, REPORT_SYNC_ERROR } from "./operations/status.ts";

export type Direction = "INBOUND" | "OUTBOUND";

export class SyncReporter {
  private lastError = 0;
  private lastHeartbeat = 0;
  private unresolved = false;
  private errors = 0;
  private problem: string | null = null;
  private inFlight: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: GatewayClient,
    private readonly source: string,
    private readonly direction: Direction,
    private readonly everyMs: number,
    private readonly log: Logger,
  ) {}

  error(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.log.warn({ direction: this.direction }, `${this.direction.toLowerCase()} retrying: ${loggable(error)}`);
    this.unresolved = true;
    this.errors += 1;
    if (Date.now() - this.lastError < this.everyMs) return;
    this.lastError = Date.now();
    this.send(message);
  }

  /**
   * An error was reported since the last success, so syncStatus still shows it: the side must make a
   * call that clears it (a committed ingest inbound, an acknowledgement outbound) even when it has
   * nothing new to send, or a recovered adapter looks broken for as long as it stays idle.
   */
  get failing(): boolean {
    return this.unresolved;
  }

  /** run the clearing call through this, so that it lands after any error report still in flight */
  async clearing<T>(call: () => Promise<T>): Promise<T> {
    await this.inFlight;
    const errorsBefore = this.errors;
    const result = await call();
    // an error reported meanwhile (a retry of this call, or the other work of this side) may have
    // landed after it: then it still stands, and the next clearing call clears it
    if (this.errors === errorsBefore) this.unresolved = false;
    if (this.problem) this.send(this.problem); // a standing problem outlives the success that cleared it
    return result;
  }

  /** a problem that a success does not solve (e.g. records not delivered): reported again after each clearing call */
  standingProblem(message: string): void {
    this.log.warn({ direction: this.direction }, `${this.direction.toLowerCase()}: ${message}`);
    this.problem = message;
    this.send(message);
  }

  private send(message: string): void {
    this.inFlight = this.client
      .mutate(REPORT_SYNC_ERROR, {
        input: { source: this.source, direction: this.direction, message: message.slice(0, 500) },
      })
      .catch(() => {});
  }

  /** an idle side says it is alive (inbound: and caught up) */
  async heartbeatIfDue(extra: { sourceBacklog?: number; sourceTime?: string | null } = {}): Promise<void> {
    if (Date.now() - this.lastHeartbeat < this.everyMs) return;
    this.lastHeartbeat = Date.now();
    await this.client
      .mutate(HEARTBEAT, { input: { source: this.source, direction: this.direction, ...extra } })
      .catch((error) => this.log.warn({ direction: this.direction }, `heartbeat failed: ${loggable(error)}`));
  }
}

/**
 * What the log says about a failure. The gateway's error messages may repeat the record that was sent
 * (personal data included), so a gateway error is named by its status, code and reason only; the
 * full message still reaches the gateway's syncStatus (`reportSyncError`), where access is controlled.
 */
function loggable(error: unknown): string {
  if (error instanceof GatewayError) return `gateway answered ${error.status} ${errorLabel({ extensions: error })}`;
  return error instanceof Error ? error.message : String(error);
}

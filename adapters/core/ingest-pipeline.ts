/**
 * At most two batches of a feed on their way to the gateway: the next batch is sent before the last one is
 * answered, naming the last one's cursor as the one it `follows`. The gateway stores it only on top of that cursor
 * (schema/sync/checkpoints.ts `requireStoredCursor`), so it reads and checks the next batch while the last one's
 * transaction runs, and the two are still stored in order.
 *
 * A batch sent ahead is tried once. Whatever stops it (CURSOR_MOVED because the last one failed, an outage, a lost
 * answer), it is sent again the usual way once the last one is stored: without `follows`, retried until stored,
 * as a batch sent alone always was. So nothing is skipped (a batch is sent until it is stored) and nothing is
 * doubled (a batch stored twice changes nothing the second time: newest version wins, docs/sync.md).
 */

/** a batch and the cursor after it, as `ingestRecords` takes them */
export interface CursoredBatch {
  cursor: string;
}

export interface IngestSenders<B extends CursoredBatch> {
  /** sends the batch until it is stored (retried, errors reported); rejects only when the adapter stops */
  store: (batch: B) => Promise<unknown>;
  /** one attempt to store the batch on top of the stored cursor `follows` */
  sendAhead: (batch: B, follows: string) => Promise<unknown>;
}

export class IngestPipeline<B extends CursoredBatch> {
  /** the last batch sent, not known to be stored yet */
  private last: { cursor: string; stored: Promise<unknown> } | null = null;

  constructor(private readonly senders: IngestSenders<B>) {}

  /**
   * Sends `batch`: ahead of the last one when `ahead` allows it and one is on its way. Resolves once the batch
   * before it is stored, not this one (`drain` waits for that).
   */
  async send(batch: B, ahead: boolean): Promise<void> {
    const last = this.last;
    const sentAhead =
      last && ahead
        ? this.senders.sendAhead(batch, last.cursor).then(
            () => true,
            () => false,
          )
        : null;
    if (last) await last.stored;
    const stored = sentAhead
      ? sentAhead.then((done) => (done ? undefined : this.senders.store(batch)))
      : this.senders.store(batch);
    stored.catch(() => {}); // awaited by the next send or by drain
    this.last = { cursor: batch.cursor, stored };
  }

  /** resolves once every batch sent is stored */
  async drain(): Promise<void> {
    const last = this.last;
    if (!last) return;
    await last.stored;
    if (this.last === last) this.last = null;
  }
}

/**
 * At most two batches of a feed on their way to the gateway. Every batch names the cursor it `follows` (the one
 * before it, or the stored one read at start), and the gateway stores it only on top of that cursor or again on top
 * of its own (schema/sync/checkpoints.ts `requireStoredCursor`). So the next batch can be sent before the last one is
 * answered: the gateway reads and coerces it while the last one's transaction runs, and stores the two in order.
 *
 * - A batch sent ahead is tried once. Whatever stops it (CURSOR_MOVED because the last one failed, an outage, a lost
 *   answer), it is sent again once the last one is stored, retried until stored.
 * - A batch sent again whose answer was lost meets its own cursor (stored again: changes nothing) or the cursor of
 *   the batch sent after it, which is stored only on top of this one: then this one was stored. Either way the
 *   cursor never moves back.
 * - A batch is sent ahead only of one that followed a known cursor and moved it, so that the cursor a batch leaves
 *   proves that batch was stored. The first batch of a feed with no stored cursor goes alone, without `follows`.
 * - A cursor moved by someone else (another instance of the adapter, an operator) is met by storing the batch
 *   without `follows`, as a batch sent alone always was.
 *
 * Nothing is skipped (a batch is sent until it is stored) and nothing is doubled (a batch stored twice changes
 * nothing the second time: newest version wins, docs/sync.md).
 */

/** a batch and the cursor after it, as `ingestRecords` takes them */
export interface CursoredBatch {
  cursor: string;
}

export interface IngestSenders<B extends CursoredBatch> {
  /**
   * sends the batch until it is stored (retried, errors reported), on top of `follows` when given. A CURSOR_MOVED
   * refusal is not retried: it rejects. Rejects too when the adapter stops.
   */
  store: (batch: B, follows: string | null) => Promise<unknown>;
  /** one attempt to store the batch on top of `follows` */
  sendAhead: (batch: B, follows: string) => Promise<unknown>;
  /** the stored cursor that a CURSOR_MOVED refusal names; undefined when the error is not such a refusal */
  movedTo: (error: unknown) => string | null | undefined;
}

interface SentBatch {
  cursor: string;
  /** the cursor it was sent on top of (null: none known, sent without `follows`) */
  follows: string | null;
  /** the cursor of the batch sent ahead of it being stored, once there is one */
  nextCursor: string | null;
  stored: Promise<unknown>;
}

export class IngestPipeline<B extends CursoredBatch> {
  private last: SentBatch | null = null;

  /** `stored`: the cursor stored when the feed is taken up (null: none yet) */
  constructor(
    private readonly senders: IngestSenders<B>,
    private stored: string | null,
  ) {}

  /**
   * Sends `batch`: ahead of the last one when `ahead` allows it and one is on its way. Resolves once the batch
   * before it is stored, not this one (`drain` waits for that).
   */
  async send(batch: B, ahead: boolean): Promise<void> {
    const last = this.last;
    const sentAhead =
      last && ahead && last.follows !== null && last.cursor !== last.follows
        ? this.senders.sendAhead(batch, last.cursor).then(
            () => true,
            () => false,
          )
        : null;
    if (last && sentAhead) last.nextCursor = batch.cursor;
    if (last) await last.stored;
    const follows = last ? last.cursor : this.stored;
    const sent: SentBatch = { cursor: batch.cursor, follows, nextCursor: null, stored: Promise.resolve() };
    sent.stored = sentAhead
      ? sentAhead.then((done) => (done ? undefined : this.storeOnTop(batch, sent)))
      : this.storeOnTop(batch, sent);
    sent.stored.catch(() => {}); // awaited by the next send or by drain
    this.last = sent;
  }

  /** resolves once every batch sent is stored */
  async drain(): Promise<void> {
    const last = this.last;
    if (!last) return;
    await last.stored;
    if (this.last === last) {
      this.stored = last.cursor;
      this.last = null;
    }
  }

  private async storeOnTop(batch: B, sent: SentBatch): Promise<void> {
    try {
      await this.senders.store(batch, sent.follows);
    } catch (error) {
      const movedTo = this.senders.movedTo(error);
      if (movedTo === undefined) throw error;
      // the batch sent after this one is stored only on top of this one's cursor: this one was stored, answer lost
      if (movedTo !== null && movedTo === sent.nextCursor) return;
      await this.senders.store(batch, null);
    }
  }
}

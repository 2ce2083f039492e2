/**
 * The read-audit group commit on Postgres, in ONE round trip while this writer knows the chain's head (it wrote it
 * last) and in two otherwise — instead of the five of a Prisma interactive transaction (BEGIN, lock, head, INSERT,
 * COMMIT, each a wait for the event loop of a busy gateway).
 *
 * Every batch is stored by the database function `gaozhu_audit_append` (prisma/migrations/20261206000000_audit_append_function):
 * under the chain lock (so `seq` order is chain order, with mutations appending in their own transactions and other
 * gateways alike), and only if the chain's head is still the one the batch was chained on, it inserts the batch's
 * rows and reserves numbers for this writer's next batches. The next batch is then chained here, on the head this
 * writer left and on those numbers, and sent as one prepared statement (its own transaction):
 *   `SELECT gaozhu_audit_append($rows, $head, $reserve)`
 * so the lock is held only while Postgres works, never across a round trip to a busy gateway (under the read load
 * the gateway idled, waiting for commits). A function called as a prepared statement, because Postgres parsed and
 * planned the five statements it replaced for every batch and took one nextval a reserved number: its CPU an entry
 * went from 69 to 38 µs at 8 entries a batch, from 35 to 23 µs at 24 (bench/README.md, "read-peers"). If anyone else wrote in between, the
 * function stores nothing and returns null, and the batch goes the long way:
 *   1. `BEGIN; <lock>; <head and numbers>` — Postgres runs each statement with a snapshot of its own (read
 *      committed), so the head is read after the lock and sees the last commit;
 *   2. `SELECT gaozhu_audit_append(…); COMMIT` on that head, within the same transaction (the lock is still held).
 * Reserved numbers are higher than every number in the chain when they are taken, and are used only for a batch
 * chained on that writer's own head, so `seq` stays in chain order; numbers a writer drops (another writer wrote)
 * leave gaps, as rolled-back transactions do — allowed by the chain's verification (./chain.ts). Each call resolves
 * once the commit is durable (synchronous_commit as the server has it; never turned off here).
 *
 * One dedicated connection (reconnecting after failures), so the ORM's pool stays free for requests; batches are
 * written one after the other (the audit log's group commit), each chained on the last. Two batches at once, on two
 * connections, were slower: the second one's message often took the lock first, found the head not yet written, and
 * went the long way (bench/README.md). On the long way the batch travels as ONE escaped JSON literal (pg's
 * escapeLiteral), the only text spliced into the SQL besides constants, counts and the head's hash (hex, escaped the
 * same way).
 */
import pg from "pg";
import { AUDIT_LOCK_SQL, type AuditBatchWriter, type AuditRecord, auditHeadSql, chainBatch } from "./audit-log.ts";
import { CANONICAL_TAG, type ChainedEntry } from "./chain.ts";

export interface PgAuditBatchWriter {
  write: AuditBatchWriter;
  /** batches written in one round trip, the long way, and one-trip attempts that found another head (tests) */
  counts(): { oneTrip: number; longWay: number; headMoved: number };
  close(): Promise<void>;
}

/** the function that stores a batch chained on an expected head and reserves the next numbers (see above) */
const APPEND_STATEMENT = "gaozhu-audit-append";
const APPEND_SQL = "SELECT gaozhu_audit_append($1::jsonb, $2, $3) AS reserved";

/** the head this writer left and the numbers it reserved after it (ascending) */
interface KnownHead {
  hash: string;
  seqs: bigint[];
}

/** the most batches that go the long way after a one-trip attempt found another writer's head */
const MAX_BACKOFF = 64;

/** numbers to reserve for the next batches: enough for two of this size, at least 64 */
const toReserve = (batchSize: number, left: number) => Math.max(0, Math.max(64, 2 * batchSize) - left);

/** what precedes the fields in every canonical payload: `["gaozhu-audit-v1",` */
const PAYLOAD_HEAD = `[${JSON.stringify(CANONICAL_TAG)},`;

/**
 * The batch's rows as the function reads them: each a JSON array in the table's column order (no key names) — the
 * canonical payload's fields, which are in that order after its tag, then the hash (hex). So what is stored is the
 * very text that was hashed, and it is not serialized a second time (~2 µs an entry).
 */
export const rowsJson = (entries: readonly ChainedEntry[]) =>
  `[${entries.map(({ payload, row }) => `[${payload.slice(PAYLOAD_HEAD.length, -1)},"${row.hash}"]`).join(",")}]`;

/**
 * The batch's rows as a jsonb parameter in Postgres's binary format: a version byte (1), then the JSON text as UTF-8
 * (what the server's `jsonb_recv` reads; it parses that text as the text format would). Sent as text, the rows were
 * a string of several parts that pg's bind writer made flat and turned into bytes, and those flat copies aged: they
 * were 67% of what outlived the young generation under the read-peers load, and in a loop of pg alone the text
 * promoted ~1.1 MB a scavenge against ~0.13 MB as bytes (bench/README.md, "read-peers: the audit rows as bytes").
 * As bytes, the text dies young here and pg copies bytes that live outside the heap.
 */
export function jsonbParameter(json: string): Buffer {
  const bytes = Buffer.allocUnsafe(1 + Buffer.byteLength(json));
  bytes[0] = 1;
  bytes.write(json, 1, "utf8");
  return bytes;
}

/** the numbers reserved, or null: the head was not the one expected, nothing was stored */
const reservedOf = (result: pg.QueryResult) =>
  (result.rows[0] as { reserved: string[] | null }).reserved?.map(BigInt) ?? null;

export function createPgAuditBatchWriter(connectionString: string): PgAuditBatchWriter {
  // One client of its own, not a pool, and no wait for it once connected: a batch's message is written the moment
  // the batch is asked for (a pool hands its client over a turn of the event loop later — after the last batch's
  // requests have been answered, which is as long again as the round trip under load).
  let ready: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  const connect = (): Promise<pg.Client> => {
    connecting ??= (async () => {
      const client = new pg.Client({ connectionString });
      // a connection that dropped: the next batch connects again
      const forget = () => {
        if (ready === client) ready = null;
      };
      client.on("error", forget);
      client.on("end", forget);
      try {
        await client.connect();
        ready = client;
        return client;
      } finally {
        connecting = null;
      }
    })();
    return connecting;
  };
  /** the batch being written (settled when it is) */
  let writing: Promise<unknown> | null = null;
  /** null until this writer has committed a batch, and again after any batch that did not */
  let known: KnownHead | null = null;
  const counts = { oneTrip: 0, longWay: 0, headMoved: 0 };
  // Several gateways writing all the time would make most one-trip attempts find another's head (and then go the
  // long way: three trips). After such an attempt the next `backoff` batches go the long way directly; the backoff
  // doubles (up to MAX_BACKOFF) while attempts keep failing and is reset by one that succeeds.
  let backoff = 1;
  let longWaysLeft = 0;

  /** chained on the known head and sent whole; false: someone else wrote since, nothing was stored */
  async function writeAfterKnownHead(client: pg.Client, head: KnownHead, records: AuditRecord[], clock: () => Date) {
    const entries = chainBatch(head.hash, head.seqs.slice(0, records.length), records, clock);
    const left = head.seqs.slice(records.length);
    const reserved = reservedOf(
      await client.query({
        name: APPEND_STATEMENT,
        text: APPEND_SQL,
        values: [jsonbParameter(rowsJson(entries)), head.hash, toReserve(records.length, left.length)],
      }),
    );
    if (reserved === null) {
      counts.headMoved += 1;
      longWaysLeft = backoff;
      backoff = Math.min(2 * backoff, MAX_BACKOFF);
      return false;
    }
    counts.oneTrip += 1;
    backoff = 1;
    known = { hash: entries.at(-1)!.row.hash, seqs: [...left, ...reserved] };
    return true;
  }

  async function writeTheLongWay(client: pg.Client, records: AuditRecord[], clock: () => Date) {
    const results = (await client.query(
      `BEGIN; ${AUDIT_LOCK_SQL}; ${auditHeadSql(records.length)}`,
    )) as unknown as pg.QueryResult[];
    const numbers = results[2]!.rows[0] as { head: string | null; seqs: string[] };
    const entries = chainBatch(numbers.head, numbers.seqs, records, clock);
    const head = numbers.head === null ? "NULL" : pg.escapeLiteral(numbers.head);
    const [appended] = (await client.query(
      `SELECT gaozhu_audit_append(${pg.escapeLiteral(rowsJson(entries))}::jsonb, ${head}, ${toReserve(records.length, 0)}) AS reserved; COMMIT`,
    )) as unknown as pg.QueryResult[];
    // the lock is held since the head was read: no one else can have moved it. Should it ever be null, nothing was
    // stored (the COMMIT sent with it only ends the transaction, its numbers unused) and the batch fails
    const reserved = reservedOf(appended!);
    if (reserved === null) throw new Error("the audit chain's head moved under its lock");
    counts.longWay += 1;
    known = { hash: entries.at(-1)!.row.hash, seqs: reserved };
  }

  async function writeOne(records: AuditRecord[], clock: () => Date): Promise<void> {
    const client = ready ?? (await connect());
    const head = known;
    known = null; // set again by a batch that commits
    const tryOneTrip = head !== null && head.seqs.length >= records.length && longWaysLeft === 0;
    if (longWaysLeft > 0) longWaysLeft -= 1;
    try {
      if (tryOneTrip && (await writeAfterKnownHead(client, head, records, clock))) return;
      await writeTheLongWay(client, records, clock);
    } catch (error) {
      // a connection that cannot even roll back is dropped; the next batch connects again
      await client.query("ROLLBACK").catch(() => {
        if (ready === client) ready = null;
        void client.end().catch(() => {});
      });
      throw error;
    }
  }

  const write: AuditBatchWriter = (records, clock) => {
    if (records.length === 0) return Promise.resolve();
    // one batch at a time, so `known` is never shared by two; the audit log asks for one at a time anyway, and the
    // batch then starts at once, its message on the wire before this call returns
    if (writing) return writing.then(() => write(records, clock));
    const done = writeOne(records, clock).finally(() => {
      writing = null;
    });
    writing = done.catch(() => {});
    return done;
  };

  return {
    write,
    counts: () => ({ ...counts }),
    async close() {
      const client = ready ?? (await connecting?.catch(() => null));
      ready = null;
      await client?.end();
    },
  };
}

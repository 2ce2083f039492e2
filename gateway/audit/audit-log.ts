/**
 * The audit writer. Every entry joins the hash chain under one advisory lock on the chain head, so
 * two appends never share a `prevHash` and `seq` order is chain order.
 * - Mutations append inside their own transaction (`appendInTransaction`): the entry commits or rolls
 *   back with the change it describes.
 * - Everything else (queries, subscription starts, refused attempts) goes through `append`, which
 *   group-commits: concurrent requests share one transaction, and each request's promise resolves only
 *   once its entry is durable — so reads are audited without serializing on one lock per request.
 */
import { Prisma, type PrismaClient } from "../db/generated/prisma/client.ts";
import { type ChainedEntry, chainEntry } from "./chain.ts";

/** pg_advisory_xact_lock key of the chain head ("audi" in ASCII; also written in the function gaozhu_audit_append) */
const AUDIT_CHAIN_LOCK = 0x61756469;

export interface AuditRecord {
  issuer: string | null;
  subject: string | null;
  operationName: string | null;
  operationType: string;
  documentHash: string | null;
  /**
   * the variables' hash; from a request, the function that works it out (RequestAudit's), called once the entry is
   * taken into a group-commit batch. In a loop of the read lane's work, hashing a match's variables cost ~4–5 µs
   * there, back to back with the batch's others, and ~9–21 µs on the request's own path (bench/README.md, "match:
   * the facts and the variables' text")
   */
  variablesHash: string | null | (() => string | null);
  recordIds: readonly string[];
  /** OK | ERROR | REFUSED */
  outcome: "OK" | "ERROR" | "REFUSED";
  errorCode: string | null;
}

/**
 * The entry of a request answered before any operation of it could be named (refused at the HTTP level, or failed
 * before execution): who sent it when the token was read, and the outcome. The audit backstop and Node's parser
 * refusals write it (gateway/plugins/use-audit-backstop.ts, ./parser-refusal-audit.ts).
 */
export function unnamedOperationRecord(
  caller: { issuer: string; subject: string } | null,
  outcome: Pick<AuditRecord, "outcome" | "errorCode">,
): AuditRecord {
  return {
    issuer: caller?.issuer ?? null,
    subject: caller?.subject ?? null,
    operationName: null,
    operationType: "invalid",
    documentHash: null,
    variablesHash: null,
    recordIds: [],
    ...outcome,
  };
}

export interface AuditLog {
  /** group-committed; resolves when the entry is durable */
  append(record: AuditRecord): Promise<void>;
  /** inside the caller's transaction, so it commits or rolls back with the change */
  appendInTransaction(tx: Prisma.TransactionClient, records: AuditRecord | AuditRecord[]): Promise<void>;
  /** writes what is queued */
  flush(): Promise<void>;
}

export interface AuditLogOptions {
  /** entries per transaction at most @default 500 */
  maxBatch?: number;
  clock?: () => Date;
  /**
   * writes one group-commit batch as a transaction of its own, resolving once it committed; default: a Prisma
   * interactive transaction (five round trips). On Postgres the gateway passes `createPgAuditBatchWriter`
   * (./pg-audit-batch-writer.ts), which needs two.
   */
  writeBatch?: AuditBatchWriter;
}

/** Writes a batch of entries, durably, in one transaction of its own. */
export type AuditBatchWriter = (records: AuditRecord[], clock: () => Date) => Promise<void>;

/** The chain head and the batch's numbers, read after the lock (a statement of its own: it must see the last commit). */
export const auditHeadSql = (count: number) => `
  SELECT (SELECT "hash" FROM "AuditEntry" ORDER BY "seq" DESC LIMIT 1) AS head,
         ARRAY(SELECT nextval(pg_get_serial_sequence('"AuditEntry"', 'seq'))
               FROM generate_series(1, ${Math.trunc(count)}::int)) AS seqs`;

export const AUDIT_LOCK_SQL = `SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;

/** NUL (which Postgres's text cannot hold) or a lone surrogate (which jsonb refuses) */
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A caller's text as Postgres can store it, each unstorable character replaced by U+FFFD. Operation names and record
 * ids come from requests: one such character failed the whole batch it was in, every other caller's entry with it.
 * Replaced before hashing, so the chain covers what is stored.
 */
function storable<T extends string | null>(text: T): T {
  if (text === null) return text;
  UNSTORABLE.lastIndex = 0;
  return (UNSTORABLE.test(text) ? text.replace(UNSTORABLE, "\ufffd") : text) as T;
}

const variablesHashOf = ({ variablesHash }: AuditRecord) =>
  typeof variablesHash === "function" ? variablesHash() : variablesHash;

/**
 * The queued entries of a batch with their variables hashed, each hash kept in its record; an entry whose variables
 * cannot be hashed is refused alone (`done` with the error), and the rest are written.
 */
function hashedVariables<T extends { record: AuditRecord; done: (error?: unknown) => void }>(batch: T[]): T[] {
  return batch.filter((queued) => {
    try {
      queued.record.variablesHash = variablesHashOf(queued.record);
      return true;
    } catch (error) {
      queued.done(error);
      return false;
    }
  });
}

/** The entries of a batch, chained after `head` (null: the log is empty) and numbered with `seqs`. */
export function chainBatch(
  head: string | null,
  seqs: ReadonlyArray<bigint | string | number>,
  records: readonly AuditRecord[],
  clock: () => Date,
): ChainedEntry[] {
  let previous: { hash: string } | null = head ? { hash: head } : null;
  return records.map((record, index) => {
    const chained = chainEntry(previous, {
      seq: BigInt(seqs[index]!),
      at: clock(),
      issuer: storable(record.issuer),
      subject: storable(record.subject),
      operationName: storable(record.operationName),
      operationType: record.operationType,
      documentHash: record.documentHash,
      variablesHash: variablesHashOf(record),
      recordIds: record.recordIds.map(storable),
      outcome: record.outcome,
      errorCode: storable(record.errorCode),
    });
    previous = chained.row;
    return chained;
  });
}

export function createAuditLog(prisma: PrismaClient, options: AuditLogOptions = {}): AuditLog {
  const maxBatch = options.maxBatch ?? 500;
  const clock = options.clock ?? (() => new Date());
  const queue: Array<{ record: AuditRecord; done: (error?: unknown) => void }> = [];
  let writing: Promise<void> | null = null;

  // Three statements whatever the batch's size, in raw SQL (no query planning in the ORM per batch): the
  // lock; the head and the batch's numbers, read after the lock so that this statement sees the last
  // commit; one multi-row INSERT.
  async function appendInTransaction(tx: Prisma.TransactionClient, records: AuditRecord | AuditRecord[]) {
    const list = Array.isArray(records) ? records : [records];
    if (list.length === 0) return;
    await tx.$executeRawUnsafe(AUDIT_LOCK_SQL);
    const [numbers] = await tx.$queryRawUnsafe<Array<{ head: string | null; seqs: bigint[] }>>(
      auditHeadSql(list.length),
    );
    const rows = chainBatch(numbers?.head ?? null, numbers!.seqs, list, clock).map(
      ({ row }) => Prisma.sql`(${row.seq}, ${new Date(row.at)}, ${row.issuer}, ${row.subject}, ${row.operationName},
        ${row.operationType}, ${row.documentHash}, ${row.variablesHash}, ${row.recordIds}::text[],
        ${row.outcome}, ${row.errorCode}, ${row.prevHash}, ${row.hash})`,
    );
    await tx.$executeRaw`
      INSERT INTO "AuditEntry" ("seq", "at", "issuer", "subject", "operationName", "operationType", "documentHash",
        "variablesHash", "recordIds", "outcome", "errorCode", "prevHash", "hash")
      VALUES ${Prisma.join(rows)}`;
  }

  const writeBatch: AuditBatchWriter =
    options.writeBatch ?? ((records) => prisma.$transaction((tx) => appendInTransaction(tx, records)));

  type Queued = (typeof queue)[number];
  /** the next batch off the queue, its write started; resolves with the batch's error, or undefined once durable */
  const startNextBatch = (): { batch: Queued[]; written: Promise<unknown> } | null => {
    let batch: Queued[] = [];
    while (batch.length === 0 && queue.length > 0) batch = hashedVariables(queue.splice(0, maxBatch));
    if (batch.length === 0) return null;
    const written = writeBatch(
      batch.map((b) => b.record),
      clock,
    ).then(
      () => undefined,
      (error: unknown) => error ?? new Error("the audit batch failed"),
    );
    return { batch, written };
  };

  // The next batch is started before the last one's requests are answered: answering them (their responses, logs,
  // metrics) is event-loop work that would otherwise delay the next batch's message by as much again.
  async function drain(): Promise<void> {
    for (let current = startNextBatch(); current !== null; ) {
      const error = await current.written;
      const { batch } = current;
      current = startNextBatch();
      for (const b of batch) b.done(error);
    }
  }

  function kick(): Promise<void> {
    writing ??= drain().finally(() => {
      writing = null;
      if (queue.length > 0) void kick();
    });
    return writing;
  }

  return {
    append(record) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ record, done: (error) => (error ? reject(error) : resolve()) });
        void kick();
      });
    },
    appendInTransaction,
    async flush() {
      while (writing || queue.length > 0) await kick();
    },
  };
}

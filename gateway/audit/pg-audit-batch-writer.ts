/**
 * The read-audit group commit on Postgres in two round trips instead of the five of a Prisma interactive
 * transaction (BEGIN, lock, head, INSERT, COMMIT, each a wait for the event loop of a busy gateway):
 *   1. `BEGIN; <lock>; <head and numbers>` — one simple-protocol message; Postgres still runs each statement with
 *      a snapshot of its own (read committed), so the head is read after the lock and sees the last commit;
 *   2. `INSERT … FROM jsonb_to_recordset(<the batch as one literal>); COMMIT` — resolves once the commit is durable
 *      (synchronous_commit as the server has it; never turned off here).
 * A dedicated connection (a pool of one, reconnecting after failures): the writer is serial anyway, and
 * the ORM's pool stays free for requests. The batch travels as ONE escaped JSON literal (pg's escapeLiteral),
 * the only text spliced into the SQL besides constants and the batch's size.
 */
import pg from "pg";
import { AUDIT_LOCK_SQL, type AuditBatchWriter, auditHeadSql, chainBatch } from "./audit-log.ts";

export interface PgAuditBatchWriter {
  write: AuditBatchWriter;
  close(): Promise<void>;
}

const INSERT_COLUMNS = `"seq", "at", "issuer", "subject", "operationName", "operationType", "documentHash",
  "variablesHash", "recordIds", "outcome", "errorCode", "prevHash", "hash"`;
const RECORDSET_TYPES = `"seq" bigint, "at" timestamptz, "issuer" text, "subject" text, "operationName" text,
  "operationType" text, "documentHash" text, "variablesHash" text, "recordIds" text[], "outcome" text,
  "errorCode" text, "prevHash" text, "hash" text`;

export function createPgAuditBatchWriter(connectionString: string): PgAuditBatchWriter {
  const pool = new pg.Pool({ connectionString, max: 1 });
  pool.on("error", () => {}); // an idle connection that dropped: the next batch connects again

  const write: AuditBatchWriter = async (records, clock) => {
    if (records.length === 0) return;
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      const results = (await client.query(
        `BEGIN; ${AUDIT_LOCK_SQL}; ${auditHeadSql(records.length)}`,
      )) as unknown as pg.QueryResult[];
      const numbers = results[2]!.rows[0] as { head: string | null; seqs: string[] };
      const rows = chainBatch(numbers.head, numbers.seqs, records, clock).map((row) => ({
        ...row,
        seq: String(row.seq),
        at: new Date(row.at).toISOString(),
        operationType: row.operationType ?? "unknown",
      }));
      const batch = pg.escapeLiteral(JSON.stringify(rows));
      await client.query(
        `INSERT INTO "AuditEntry" (${INSERT_COLUMNS})
         SELECT ${INSERT_COLUMNS} FROM jsonb_to_recordset(${batch}::jsonb) AS r(${RECORDSET_TYPES}); COMMIT`,
      );
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  };

  return { write, close: () => pool.end() };
}

/**
 * Statements whose parameter is a whole batch (~0.5 MB of JSON for 1,000 records: the records, their change
 * events, their warnings, a refresh's visit rows) sent over the transaction's own node-postgres connection instead
 * of Prisma's raw query path. Prisma serializes raw parameters to JSON and parses them back before its driver
 * adapter sends them (its runtime's `Rl` and `il`): ~8–15 ms of CPU for one such parameter, against ~1.7 ms for
 * node-postgres alone — a quarter of the gateway's busy time in the ingest bench (bench/README.md, "ingest: where
 * a batch's time goes").
 *
 * Which connection: the pool is ours (createDatabase hands it to adapter-pg), and every client it opens is known by
 * its backend pid. A transaction's pid is asked once (`pg_backend_pid()`), so the statement runs on the connection
 * that holds the transaction — inside it, seen by its later statements, rolled back with it. Prisma awaits the
 * transaction's callback and node-postgres queues a client's queries, so the two never interleave within a
 * statement. Outside a transaction, or on PGlite (no pool), the statement goes through Prisma as before.
 * Rows come back as node-postgres parses them (an int8 as a string): callers read them accordingly.
 */
import type pg from "pg";
import type { Prisma } from "./generated/prisma/client.ts";

type Tx = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

/** every open client of our pools, by backend pid (unique on a server) */
const clientsByPid = new Map<number, pg.PoolClient>();
/** a transaction's own client (null: none of ours — PGlite) */
const clientOfTransaction = new WeakMap<object, pg.PoolClient | null>();

const pidOf = (client: pg.PoolClient) => (client as unknown as { processID?: number }).processID;

/** registers the clients `pool` opens (createDatabase, for Postgres) */
export function registerBulkConnections(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    const pid = pidOf(client);
    if (pid !== undefined) clientsByPid.set(pid, client);
  });
  pool.on("remove", (client) => {
    const pid = pidOf(client);
    if (pid !== undefined && clientsByPid.get(pid) === client) clientsByPid.delete(pid);
  });
}

async function clientOf(tx: Tx): Promise<pg.PoolClient | null> {
  // a PrismaClient (not a transaction) would run the statement on whatever pooled connection answered the pid;
  // a transaction's client is the one without $disconnect (Prisma's interactive transaction deny list)
  if ("$disconnect" in tx) return null;
  if (clientsByPid.size === 0) return null;
  const known = clientOfTransaction.get(tx);
  if (known !== undefined) return known;
  const [row] = await tx.$queryRaw<Array<{ pid: number }>>`SELECT pg_backend_pid() AS pid`;
  const client = (row && clientsByPid.get(Number(row.pid))) ?? null;
  clientOfTransaction.set(tx, client);
  return client;
}

/** runs `sql` in `tx`; the number of rows it changed */
export async function executeBulk(tx: Tx, sql: Prisma.Sql): Promise<number> {
  const client = await clientOf(tx);
  if (!client) return tx.$executeRaw(sql);
  return (await client.query(sql.text, sql.values)).rowCount ?? 0;
}

/** runs `sql` in `tx`; its rows (as node-postgres parses them over Postgres, as Prisma does on PGlite) */
export async function queryBulk<T>(tx: Tx, sql: Prisma.Sql): Promise<T[]> {
  const client = await clientOf(tx);
  if (!client) return tx.$queryRaw<T[]>(sql);
  return (await client.query(sql.text, sql.values)).rows as T[];
}

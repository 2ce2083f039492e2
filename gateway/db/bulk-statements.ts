/**
 * Statements whose parameter is a whole batch (~0.5 MB of JSON for 1,000 records: the records, their change
 * events, their warnings, a refresh's visit rows) sent over the transaction's own node-postgres connection instead
 * of Prisma's raw query path. Prisma serializes raw parameters to JSON and parses them back before its driver
 * adapter sends them (its runtime's `Rl` and `il`): ~8–15 ms of CPU for one such parameter, against ~1.7 ms for
 * node-postgres alone — a quarter of the gateway's busy time in the ingest bench (bench/README.md, "ingest: where
 * a batch's time goes").
 *
 * Which connection: the pool is ours (createDatabase hands it to adapter-pg), and every client it opens is known by
 * its backend pid. A transaction's pid and transaction id are asked once through Prisma, and the client of that pid
 * must answer the same transaction id: the statement then runs on the connection that holds the transaction —
 * inside it, seen by its later statements, rolled back with it. Prisma awaits the transaction's callback, and the
 * bulk statements of one client wait for each other (`inTurn`): no bulk statement is sent while another bulk statement
 * of the client runs (a caller must not send one together with a Prisma call of the same transaction).
 *
 * A transaction can end while its callback still runs (Prisma's timeout queues a ROLLBACK and releases the client,
 * which may then serve another request): every client counts the transactions it begins and notes, when it is
 * queued, the COMMIT or ROLLBACK that ends one. A statement is only queued on a client whose transaction is the one
 * it was found for and still open; otherwise it fails (never runs outside its transaction).
 *
 * A flat array parameter is sent as its literal, written in one pass (array-literal.ts).
 *
 * Outside a transaction, or on PGlite (no pool), the statement goes through Prisma as before. Rows come back as
 * node-postgres parses them (an int8 as a string): callers read them accordingly.
 */
import type pg from "pg";
import { withArrayLiterals } from "./array-literal.ts";
import type { Prisma } from "./generated/prisma/client.ts";

type Tx = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

interface Lease {
  /** transactions begun on this client */
  begun: number;
  open: boolean;
}

/** the client holding a transaction, and which of the transactions it began that one is */
interface TxConnection {
  client: pg.PoolClient;
  begun: number;
}

/** every open client of our pools, by backend pid (unique on a server) */
const clientsByPid = new Map<number, pg.PoolClient>();
const leaseOf = new WeakMap<pg.PoolClient, Lease>();
/**
 * a transaction's own client and which of its transactions it is (null: none of ours — PGlite, another server);
 * the promise, so that statements sent together (Promise.all) ask once
 */
const connectionOf = new WeakMap<object, Promise<TxConnection | null>>();

const pidOf = (client: pg.PoolClient) => (client as unknown as { processID?: number }).processID;

/** notes the transactions a client begins and ends, as they are queued (adapter-pg sends BEGIN, Prisma COMMIT/ROLLBACK) */
function watchTransactions(client: pg.PoolClient): Lease {
  const lease: Lease = { begun: 0, open: false };
  client.query = function watchedQuery(this: pg.PoolClient, config: unknown, ...rest: unknown[]) {
    const text = typeof config === "string" ? config : (config as { text?: unknown } | null)?.text;
    if (text === "BEGIN") {
      lease.begun += 1;
      lease.open = true;
    } else if (text === "COMMIT" || text === "ROLLBACK") {
      lease.open = false;
    }
    // the class's own query, looked up at each call (as the client would have called it)
    const query = Object.getPrototypeOf(this).query as (...args: unknown[]) => unknown;
    return query.call(this, config, ...rest);
  } as typeof client.query;
  return lease;
}

/** registers the clients `pool` opens (createDatabase, for Postgres) */
export function registerBulkConnections(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    const pid = pidOf(client);
    if (pid === undefined) return;
    leaseOf.set(client, watchTransactions(client));
    clientsByPid.set(pid, client);
  });
  pool.on("release", (_error: unknown, client: pg.PoolClient) => {
    const lease = leaseOf.get(client);
    if (lease) lease.open = false;
  });
  pool.on("remove", (client) => {
    const pid = pidOf(client);
    if (pid !== undefined && clientsByPid.get(pid) === client) clientsByPid.delete(pid);
  });
}

function connectionFor(tx: Tx): Promise<TxConnection | null> {
  // a PrismaClient (not a transaction) would run the statement on whatever pooled connection answered the pid;
  // a transaction's client is the one without $disconnect (Prisma's interactive transaction deny list)
  if ("$disconnect" in tx) return Promise.resolve(null);
  if (clientsByPid.size === 0) return Promise.resolve(null);
  let found = connectionOf.get(tx);
  if (!found) {
    found = askConnection(tx);
    connectionOf.set(tx, found);
  }
  return found;
}

async function askConnection(tx: Tx): Promise<TxConnection | null> {
  const [asked] = await tx.$queryRaw<Array<{ pid: number; xid: string }>>`
    SELECT pg_backend_pid() AS pid, pg_current_xact_id()::text AS xid`;
  const client = asked ? clientsByPid.get(Number(asked.pid)) : undefined;
  const lease = client ? leaseOf.get(client) : undefined;
  let found: TxConnection | null = null;
  if (client && lease?.open) {
    const begun = lease.begun;
    const answered = await client.query<{ xid: string }>("SELECT pg_current_xact_id()::text AS xid");
    if (answered.rows[0]?.xid === asked?.xid) found = { client, begun };
  }
  return found;
}

/** the client, if the transaction it was found for is still open on it; throws when that transaction is over */
function openClient(connection: TxConnection): pg.PoolClient {
  const lease = leaseOf.get(connection.client);
  if (!lease?.open || lease.begun !== connection.begun) {
    throw new Error("bulk statement refused: its transaction is over (committed, rolled back or timed out)");
  }
  return connection.client;
}

/**
 * the statements of one client, one after another: statements sent together (Promise.all) are queued here, not on
 * the client (node-postgres deprecates a query sent while another runs: pg@9 refuses it). Each is checked against
 * its transaction when its turn comes.
 */
const lastStatementOf = new WeakMap<pg.PoolClient, Promise<unknown>>();

function inTurn(connection: TxConnection, sql: Prisma.Sql): Promise<pg.QueryResult> {
  const before = lastStatementOf.get(connection.client);
  const run = () => openClient(connection).query(sql.text, withArrayLiterals(sql.values));
  // `before` never rejects (it is the `settled` of the statement before)
  const statement = before ? before.then(run) : run();
  const settled = statement.catch(() => undefined);
  lastStatementOf.set(connection.client, settled);
  void settled.then(() => {
    if (lastStatementOf.get(connection.client) === settled) lastStatementOf.delete(connection.client);
  });
  return statement;
}

/** runs `sql` in `tx`; the number of rows it changed */
export async function executeBulk(tx: Tx, sql: Prisma.Sql): Promise<number> {
  const connection = await connectionFor(tx);
  if (!connection) return tx.$executeRaw(sql);
  return (await inTurn(connection, sql)).rowCount ?? 0;
}

/** runs `sql` in `tx`; its rows (as node-postgres parses them over Postgres, as Prisma does on PGlite) */
export async function queryBulk<T>(tx: Tx, sql: Prisma.Sql): Promise<T[]> {
  const connection = await connectionFor(tx);
  if (!connection) return tx.$queryRaw<T[]>(sql);
  return (await inTurn(connection, sql)).rows as T[];
}

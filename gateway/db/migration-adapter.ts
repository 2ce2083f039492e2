// The driver-adapter factory used ONLY by the migration process (the Prisma 6 CLI with its WASM schema engine,
// loaded through prisma.migrate.config.ts). The gateway itself never imports this file: see client.ts.
//
// The three upstream defects it works around are kept together here (docs/prisma-offline.md):
//   1. catalog column types the adapter cannot map           → CatalogTypesClient
//   2. adapter-pg's shadow database (wrong db, wrong order)   → connectToShadowDb below
//   3. Prisma 6 needs `url`, Prisma 7 forbids it              → scripts/migrate.ts derives prisma/.schema6.prisma
//   4. adapter-pg splits a migration on every semicolon        → sendScriptWhole
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

/** The factory shape the Prisma 6 config's `adapter` expects (adapter-pg's own class satisfies it). */
export type MigrationAdapterFactory = Pick<PrismaPg, "provider" | "adapterName" | "connect" | "connectToShadowDb">;
type SqlAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

export interface MigrationTarget {
  /** postgres:// URL of the database to migrate (a real server, or the pglite-socket serving a PGlite dir). */
  url: string;
  /**
   * true when `url` is a pglite-socket server: one connection at a time (the socket server corrupts
   * concurrent transactions), and the shadow database is a fresh in-memory PGlite (the socket server
   * ignores database names, so CREATE DATABASE + connect would land in the main database).
   */
  pgliteSocket?: boolean;
}

// ── Workaround 1: catalog column types ────────────────────────────────────────────────────────────────────
// The schema engine's catalog queries return "char" (OID 18) and name (OID 19) columns, and arrays of them
// (1002, 1003), which adapter-pg cannot map: `Column type 'char' could not be deserialized`
// (prisma/orm#27403, open). Their text form is exactly what the engine wants, so in the migration process
// only we report them as text (25) / text[] (1009) by rewriting `fields[].dataTypeID` of every result.
const CATALOG_OIDS_AS_TEXT: Readonly<Record<number, number>> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };

function reportCatalogTypesAsText<T>(result: T): T {
  for (const one of Array.isArray(result) ? result : [result]) {
    const fields = (one as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
    for (const field of fields ?? []) field.dataTypeID = CATALOG_OIDS_AS_TEXT[field.dataTypeID] ?? field.dataTypeID;
  }
  return result;
}

/** A pg.Client whose results report catalog types as text; handed to the pools through `Client:`. */
class CatalogTypesClient extends pg.Client {
  // pg-pool calls query(config, values, callback); adapter-pg awaits the promise form through the pool.
  // biome-ignore lint/suspicious/noExplicitAny: pg.Client#query has a dozen overloads; we pass them through.
  override query(...args: any[]): any {
    const at = args.findIndex((arg) => typeof arg === "function");
    if (at >= 0) {
      const callback = args[at] as (err: Error | null, res: unknown) => void;
      args[at] = (err: Error | null, res: unknown) => callback(err, err ? res : reportCatalogTypesAsText(res));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return result instanceof Promise ? result.then(reportCatalogTypesAsText) : result;
  }
}

/**
 * Discrete connection fields. Workaround 2(a): with a `connectionString`, pg ignores a separate
 * `database` field, so adapter-pg's shadow connection lands in the main database
 * (`P3006 … relation already exists`).
 */
export function poolConfigFromUrl(url: string): pg.PoolConfig {
  const parsed = new URL(url);
  const sslmode = parsed.searchParams.get("sslmode");
  return {
    host: parsed.searchParams.get("host") ?? decodeURIComponent(parsed.hostname.replace(/^\[|\]$/g, "")),
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: decodeURIComponent(parsed.pathname.slice(1)) || "postgres",
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
  };
}

/** Pool settings of the migration process: catalog types as text, and idle clients never hold the CLI open. */
function migrationPoolConfig(fields: pg.PoolConfig, max: number): pg.PoolConfig {
  return { ...fields, max, Client: CatalogTypesClient, allowExitOnIdle: true };
}

function adapterWithCleanup(adapter: SqlAdapter, cleanup: () => Promise<void>): SqlAdapter {
  const dispose = adapter.dispose.bind(adapter);
  // Order matters (workaround 2(b)): the adapter's pool must be closed before the database behind it goes.
  adapter.dispose = async () => {
    try {
      await dispose();
    } finally {
      await cleanup();
    }
  };
  return adapter;
}

// ── Workaround 4: migration scripts sent whole ────────────────────────────────────────────────────────────
// adapter-pg's executeScript does `script.split(";")` and sends the pieces one by one: a semicolon in a comment,
// a string or a dollar-quoted DO block cuts a statement in two (a draft of library_search_indexes failed with
// `syntax error at or near "elsewhere"`: the word after a semicolon in a comment), and a migration that fails
// half-way stays half-applied. Prisma's native engine sends the script whole, as one simple query (one implicit
// transaction, statements split by Postgres's own parser); so do we, on Postgres and on the pglite-socket alike,
// so that a migration applies the same way here as wherever Prisma runs it natively.
function sendScriptWhole(adapter: SqlAdapter): SqlAdapter {
  const pool = (adapter as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver();
  const reportError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      reportError(error); // the engine's error shape (DriverAdapterError), as adapter-pg reports it
    }
  };
  return adapter;
}

// ── Workaround 2: shadow database ─────────────────────────────────────────────────────────────────────────
// adapter-pg's connectToShadowDb (a) connects to the main database when given a connectionString and
// (b) drops the shadow database before closing its pool (`being accessed by other users`). Ours creates
// `prisma_shadow_<pid>_<time>` with discrete fields and, on dispose, closes the pool first, then drops the
// database WITH (FORCE) (Postgres ≥ 13).
async function connectToServerShadow(fields: pg.PoolConfig): Promise<SqlAdapter> {
  const name = `prisma_shadow_${process.pid}_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new pg.Client(fields);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const adapter = sendScriptWhole(await new PrismaPg(migrationPoolConfig({ ...fields, database: name }, 4)).connect());
  return adapterWithCleanup(adapter, () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

// For a PGlite target the shadow is a fresh in-memory PGlite, served like the main one through pglite-socket
// so that the same adapter (with workaround 1) talks to it.
// It loads pg_trgm so that the migrations build there what they build on Postgres (library_search_indexes creates
// its trigram indexes only where the extension exists), and `check` agrees with schema.prisma on both backends.
async function connectToPgliteShadow(): Promise<SqlAdapter> {
  const db = await PGlite.create({ extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 4 });
  await server.start();
  const [host, port] = server.getServerConn().split(":");
  const fields: pg.PoolConfig = { host, port: Number(port), user: "postgres", database: "postgres" };
  const adapter = sendScriptWhole(await new PrismaPg(migrationPoolConfig(fields, 1)).connect());
  return adapterWithCleanup(adapter, async () => {
    await server.stop();
    await db.close();
  });
}

// ── Timers ────────────────────────────────────────────────────────────────────────────────────────────────
// The WASM schema engine arms a 10 s timer through wasm-bindgen (its advisory-lock timeout: "Timed out trying
// to acquire a postgres advisory lock … Timeout: 10000ms") that outlives the lock, and pg pools arm 10 s idle
// timers: either keeps the CLI alive ~10 s after its work is done (measured: deploy 12.7 s → 4.5 s). In the migration process only,
// long timers are unref'd (pools also get `allowExitOnIdle`); pending I/O still keeps the process alive.
export function unrefLongTimers(thresholdMs = 5_000): void {
  // Node's setTimeout (the DOM typing some dependency pulls in says it returns a number).
  const original = globalThis.setTimeout as unknown as (
    fn: () => void,
    ms?: number,
    ...args: unknown[]
  ) => NodeJS.Timeout;
  const patched = (handler: () => void, ms?: number, ...args: unknown[]) => {
    const timer = original(handler, ms, ...args);
    if ((ms ?? 0) >= thresholdMs) timer.unref();
    return timer;
  };
  globalThis.setTimeout = Object.assign(patched, original) as typeof setTimeout;
}

/** The adapter factory for prisma.migrate.config.ts. */
export function createMigrationAdapter(target: MigrationTarget): MigrationAdapterFactory {
  const fields = poolConfigFromUrl(target.url);
  // pglite-socket: one connection at a time, or concurrent transactions get corrupted.
  const main = new PrismaPg(migrationPoolConfig(fields, target.pgliteSocket ? 1 : 4));
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => sendScriptWhole(await main.connect()),
    connectToShadowDb: () => (target.pgliteSocket ? connectToPgliteShadow() : connectToServerShadow(fields)),
  };
}

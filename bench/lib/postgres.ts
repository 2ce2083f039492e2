/**
 * Scratch Postgres databases for the baselines (raw COPY, multi-row INSERT, seq scans): `gz_bench_<pid>_<what>`,
 * migrated like any gateway database, always dropped afterwards. COPY goes through pg's documented
 * "submittable" hook (what pg-copy-streams builds on), so no extra dependency is needed.
 */
import type { Connection } from "pg";
import pg from "pg";
import { runMigrations } from "../../scripts/migrate.ts";

export const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** null when the server answers, or why not. */
export async function postgresProblem(adminUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return `no Postgres at ${new URL(adminUrl).host} (${(error as Error).message}); set BENCH_POSTGRES_URL`;
  } finally {
    await client.end().catch(() => {});
  }
}

const databaseUrl = (adminUrl: string, name: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
};

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty `gz_bench_<pid>_<suffix>` (replacing a leftover of the same name). */
export async function createScratchDatabase(adminUrl: string, suffix: string): Promise<ScratchDatabase> {
  const name = `gz_bench_${process.pid}_${suffix}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  return { url: databaseUrl(adminUrl, name), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Creates `gz_bench_<pid>_<suffix>`, migrates it, runs `work`, drops it whatever happens. */
export async function withScratchDatabase<T>(
  adminUrl: string,
  suffix: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const database = await createScratchDatabase(adminUrl, suffix);
  try {
    await runMigrations({ databaseUrl: database.url });
    return await work(database.url);
  } finally {
    await database.drop().catch(() => {});
  }
}

/** One value in COPY's text format: NULL as \N; backslash, tab, newline and CR escaped. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  const text = Array.isArray(value)
    ? `{${value.map((v) => `"${String(v).replace(/["\\]/g, "\\$&")}"`).join(",")}}`
    : String(value);
  return text.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** `COPY … FROM STDIN` of prepared text-format chunks, as a pg submittable. */
class CopyIn {
  callback: ((error: Error | null, rows: number) => void) | undefined;
  private error: Error | null = null;
  private rows = 0;
  constructor(
    private readonly text: string,
    private readonly chunks: readonly Buffer[],
  ) {}
  submit(connection: Connection) {
    (connection as unknown as { query(text: string): void }).query(this.text);
  }
  handleCopyInResponse(connection: Connection) {
    const c = connection as unknown as { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void };
    for (const chunk of this.chunks) c.sendCopyFromChunk(chunk);
    c.endCopyFrom();
  }
  handleCommandComplete(message: { text: string }) {
    this.rows = Number(/COPY (\d+)/.exec(message.text)?.[1] ?? 0);
  }
  handleError(error: Error) {
    this.error = error;
  }
  handleReadyForQuery() {
    this.callback?.(this.error, this.rows);
  }
  handleEmptyQuery() {}
  handleRowDescription() {}
  handleDataRow() {}
  handleCopyData() {}
}

/** COPYs rows (arrays of values in `columns` order) in one statement; resolves with the rows copied. */
export function copyRows(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): Promise<number> {
  const lines = rows.map((row) => `${row.map(copyValue).join("\t")}\n`);
  const chunks: Buffer[] = [];
  for (let i = 0; i < lines.length; i += 1000) chunks.push(Buffer.from(lines.slice(i, i + 1000).join("")));
  const statement = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
  return new Promise((resolve, reject) => {
    const copy = new CopyIn(statement, chunks);
    copy.callback = (error, count) => (error ? reject(error) : resolve(count));
    client.query(copy as unknown as pg.QueryConfig);
  });
}

/** One multi-row `INSERT … VALUES (…), (…)` with parameters. */
export async function insertRows(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
) {
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const placeholders = row.map((value) => `$${values.push(value)}`);
    return `(${placeholders.join(", ")})`;
  });
  const statement = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`;
  await client.query(statement, values);
}

// What the vitest globalSetup (global-setup.ts) prepares once per run and hands to every test file through
// `provide`/`inject`, and the few server-level statements both sides need.
import { randomBytes } from "node:crypto";
import pg from "pg";

export type TestDatabaseSource =
  /** DATABASE_URL set: each file gets `CREATE DATABASE <prefix><random> TEMPLATE <template>` on that server */
  | { kind: "postgres"; serverUrl: string; template: string; prefix: string }
  /** embedded: each file gets an in-memory PGlite loaded from this migrated data-dir tarball */
  | { kind: "pglite"; snapshotPath: string };

declare module "vitest" {
  export interface ProvidedContext {
    gzTestDatabase: TestDatabaseSource;
  }
}

/** The same server and credentials, another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

export function uniqueName(prefix: string): string {
  return `${prefix}${randomBytes(5).toString("hex")}`;
}

/**
 * Runs statements on the server through the given database: it is only connected to, never written to
 * (CREATE/DROP DATABASE cannot run inside the database they create or drop).
 */
export async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Identifiers here come from uniqueName (letters, digits, underscores), never from input. */
export const createDatabaseSql = (name: string, template?: string) =>
  `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`;
export const dropDatabaseSql = (name: string) => `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`;

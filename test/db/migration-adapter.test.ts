// The migration route's driver adapter runs a migration script as Prisma's native engine does: whole, in one
// implicit transaction — not cut at every semicolon (adapter-pg's own executeScript), on PGlite and on Postgres.
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigrationAdapter } from "../../gateway/db/migration-adapter.ts";
import { createDatabaseSql, databaseUrl, dropDatabaseSql, onServer, uniqueName } from "../support/database-admin.ts";

type Adapter = Awaited<ReturnType<ReturnType<typeof createMigrationAdapter>["connect"]>>;

const SCRIPT_WITH_SEMICOLONS = `-- a comment; with a semicolon, elsewhere harmless
CREATE TABLE "Marker" ("id" INTEGER PRIMARY KEY, "note" TEXT);
INSERT INTO "Marker" VALUES (1, 'a string; with a semicolon');
DO $$ BEGIN INSERT INTO "Marker" VALUES (2, 'inside a dollar-quoted block'); END $$;`;

let adapter: Adapter;
let close: () => Promise<void>;

beforeAll(async () => {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = uniqueName("gz_test_migration_adapter_");
    await onServer(serverUrl, (client) => client.query(createDatabaseSql(name)));
    adapter = await createMigrationAdapter({ url: databaseUrl(serverUrl, name) }).connect();
    close = async () => {
      await adapter.dispose();
      await onServer(serverUrl, (client) => client.query(dropDatabaseSql(name)));
    };
  } else {
    const db = await PGlite.create();
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 4 });
    await server.start();
    const url = `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
    adapter = await createMigrationAdapter({ url, pgliteSocket: true }).connect();
    close = async () => {
      await adapter.dispose();
      await server.stop();
      await db.close();
    };
  }
});
afterAll(() => close?.());

const rowsOf = async (sql: string) => (await adapter.queryRaw({ sql, args: [], argTypes: [] })).rows;

describe("migration adapter executeScript", () => {
  it("runs a script whose comments, strings and DO blocks hold semicolons", async () => {
    await adapter.executeScript(SCRIPT_WITH_SEMICOLONS);
    expect(await rowsOf(`SELECT "id", "note" FROM "Marker" ORDER BY "id"`)).toEqual([
      [1, "a string; with a semicolon"],
      [2, "inside a dollar-quoted block"],
    ]);
  });

  it("applies a failing script not at all: its earlier statements roll back with it", async () => {
    await expect(
      adapter.executeScript(`CREATE TABLE "HalfWay" ("id" INTEGER); SELECT * FROM "NoSuchTable";`),
    ).rejects.toThrow();
    expect(await rowsOf(`SELECT count(*)::int FROM pg_tables WHERE tablename = 'HalfWay'`)).toEqual([[0]]);
  });
});

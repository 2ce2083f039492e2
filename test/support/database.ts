// Each test FILE gets its own migrated, empty database (prepared once per run by global-setup.ts):
//   const t = await createTestDatabase();   // in beforeAll
//   afterAll(() => t.dispose());
import { inject } from "vitest";
import { createDatabase, type Database, type PrismaClient } from "../../gateway/db/client.ts";
import { createDatabaseSql, databaseUrl, dropDatabaseSql, onServer, uniqueName } from "./database-admin.ts";
import { pgliteFromSnapshot } from "./pglite-snapshot.ts";

export interface TestDatabase {
  prisma: PrismaClient;
  db: Database;
  /** the Postgres database name, or "pglite:memory" */
  name: string;
  dispose(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const source = inject("gzTestDatabase");
  if (!source)
    throw new Error("no test database: register test/support/global-setup.ts as globalSetup in vitest.config.ts");

  if (source.kind === "pglite") {
    const pglite = await pgliteFromSnapshot(source.snapshotPath);
    const db = await createDatabase({ pglite });
    return {
      prisma: db.prisma,
      db,
      name: "pglite:memory",
      async dispose() {
        await db.close();
        await pglite.close();
      },
    };
  }

  const name = uniqueName(source.prefix);
  await onServer(source.serverUrl, (client) => client.query(createDatabaseSql(name, source.template)));
  const db = await createDatabase({ databaseUrl: databaseUrl(source.serverUrl, name), poolSize: 4 });
  return {
    prisma: db.prisma,
    db,
    name,
    async dispose() {
      try {
        await db.close();
      } finally {
        await onServer(source.serverUrl, (client) => client.query(dropDatabaseSql(name)));
      }
    },
  };
}

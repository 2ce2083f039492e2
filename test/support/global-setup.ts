// vitest globalSetup: migrates ONE database per run through the real migration route (runMigrations → the
// Prisma 6 CLI), so every test file can start from a copy of it (test/support/database.ts):
//   DATABASE_URL set → a template database gz_test_<pid>_template on that server, dropped at teardown
//                      together with any gz_test_<pid>_* a crashed test file left behind;
//   otherwise        → a migrated PGlite data directory, dumped to a tarball in a temporary directory.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { runMigrations } from "../../scripts/migrate.ts";
import { createDatabaseSql, databaseUrl, dropDatabaseSql, onServer } from "./database-admin.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? preparePostgres(project, serverUrl) : preparePglite(project);
}

async function preparePostgres(project: TestProject, serverUrl: string): Promise<() => Promise<void>> {
  const prefix = `gz_test_${process.pid}_`;
  const template = `${prefix}template`;
  const dropRun = () =>
    onServer(serverUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
        [prefix],
      );
      for (const { datname } of rows) await client.query(dropDatabaseSql(datname));
    });
  await dropRun(); // a previous run that had this pid and crashed
  await onServer(serverUrl, (client) => client.query(createDatabaseSql(template)));
  try {
    await runMigrations({ databaseUrl: databaseUrl(serverUrl, template) });
  } catch (error) {
    await dropRun();
    throw error;
  }
  project.provide("gzTestDatabase", { kind: "postgres", serverUrl, template, prefix });
  return dropRun;
}

async function preparePglite(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), "gz-test-pglite-"));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  try {
    const dataDir = join(dir, "data");
    await runMigrations({ pgliteDir: dataDir });
    const pglite = await PGlite.create(dataDir);
    const tarball = await pglite.dumpDataDir("none");
    await pglite.close();
    const snapshotPath = join(dir, "snapshot.tar");
    await writeFile(snapshotPath, new Uint8Array(await tarball.arrayBuffer()));
    await rm(dataDir, { recursive: true, force: true });
    project.provide("gzTestDatabase", { kind: "pglite", snapshotPath });
  } catch (error) {
    await removeDir();
    throw error;
  }
  return removeDir;
}

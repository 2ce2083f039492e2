/**
 * A migration's backfill statement run again, as it runs on an existing database: the part of the migration's SQL
 * after its `-- Backfill` comment, comments dropped. The rollup tests compare its rows with what the writes kept.
 */
import { readFile } from "node:fs/promises";

interface RawExecutor {
  $executeRawUnsafe(query: string): Promise<number>;
}

export async function runMigrationBackfill(db: RawExecutor, migration: string): Promise<void> {
  const sql = await readFile(new URL(`../../prisma/migrations/${migration}/migration.sql`, import.meta.url), "utf8");
  const backfill = sql.slice(sql.indexOf("-- Backfill"));
  await db.$executeRawUnsafe(
    backfill
      .replace(/^--.*$/gm, "")
      .trim()
      .replace(/;$/, ""),
  );
}

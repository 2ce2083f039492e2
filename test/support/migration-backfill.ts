/**
 * A migration's backfill statements run again, as they run on an existing database: the statements of the
 * migration's SQL after its first `-- Backfill` comment, comments dropped — all of them, or those `which` picks.
 * The rollup tests compare their rows with what the writes kept.
 */
import { readFile } from "node:fs/promises";

interface RawExecutor {
  $executeRawUnsafe(query: string): Promise<number>;
}

export async function runMigrationBackfill(
  db: RawExecutor,
  migration: string,
  which: (statement: string) => boolean = () => true,
): Promise<void> {
  const sql = await readFile(new URL(`../../prisma/migrations/${migration}/migration.sql`, import.meta.url), "utf8");
  const statements = sql
    .slice(sql.indexOf("-- Backfill"))
    .replace(/^--.*$/gm, "")
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
  for (const statement of statements.filter(which)) await db.$executeRawUnsafe(statement);
}

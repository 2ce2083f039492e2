/** `npm run seed` — migrate, then add whatever seed rows are missing (never overwrites live data). */
import { loadConfigOrExit } from "../gateway/config.ts";
import { createDatabase } from "../gateway/db/client.ts";
import { seedDatabase } from "../prisma/seed/seed.ts";
import { cliLogger } from "./cli-output.ts";
import { runMigrations } from "./migrate.ts";

const config = loadConfigOrExit();
const log = cliLogger("seed");
await runMigrations({ databaseUrl: config.database.url, pgliteDir: config.database.pgliteDir });
const db = await createDatabase({ databaseUrl: config.database.url, pgliteDir: config.database.pgliteDir });
try {
  const report = await seedDatabase(db.prisma);
  log.info(
    { added: report },
    `added: ${Object.entries(report)
      .map(([table, n]) => `${n} ${table}`)
      .join(", ")}`,
  );
} finally {
  await db.close();
}

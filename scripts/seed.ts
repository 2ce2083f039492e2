/** `npm run seed` — migrate, then add whatever seed rows are missing (never overwrites live data). */
import { loadConfigOrExit } from "../gateway/config.ts";
import { createDatabase } from "../gateway/db/client.ts";
import { seedDatabase } from "../prisma/seed/seed.ts";
import { runMigrations } from "./migrate.ts";

const config = loadConfigOrExit();
await runMigrations({ databaseUrl: config.database.url, pgliteDir: config.database.pgliteDir });
const db = await createDatabase({ databaseUrl: config.database.url, pgliteDir: config.database.pgliteDir });
try {
  const report = await seedDatabase(db.prisma);
  console.log(
    `added: ${Object.entries(report)
      .map(([table, n]) => `${n} ${table}`)
      .join(", ")}`,
  );
} finally {
  await db.close();
}

// Prisma 6 CLI config: the migration route (docs/prisma-offline.md). Only scripts/migrate.ts
// uses it: it derives prisma/.schema6.prisma and sets MIGRATE_DATABASE_URL (a real server, or the pglite-socket
// it serves for a PGlite directory, then with MIGRATE_PGLITE_SOCKET=1). `generate` uses prisma.config.ts.
import { defineConfig } from "prisma6/config";
import { createMigrationAdapter, unrefLongTimers } from "./gateway/db/migration-adapter.ts";

unrefLongTimers();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/.schema6.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => {
    const url = process.env.MIGRATE_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!url) throw new Error("no database to migrate: run `tsx scripts/migrate.ts …`, or set DATABASE_URL");
    return createMigrationAdapter({ url, pgliteSocket: process.env.MIGRATE_PGLITE_SOCKET === "1" });
  },
});

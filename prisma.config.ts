// Prisma 7 CLI config: only `prisma generate` runs with it (docs/prisma-offline.md).
// Migrations use the Prisma 6 CLI and its WASM engine: scripts/migrate.ts.
import { defineConfig } from "prisma/config";

// The native schema engine would be downloaded from a host these machines cannot reach; generate never runs it.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});

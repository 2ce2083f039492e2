/**
 * The real gateway as a server under test: `startGateway` with every plugin (token verification, audit,
 * hardening) on a fresh database — embedded PGlite in a temporary directory, or the Postgres database named
 * by BENCH_GATEWAY_DATABASE_URL — migrated and seeded exactly as `npm start` does.
 * With BENCH_GATEWAY_PREPARED=1 the database is already migrated and seeded (bench/lib/gateway-child.ts, as
 * `npm run serve` expects it): this process only serves it, from BENCH_GATEWAY_DATABASE_URL or the PGlite
 * directory BENCH_GATEWAY_PGLITE_DIR, which the parent owns.
 * Env: BENCH_KEYS_DIR (the demo keys the parent mints tokens with).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { printSchema } from "graphql";
import { parseConfig } from "../../gateway/config.ts";
import { startGateway } from "../../gateway/server.ts";
import { schema } from "../../schema/index.ts";
import { serveAsChild } from "./protocol.ts";

serveAsChild(async () => {
  const keysDir = process.env.BENCH_KEYS_DIR;
  if (!keysDir) throw new Error("BENCH_KEYS_DIR is not set");
  const databaseUrl = process.env.BENCH_GATEWAY_DATABASE_URL || undefined;
  const prepared = process.env.BENCH_GATEWAY_PREPARED === "1";
  const dataDir = prepared ? null : await mkdtemp(path.join(tmpdir(), "gz-bench-gateway-"));
  const pgliteDir = dataDir ? path.join(dataDir, "pglite") : process.env.BENCH_GATEWAY_PGLITE_DIR;
  if (!databaseUrl && !pgliteDir) throw new Error("BENCH_GATEWAY_PREPARED needs a database or a PGlite directory");
  // imported only when used: a prepared gateway holds neither the migration tooling nor the seed data
  if (!prepared) await (await import("../../scripts/migrate.ts")).runMigrations({ databaseUrl, pgliteDir });
  const parsed = parseConfig({
    // production: GraphiQL off, errors masked; BENCH_GATEWAY_ENV=development shows errors when debugging
    NODE_ENV: process.env.BENCH_GATEWAY_ENV ?? "production",
    // silent: the measured process does not write a log; BENCH_GATEWAY_LOG_LEVEL=debug shows e.g. the visit refreshes
    LOG_LEVEL: process.env.BENCH_GATEWAY_LOG_LEVEL ?? "silent",
    HOST: "127.0.0.1",
    PORT: "0",
    KEYS_DIR: keysDir,
    PGLITE_DIR: pgliteDir,
    DATABASE_URL: databaseUrl,
    // the federation scenario serves the shared schema alone (FEDERATION=false) or asks its own simulators
    FEDERATION: process.env.BENCH_FEDERATION,
    FEDERATION_CHONGQING_URL: process.env.BENCH_FEDERATION_CHONGQING_URL,
    FEDERATION_SICHUAN_URL: process.env.BENCH_FEDERATION_SICHUAN_URL,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  const running = await startGateway(parsed.config);
  if (!prepared) await (await import("../../prisma/seed/seed.ts")).seedDatabase(running.db.prisma);
  // 127.0.0.1 explicitly: "localhost" may resolve to ::1 first, where nothing listens
  const port = new URL(running.url).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    info: { database: running.db.kind, sdl: printSchema(schema) },
    async close() {
      await running.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
});

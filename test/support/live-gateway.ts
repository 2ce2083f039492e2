/**
 * A whole gateway served over HTTP on an ephemeral port, on its own seeded test database — for
 * tests that drive it like an outside client (the adapters). Stop with `dispose()`.
 */
import { randomBytes } from "node:crypto";
import { parseConfig } from "../../gateway/config.ts";
import { startGateway } from "../../gateway/server.ts";
import { seedDatabase } from "../../prisma/seed/seed.ts";
import { createTestDatabase } from "./database.ts";
import { createTestKeys } from "./keys.ts";

export async function startLiveGateway(env: Record<string, string> = {}) {
  const database = await createTestDatabase();
  await seedDatabase(database.prisma);
  const keys = await createTestKeys();
  const parsed = parseConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    PORT: "0",
    KEYS_DIR: keys.dir,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: `gz-test-${randomBytes(4).toString("hex")}:`,
    ...env,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  const running = await startGateway(parsed.config, { db: database.db });
  return {
    url: running.url.replace("localhost", "127.0.0.1"),
    keysDir: keys.dir,
    prisma: database.prisma,
    config: parsed.config,
    async dispose() {
      await running.close();
      await database.dispose();
      await keys.cleanup();
    },
  };
}

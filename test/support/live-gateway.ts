/**
 * A whole gateway served over HTTP on an ephemeral port, on its own seeded test database — for
 * tests that drive it like an outside client (the adapters). The database outlives the gateway:
 * `stop()` ends the HTTP server and all in-process state (bus, replay cache, streams), `start()`
 * serves a NEW gateway on the same database, keys and port — a killed and restarted gateway.
 * Dispose with `dispose()`: the database, the keys and, with REDIS_URL, every key under its Redis prefix go.
 */
import { signDevelopmentToken } from "../../gateway/auth/development-token.ts";
import { type RunningGateway, startGateway } from "../../gateway/server.ts";
import { seedDatabase } from "../../prisma/seed/seed.ts";
import { createTestDatabase } from "./database.ts";
import { deleteRedisPrefix, testConfig, testRedisPrefix } from "./gateway.ts";
import { createTestKeys } from "./keys.ts";

export type LiveGateway = Awaited<ReturnType<typeof startLiveGateway>>;

export async function startLiveGateway(
  env: Record<string, string> = {},
  options: { /** GraphiQL starts with a gz token, as with `npm start` */ graphiqlToken?: boolean } = {},
) {
  const database = await createTestDatabase();
  await seedDatabase(database.prisma);
  const keys = await createTestKeys();
  const redisPrefix = testRedisPrefix();
  const configOn = (port: string) => testConfig(keys.dir, redisPrefix, { ...env, PORT: port });
  const graphiqlToken = options.graphiqlToken
    ? await signDevelopmentToken({ keysDir: keys.dir, audience: configOn("0").auth.audience, subject: "graphiql-dev" })
    : undefined;
  let running: RunningGateway | null = await startGateway(configOn("0"), { db: database.db, graphiqlToken });
  const url = running.url.replace("localhost", "127.0.0.1");
  // a restart listens on the same port, so the adapters' GATEWAY_URL stays right
  const config = configOn(new URL(url).port);
  return {
    url,
    keysDir: keys.dir,
    graphiqlToken,
    prisma: database.prisma,
    config,
    get running(): boolean {
      return running !== null;
    },
    /** the gateway is gone (connections cut, process state dropped); the database stays */
    async stop() {
      const was = running;
      running = null;
      await was?.close();
    },
    /** a new gateway on the same database, keys and port */
    async start() {
      if (!running) running = await startGateway(config, { db: database.db, graphiqlToken });
    },
    async dispose() {
      await this.stop();
      await database.dispose();
      await keys.cleanup();
      if (process.env.REDIS_URL) await deleteRedisPrefix(process.env.REDIS_URL, redisPrefix);
    },
  };
}

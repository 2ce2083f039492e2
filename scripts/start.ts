/**
 * `npm start` — the whole system on one machine with embedded defaults: demo keys (first run),
 * migrations, seed data (empty database only), the gateway with GraphiQL. Ctrl-C stops cleanly.
 */
import { signDevelopmentToken } from "../gateway/auth/development-token.ts";
import { ensureDemoKeys, ensureGatewayKey } from "../gateway/auth/keys.ts";
import { loadConfigOrExit } from "../gateway/config.ts";
import { consoleBuildIsStale } from "../gateway/console/console-files.ts";
import { createLogger } from "../gateway/logging/logger.ts";
import { startGateway } from "../gateway/server.ts";
import { isEmpty, seedDatabase } from "../prisma/seed/seed.ts";
import { buildConsole } from "./build-console.ts";
import { runMigrations } from "./migrate.ts";
import { simulatorUrls, startSyncProcesses } from "./start-sync.ts";

const started = Date.now();
// the gateway asks the simulators for the provinces' subgraphs, wherever SIM_*_PORT put them
const simulators = simulatorUrls(process.env);
process.env.FEDERATION_CHONGQING_URL ??= `${simulators.cq}/subgraph`;
process.env.FEDERATION_SICHUAN_URL ??= `${simulators.sc}/subgraph`;
const config = loadConfigOrExit();
const logger = createLogger("start", config.log);
const log = (message: string) => logger.info(message);

const keys = await ensureDemoKeys(config.auth.keysDir);
// the gateway's own key: it signs its requests to the provinces' subgraphs (docs/federation.md)
const gatewayKey = await ensureGatewayKey(config.auth.keysDir);
const created = [
  ...keys.filter((k) => k.status !== "kept").map((k) => k.issuer),
  ...(gatewayKey.created ? ["gateway"] : []),
];
log(
  created.length > 0
    ? `demo keys created in ${config.auth.keysDir}/ for ${created.join(", ")}`
    : `demo keys: ${config.auth.keysDir}/`,
);

// the console (console/dist): built when missing or older than its sources
if (consoleBuildIsStale()) {
  log("building the console (console/ → console/dist) …");
  await buildConsole();
}

log(`migrating ${config.database.url ? "PostgreSQL" : `embedded PGlite (${config.database.pgliteDir})`} …`);
await runMigrations({ databaseUrl: config.database.url, pgliteDir: config.database.pgliteDir });

// development only: GraphiQL opens with a 管委会 token so that a newcomer can try queries at once
const graphiqlToken =
  config.env === "production"
    ? undefined
    : await signDevelopmentToken({
        keysDir: config.auth.keysDir,
        audience: config.auth.audience,
        subject: "graphiql-dev",
      });

const running = await startGateway(config, { graphiqlToken });
if (await isEmpty(running.db.prisma)) {
  const report = await seedDatabase(running.db.prisma);
  log(
    `seeded: ${Object.entries(report)
      .map(([table, n]) => `${n} ${table}`)
      .join(", ")}`,
  );
}

const sync = startSyncProcesses({
  gatewayUrl: running.url,
  keysDir: config.auth.keysDir,
  audience: config.auth.audience,
  env: process.env,
  logger,
});

// one line for a log shipper, a block for the person at the terminal
log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s
  console (管委会)       ${running.url}/console/
  GraphQL + GraphiQL   ${running.url}/graphql
  执法码 / 抽取公示      ${running.url}/v/<code>   ${running.url}/draws/<id>
  health / readiness   ${running.url}/healthz   ${running.url}/readyz   ${running.url}/healthz/federation
  database             ${config.database.url ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${config.database.pgliteDir}/`}
  bus                  ${config.redis.url ? "Redis (REDIS_URL)" : "in-process"}
  Chongqing platform   ${sync.urls.cq}   (simulator; /_sim/health, /_sim/store; subgraph ${config.federation.subgraphUrls.chongqing})
  Sichuan platform     ${sync.urls.sc}   (simulator; subgraph ${config.federation.subgraphUrls.sichuan})
  adapters             adapters/chongqing, adapters/sichuan (child processes)
  tokens               npm run token -- --as cq|sc|gz [--scope S ...]`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping …`);
  await sync.stopAll();
  await running.close();
  log("stopped");
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

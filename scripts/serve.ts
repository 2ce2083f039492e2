/**
 * `npm run serve` — the gateway alone, as production runs it: configuration from the environment,
 * public keys from JWKS files or URLs, an already-migrated database (`npm run migrate` beforehand),
 * no demo keys, no seeding, no simulators. SIGTERM stops it cleanly (load balancers drain first).
 */
import { loadConfigOrExit } from "../gateway/config.ts";
import { startGateway } from "../gateway/server.ts";

const config = loadConfigOrExit();
const running = await startGateway(config);
const log = running.services.logger;
log.info({ url: running.url, env: config.env }, `listening on ${config.http.host}:${config.http.port} (${config.env})`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: stopping …`);
  await running.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

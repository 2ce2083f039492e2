/**
 * One province's adapter: loads its signing key and the catalog, then runs the inbound and outbound
 * halves side by side until `stop()`. Both halves share one adapter name (`source` = `consumer`).
 */
import { loadPrivateKey } from "../../gateway/auth/keys.ts";
import { createLogger, type Logger } from "../../gateway/logging/logger.ts";
import { withRetry } from "./backoff.ts";
import type { Province } from "./canonical.ts";
import { Catalog } from "./catalog.ts";
import { GatewayClient, type TokenMode } from "./gateway-client.ts";
import { type InboundPlatform, runInbound } from "./inbound-sync.ts";
import { type OutboundPlatform, runOutbound } from "./outbound-sync.ts";
import { SyncReporter } from "./sync-reporter.ts";

export interface SyncAdapterOptions<In, Out> {
  jurisdiction: Province;
  gatewayUrl: string;
  keysDir: string;
  platform: InboundPlatform<In> & OutboundPlatform<Out>;
  /** @default "platform" */
  name?: string;
  /** @default "gaozhu-gateway" */
  audience?: string;
  /** @default "dpop" (adapters/core/gateway-client.ts) */
  tokenMode?: TokenMode;
  /** pause of the inbound side when caught up. @default 1000 */
  idleMs?: number;
  /** heartbeat and error-report interval. @default 10_000 */
  reportEveryMs?: number;
  /** @default 30_000 */
  retryCapMs?: number;
  /** @default a logger named `adapter <jurisdiction>` on stdout */
  logger?: Logger;
}

export interface RunningAdapter {
  stop(): Promise<void>;
}

export async function startSyncAdapter<In, Out>(options: SyncAdapterOptions<In, Out>): Promise<RunningAdapter> {
  const name = options.name ?? "platform";
  const log = options.logger ?? createLogger(`adapter ${options.jurisdiction}`);
  const key = await loadPrivateKey(options.keysDir, options.jurisdiction);
  const client = new GatewayClient({
    gatewayUrl: options.gatewayUrl,
    issuer: options.jurisdiction,
    key,
    audience: options.audience,
    tokenMode: options.tokenMode,
    subject: `${options.jurisdiction}-adapter-${name}`,
  });
  const catalog = new Catalog(options.jurisdiction, client);
  const controller = new AbortController();
  const { signal } = controller;
  const reporter = (direction: "INBOUND" | "OUTBOUND") =>
    new SyncReporter(client, name, direction, options.reportEveryMs ?? 10_000, log);
  const common = { client, items: catalog, signal, retryCapMs: options.retryCapMs ?? 30_000 };

  const run = async () => {
    // the catalog first: nothing can be mapped without it
    const inboundReporter = reporter("INBOUND");
    await withRetry(() => catalog.load(), {
      signal,
      capMs: common.retryCapMs,
      onRetry: (e) => inboundReporter.error(e),
    });
    log.info({ items: catalog.size }, `catalog: ${catalog.size} items`);
    await Promise.allSettled([
      runInbound({
        ...common,
        platform: options.platform,
        source: name,
        reporter: inboundReporter,
        idleMs: options.idleMs,
      }),
      runOutbound({
        ...common,
        platform: options.platform,
        jurisdiction: options.jurisdiction,
        consumer: name,
        reporter: reporter("OUTBOUND"),
      }),
    ]);
  };
  const done = run().catch((error) => {
    if (!signal.aborted) log.error({ err: error }, "stopped on error");
  });
  return {
    async stop() {
      controller.abort(new Error("adapter stopped"));
      await done;
    },
  };
}

/**
 * An adapter process's config, parsed once from its environment (zod): every problem is reported,
 * then the process exits 1. Nothing else in an adapter reads `process.env`.
 */
import { z } from "zod";
import { type GatewayConfig, LOG_ENV } from "../../gateway/config.ts";
import type { Province } from "./canonical.ts";
import type { TokenMode } from "./gateway-client.ts";

const adapterEnv = z.object({
  GATEWAY_URL: z.url().default("http://127.0.0.1:4000"),
  KEYS_DIR: z.string().min(1).default(".keys"),
  PLATFORM_URL: z.url(),
  ADAPTER_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .default("platform"),
  JWT_AUDIENCE: z.string().min(1).default("gaozhu-gateway"),
  SC_SECRET: z.string().min(1).default("gaozhu-sc-dev-secret"),
  ADAPTER_IDLE_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  ...LOG_ENV,
  /** "dpop": key-bound tokens with a proof per request; "bearer": a fresh token per mutation (before DPoP) */
  GATEWAY_TOKEN_MODE: z.enum(["dpop", "bearer"]).default("dpop"),
});

export interface AdapterConfig {
  province: Province;
  gatewayUrl: string;
  keysDir: string;
  platformUrl: string;
  name: string;
  audience: string;
  scSecret: string;
  idleMs: number;
  log: GatewayConfig["log"];
  tokenMode: TokenMode;
}

export function parseAdapterConfig(
  province: Province,
  env: Record<string, string | undefined>,
): { ok: true; config: AdapterConfig } | { ok: false; problems: string[] } {
  const parsed = adapterEnv.safeParse(env);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: {
      province,
      gatewayUrl: e.GATEWAY_URL,
      keysDir: e.KEYS_DIR,
      platformUrl: e.PLATFORM_URL,
      name: e.ADAPTER_NAME,
      audience: e.JWT_AUDIENCE,
      scSecret: e.SC_SECRET,
      idleMs: e.ADAPTER_IDLE_MS,
      log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT },
      tokenMode: e.GATEWAY_TOKEN_MODE,
    },
  };
}

/**
 * What token verification costs per request, in this process: the gateway's own verifier
 * (gateway/auth/verify-token.ts) without its cache (every call a jose ES256 verification) and with it
 * (a verified token is an LRU lookup until its `exp`). Sequential calls: the time is latency per verify.
 */
import { performance } from "node:perf_hooks";
import { jwksPath } from "../../gateway/auth/keys.ts";
import { createTrustRegistry } from "../../gateway/auth/trust-registry.ts";
import { createTokenVerifier, type TokenVerifier } from "../../gateway/auth/verify-token.ts";
import { JURISDICTIONS } from "../../schema/common/jurisdiction.ts";
import type { BenchKeys } from "./keys.ts";

export interface VerifyCost {
  uncachedMicros: number;
  cachedMicros: number;
  uncachedCalls: number;
  cachedCalls: number;
}

async function timeCalls(verifier: TokenVerifier, token: string, calls: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < calls; i++) await verifier.verify(token);
  return ((performance.now() - started) * 1000) / calls;
}

export async function measureVerifyCost(keys: BenchKeys, uncachedCalls: number): Promise<VerifyCost> {
  const registry = await createTrustRegistry({
    issuers: JURISDICTIONS.map((issuer) => ({
      issuer,
      jwks: jwksPath(keys.dir, issuer),
      algorithms: ["ES256"] as const,
    })),
    logger: { warn() {} },
  });
  try {
    const token = await keys.token("cq");
    const uncached = createTokenVerifier({ registry, cacheSize: 0 });
    const cached = createTokenVerifier({ registry });
    await timeCalls(uncached, token, 50); // warm-up: key import, JIT
    await timeCalls(cached, token, 50);
    const cachedCalls = uncachedCalls * 20;
    return {
      uncachedMicros: await timeCalls(uncached, token, uncachedCalls),
      cachedMicros: await timeCalls(cached, token, cachedCalls),
      uncachedCalls,
      cachedCalls,
    };
  } finally {
    registry.close();
  }
}

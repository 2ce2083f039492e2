/**
 * `/healthz/federation`: which provinces' subgraphs answer the gateway now (docs/federation.md). Each
 * is asked `{ __typename }` with a token the gateway signs for that one request, as for any call, so a
 * subgraph that no longer trusts the gateway's key shows as `refused`, not `ok`. The shared subgraph
 * runs inside the gateway and is always `in-process`. 200 when every subgraph answers, 503 otherwise.
 */
import type { SigningKey } from "../auth/keys.ts";
import type { HealthDetail } from "../plugins/use-health.ts";
import type { ProvinceSubgraphEndpoint } from "./province-calls.ts";
import { signSubgraphToken } from "./subgraph-token.ts";

const PROBE = { query: "{ __typename }", variables: null };
/** the gateway asks on its own behalf: the committee's jurisdiction, no scope */
const PROBE_CALLER = { issuer: "gz" as const, subject: "gateway:health", scopes: [] };

export type SubgraphHealth =
  | { status: "ok"; url: string; latencyMs: number }
  | { status: "refused" | "failing" | "unreachable"; url: string; detail: string };

async function probe(endpoint: ProvinceSubgraphEndpoint, key: SigningKey, timeoutMs: number): Promise<SubgraphHealth> {
  const started = performance.now();
  const token = await signSubgraphToken({ key, subgraph: endpoint.name, caller: PROBE_CALLER, request: PROBE });
  try {
    const response = await fetch(endpoint.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(PROBE),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => null)) as { data?: unknown } | null;
    if (response.ok && body?.data) {
      return { status: "ok", url: endpoint.url, latencyMs: Math.round(performance.now() - started) };
    }
    const refused = response.status === 401 || response.status === 403;
    return { status: refused ? "refused" : "failing", url: endpoint.url, detail: `HTTP ${response.status}` };
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    return {
      status: "unreachable",
      url: endpoint.url,
      detail: timedOut ? `no answer within ${timeoutMs} ms` : String((error as Error).message),
    };
  }
}

export function federationHealth(
  endpoints: readonly ProvinceSubgraphEndpoint[],
  key: SigningKey,
  timeoutMs: number,
): HealthDetail {
  return async () => {
    const probes = await Promise.all(endpoints.map(async (e) => [e.name, await probe(e, key, timeoutMs)] as const));
    const subgraphs: Record<string, SubgraphHealth | { status: "in-process" }> = { shared: { status: "in-process" } };
    for (const [name, health] of probes) subgraphs[name] = health;
    const unavailable = probes.filter(([, h]) => h.status !== "ok").map(([name]) => name);
    return {
      healthy: unavailable.length === 0,
      body: { status: unavailable.length === 0 ? "ok" : "degraded", unavailable, subgraphs },
    };
  };
}

import type { Plugin } from "graphql-yoga";

/** A detail the gateway reports on without being unready for it: 200 when healthy, 503 otherwise. */
export type HealthDetail = () => Promise<{ healthy: boolean; body: Record<string, unknown> }>;

export interface HealthOptions {
  /** checks for /readyz; each throws when its dependency is unreachable */
  readiness: Record<string, () => Promise<void>>;
  /** served at /healthz/<name>, for monitoring; /readyz (what a load balancer asks) ignores them */
  details?: Record<string, HealthDetail>;
  /** @default 2000 */
  timeoutMs?: number;
}

/**
 * `/healthz`: the process is up. `/readyz`: the database and the bus answer. `/healthz/<detail>`:
 * e.g. `sync`, whether every adapter reported lately — a silent adapter is worth an alert, but not
 * worth taking every replica out of the load balancer. None needs a token.
 */
export function useHealth({ readiness, details = {}, timeoutMs = 2000 }: HealthOptions): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === "/healthz") {
        endResponse(fetchAPI.Response.json({ status: "ok" }));
        return;
      }
      const detail = url.pathname.startsWith("/healthz/") ? details[url.pathname.slice("/healthz/".length)] : undefined;
      if (detail) {
        const { healthy, body } = await withTimeout(detail(), timeoutMs);
        endResponse(fetchAPI.Response.json(body, { status: healthy ? 200 : 503 }));
        return;
      }
      if (url.pathname !== "/readyz") return;
      const checks: Record<string, string> = {};
      await Promise.all(
        Object.entries(readiness).map(async ([name, check]) => {
          try {
            await withTimeout(check(), timeoutMs);
            checks[name] = "ok";
          } catch (error) {
            checks[name] = `down: ${(error as Error).message}`;
          }
        }),
      );
      const ready = Object.values(checks).every((v) => v === "ok");
      endResponse(
        fetchAPI.Response.json({ status: ready ? "ready" : "not ready", checks }, { status: ready ? 200 : 503 }),
      );
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

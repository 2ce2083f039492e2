import type { Plugin } from "graphql-yoga";

export interface HealthOptions {
  /** checks for /readyz; each throws when its dependency is unreachable */
  readiness: Record<string, () => Promise<void>>;
  /** @default 2000 */
  timeoutMs?: number;
}

/** `/healthz`: the process is up. `/readyz`: the database and the bus answer. Both need no token. */
export function useHealth({ readiness, timeoutMs = 2000 }: HealthOptions): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === "/healthz") {
        endResponse(fetchAPI.Response.json({ status: "ok" }));
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

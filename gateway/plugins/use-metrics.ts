import type { Plugin } from "graphql-yoga";
import type { Caller, GatewayContext } from "../context.ts";
import type { GatewayMetrics } from "../metrics/metrics.ts";

export interface MetricsOptions {
  metrics: GatewayMetrics;
  /** serve /metrics without a token (config METRICS_PUBLIC); otherwise a gz token is required */
  public: boolean;
  /** verifies the request's Authorization (and DPoP) header (throws on an invalid token, null without one) */
  authenticate: (request: Request) => Promise<Caller | null>;
}

/**
 * `/metrics` in the Prometheus text format, and the request metrics behind it: every answered
 * request is counted and timed by GraphQL operation type (known once execution starts).
 */
export function useMetrics({ metrics, public: isPublic, authenticate }: MetricsOptions): Plugin<GatewayContext> {
  const started = new WeakMap<Request, number>();
  const operationOf = new WeakMap<Request, string>();
  const remember = (context: unknown, type: string) => {
    const request = (context as { request?: Request }).request;
    if (request) operationOf.set(request, type);
  };
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== "/metrics") {
        started.set(request, performance.now());
        return;
      }
      if (!isPublic) {
        const caller = await authenticate(request).catch(() => null);
        if (caller?.issuer !== "gz") {
          const status = caller ? 403 : 401;
          endResponse(fetchAPI.Response.json({ error: "/metrics needs a gz token" }, { status }));
          return;
        }
      }
      const body = await metrics.registry.metrics();
      endResponse(new fetchAPI.Response(body, { headers: { "content-type": metrics.registry.contentType } }));
    },
    onExecute({ args }) {
      remember(args.contextValue, (args.contextValue as GatewayContext).audit.operationType);
    },
    onSubscribe({ args }) {
      remember(args.contextValue, "subscription");
    },
    onResponse({ request, response }) {
      const start = started.get(request);
      if (start === undefined) return;
      const seconds = (performance.now() - start) / 1000;
      metrics.observeRequest(operationOf.get(request) ?? "none", response.status, seconds);
    },
  };
}

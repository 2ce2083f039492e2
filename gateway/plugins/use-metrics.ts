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
 * `/metrics` in the Prometheus text format. The request metrics behind it are observed by
 * useRequestReport (./use-request-report.ts), once per answered request.
 */
export function useMetrics({ metrics, public: isPublic, authenticate }: MetricsOptions): Plugin<GatewayContext> {
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== "/metrics") return;
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
  };
}

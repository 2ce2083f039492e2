/**
 * The federated gateway's front door: the Hive Gateway runtime serves the supergraph, and an operation that
 * provably stays in the shared subgraph (./shared-route.ts) is answered by the shared schema's own yoga —
 * the plan the runtime would make (one fetch from the in-process shared subgraph, ./shared-fast-path.ts),
 * without the runtime's request pipeline around it (its plugins, its body limiter, a second Request per call:
 * measured in docs/federation.md). Both servers have the same context and the same plugin instances, so a
 * token, a replay, a limit, the audit and the metrics are one and the same whichever answers. Reading the body
 * (once) and the read lane are the front door's (../front-door.ts).
 */
import { createFrontDoor, type GatewayServer } from "../front-door.ts";
import type { ReadCacheLane } from "../read-cache/read-cache-lane.ts";
import { type GraphQLServer, serverFor } from "./shared-route.ts";

export type { GatewayServer } from "../front-door.ts";

export interface SharedFirstRouterOptions {
  shared: GatewayServer;
  supergraph: GatewayServer;
  graphqlEndpoint: string;
  /** bodies above this are not read here (the body-limit plugin refuses them by their Content-Length) */
  maxBodyBytes: number;
  /** answers the read cache's hits before either server */
  lane?: ReadCacheLane;
}

export function createSharedFirstRouter(options: SharedFirstRouterOptions): GatewayServer {
  const { shared, supergraph, graphqlEndpoint, maxBodyBytes, lane } = options;
  const servers: Record<GraphQLServer, GatewayServer> = { shared, supergraph };
  return createFrontDoor({
    choose: (shape) => servers[serverFor(shape, graphqlEndpoint)],
    fetch: async (input, init, ...rest) =>
      servers[serverFor(await shapeOf(input, init), graphqlEndpoint)].fetch(input, init, ...rest),
    async dispose() {
      await Promise.all([shared.dispose(), supergraph.dispose()]);
    },
    lane,
    graphqlEndpoint,
    maxBodyBytes,
  });
}

/** the in-process callers (tests, the public pages): the body is read from a copy, the original goes on */
async function shapeOf(input: string | URL | Request, init: RequestInit | undefined) {
  if (input instanceof Request) {
    const url = new URL(input.url);
    const body = input.method === "POST" ? await input.clone().text() : undefined;
    return {
      method: input.method,
      target: url.pathname + url.search,
      contentType: input.headers.get("content-type"),
      body,
    };
  }
  const url = new URL(input, "http://gateway.invalid");
  const headers = new Headers(init?.headers);
  const body = typeof init?.body === "string" ? init.body : undefined;
  return {
    method: init?.method ?? "GET",
    target: url.pathname + url.search,
    contentType: headers.get("content-type"),
    body,
  };
}

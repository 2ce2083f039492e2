/**
 * The federated gateway's front door: the Hive Gateway runtime serves the supergraph, and an operation that
 * provably stays in the shared subgraph (./shared-route.ts) is answered by the shared schema's own yoga —
 * the plan the runtime would make (one fetch from the in-process shared subgraph, ./shared-fast-path.ts),
 * without the runtime's request pipeline around it (its plugins, its body limiter, a second Request per call:
 * measured in docs/federation.md). Both servers have the same context and the same plugin instances, so a
 * token, a replay, a limit, the audit and the metrics are one and the same whichever answers.
 *
 * Over HTTP a JSON body is read and parsed once here, within the gateway's body limit, and handed on as the
 * request's body (whatwg-node takes `req.body` as already read). A body without a Content-Length, or over the limit, is
 * not read here: the runtime (which answers every request) streams it and its own limit refuses it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type GraphQLServer, serverFor } from "./shared-route.ts";

/** what the gateway is to its callers: a Node request listener and a fetch handler (yoga's, or this router) */
export interface GatewayServer {
  (req: IncomingMessage, res: ServerResponse): void | Promise<void>;
  fetch(input: string | URL | Request, init?: RequestInit, ...serverContext: unknown[]): Promise<Response>;
  dispose(): void | Promise<void>;
}

export interface SharedFirstRouterOptions {
  shared: GatewayServer;
  supergraph: GatewayServer;
  graphqlEndpoint: string;
  /** bodies above this are not read here (the body-limit plugin refuses them by their Content-Length) */
  maxBodyBytes: number;
}

export function createSharedFirstRouter(options: SharedFirstRouterOptions): GatewayServer {
  const { shared, supergraph, graphqlEndpoint, maxBodyBytes } = options;
  const servers: Record<GraphQLServer, GatewayServer> = { shared, supergraph };

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const target = req.url ?? "/";
    const shape = { method: req.method, target, contentType: req.headers["content-type"] };
    if (req.method !== "POST" || !worthReading(req, maxBodyBytes) || !target.startsWith(graphqlEndpoint)) {
      void servers[serverFor(shape, graphqlEndpoint)](req, res);
      return;
    }
    readBody(req, (body) => {
      (req as IncomingMessage & { body?: unknown }).body = alreadyRead(body);
      void servers[serverFor({ ...shape, body }, graphqlEndpoint)](req, res);
    });
  };

  const fetch = async (input: string | URL | Request, init?: RequestInit, ...rest: unknown[]): Promise<Response> => {
    const server = servers[serverFor(await shapeOf(input, init), graphqlEndpoint)];
    return server.fetch(input, init, ...rest);
  };

  return Object.assign(listener, {
    fetch,
    async dispose() {
      await Promise.all([shared.dispose(), supergraph.dispose()]);
    },
  });
}

/** a JSON body with a Content-Length within the limit: read here; anything else streams to the runtime */
function worthReading(req: IncomingMessage, maxBodyBytes: number): boolean {
  const length = req.headers["content-length"];
  if (length === undefined || !/^\d+$/.test(length)) return false;
  const bytes = Number(length);
  return bytes > 0 && bytes <= maxBodyBytes && (req.headers["content-type"] ?? "").startsWith("application/json");
}

/**
 * What the server is handed as the body already read. whatwg-node takes a parsed JSON object as the answer of
 * `request.json()` (no second parse) and anything else as the body's bytes; it first counts the keys of what it is
 * given, which for a text means one string per character — garbage on every request. So: the parsed object when the
 * text is a JSON object or array with something in it, else the text itself (the server then refuses it as it would).
 */
function alreadyRead(text: string): unknown {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === "object" && Object.keys(parsed).length > 0 ? parsed : text;
  } catch {
    return text;
  }
}

/** the whole body as text, then `done` (callbacks, not a promise: one less turn per request); a broken one is dropped */
function readBody(req: IncomingMessage, done: (body: string) => void): void {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.once("end", () => done((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString("utf8")));
  req.once("error", () => req.destroy());
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

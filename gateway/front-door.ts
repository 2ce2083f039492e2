/**
 * The gateway's front door over HTTP. A JSON POST to the GraphQL endpoint with a Content-Length within the gateway's
 * body limit is read and parsed once here and handed on as the request's body (whatwg-node takes `req.body` as
 * already read); a hit of the read cache or a prepared query is answered by the read lane
 * (./read-cache/read-cache-lane.ts) without going further; every other request goes to the server `choose` names (yoga, or one of the federated gateway's
 * two). A body without a Content-Length, or over the limit, is not read here: the server streams it and its own
 * limit refuses it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GraphQLRequestShape } from "./federation/shared-route.ts";
import type { ReadCacheLane } from "./read-cache/read-cache-lane.ts";

/** what the gateway is to its callers: a Node request listener and a fetch handler (yoga's, or a front door) */
export interface GatewayServer {
  (req: IncomingMessage, res: ServerResponse): void | Promise<void>;
  fetch(input: string | URL | Request, init?: RequestInit, ...serverContext: unknown[]): Promise<Response>;
  dispose(): void | Promise<void>;
}

export interface FrontDoorOptions {
  /** the server that answers a request of this shape (`body`: the JSON text, when it was read here) */
  choose(shape: GraphQLRequestShape): GatewayServer;
  /** the in-process callers' way in (tests, the public pages): no lane there */
  fetch: GatewayServer["fetch"];
  /** disposes of the servers behind the door */
  dispose(): Promise<void>;
  /** answers the read cache's hits before any server (absent: every request goes to `choose`'s server) */
  lane?: ReadCacheLane;
  /** only requests to it have their body read here (the public pages and the console read their own) */
  graphqlEndpoint: string;
  /** bodies above this are not read here (the body-limit plugin refuses them by their Content-Length) */
  maxBodyBytes: number;
}

export function createFrontDoor(options: FrontDoorOptions): GatewayServer {
  const { choose, lane, graphqlEndpoint, maxBodyBytes } = options;

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const shape = { method: req.method, target: req.url ?? "/", contentType: req.headers["content-type"] };
    if (req.method !== "POST" || !worthReading(req, maxBodyBytes) || !shape.target.startsWith(graphqlEndpoint)) {
      void choose(shape)(req, res);
      return;
    }
    readBody(req, (text) => {
      const body = alreadyRead(text);
      (req as IncomingMessage & { body?: unknown }).body = body;
      const handOn = () => void choose({ ...shape, body: text })(req, res);
      if (!lane) return handOn();
      // the lane wrote nothing unless it answered; should it fail after answering, there is nothing left to do
      lane(req, res, body, text).then(
        (answered) => answered || handOn(),
        () => res.headersSent || handOn(),
      );
    });
  };

  return Object.assign(listener, { fetch: options.fetch, dispose: options.dispose });
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

/**
 * A tiny router on node:http: exact methods, `:param` path segments, raw body kept (Sichuan signs it),
 * JSON in and out, zod errors → 400. Faults are applied to every route outside /_sim.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import type { Faults } from "./faults.ts";

export interface SimRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  rawBody: Buffer;
}

export interface SimReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: SimRequest) => SimReply | Promise<SimReply>;

/** an expected error, answered with `status` and the dialect's error body */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** parses a JSON body with a schema; bad JSON or a wrong shape → 400 */
export function parseBody<S extends z.ZodType>(req: SimRequest, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(req.rawBody.length ? req.rawBody.toString("utf8") : "{}");
  } catch {
    throw new HttpError(400, "BAD_JSON", "the body is not JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
    throw new HttpError(400, "BAD_INPUT", first.join("; "));
  }
  return parsed.data;
}

/** an integer query parameter within bounds, or the default */
export function intParam(req: SimRequest, name: string, fallback: number, min: number, max: number): number {
  const text = req.query.get(name);
  if (text === null || text === "") return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new HttpError(400, "BAD_INPUT", `${name} must be an integer in [${min}, ${max}]`);
  }
  return n;
}

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export class Router {
  private readonly routes: Route[] = [];

  constructor(
    private readonly faults: Faults,
    /** the dialect's error body */
    private readonly errorBody: (code: string, message: string) => unknown,
  ) {}

  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: pattern.split("/").filter(Boolean), handler });
    return this;
  }

  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    this.handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) this.send(res, { status: 500, body: this.errorBody("INTERNAL", String(error)) });
      else res.destroy();
    });
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      this.send(res, await this.reply(req));
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      this.send(res, { status: error.status, body: this.errorBody(error.code, error.message) });
    }
  }

  private async reply(req: IncomingMessage): Promise<SimReply> {
    const url = new URL(req.url ?? "/", "http://simulator");
    const rawBody = await readBody(req);
    if (!url.pathname.startsWith("/_sim/")) {
      await this.faults.delay();
      const refused = this.faults.verdict();
      if (refused) {
        const headers = refused.retryAfterSeconds ? { "retry-after": String(refused.retryAfterSeconds) } : undefined;
        return { status: refused.status, body: this.errorBody(refused.code, refused.message), headers };
      }
    }
    const match = this.match(req.method ?? "GET", url.pathname);
    if (!match) throw new HttpError(404, "NOT_FOUND", `no route ${req.method} ${url.pathname}`);
    const { route, params } = match;
    return route.handler({
      method: req.method ?? "GET",
      path: url.pathname,
      params,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
    });
  }

  private match(method: string, path: string): { route: Route; params: Record<string, string> } | null {
    const parts = path.split("/").filter(Boolean);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = route.segments.every((segment, i) => {
        const part = decodeURIComponent(parts[i] ?? "");
        if (segment.startsWith(":")) params[segment.slice(1)] = part;
        return segment.startsWith(":") || segment === part;
      });
      if (ok) return { route, params };
    }
    return null;
  }

  private send(res: ServerResponse, reply: SimReply): void {
    const body = reply.body === undefined ? "" : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      ...(body ? { "content-type": "application/json; charset=utf-8" } : {}),
      "content-length": Buffer.byteLength(body),
      ...reply.headers,
    });
    res.end(body);
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "TOO_LARGE", "body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

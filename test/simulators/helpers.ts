/** Small HTTP helpers for the simulator suites (real HTTP on 127.0.0.1). */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { scSignedHeaders } from "../../adapters/sichuan/types.ts";

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = unknown>(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

/** a POST to Sichuan signed with `secret` */
export function signedPost<T = unknown>(url: string, body: unknown, secret: string): Promise<Reply<T>> {
  const raw = JSON.stringify(body);
  return call<T>(url, { method: "POST", body: raw, headers: scSignedHeaders(raw, secret) });
}

export interface Received {
  headers: IncomingMessage["headers"];
  raw: string;
}

/** a local HTTP server recording what is POSTed to it (webhooks, callbacks) */
export async function startReceiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Small HTTP helpers for the simulator suites (real HTTP on 127.0.0.1). */
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

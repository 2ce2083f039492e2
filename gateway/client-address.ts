/** The client's address for rate limits: the socket's peer, or the first X-Forwarded-For hop behind a trusted proxy. */
import type { IncomingMessage } from "node:http";

export function clientAddressOf(request: Request, req: IncomingMessage | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const first = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req?.socket?.remoteAddress ?? "unknown";
}

/** The client's address for rate limits: the socket's peer, or the first X-Forwarded-For hop behind a trusted proxy. */
import type { IncomingMessage } from "node:http";

/** @param forwardedFor the request's X-Forwarded-For header (null or undefined: none) */
export function clientAddressOf(
  forwardedFor: string | null | undefined,
  req: IncomingMessage | undefined,
  trustProxy: boolean,
): string {
  if (trustProxy) {
    const first = forwardedFor?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req?.socket?.remoteAddress ?? "unknown";
}

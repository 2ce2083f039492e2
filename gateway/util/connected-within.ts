/**
 * Waits, at most `ms`, for a client that connects in the background (ioredis) to be ready. The gateway waits for
 * Redis at start so that its first requests find it: a client without an offline queue fails a command sent while
 * it connects (gateway/server.ts).
 */
export interface ConnectingClient {
  status: string;
  once(event: "ready", listener: () => void): unknown;
  off(event: "ready", listener: () => void): unknown;
}

/** resolves true once `client` is ready, or false after `ms` (it keeps connecting) */
export function connectedWithin(client: ConnectingClient, ms: number): Promise<boolean> {
  if (client.status === "ready") return Promise.resolve(true);
  return new Promise((resolve) => {
    const settle = (ready: boolean) => {
      clearTimeout(timer);
      client.off("ready", onReady);
      resolve(ready);
    };
    const onReady = () => settle(true);
    const timer = setTimeout(() => settle(false), ms);
    client.once("ready", onReady);
  });
}

/**
 * A load balancer for tests: TCP, round-robin per connection over the gateway replicas, skipping one
 * that refuses the connection (a killed replica) — what docker-compose's nginx does in front of the
 * replicas, without rewriting anything (Host and the bytes pass unchanged). It counts the connections
 * each backend took, so a test can see the traffic spread.
 */
import { connect, createServer, type Socket } from "node:net";

export interface TcpBalancer {
  url: string;
  port: number;
  /** connections each backend port accepted */
  readonly accepted: Map<number, number>;
  close(): Promise<void>;
}

export async function startTcpBalancer(backends: readonly number[]): Promise<TcpBalancer> {
  let next = 0;
  const accepted = new Map<number, number>(backends.map((port) => [port, 0]));
  const open = new Set<Socket>();

  /** the next backend that accepts, trying each once */
  function dial(client: Socket, attempt = 0): void {
    if (attempt >= backends.length) {
      client.destroy();
      return;
    }
    const port = backends[next++ % backends.length]!;
    const upstream = connect(port, "127.0.0.1");
    let connected = false;
    upstream.once("connect", () => {
      connected = true;
      accepted.set(port, (accepted.get(port) ?? 0) + 1);
      open.add(upstream);
      upstream.once("close", () => open.delete(upstream));
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
      // a killed replica cuts its connections: the client sees them end, as behind a real balancer
      upstream.once("close", () => client.destroy());
      client.once("close", () => upstream.destroy());
    });
    upstream.on("error", () => {
      if (!connected) dial(client, attempt + 1); // refused: the next replica
    });
  }

  const server = createServer((client) => {
    open.add(client);
    client.once("close", () => open.delete(client));
    client.on("error", () => {});
    client.pause();
    dial(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    accepted,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

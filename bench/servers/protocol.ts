/**
 * The child side of a server under test. Each server runs in its own process (forked by bench/lib/child.ts),
 * so the load generator never shares its event loop, and reports over IPC: "ready" with its URL, its memory on
 * request, a CPU profile window on request (the inspector's V8 profiler — the same data as `--cpu-prof`),
 * and a clean stop.
 */
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";

export interface ServerHandle {
  /** the GraphQL endpoint */
  url: string;
  /** anything the parent should know (e.g. the schema it serves) */
  info?: Record<string, unknown>;
  close(): Promise<void>;
}

export type ParentMessage =
  | { type: "memory"; id: number }
  | { type: "profile-start"; id: number }
  | { type: "profile-stop"; id: number; file: string }
  | { type: "stop"; id: number };

export type ChildMessage =
  | { type: "ready"; url: string; info: Record<string, unknown> }
  | { type: "failed"; message: string }
  | { type: "reply"; id: number; value?: unknown; error?: string };

function send(message: ChildMessage, then?: () => void): void {
  process.send?.(message, undefined, {}, () => then?.());
}

export function serveAsChild(start: () => Promise<ServerHandle>): void {
  if (!process.send) throw new Error("a bench server runs as a child of bench/run.ts (it needs an IPC channel)");
  let session: Session | null = null;
  let stopping = false;

  const handlers: Record<ParentMessage["type"], (message: ParentMessage, handle: ServerHandle) => Promise<unknown>> = {
    memory: async () => process.memoryUsage(),
    "profile-start": async () => {
      session = new Session();
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.start");
    },
    "profile-stop": async (message) => {
      if (!session) throw new Error("no profile running");
      const { profile } = await session.post("Profiler.stop");
      session.disconnect();
      session = null;
      await writeFile((message as { file: string }).file, JSON.stringify(profile));
    },
    stop: async (_message, handle) => {
      stopping = true;
      await handle.close();
    },
  };

  start().then(
    (handle) => {
      process.on("message", (message: ParentMessage) => {
        handlers[message.type](message, handle).then(
          // after "stop", exit at once: open handles must not keep a stopped server alive, and a normal exit
          // is what makes `node --cpu-prof` write its profile
          (value) =>
            send({ type: "reply", id: message.id, value }, message.type === "stop" ? () => process.exit(0) : undefined),
          (error: Error) => send({ type: "reply", id: message.id, error: error.message }),
        );
      });
      // the parent died: do not linger as an orphan holding a port and a temp directory
      process.on("disconnect", () => {
        if (stopping) return;
        void handle.close().finally(() => process.exit(0));
      });
      send({ type: "ready", url: handle.url, info: handle.info ?? {} });
    },
    (error: Error) => {
      send({ type: "failed", message: error.stack ?? error.message });
      process.exitCode = 1;
      process.disconnect();
    },
  );
}

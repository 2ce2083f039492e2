/**
 * The parent side of a server under test: forks `bench/servers/<entry>.ts`, precompiled (./bundles.ts), in its own process,
 * waits for "ready", and asks it for its RSS, a CPU profile window, or a clean stop.
 */
import { type ChildProcess, fork } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { ChildMessage, ParentMessage } from "../servers/protocol.ts";
import { bundledEntry } from "./bundles.ts";
import { deployedGatewayNodeFlags } from "./deployed-gateway.ts";
import { REPO_ROOT } from "./paths.ts";
import { progress } from "./progress.ts";

export interface ServerChild {
  name: string;
  /** the GraphQL endpoint */
  url: string;
  info: Record<string, unknown>;
  pid: number;
  /** the server process's `process.memoryUsage()` (rss: resident set size, bytes) */
  memory(): Promise<NodeJS.MemoryUsage>;
  startProfile(): Promise<void>;
  /** writes the profile to `file` (in the child) */
  stopProfile(file: string): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** extra environment for the child */
  env?: Record<string, string>;
  /** run under `node --cpu-prof`, writing into this directory */
  cpuProfDir?: string;
  /** @default 180_000 — a gateway migrates and seeds a fresh database first */
  readyTimeoutMs?: number;
}

/** Forwards the child's output line by line, prefixed with its name, to our stderr. */
function forward(child: ChildProcess, name: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on("line", (line) => process.stderr.write(`  [${name}] ${line}\n`));
  }
}

export async function startServerChild(name: string, entry: string, options: StartOptions = {}): Promise<ServerChild> {
  const file = await bundledEntry(`bench/servers/${entry}`);
  // the gateway with the Node flags it has in production (docker-compose.yml)
  const execArgv: string[] = entry === "gateway.ts" ? [...deployedGatewayNodeFlags()] : [];
  if (options.cpuProfDir) {
    // a directory per process, Node's own file names (CPU.<date>.<pid>.<thread>…)
    const dir = path.join(options.cpuProfDir, `${name}-whole-life-${new Date().toISOString().replaceAll(":", "-")}`);
    mkdirSync(dir, { recursive: true });
    execArgv.push("--cpu-prof", `--cpu-prof-dir=${dir}`);
  }
  const child = fork(file, [], {
    cwd: REPO_ROOT,
    execArgv,
    // every server under test runs as deployed (docker-compose.yml): graphql-js, for one, skips its dev checks
    env: { ...process.env, NODE_ENV: "production", ...options.env },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  forward(child, name);

  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  void exited.then((code) => {
    for (const { reject } of pending.values()) reject(new Error(`${name} exited (code ${code})`));
    pending.clear();
  });

  const ready = await new Promise<{ url: string; info: Record<string, unknown> }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${name} was not ready within ${(options.readyTimeoutMs ?? 180_000) / 1000} s`));
    }, options.readyTimeoutMs ?? 180_000);
    child.on("message", (message: ChildMessage) => {
      if (message.type === "ready") {
        clearTimeout(timer);
        resolve({ url: message.url, info: message.info });
      } else if (message.type === "failed") {
        clearTimeout(timer);
        reject(new Error(`${name} failed to start: ${message.message}`));
      } else if (message.type === "reply") {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(`${name}: ${message.error}`));
        else waiter?.resolve(message.value);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (code ${code}) before it was ready`));
    });
  });

  const request = (message: Omit<ParentMessage, "id">, timeoutMs = 30_000): Promise<unknown> => {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${name} did not answer ${message.type} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      child.send({ ...message, id } as ParentMessage);
    });
  };

  let stopped: Promise<void> | undefined;
  progress(`${name} ready at ${ready.url} (pid ${child.pid})`);
  return {
    name,
    url: ready.url,
    info: ready.info,
    pid: child.pid!,
    memory: async () => (await request({ type: "memory" })) as NodeJS.MemoryUsage,
    startProfile: async () => void (await request({ type: "profile-start" })),
    stopProfile: async (file) => void (await request({ type: "profile-stop", file } as Omit<ParentMessage, "id">)),
    stop() {
      stopped ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        await request({ type: "stop" }, 20_000).catch(() => child.kill("SIGKILL"));
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopped;
    },
  };
}

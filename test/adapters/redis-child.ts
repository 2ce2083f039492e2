/**
 * A redis-server of the test's own, as a child process on a free port, that the test may stop and
 * start again on the same port — never the shared Redis others' tests use. No persistence.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { freePort } from "../support/free-port.ts";

export const REDIS_SERVER = "/usr/bin/redis-server";

export const redisServerAvailable = () => existsSync(REDIS_SERVER);

export interface RedisChild {
  url: string;
  /** SIGKILL, as a crash; resolves when the process is gone */
  stop(): Promise<void>;
  /** again on the same port, empty */
  start(): Promise<void>;
}

export async function startRedisChild(): Promise<RedisChild> {
  const port = await freePort();
  let child: ChildProcess | null = null;

  async function start() {
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
    const proc = spawn(REDIS_SERVER, args, { stdio: ["ignore", "pipe", "pipe"] });
    child = proc;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("redis-server did not start in 10 s")), 10_000);
      let output = "";
      proc.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`));
      });
    });
  }

  async function stop() {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    const gone = new Promise((resolve) => proc.once("exit", resolve));
    proc.kill("SIGKILL");
    await gone;
  }

  await start();
  return { url: `redis://127.0.0.1:${port}`, stop, start };
}

/**
 * A repository script (a simulator, an adapter) as its own process, started as `npm start` starts it
 * (`node --import tsx <file>`, its config in its environment): output forwarded line by line with its name,
 * an optional line to wait for (e.g. the URL a simulator listens on), and a stop that always ends it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { REPO_ROOT } from "./paths.ts";
import { progress } from "./progress.ts";

export interface ScriptProcess {
  name: string;
  pid: number;
  /** the first match of `readyLine`, or null when none was asked for */
  ready: RegExpExecArray | null;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone */
  stop(graceMs?: number): Promise<void>;
}

export interface ScriptOptions {
  /** relative to the repository root, e.g. "adapters/chongqing/main.ts" */
  file: string;
  args?: string[];
  env?: Record<string, string>;
  /** resolve only once a line of its output matches (else as soon as it is spawned) */
  readyLine?: RegExp;
  /** @default 60_000 */
  readyTimeoutMs?: number;
  /** forward its output to our stderr. @default true */
  echo?: boolean;
}

export async function startScript(name: string, options: ScriptOptions): Promise<ScriptProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(REPO_ROOT, options.file), ...(options.args ?? [])],
    { cwd: REPO_ROOT, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let onLine: ((line: string) => void) | undefined;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on("line", (line) => {
      if (options.echo !== false) process.stderr.write(`  [${name}] ${line}\n`);
      onLine?.(line);
    });
  }

  let stopped: Promise<void> | undefined;
  const stop = (graceMs = 5000) => {
    stopped ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const force = setTimeout(() => child.kill("SIGKILL"), graceMs);
      child.kill("SIGTERM");
      await exited;
      clearTimeout(force);
    })();
    return stopped;
  };

  let ready: RegExpExecArray | null = null;
  if (options.readyLine) {
    const pattern = options.readyLine;
    const timeoutMs = options.readyTimeoutMs ?? 60_000;
    try {
      ready = await new Promise<RegExpExecArray>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${name} was not ready within ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
        onLine = (line) => {
          const match = pattern.exec(line);
          if (match) {
            clearTimeout(timer);
            resolve(match);
          }
        };
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`${name} exited (code ${child.exitCode}) before it was ready`));
        });
      });
    } catch (error) {
      await stop();
      throw error;
    } finally {
      onLine = undefined;
    }
  }
  progress(`${name} started (pid ${child.pid})`);
  return { name, pid: child.pid!, ready, stop };
}

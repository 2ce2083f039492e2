/**
 * A repository script (a simulator, an adapter) as its own process, its config in its environment: an adapter
 * precompiled as deployed (./bundles.ts), a simulator as `npm start` starts it (`node --import tsx <file>`): output forwarded line by line with its name,
 * an optional line to wait for (e.g. the URL a simulator listens on), and a stop that always ends it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { BUNDLED_ENTRIES, bundledEntry } from "./bundles.ts";
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
  /** run under `node --cpu-prof`, writing into this directory when it exits */
  cpuProfDir?: string;
}

export async function startScript(name: string, options: ScriptOptions): Promise<ScriptProcess> {
  // a directory per process, Node's own file names: with `--import tsx` the loader's worker thread writes a
  // profile too, and one fixed name would let it overwrite the main thread's
  const profileDir = options.cpuProfDir && path.join(options.cpuProfDir, `${name}-${Date.now()}`);
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const program = BUNDLED_ENTRIES.includes(options.file)
    ? [await bundledEntry(options.file)]
    : ["--import", "tsx", path.join(REPO_ROOT, options.file)];
  const child: ChildProcess = spawn(process.execPath, [...profile, ...program, ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
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

/**
 * A gateway replica as its own process (`scripts/serve.ts`, as production runs it), on a port fixed
 * in advance, that a test can SIGKILL mid-traffic and start again on the same port. Precompiled
 * (`buildServeBundle`) it starts in about a second; through tsx it compiles the gateway first.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { buildEntries, DIST_DIR } from "../../scripts/build.ts";
import { freePort } from "./free-port.ts";

/** `scripts/serve.ts` bundled as production runs it, in a directory of this test's own under dist/ */
export async function buildServeBundle(): Promise<{ script: string; remove(): Promise<void> }> {
  const outdir = path.join(DIST_DIR, `test-${randomBytes(4).toString("hex")}`);
  const [script] = await buildEntries(["scripts/serve.ts"], outdir);
  return { script: script!, remove: () => rm(outdir, { recursive: true, force: true }) };
}

export interface GatewayProcess {
  port: number;
  url: string;
  /** what it printed, for a failing test's message */
  output(): string;
  /** SIGKILL, as a crash: no drain, no clean shutdown; resolves when the process is gone */
  kill(): Promise<void>;
  /** again on the same port and environment */
  start(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

export interface GatewayProcessOptions {
  /** when the test must know it before the process starts (e.g. for a balancer); @default a free port */
  port?: number;
  /** a precompiled serve.js (`buildServeBundle`); @default scripts/serve.ts through tsx */
  script?: string;
}

async function answers(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1_000) });
    return response.ok;
  } catch {
    return false;
  }
}

export async function startGatewayProcess(
  env: Record<string, string>,
  options: GatewayProcessOptions = {},
): Promise<GatewayProcess> {
  const port = options.port ?? (await freePort());
  const args = options.script ? [options.script] : ["--import", "tsx", "scripts/serve.ts"];
  let child: ChildProcess | null = null;
  let output = "";

  async function start() {
    const proc = spawn(process.execPath, args, {
      env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "warn", HOST: "127.0.0.1", ...env, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = proc;
    const from = output.length; // a restart's own lines
    let exited: Error | null = null;
    proc.once("exit", (code, signal) => {
      exited = new Error(`gateway :${port} exited (${code ?? signal}): ${output.slice(from).slice(-1000)}`);
    });
    const read = (chunk: Buffer) => {
      output += chunk.toString();
    };
    proc.stdout?.on("data", read);
    proc.stderr?.on("data", read);
    // up when /healthz answers: whatever LOG_LEVEL hides, the port tells
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await answers(port))) {
      if (exited) throw exited;
      if (Date.now() > deadline) throw new Error(`gateway :${port} did not start: ${output.slice(-1000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function kill() {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise((resolve) => proc.once("exit", resolve));
    proc.kill("SIGKILL");
    await gone;
  }

  await start();
  return { port, url: `http://127.0.0.1:${port}`, output: () => output, kill, start };
}

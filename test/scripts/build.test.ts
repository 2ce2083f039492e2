/**
 * `npm run build` makes what production runs (docker-compose.yml): the precompiled migration runner migrates a
 * fresh database, and the precompiled gateway serves it and answers readyz — plain `node`, no TypeScript loader —
 * and serves the console's build (console/dist) at /console/ with its assets.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleBuildIsStale } from "../../gateway/console/console-files.ts";
import { buildEntries, DEPLOYED_ENTRIES, distPathOf, REPO_ROOT } from "../../scripts/build.ts";
import { buildConsole } from "../../scripts/build-console.ts";
import { freePort } from "../support/free-port.ts";
import { createTestKeys } from "../support/keys.ts";

let dir: string;
let keys: Awaited<ReturnType<typeof createTestKeys>>;
let server: ChildProcess | undefined;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gz-build-"));
  keys = await createTestKeys();
});
afterAll(async () => {
  server?.kill("SIGKILL");
  await keys?.cleanup();
  await rm(dir, { recursive: true, force: true });
});

function run(file: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [file, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return { child, output: () => output };
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once("exit", resolve));

describe("npm run build", () => {
  it("precompiles the migration runner and the gateway, which migrate and serve (the console too) without tsx", async () => {
    const outputs = await buildEntries(DEPLOYED_ENTRIES);
    expect(outputs).toEqual(DEPLOYED_ENTRIES.map((entry) => distPathOf(entry)));

    const env = { NODE_ENV: "production", PGLITE_DIR: path.join(dir, "pglite") };
    const migrate = run(distPathOf("scripts/migrate.ts"), ["deploy"], env);
    expect(await exitOf(migrate.child), migrate.output()).toBe(0);

    const port = await freePort();
    const serve = run(distPathOf("scripts/serve.ts"), [], {
      ...env,
      HOST: "127.0.0.1",
      PORT: String(port),
      KEYS_DIR: keys.dir,
      LOG_LEVEL: "silent",
    });
    server = serve.child;
    let ready: Response | null = null;
    for (let i = 0; i < 100 && !ready?.ok; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ready = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
    }
    expect(ready?.status, serve.output()).toBe(200);
    expect(await ready?.json()).toMatchObject({ status: "ready" });

    if (consoleBuildIsStale()) await buildConsole();
    const page = await fetch(`http://127.0.0.1:${port}/console/`);
    const html = await page.text();
    expect(page.status, html).toBe(200);
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, html).toBeDefined();
    expect((await fetch(`http://127.0.0.1:${port}${script}`)).status).toBe(200);

    serve.child.kill("SIGTERM");
    expect(await exitOf(serve.child), serve.output()).toBe(0);
    server = undefined;
  }, 120_000);
});

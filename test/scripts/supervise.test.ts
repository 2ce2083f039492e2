/**
 * `npm start` keeps its children alive and never leaves orphans: a child that dies is started again
 * (scripts/start-sync.ts `supervise`), and a child whose parent was killed outright ends by itself
 * (adapters/core/exit-with-parent.ts) instead of keeping the simulators' ports.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { supervise } from "../../scripts/start-sync.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gz-supervise-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("npm start's children", () => {
  it("a child that dies is started again, and stays stopped after stop()", async () => {
    const log = path.join(dir, "starts.log");
    const script = path.join(dir, "dies.mjs");
    await writeFile(
      script,
      `import { appendFileSync } from "node:fs"; appendFileSync(${JSON.stringify(log)}, "start\\n"); process.exit(3);`,
    );
    const child = supervise(script, {});
    const startsSoFar = async () =>
      (await readFile(log, "utf8").catch(() => "")).trim().split("\n").filter(Boolean).length;
    // starts at 0 s, again after 1 s, again after 2 s more; on a loaded machine a start takes longer
    const deadline = Date.now() + 15_000;
    while ((await startsSoFar()) < 2 && Date.now() < deadline) await sleep(100);
    await child.stop();
    const starts = await startsSoFar();
    expect(starts).toBeGreaterThanOrEqual(2);
    await sleep(2_500);
    expect((await readFile(log, "utf8")).trim().split("\n").length).toBe(starts);
  }, 20_000);

  it("a child ends by itself when its parent is killed with SIGKILL", async () => {
    const pidFile = path.join(dir, "grandchild.pid");
    const grandchild = path.join(dir, "grandchild.ts");
    await writeFile(
      grandchild,
      `import { writeFileSync } from "node:fs";
import { exitWithParent } from ${JSON.stringify(path.join(ROOT, "adapters/core/exit-with-parent.ts"))};
writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));
exitWithParent(async () => {});
setInterval(() => {}, 1000);`,
    );
    const parent = path.join(dir, "parent.mjs");
    await writeFile(
      parent,
      `import { spawn } from "node:child_process";
spawn(process.execPath, ["--import", "tsx", ${JSON.stringify(grandchild)}], { env: { ...process.env, EXIT_WITH_PARENT: "1" }, stdio: "ignore", cwd: ${JSON.stringify(ROOT)} });
setInterval(() => {}, 1000);`,
    );
    const proc = spawn(process.execPath, [parent], { cwd: ROOT, stdio: "ignore" });
    let pid = 0;
    for (let i = 0; i < 100 && !pid; i++) {
      await sleep(100);
      pid = Number(await readFile(pidFile, "utf8").catch(() => "0"));
    }
    expect(pid).toBeGreaterThan(0);
    expect(alive(pid)).toBe(true);
    proc.kill("SIGKILL");
    for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
    expect(alive(pid)).toBe(false);
  }, 30_000);
});

/**
 * Builds the console (console/ → console/dist) with Vite: `npm run build`, and `npm start` when the build is
 * missing or older than its sources (gateway/console/console-files.ts). A child process with NODE_ENV=production:
 * React's production build whatever the caller runs with (the browser tests run with NODE_ENV=test).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { CONSOLE_DIR } from "../gateway/console/console-files.ts";

export function buildConsole(): Promise<void> {
  const vite = path.join(CONSOLE_DIR, "..", "node_modules", ".bin", "vite");
  return new Promise((resolve, reject) => {
    const child = spawn(vite, ["build", "--config", path.join(CONSOLE_DIR, "vite.config.ts"), "--logLevel", "warn"], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NODE_ENV: "production" },
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))));
  });
}

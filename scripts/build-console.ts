/**
 * Builds the console (console/ → console/dist) with Vite: `npm run build`, and `npm start` when the build is
 * missing or older than its sources (gateway/console/console-files.ts).
 */
import path from "node:path";
import { build } from "vite";
import { CONSOLE_DIR } from "../gateway/console/console-files.ts";

export async function buildConsole(): Promise<void> {
  await build({ configFile: path.join(CONSOLE_DIR, "vite.config.ts"), logLevel: "warn" });
}

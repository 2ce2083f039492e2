/**
 * Where a command-line script writes. Its result — the token, the verdict, the keys' state — goes to
 * stdout for the person or the pipe that ran it (`print`); its log goes to stderr (`cliLogger`), so
 * `$(npm run -s token -- --as sc | tail -1)` receives the token and nothing else.
 */
import { loadLogSettingsOrExit } from "../gateway/config.ts";
import { createLogger, type Logger } from "../gateway/logging/logger.ts";

export function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** what a person must read before anything else (usage, bad arguments): plain text on stderr */
export function printProblem(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** the script's log, on stderr (LOG_LEVEL, LOG_FORMAT) */
export function cliLogger(name: string): Logger {
  return createLogger(name, { ...loadLogSettingsOrExit(), to: "stderr" });
}

/**
 * Structured logs (pino) for every process of the system: the gateway, the adapters, the simulators
 * and the scripts. One JSON object a line for machines (log shippers, `jq`); for a person, when the
 * output is a terminal (LOG_FORMAT=auto, the default), one line a record: time, level, name and the
 * message alone — so every message says in words what its fields say.
 *
 * Logs are not program output: a CLI keeps its result on stdout (`npm run token` prints the token) and
 * logs to stderr (`to: "stderr"`), so that a pipe receives only the result.
 */
import { writeSync } from "node:fs";
import { createRequire } from "node:module";
import { type DestinationStream, type Logger, pino } from "pino";
import type PinoPretty from "pino-pretty";

export type { Logger } from "pino";
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
export type LogFormat = "auto" | "json" | "pretty";
export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export const LOG_FORMATS = ["auto", "json", "pretty"] as const;

export interface LogSettings {
  /** @default "info" */
  level?: LogLevel;
  /** @default "auto": pretty on a terminal, JSON otherwise */
  format?: LogFormat;
}

export interface LoggerOptions extends LogSettings {
  /** @default "stdout"; CLIs whose stdout is their result log to stderr */
  to?: "stdout" | "stderr";
  /** write here instead (tests): always JSON */
  destination?: DestinationStream;
}

/**
 * Never logged in clear, wherever they appear (pino censors them). The request log carries no
 * headers, variables or payloads in the first place; this is the second line of defence for a
 * careless `log.info({ ...something })`: tokens and secrets, and the personal data the gateway holds
 * (an officer's ID number, phone and home address; docs/security.md).
 */
export const REDACTED_KEYS = [
  "authorization",
  "token",
  "secret",
  "privateKey",
  "password",
  "variables",
  "idNumber",
  "phone",
  "homeAddress",
] as const;
const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/** A logger named after its process part (`gateway`, `adapter cq`, `sim sc`, `start`, …). */
export function createLogger(name: string, options: LoggerOptions = {}): Logger {
  const fd = options.to === "stderr" ? 2 : 1;
  const settings = {
    name,
    level: options.level ?? "info",
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (options.destination) return pino(settings, options.destination);
  // synchronous writes: a CLI that logs and then exits loses nothing
  return pino(
    settings,
    wantsPretty(options.format, fd) ? prettyStream(fd) : pino.destination({ dest: fd, sync: true }),
  );
}

/** A logger that drops everything (tests, benchmarks, library defaults). */
export const silentLogger = (): Logger => pino({ level: "silent" });

function wantsPretty(format: LogFormat | undefined, fd: 1 | 2): boolean {
  if (format === "json") return false;
  if (format === "pretty") return true;
  return Boolean(fd === 2 ? process.stderr.isTTY : process.stdout.isTTY);
}

/**
 * One line a record for a person: time, level, `[name] message`, and an error's stack when there is
 * one. pino-pretty is loaded only then: production (JSON) never loads it.
 */
function prettyStream(fd: 1 | 2): DestinationStream {
  const { prettyFactory } = createRequire(import.meta.url)("pino-pretty") as typeof PinoPretty;
  const prettify = prettyFactory({
    colorize: Boolean(fd === 2 ? process.stderr.isTTY : process.stdout.isTTY),
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname,name",
    hideObject: true,
    messageFormat: (log, messageKey) => {
      const stack = (log.err as { stack?: string } | undefined)?.stack;
      return `[${String(log.name)}] ${String(log[messageKey] ?? "")}${stack ? `\n${stack}` : ""}`;
    },
  });
  return {
    write(line: string) {
      const text = prettify(line);
      writeSync(fd, text.endsWith("\n") ? text : `${text}\n`);
    },
  };
}

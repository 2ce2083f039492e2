import type { YogaLogger } from "graphql-yoga";
import type { Logger } from "./logger.ts";

/**
 * graphql-yoga's own log calls (`logger.error(error)` for an unexpected error, debug lines while it
 * parses a request) through pino, so that they are JSON lines like the rest: an Error goes to pino's
 * `err` serializer (name, message, stack), anything else becomes the message.
 */
export function yogaLogger(logger: Logger): YogaLogger {
  const at =
    (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      const error = args.find((arg) => arg instanceof Error);
      const message = args
        .filter((arg) => arg !== error)
        .map((arg) => (typeof arg === "string" ? arg : String(arg)))
        .join(" ");
      if (error) logger[level]({ err: error }, message || (error as Error).message);
      else logger[level](message);
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

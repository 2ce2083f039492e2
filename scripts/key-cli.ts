/**
 * What `npm run keys` and `npm run token` share: the one place they read the environment (the
 * gateway itself gets KEYS_DIR from gateway/config.ts) and their argument handling — bad
 * arguments print the message and the usage and exit 2, failures exit 1.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { print, printProblem } from "./cli-output.ts";

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;

export function keysDirFromEnv(env: Record<string, string | undefined> = process.env): string {
  return env.KEYS_DIR?.trim() || ".keys";
}

export function exitWithUsage(message: string, usage: string): never {
  printProblem(`error: ${message}\n\n${usage}`);
  process.exit(2);
}

type Values<T extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: T; strict: true; allowPositionals: false }>
>["values"];

/** Parses `--name value` options (plus --help) strictly, then runs `main`. */
export function runCli<T extends ParseArgsOptionsConfig>(
  usage: string,
  options: T,
  main: (values: Values<T>) => Promise<void>,
): void {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    print(usage);
    return;
  }
  let values: Values<T>;
  try {
    ({ values } = parseArgs({ options, strict: true, allowPositionals: false }));
  } catch (error) {
    exitWithUsage((error as Error).message, usage);
  }
  main(values).catch((error: Error) => {
    printProblem(`error: ${error.message}`);
    process.exit(1);
  });
}

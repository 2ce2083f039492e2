/**
 * The Node flags the gateway runs with in production, read from docker-compose.yml (the `x-gateway` command:
 * `node <flags> dist/scripts/serve.js`), so that every gateway the bench starts runs as deployed — one place
 * says how, and a flag tuned only for the bench cannot exist.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./paths.ts";

const GATEWAY_SCRIPT = "dist/scripts/serve.js";

/** The flags between `node` and the gateway's script in a compose file's command lines; [] when it has none. */
export function gatewayNodeFlags(compose: string): string[] {
  for (const line of compose.split("\n")) {
    const match = /^\s*command:\s*(\[.*\])\s*$/.exec(line);
    if (!match?.[1]?.includes(`"${GATEWAY_SCRIPT}"`)) continue;
    const command = JSON.parse(match[1]) as string[];
    const script = command.indexOf(GATEWAY_SCRIPT);
    if (command[0] !== "node" || script < 1)
      throw new Error(`unexpected gateway command in docker-compose.yml: ${line}`);
    return command.slice(1, script);
  }
  throw new Error(`docker-compose.yml has no command running ${GATEWAY_SCRIPT}`);
}

let deployed: string[] | undefined;

/** The production gateway's Node flags (docker-compose.yml), read once. */
export function deployedGatewayNodeFlags(): string[] {
  deployed ??= gatewayNodeFlags(readFileSync(path.join(REPO_ROOT, "docker-compose.yml"), "utf8"));
  return deployed;
}

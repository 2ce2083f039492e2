/** The body of an adapter process: parse config, start, stop cleanly on SIGINT/SIGTERM. */
import { createLogger } from "../../gateway/logging/logger.ts";
import { startAdapter } from "../start-adapter.ts";
import type { Province } from "./canonical.ts";
import { parseAdapterConfig } from "./config.ts";
import { exitWithParent } from "./exit-with-parent.ts";

export async function runAdapterProcess(province: Province): Promise<void> {
  const parsed = parseAdapterConfig(province, process.env);
  if (!parsed.ok) {
    createLogger(`adapter ${province}`, { to: "stderr" }).fatal(
      { problems: parsed.problems },
      `configuration problems: ${parsed.problems.join("; ")}`,
    );
    process.exit(1);
  }
  const { config } = parsed;
  const logger = createLogger(`adapter ${province}`, config.log);
  const adapter = await startAdapter({ ...config, logger });
  logger.info(`${config.platformUrl} ⇄ ${config.gatewayUrl} as "${config.name}"`);
  const stop = async () => {
    await adapter.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
  exitWithParent(() => adapter.stop());
}

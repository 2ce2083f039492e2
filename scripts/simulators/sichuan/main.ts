/** `npx tsx scripts/simulators/sichuan/main.ts --port 4102` (flags: see ../core/cli.ts) */
import { runFromCommandLine } from "../core/cli.ts";
import { startSichuanSimulator } from "./index.ts";

await runFromCommandLine("sc", startSichuanSimulator);

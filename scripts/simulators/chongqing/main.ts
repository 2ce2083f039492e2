/** `npx tsx scripts/simulators/chongqing/main.ts --port 4101` (flags: see ../core/cli.ts) */
import { runFromCommandLine } from "../core/cli.ts";
import { startChongqingSimulator } from "./index.ts";

await runFromCommandLine("cq", startChongqingSimulator);

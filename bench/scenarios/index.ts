/** Every scenario, in the order `npm run bench` runs them (memory after read: it reports read's gateway RSS). */
import { federation } from "./federation.ts";
import { ingest } from "./ingest.ts";
import { libraryScale } from "./library-scale.ts";
import { match } from "./match.ts";
import { memory } from "./memory.ts";
import { propagate } from "./propagate.ts";
import { read } from "./read.ts";
import { readPeers } from "./read-peers.ts";
import { supervision } from "./supervision.ts";
import type { Scenario } from "./types.ts";

export const SCENARIOS: readonly Scenario[] = [
  read,
  readPeers,
  match,
  federation,
  ingest,
  propagate,
  libraryScale,
  supervision,
  memory,
];
export const SCENARIO_NAMES = SCENARIOS.map((s) => s.name);

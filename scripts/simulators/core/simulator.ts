/**
 * Starts one simulated provincial platform: store (+ journal), generator, faults and the
 * control API are shared; the dialect brings serialization, its own endpoints and its signing.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { JSONWebKeySet } from "jose";
import { registerControlRoutes } from "./control.ts";
import { type FaultPatch, Faults } from "./faults.ts";
import { ActivityGenerator } from "./generator.ts";
import { Journal } from "./journal.ts";
import type {
  Province,
  ReceivedRecord,
  ReceivedTask,
  RecordKind,
  SimEnterprise,
  SimOfficer,
  SimRecord,
} from "./model.ts";
import { Pacer } from "./pacer.ts";
import { Router } from "./router.ts";
import { provinceSeed } from "./seed.ts";
import { SimStore } from "./store.ts";
import { createProvinceSubgraph, SUBGRAPH_PATH, type SubgraphStats } from "./subgraph.ts";

export interface SimulatorOptions {
  /** 0 (default) picks a free port */
  port?: number;
  /** activity steps per second; 0 = off. @default 1 */
  rate?: number;
  /** PRNG seed of the activity and the faults. @default 1 */
  seed?: number;
  /** keep the store in `<dataDir>/<province>-store.jsonl` across restarts; in memory only when absent */
  dataDir?: string | null;
  faults?: FaultPatch;
  /** the clock (tests) */
  now?: () => number;
  /** the gateway's public keys: the subgraph accepts only requests carrying the gateway's token (./subgraph.ts) */
  gatewayJwks?: JSONWebKeySet | null;
}

/** what the simulator's parts give a dialect to build its endpoints on */
export interface SimContext {
  store: SimStore;
  faults: Faults;
  router: Router;
  generator: ActivityGenerator;
  pacer: Pacer;
  dialect: Dialect;
}

/** everything that differs between the provinces */
export interface Dialect {
  province: Province;
  recordId(kind: RecordKind, n: number): string;
  errorBody(code: string, message: string): unknown;
  record(r: SimRecord): unknown;
  officer(o: SimOfficer): unknown;
  enterprise(e: SimEnterprise): unknown;
  received(r: ReceivedRecord): unknown;
  task(t: ReceivedTask): unknown;
  /** registers the platform's own API */
  routes(ctx: SimContext): void;
}

export interface RunningSimulator {
  province: Province;
  url: string;
  port: number;
  store: SimStore;
  faults: Faults;
  generator: ActivityGenerator;
  /** the federation subgraph's counters (POST /subgraph) */
  subgraph: SubgraphStats;
  setRate(rate: number): void;
  stop(): Promise<void>;
}

export async function startSimulator(dialect: Dialect, options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const seed = options.seed ?? 1;
  const opened = options.dataDir ? Journal.open(options.dataDir, `${dialect.province}-store`) : null;
  const store = new SimStore({ recordId: dialect.recordId, journal: opened?.journal, now: options.now });
  store.replay(opened?.lines ?? []);
  const initial = provinceSeed(dialect.province);
  if (store.latestSeq === 0) {
    // a fresh platform: its officers and enterprises are the first entries of its feed
    store.batch(() => {
      for (const officer of initial.officers) store.putOfficer(officer);
      for (const enterprise of initial.enterprises) store.putEnterprise(enterprise);
    });
  }
  const faults = new Faults(seed, options.faults);
  const generator = new ActivityGenerator(store, initial.items, seed);
  const pacer = new Pacer(generator, options.rate ?? 1);
  const router = new Router(faults, (code, message) => dialect.errorBody(code, message));
  const ctx: SimContext = { store, faults, router, generator, pacer, dialect };
  registerControlRoutes(ctx);
  dialect.routes(ctx);
  // the province's federation subgraph: the same contract on both platforms (./subgraph.ts)
  const subgraph = createProvinceSubgraph(dialect.province, {
    gatewayJwks: options.gatewayJwks,
    now: options.now,
  });
  router.on("POST", SUBGRAPH_PATH, (req) => subgraph.handle(req));

  const server = createServer(router.listener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    province: dialect.province,
    url: `http://127.0.0.1:${port}`,
    port,
    store,
    faults,
    generator,
    subgraph: subgraph.stats,
    setRate: (rate) => pacer.setRate(rate),
    async stop() {
      pacer.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

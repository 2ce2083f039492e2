/**
 * The federation's subgraphs as `npm run supergraph` composes them: the gateway's own (`shared`) and
 * each province's platform. URLs are the embedded system's defaults (`npm start`: the gateway on
 * PORT 4000, the simulators on SIM_CQ_PORT 4101 / SIM_SC_PORT 4102, scripts/start-sync.ts); the
 * gateway's runtime replaces them from its config, so they only name where a default install listens.
 */
import { PROVINCES } from "../common/jurisdiction.ts";
import type { SubgraphSource } from "./compose.ts";
import { PROVINCE_SUBGRAPH, provinceSubgraphSdl } from "./province-subgraph.ts";
import { SHARED_SUBGRAPH, sharedSubgraphSdl } from "./shared-subgraph.ts";

export const DEFAULT_SUBGRAPH_URLS: Readonly<Record<string, string>> = {
  [SHARED_SUBGRAPH]: "http://127.0.0.1:4000/subgraph/shared",
  [PROVINCE_SUBGRAPH.cq]: "http://127.0.0.1:4101/subgraph",
  [PROVINCE_SUBGRAPH.sc]: "http://127.0.0.1:4102/subgraph",
};

const urlOf = (name: string): string => {
  const url = DEFAULT_SUBGRAPH_URLS[name];
  if (!url) throw new Error(`no default URL for subgraph ${name}`);
  return url;
};

export function federationSubgraphs(): SubgraphSource[] {
  return [
    { name: SHARED_SUBGRAPH, url: urlOf(SHARED_SUBGRAPH), sdl: sharedSubgraphSdl() },
    ...PROVINCES.map((province) => ({
      name: PROVINCE_SUBGRAPH[province],
      url: urlOf(PROVINCE_SUBGRAPH[province]),
      sdl: provinceSubgraphSdl(province),
    })),
  ];
}

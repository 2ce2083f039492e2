/**
 * The provinces' subgraph contract as code: the SDL every province serves (province-subgraph.graphql)
 * plus the one field naming the province on `Enterprise`. Read by the simulators (which serve it), the
 * gateway (which calls it) and `npm run supergraph` (which composes it). docs/federation.md.
 */
import { readFileSync } from "node:fs";
import { repositoryFile } from "../../gateway/util/repository-root.ts";
import type { Province } from "../common/jurisdiction.ts";

/** `Enterprise.atChongqing` / `Enterprise.atSichuan`: the field each province's subgraph adds */
export const PROVINCE_FIELD: Readonly<Record<Province, "atChongqing" | "atSichuan">> = {
  cq: "atChongqing",
  sc: "atSichuan",
};

/** the subgraphs' names in the supergraph (and the `aud` of the gateway's token to each) */
export const PROVINCE_SUBGRAPH: Readonly<Record<Province, string>> = { cq: "chongqing", sc: "sichuan" };

const FIELD_DESCRIPTION: Readonly<Record<Province, string>> = {
  cq: "重庆档案 — Chongqing's file on this enterprise, read from Chongqing's platform (null: none held)",
  sc: "四川档案 — Sichuan's file on this enterprise, read from Sichuan's platform (null: none held)",
};

// from the repository root, so that the bundled gateway (dist/) finds it too
export const PROVINCE_SUBGRAPH_SDL = readFileSync(
  repositoryFile("schema/federation/province-subgraph.graphql"),
  "utf8",
);

/** The whole SDL one province serves: the contract plus its own field on Enterprise. */
export function provinceSubgraphSdl(province: Province): string {
  return `${PROVINCE_SUBGRAPH_SDL}
extend type Enterprise {
  "${FIELD_DESCRIPTION[province]}"
  ${PROVINCE_FIELD[province]}: ProvincialFile
}
`;
}

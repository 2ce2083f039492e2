/**
 * What the gateway needs to serve the supergraph, from configuration: the committed supergraph
 * (supergraph.graphql, `npm run supergraph`), the shared subgraph's schema, the gateway's signing key
 * and the provinces' subgraph URLs (FEDERATION_CHONGQING_URL, FEDERATION_SICHUAN_URL).
 *
 * The key: outside production it is created when missing (as `npm start` does); in production it
 * must be there (`npm run keys` creates it) — a gateway that cannot sign cannot ask the provinces.
 */
import { readFile } from "node:fs/promises";
import { PROVINCE_SUBGRAPH } from "../../schema/federation/province-subgraph.ts";
import { sharedSubgraphSchema } from "../../schema/federation/shared-subgraph.ts";
import { ensureGatewayKey, loadPrivateKey, privateKeyPath } from "../auth/keys.ts";
import type { GatewayConfig } from "../config.ts";
import { repositoryFile } from "../util/repository-root.ts";
import type { FederationDeps } from "./federated-gateway.ts";

export const SUPERGRAPH_FILE = repositoryFile("supergraph.graphql");

export async function loadFederation(config: GatewayConfig): Promise<FederationDeps> {
  const { keysDir } = config.auth;
  if (config.env !== "production") await ensureGatewayKey(keysDir);
  const key = await loadPrivateKey(keysDir, "gateway").catch((error: unknown) => {
    throw new Error(
      `网关签名密钥缺失 — the gateway's signing key ${privateKeyPath(keysDir, "gateway")} cannot be read ` +
        `(${(error as Error).message}): run \`npm run keys\`, or set FEDERATION=false to serve the shared schema alone`,
    );
  });
  const { subgraphUrls, timeoutMs } = config.federation;
  return {
    supergraphSdl: await readFile(SUPERGRAPH_FILE, "utf8"),
    sharedSubgraph: sharedSubgraphSchema,
    key,
    timeoutMs,
    endpoints: [
      { name: PROVINCE_SUBGRAPH.cq, province: "cq", url: subgraphUrls.chongqing },
      { name: PROVINCE_SUBGRAPH.sc, province: "sc", url: subgraphUrls.sichuan },
    ],
  };
}

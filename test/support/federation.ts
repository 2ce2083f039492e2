/** The gateway's key in a temporary directory, and a way to call a province's subgraph as the gateway does. */
import type { JSONWebKeySet } from "jose";
import { generateIssuerKeys, loadPrivateKey, loadPublicJwks, type SigningKey } from "../../gateway/auth/keys.ts";
import { type SubgraphRequest, signSubgraphToken } from "../../gateway/federation/subgraph-token.ts";
import type { Jurisdiction } from "../../schema/common/jurisdiction.ts";
import { makeTempDir } from "./keys.ts";

export interface GatewayKey {
  dir: string;
  key: SigningKey;
  jwks: JSONWebKeySet;
  cleanup(): Promise<void>;
}

export async function createGatewayKey(): Promise<GatewayKey> {
  const { dir, cleanup } = await makeTempDir("gaozhu-gateway-key-");
  await generateIssuerKeys(dir, "gateway");
  return { dir, key: await loadPrivateKey(dir, "gateway"), jwks: await loadPublicJwks(dir, "gateway"), cleanup };
}

export interface SubgraphReply {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** POST to `<url>/subgraph` with `authorization` as given (or none) */
export async function postSubgraph(
  url: string,
  request: SubgraphRequest,
  authorization?: string,
): Promise<SubgraphReply> {
  const res = await fetch(`${url}/subgraph`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(request),
  });
  return { status: res.status, body: (await res.json()) as SubgraphReply["body"] };
}

/** as the gateway: a token minted for this request, this subgraph and this caller */
export async function asGateway(
  key: SigningKey,
  subgraph: string,
  request: SubgraphRequest,
  caller: { issuer: Jurisdiction; subject: string; scopes?: string[] } = { issuer: "gz", subject: "gz-test" },
  now?: number,
): Promise<string> {
  const token = await signSubgraphToken({ key, subgraph, caller: { scopes: [], ...caller }, request, now });
  return `Bearer ${token}`;
}

/**
 * The adapters' way into the gateway, over real HTTP: by default DPoP — one token bound to a key the
 * adapter keeps in memory serves every mutation and the change stream, each request with its own
 * proof, and that token read off the wire cannot write on its own. In bearer mode (adapters before
 * DPoP) every mutation still gets a token of its own.
 */
import { print } from "graphql";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GatewayClient, type TokenMode } from "../../adapters/core/gateway-client.ts";
import { HEARTBEAT } from "../../adapters/core/operations/status.ts";
import { loadPrivateKey } from "../../gateway/auth/keys.ts";
import { type LiveGateway, startLiveGateway } from "../support/live-gateway.ts";

let live: LiveGateway;
beforeAll(async () => {
  live = await startLiveGateway({ STREAM_HEARTBEAT_MS: "300" });
}, 60_000);
afterAll(() => live.dispose());
afterEach(() => vi.restoreAllMocks());

async function clientWithSpy(tokenMode: TokenMode) {
  const client = new GatewayClient({
    gatewayUrl: live.url,
    issuer: "cq",
    key: await loadPrivateKey(live.keysDir, "cq"),
    tokenMode,
  });
  const fetchSpy = vi.spyOn(globalThis, "fetch");
  const sent = () =>
    fetchSpy.mock.calls.map(([, init]) => new Headers((init as RequestInit).headers).get("authorization") ?? "");
  return { client, sent };
}

describe("the adapters' gateway client", () => {
  it("DPoP: one bound token for every mutation, a proof each; that token alone cannot write", async () => {
    const { client, sent } = await clientWithSpy("dpop");
    for (let i = 0; i < 3; i++)
      await client.mutate(HEARTBEAT, { input: { source: "dpop-client", direction: "INBOUND" } });
    const authorizations = sent();
    expect(authorizations).toHaveLength(3);
    expect(authorizations.every((a) => a.startsWith("DPoP "))).toBe(true);
    expect(new Set(authorizations).size).toBe(1);

    const captured = authorizations[0]!.slice("DPoP ".length);
    const response = await fetch(`${live.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${captured}` },
      body: JSON.stringify({ query: print(HEARTBEAT), variables: { input: { source: "thief" } } }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { reason: "DPOP_BOUND_TOKEN_AS_BEARER" } }] });
  });

  it("DPoP: opens the change stream with a proof", async () => {
    const { client } = await clientWithSpy("dpop");
    const controller = new AbortController();
    const changes = await client.changes("dpop-stream", controller.signal);
    const iterator = changes[Symbol.asyncIterator]();
    // a change or a heartbeat: either means the stream was opened
    const first = await iterator.next();
    expect(first.done).toBe(false);
    controller.abort();
  });

  it("bearer: a fresh token for every mutation, as before DPoP", async () => {
    const { client, sent } = await clientWithSpy("bearer");
    for (let i = 0; i < 3; i++)
      await client.mutate(HEARTBEAT, { input: { source: "bearer-client", direction: "INBOUND" } });
    const authorizations = sent();
    expect(authorizations.every((a) => a.startsWith("Bearer "))).toBe(true);
    expect(new Set(authorizations).size).toBe(3);
  });
});

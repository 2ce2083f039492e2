/**
 * A province's subgraph answers only the gateway (gateway/federation/subgraph-token.ts): a token the
 * gateway minted for that very request, that subgraph and a short time; everything else is refused.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signToken } from "../../gateway/auth/sign-token.ts";
import { requestHash } from "../../gateway/federation/subgraph-token.ts";
import { startChongqingSimulator } from "../../scripts/simulators/chongqing/index.ts";
import type { RunningSimulator } from "../../scripts/simulators/core/simulator.ts";
import { asGateway, createGatewayKey, type GatewayKey, postSubgraph } from "../support/federation.ts";
import { createTestKeys, decodePart, type TestKeys, withPayload } from "../support/keys.ts";

let gatewayKey: GatewayKey;
let provinceKeys: TestKeys;
const running: RunningSimulator[] = [];
beforeAll(async () => {
  gatewayKey = await createGatewayKey();
  provinceKeys = await createTestKeys();
});
afterAll(async () => {
  await gatewayKey.cleanup();
  await provinceKeys.cleanup();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function chongqing(withKey = true) {
  const sim = await startChongqingSimulator({ rate: 0, gatewayJwks: withKey ? gatewayKey.jwks : null });
  running.push(sim);
  return sim;
}

const REQUEST = {
  query: "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { uscc } } }",
  variables: { r: [{ __typename: "Enterprise", uscc: "91500112MAG00001XX" }] },
};
const reasonOf = (reply: Awaited<ReturnType<typeof postSubgraph>>) => reply.body.errors?.[0]?.extensions?.reason;

describe("a province's subgraph trusts only the gateway", () => {
  it("answers the gateway's token and learns the caller it forwards", async () => {
    const sim = await chongqing();
    const caller = { issuer: "cq" as const, subject: "cq-officer-7", scopes: ["records:read"] };
    const reply = await postSubgraph(sim.url, REQUEST, await asGateway(gatewayKey.key, "chongqing", REQUEST, caller));
    expect(reply.status).toBe(200);
    expect(reply.body.errors).toBeUndefined();
    expect(sim.subgraph.lastCaller).toMatchObject({ issuer: "cq", subject: "cq-officer-7", scopes: ["records:read"] });
  });

  it("refuses a request without a token", async () => {
    const sim = await chongqing();
    const reply = await postSubgraph(sim.url, REQUEST);
    expect(reply.status).toBe(401);
    expect(reply.body.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "MISSING_TOKEN" });
    expect(sim.subgraph.operations).toBe(0);
  });

  it("refuses a province's own token, even one claiming to be the gateway's", async () => {
    const sim = await chongqing();
    const own = await provinceKeys.token("cq", { aud: "chongqing" });
    expect((await postSubgraph(sim.url, REQUEST, `Bearer ${own}`)).status).toBe(401);
    const claimed = await provinceKeys.sign("cq", {
      ...provinceKeys.claims("cq", { iss: "gateway", aud: "chongqing" }),
      caller_iss: "cq",
      req: requestHash(REQUEST),
    });
    const reply = await postSubgraph(sim.url, REQUEST, `Bearer ${claimed}`);
    expect(reply.status).toBe(401);
    expect(["UNKNOWN_KEY", "BAD_SIGNATURE"]).toContain(reasonOf(reply));
    expect(sim.subgraph.operations).toBe(0);
  });

  it("refuses a forwarded identity altered after signing", async () => {
    const sim = await chongqing();
    const honest = (await asGateway(gatewayKey.key, "chongqing", REQUEST, { issuer: "sc", subject: "sc-1" })).slice(7);
    const altered = withPayload(honest, { ...decodePart<Record<string, unknown>>(honest, 1), caller_iss: "gz" });
    const reply = await postSubgraph(sim.url, REQUEST, `Bearer ${altered}`);
    expect(reply.status).toBe(401);
    expect(reasonOf(reply)).toBe("BAD_SIGNATURE");
  });

  it("refuses a replayed token, and one minted for another query or other variables", async () => {
    const sim = await chongqing();
    const authorization = await asGateway(gatewayKey.key, "chongqing", REQUEST);
    expect((await postSubgraph(sim.url, REQUEST, authorization)).status).toBe(200);
    const replayed = await postSubgraph(sim.url, REQUEST, authorization);
    expect(replayed.status).toBe(401);
    expect(reasonOf(replayed)).toBe("TOKEN_REPLAYED");

    const forQuery = await asGateway(gatewayKey.key, "chongqing", REQUEST);
    const otherQuery = { ...REQUEST, query: "{ _service { sdl } }" };
    expect(reasonOf(await postSubgraph(sim.url, otherQuery, forQuery))).toBe("REQUEST_MISMATCH");
    const forVariables = await asGateway(gatewayKey.key, "chongqing", REQUEST);
    const otherVariables = { ...REQUEST, variables: { r: [{ __typename: "Enterprise", uscc: "X" }] } };
    expect(reasonOf(await postSubgraph(sim.url, otherVariables, forVariables))).toBe("REQUEST_MISMATCH");
    expect(sim.subgraph.operations).toBe(1);
  });

  it("refuses a token for another subgraph, an expired one and a long-lived one", async () => {
    const sim = await chongqing();
    const forSichuan = await asGateway(gatewayKey.key, "sichuan", REQUEST);
    expect(reasonOf(await postSubgraph(sim.url, REQUEST, forSichuan))).toBe("WRONG_AUDIENCE");

    const { key, kid, alg } = gatewayKey.key;
    const base = {
      privateKey: key,
      kid,
      alg,
      issuer: "gateway",
      audience: "chongqing",
      subject: "gz-1",
      claims: { caller_iss: "gz", req: requestHash(REQUEST) },
    };
    const expired = await signToken({ ...base, ttlSeconds: 30, now: Date.now() - 120_000 });
    expect(reasonOf(await postSubgraph(sim.url, REQUEST, `Bearer ${expired}`))).toBe("TOKEN_EXPIRED");
    const longLived = await signToken({ ...base, ttlSeconds: 3600 });
    expect(reasonOf(await postSubgraph(sim.url, REQUEST, `Bearer ${longLived}`))).toBe("TOKEN_LIFETIME_TOO_LONG");
  });

  it("a platform without the gateway's keys answers nobody", async () => {
    const sim = await chongqing(false);
    const reply = await postSubgraph(sim.url, REQUEST, await asGateway(gatewayKey.key, "chongqing", REQUEST));
    expect(reply.status).toBe(503);
  });
});

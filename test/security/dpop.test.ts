/**
 * Sender-constrained tokens (DPoP, RFC 9449) over HTTP: a token bound to a key serves any number of
 * mutations, each request with a fresh proof signed by that key; the token alone — captured from a
 * log, a proxy, a screen — cannot write, and neither can a proof used twice, for another request, or
 * signed by another key. Every refusal is a 401 with its reason and a `WWW-Authenticate: DPoP` challenge.
 */
import { randomUUID } from "node:crypto";
import { base64url, calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthFailureReason } from "../../gateway/auth/auth-error.ts";
import { accessTokenHash } from "../../gateway/auth/dpop.ts";
import { type DpopKey, generateDpopKey, signDpopProof } from "../../gateway/auth/dpop-proof.ts";
import { openChanges } from "../schema/sse.ts";
import { ingest, inspection } from "../schema/sync-helpers.ts";
import { createTestGateway, TEST_GRAPHQL_URL, type TestGateway } from "../support/gateway.ts";
import { expectRefused, latestAudit, MERGE_BENCHMARKS, MERGEABLE_ITEMS, READ_DOMAINS, writtenRows } from "./helpers.ts";

let t: TestGateway;
let key: DpopKey;
beforeAll(async () => {
  t = await createTestGateway();
  key = await generateDpopKey();
});
afterAll(() => t.dispose());

const gzBenchmarks = (itemCode: string) => t.prisma.benchmark.count({ where: { itemCode, source: "gz" } });
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A request with the given headers; answers status, reason, challenge and body. */
async function send(headers: Record<string, string>, body: unknown = { query: READ_DOMAINS }) {
  const response = await t.post(body, headers);
  const json = (await response.json()) as {
    data?: unknown;
    errors?: Array<{ extensions?: { code?: string; reason?: string } }>;
  };
  return {
    status: response.status,
    reason: json.errors?.[0]?.extensions?.reason,
    challenge: response.headers.get("www-authenticate"),
    json,
  };
}

const dpopHeaders = async (
  token: string,
  proofKey: DpopKey = key,
  target = { method: "POST", url: TEST_GRAPHQL_URL },
) => ({
  authorization: `DPoP ${token}`,
  dpop: await signDpopProof(proofKey, { ...target, accessToken: token }),
});

/** A proof with the given claims and header, signed by `key` (what a careless or hostile client sends). */
async function customProof(token: string, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) {
  return new SignJWT({ htm: "POST", htu: TEST_GRAPHQL_URL, ath: accessTokenHash(token), jti: randomUUID(), ...claims })
    .setProtectedHeader({ typ: "dpop+jwt", alg: "ES256", jwk: key.publicJwk, ...header })
    .setIssuedAt(typeof claims.iat === "number" ? claims.iat : nowSeconds())
    .sign(key.privateKey);
}

describe("a DPoP-bound token", () => {
  it("serves several mutations in a row, each with a fresh proof", async () => {
    const token = await t.token("gz", { boundKey: key.thumbprint, subject: "committee-clerk" });
    const items = MERGEABLE_ITEMS.slice(0, 3);
    const before = await Promise.all(items.map(gzBenchmarks));
    for (const code of items) {
      const result = await t.gql(MERGE_BENCHMARKS, { token, dpop: key, variables: { code } });
      expect(result.errors).toBeUndefined();
    }
    expect(await Promise.all(items.map(gzBenchmarks))).toEqual(before.map((n) => n + 1));
    expect(await latestAudit(t)).toMatchObject({ issuer: "gz", subject: "committee-clerk", outcome: "OK" });
  });

  it("runs every mutation of a batch sent with one proof (one request, one proof)", async () => {
    const [a, b] = MERGEABLE_ITEMS.slice(3, 5) as [string, string];
    const before = (await gzBenchmarks(a)) + (await gzBenchmarks(b));
    const token = await t.token("gz", { boundKey: key.thumbprint });
    const { status, json } = await send(await dpopHeaders(token), [
      { query: MERGE_BENCHMARKS, variables: { code: a } },
      { query: MERGE_BENCHMARKS, variables: { code: b } },
    ]);
    expect(status).toBe(200);
    expect((json as unknown as Array<{ errors?: unknown }>).map((r) => r.errors)).toEqual([undefined, undefined]);
    expect((await gzBenchmarks(a)) + (await gzBenchmarks(b))).toBe(before + 2);
  });

  it("works for a query sent as GET: htm GET, htu without the query string", async () => {
    const token = await t.token("sc", { boundKey: key.thumbprint });
    const url = `${TEST_GRAPHQL_URL}?query=${encodeURIComponent(READ_DOMAINS)}`;
    const response = await t.gateway.fetch(url, {
      headers: { accept: "application/json", ...(await dpopHeaders(token, key, { method: "GET", url })) },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { domains: unknown[] } }).data.domains.length).toBeGreaterThan(0);
  });

  it("opens the change stream (SSE) and receives the other province's records", async () => {
    const newest = await t.prisma.changeEvent.aggregate({ _max: { seq: true } });
    const afterSeq = String(newest._max.seq ?? 0n);
    const stream = await openChanges(t, { as: "cq", dpop: key, variables: { afterSeq } });
    expect(stream.status).toBe(200);
    const receiving = stream.take(1);
    await ingest(t, "sc", { records: [inspection("SC-JC-DPOP-1")] });
    expect((await receiving)[0]).toMatchObject({
      origin: "SC",
      kind: "record.upserted",
      entityType: "record",
    });
    await stream.close();
  });

  it("accepts an Ed25519 (EdDSA) key as well", async () => {
    const edKey = await generateDpopKey("EdDSA");
    const token = await t.token("sc", { boundKey: edKey.thumbprint });
    const result = await t.gql(READ_DOMAINS, { token, dpop: edKey });
    expect(result.errors).toBeUndefined();
  });

  it("accepts the proof a browser makes with a non-extractable WebCrypto ES256 key", async () => {
    // exactly what the console does: crypto.subtle, a JWK with key_ops and ext, an r‖s signature
    const pair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, [
      "sign",
      "verify",
    ])) as CryptoKeyPair;
    const jwk = await crypto.subtle.exportKey("jwk", pair.publicKey);
    expect(jwk).toMatchObject({ key_ops: ["verify"], ext: true });
    const { kty, crv, x, y } = jwk;
    const thumbprintInput = new TextEncoder().encode(JSON.stringify({ crv, kty, x, y }));
    const jkt = base64url.encode(new Uint8Array(await crypto.subtle.digest("SHA-256", thumbprintInput)));
    const token = await t.token("gz", { boundKey: jkt });
    const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
    const signingInput = `${encode({ typ: "dpop+jwt", alg: "ES256", jwk })}.${encode({
      jti: crypto.randomUUID(),
      htm: "POST",
      htu: TEST_GRAPHQL_URL,
      iat: nowSeconds(),
      ath: accessTokenHash(token),
    })}`;
    const signature = await crypto.subtle.sign(
      { name: "ECDSA", hash: "SHA-256" },
      pair.privateKey,
      new TextEncoder().encode(signingInput),
    );
    const proof = `${signingInput}.${base64url.encode(new Uint8Array(signature))}`;
    const code = MERGEABLE_ITEMS[5]!;
    const before = await gzBenchmarks(code);
    const { status, json } = await send(
      { authorization: `DPoP ${token}`, dpop: proof },
      { query: MERGE_BENCHMARKS, variables: { code } },
    );
    expect([status, json.errors]).toEqual([200, undefined]);
    expect(await gzBenchmarks(code)).toBe(before + 1);
  });
});

describe("what a captured token or proof cannot do", () => {
  const mutation = { query: MERGE_BENCHMARKS, variables: { code: MERGEABLE_ITEMS[6] } };

  interface Attempt {
    name: string;
    reason: AuthFailureReason;
    challenge: RegExp;
    headers(token: string): Promise<Record<string, string>>;
  }
  const PROOF_REFUSED = /^DPoP algs="ES256 EdDSA", error="invalid_dpop_proof"/;
  const ATTEMPTS: Attempt[] = [
    {
      name: "the bound token alone, as Bearer",
      reason: "DPOP_BOUND_TOKEN_AS_BEARER",
      challenge: /^DPoP algs="ES256 EdDSA", error="invalid_token"/,
      headers: async (token) => ({ authorization: `Bearer ${token}` }),
    },
    {
      name: "the bound token as DPoP without a proof",
      reason: "DPOP_PROOF_MISSING",
      challenge: PROOF_REFUSED,
      headers: async (token) => ({ authorization: `DPoP ${token}` }),
    },
    {
      name: "a proof signed by the attacker's own key",
      reason: "DPOP_BINDING_MISMATCH",
      challenge: PROOF_REFUSED,
      headers: async (token) => dpopHeaders(token, await generateDpopKey()),
    },
    {
      name: "a proof made for another URL",
      reason: "DPOP_HTU_MISMATCH",
      challenge: PROOF_REFUSED,
      headers: (token) => dpopHeaders(token, key, { method: "POST", url: "http://elsewhere.test/graphql" }),
    },
    {
      name: "a proof made for a GET",
      reason: "DPOP_HTM_MISMATCH",
      challenge: PROOF_REFUSED,
      headers: (token) => dpopHeaders(token, key, { method: "GET", url: TEST_GRAPHQL_URL }),
    },
    {
      name: "a proof made for another token",
      reason: "DPOP_ATH_MISMATCH",
      challenge: PROOF_REFUSED,
      headers: async (token) => ({
        authorization: `DPoP ${token}`,
        dpop: await customProof(token, { ath: accessTokenHash("another.token.entirely") }),
      }),
    },
    {
      name: "a proof two minutes old",
      reason: "DPOP_PROOF_IAT_OUT_OF_WINDOW",
      challenge: PROOF_REFUSED,
      headers: async (token) => ({
        authorization: `DPoP ${token}`,
        dpop: await customProof(token, { iat: nowSeconds() - 120 }),
      }),
    },
    {
      name: "a proof made two minutes ahead",
      reason: "DPOP_PROOF_IAT_OUT_OF_WINDOW",
      challenge: PROOF_REFUSED,
      headers: async (token) => ({
        authorization: `DPoP ${token}`,
        dpop: await customProof(token, { iat: nowSeconds() + 120 }),
      }),
    },
    {
      name: "a proof typed as a plain JWT",
      reason: "DPOP_PROOF_INVALID",
      challenge: PROOF_REFUSED,
      headers: async (token) => ({
        authorization: `DPoP ${token}`,
        dpop: await customProof(token, {}, { typ: "JWT" }),
      }),
    },
    {
      name: "a proof without jti",
      reason: "DPOP_PROOF_INVALID",
      challenge: PROOF_REFUSED,
      headers: async (token) => ({
        authorization: `DPoP ${token}`,
        dpop: await customProof(token, { jti: undefined }),
      }),
    },
    {
      name: "a proof whose payload was altered after signing",
      reason: "DPOP_PROOF_INVALID",
      challenge: PROOF_REFUSED,
      headers: async (token) => {
        const [header, , signature] = (await customProof(token)).split(".");
        const payload = base64url.encode(
          JSON.stringify({ htm: "POST", htu: TEST_GRAPHQL_URL, iat: nowSeconds(), jti: "x" }),
        );
        return { authorization: `DPoP ${token}`, dpop: `${header}.${payload}.${signature}` };
      },
    },
    {
      name: "a proof carrying the private key in its jwk",
      reason: "DPOP_PROOF_INVALID",
      challenge: PROOF_REFUSED,
      headers: async () => {
        const pair = await generateKeyPair("ES256", { extractable: true });
        const privateJwk = await exportJWK(pair.privateKey);
        const bound = await t.token("gz", { boundKey: await calculateJwkThumbprint(privateJwk) });
        const proof = await new SignJWT({
          htm: "POST",
          htu: TEST_GRAPHQL_URL,
          ath: accessTokenHash(bound),
          jti: randomUUID(),
        })
          .setProtectedHeader({ typ: "dpop+jwt", alg: "ES256", jwk: privateJwk })
          .setIssuedAt()
          .sign(pair.privateKey);
        return { authorization: `DPoP ${bound}`, dpop: proof };
      },
    },
    {
      name: "two DPoP headers",
      reason: "DPOP_PROOF_INVALID",
      challenge: PROOF_REFUSED,
      headers: async (token) => {
        const target = { method: "POST", url: TEST_GRAPHQL_URL, accessToken: token };
        return {
          authorization: `DPoP ${token}`,
          dpop: `${await signDpopProof(key, target)}, ${await signDpopProof(key, target)}`,
        };
      },
    },
  ];

  it.each(ATTEMPTS)("$name → 401 $reason, nothing written, audited", async ({ reason, challenge, headers }) => {
    const token = await t.token("gz", { boundKey: key.thumbprint, subject: "captured" });
    const before = await writtenRows(t.prisma);
    const result = await send(await headers(token), mutation);
    expect(result.status).toBe(401);
    expect(result.json.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason });
    expect(result.json.data ?? null).toBeNull();
    expect(result.challenge).toMatch(challenge);
    expect(await writtenRows(t.prisma)).toEqual(before);
    expect(await latestAudit(t)).toMatchObject({ outcome: "REFUSED", errorCode: reason });
  });

  it("a proof sent twice: the second request is refused (DPOP_PROOF_REPLAYED), the first ran", async () => {
    const token = await t.token("gz", { boundKey: key.thumbprint });
    const headers = await dpopHeaders(token);
    const code = MERGEABLE_ITEMS[7]!;
    const before = await gzBenchmarks(code);
    expect((await send(headers, { query: MERGE_BENCHMARKS, variables: { code } })).status).toBe(200);
    const replay = await send(headers, { query: MERGE_BENCHMARKS, variables: { code } });
    expect([replay.status, replay.reason]).toEqual([401, "DPOP_PROOF_REPLAYED"]);
    expect(replay.challenge).toMatch(PROOF_REFUSED);
    expect(await gzBenchmarks(code)).toBe(before + 1);
  });

  it("a plain (unbound) token sent with the DPoP scheme → 401 DPOP_TOKEN_NOT_BOUND", async () => {
    const token = await t.token("gz");
    const result = await t.gql(READ_DOMAINS, { token, dpop: key });
    expectRefused(result, 401, "UNAUTHENTICATED", "DPOP_TOKEN_NOT_BOUND");
  });

  it("a token with a malformed cnf → 401 MALFORMED_TOKEN", async () => {
    const token = await t.keys.token("gz", { cnf: { jkt: "not-a-thumbprint" } });
    expectRefused(await t.gql(READ_DOMAINS, { token }), 401, "UNAUTHENTICATED", "MALFORMED_TOKEN");
  });

  it("a plain bearer token keeps its rule: one mutation, then TOKEN_REPLAYED with a Bearer challenge", async () => {
    const token = await t.token("gz");
    const code = MERGEABLE_ITEMS[8]!;
    expect((await t.gql(MERGE_BENCHMARKS, { token, variables: { code } })).errors).toBeUndefined();
    const again = await send({ authorization: `Bearer ${token}` }, { query: MERGE_BENCHMARKS, variables: { code } });
    expect([again.status, again.reason]).toEqual([401, "TOKEN_REPLAYED"]);
    expect(again.challenge).toMatch(/^Bearer error="invalid_token"/);
  });

  it("a request without any token names both schemes in its challenge", async () => {
    const result = await send({}, { query: MERGE_BENCHMARKS, variables: { code: "GZ-002" } });
    expect([result.status, result.reason]).toEqual([401, "MISSING_TOKEN"]);
    expect(result.challenge).toBe('Bearer, DPoP algs="ES256 EdDSA"');
  });
});

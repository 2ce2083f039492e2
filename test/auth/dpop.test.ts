/**
 * DPoP proof rules without HTTP: which `htu` names a request (its own URL, or the configured public
 * origin behind a proxy, normalised, without query), and what the authenticator does with a proof's
 * `jti` — once per request however many operations it batches, refused the second time, and when the
 * replay store is down: reads go on, mutations fail closed.
 */
import { Redis } from "ioredis";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthenticator } from "../../gateway/auth/authenticator.ts";
import { accessTokenHash, verifyDpopProof } from "../../gateway/auth/dpop.ts";
import { type DpopKey, generateDpopKey, signDpopProof } from "../../gateway/auth/dpop-proof.ts";
import { signToken } from "../../gateway/auth/sign-token.ts";
import { testConfig, testRedisPrefix } from "../support/gateway.ts";
import { createTestKeys, type TestKeys } from "../support/keys.ts";

let key: DpopKey;
let keys: TestKeys;
beforeAll(async () => {
  key = await generateDpopKey();
  keys = await createTestKeys();
});
afterAll(() => keys.cleanup());

const TOKEN = "header.payload.signature";
const proofOptions = { windowSeconds: 60, publicOrigins: null, now: Date.now() };

async function check(proofUrl: string, requestUrl: string, publicOrigins: readonly string[] | null = null) {
  const proof = await signDpopProof(key, { method: "POST", url: proofUrl, accessToken: TOKEN });
  return verifyDpopProof(
    { proof, method: "POST", url: requestUrl, accessToken: TOKEN, boundKey: key.thumbprint },
    { ...proofOptions, publicOrigins, now: Date.now() },
  ).then(
    () => "OK",
    (error: { reason?: string }) => error.reason,
  );
}

describe("htu: which URL a proof must name", () => {
  it("the request's own URL, compared after normalising case and default port, query and fragment left out", async () => {
    expect(await check("http://gateway.test/graphql", "http://gateway.test/graphql?query=x")).toBe("OK");
    const proof = await signDpopProof(key, { method: "POST", url: "http://gateway.test/graphql", accessToken: TOKEN });
    // a client that writes htu by hand, oddly but equivalently
    const odd = await new SignJWT({ htm: "POST", htu: "HTTP://Gateway.TEST:80/graphql#x", ath: accessTokenHash(TOKEN) })
      .setProtectedHeader({ typ: "dpop+jwt", alg: "ES256", jwk: key.publicJwk })
      .setJti("odd-1")
      .setIssuedAt()
      .sign(key.privateKey);
    for (const p of [proof, odd]) {
      await expect(
        verifyDpopProof(
          {
            proof: p,
            method: "POST",
            url: "http://gateway.test/graphql",
            accessToken: TOKEN,
            boundKey: key.thumbprint,
          },
          proofOptions,
        ),
      ).resolves.toMatchObject({ jti: expect.any(String) });
    }
    expect(await check("http://gateway.test/graphql/other", "http://gateway.test/graphql")).toBe("DPOP_HTU_MISMATCH");
    expect(await check("https://gateway.test/graphql", "http://gateway.test/graphql")).toBe("DPOP_HTU_MISMATCH");
  });

  it("behind a proxy, the configured public origin — and not the internal address the gateway sees", async () => {
    const origins = ["https://gateway.gaozhu.example", "http://10.0.0.5:4000"];
    expect(await check("https://gateway.gaozhu.example/graphql", "http://replica-2:4000/graphql", origins)).toBe("OK");
    expect(await check("http://10.0.0.5:4000/graphql", "http://replica-2:4000/graphql", origins)).toBe("OK");
    expect(await check("http://replica-2:4000/graphql", "http://replica-2:4000/graphql", origins)).toBe(
      "DPOP_HTU_MISMATCH",
    );
  });
});

describe("the authenticator and a proof's jti", () => {
  const request = async (token: string, proof?: string) =>
    new Request("http://gateway.test/graphql", {
      method: "POST",
      headers: {
        authorization: `DPoP ${token}`,
        dpop:
          proof ??
          (await signDpopProof(key, { method: "POST", url: "http://gateway.test/graphql", accessToken: token })),
      },
    });
  const boundToken = async () => {
    const signing = await keys.signingKey("sc");
    return signToken({
      ...signing,
      privateKey: signing.key,
      issuer: "sc",
      subject: "sc-clerk",
      boundKey: key.thumbprint,
    });
  };

  it("decides once per request (a batch's operations share it) and refuses the proof on another request", async () => {
    const authenticator = await createAuthenticator(testConfig(keys.dir, testRedisPrefix()).auth);
    try {
      const token = await boundToken();
      const first = await request(token);
      const caller = await authenticator.authenticate(first);
      expect(caller).toMatchObject({ issuer: "sc", dpop: { boundKey: key.thumbprint, replayChecked: true } });
      expect(await authenticator.authenticate(first)).toBe(caller);
      await expect(authenticator.claimForMutation(caller!)).resolves.toBeUndefined();
      await expect(authenticator.claimForMutation(caller!)).resolves.toBeUndefined(); // a bound token is not consumed
      const again = await request(token, first.headers.get("dpop")!);
      await expect(authenticator.authenticate(again)).rejects.toMatchObject({
        extensions: { code: "UNAUTHENTICATED", reason: "DPOP_PROOF_REPLAYED" },
      });
    } finally {
      await authenticator.close();
    }
  });

  it("with the replay store unreachable: the read is served, the mutation refused", async () => {
    // nothing listens on port 1: every claim fails, as with Redis down
    const redis = new Redis("redis://127.0.0.1:1", { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on("error", () => {});
    const authenticator = await createAuthenticator(testConfig(keys.dir, testRedisPrefix()).auth, { redis });
    try {
      const caller = await authenticator.authenticate(await request(await boundToken()));
      expect(caller?.dpop).toEqual({ boundKey: key.thumbprint, replayChecked: false });
      await expect(authenticator.claimForMutation(caller!)).rejects.toThrow(/replay store/);
    } finally {
      await authenticator.close();
      redis.disconnect();
    }
  }, 10_000);
});

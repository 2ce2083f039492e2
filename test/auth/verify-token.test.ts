/**
 * The attacker's suite at the function level: every forged or unfit token is refused with the
 * exact reason the API will report.
 */
import { createPublicKey } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPublicJwks } from "../../gateway/auth/keys.ts";
import {
  AuthError,
  type AuthFailureReason,
  createTokenVerifier,
  credentialsOf,
  type TokenVerifier,
  toUnauthenticated,
} from "../../gateway/auth/verify-token.ts";
import { createTestKeys, decodePart, rawToken, type TestKeys, withPayload } from "../support/keys.ts";

let keys: TestKeys;
let verifier: TokenVerifier;
const nowSeconds = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  keys = await createTestKeys();
  verifier = createTokenVerifier({ registry: keys.registry, clockToleranceSeconds: 30, cacheSize: 0 });
});
afterAll(() => keys.cleanup());

async function refusal(token: string | undefined, using: TokenVerifier = verifier): Promise<AuthFailureReason> {
  const error = await using.verify(token).then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AuthError)) throw new Error(`expected an AuthError, got ${String(error)}`);
  return error.reason;
}

describe("an honest token", () => {
  it("yields the issuer, subject, jti, expiry and the issuer's default scopes", async () => {
    const claims = keys.claims("cq", { sub: "officer-42" });
    const principal = await verifier.verify(await keys.sign("cq", claims));
    expect(principal).toMatchObject({ issuer: "cq", subject: "officer-42", jti: claims.jti, expiresAt: claims.exp });
    expect([...principal.scopes].sort()).toEqual(["libraries:write", "read", "records:write"]);
    expect(principal.requestedScopes).toBeNull();
  });

  it("is accepted for every issuer and with an audience list that includes the gateway", async () => {
    for (const issuer of ["cq", "sc", "gz"] as const) {
      await expect(verifier.verify(await keys.token(issuer))).resolves.toMatchObject({ issuer });
    }
    const token = await keys.token("sc", { aud: ["someone-else", "gaozhu-gateway"] });
    await expect(verifier.verify(token)).resolves.toMatchObject({ issuer: "sc" });
  });
});

describe("missing and malformed tokens", () => {
  it("refuses an absent token as MISSING_TOKEN", async () => {
    expect(await refusal(undefined)).toBe("MISSING_TOKEN");
    expect(await refusal("  ")).toBe("MISSING_TOKEN");
  });

  it("refuses garbage, a JWE-shaped string and an oversized token as MALFORMED_TOKEN", async () => {
    expect(await refusal("not-a-token")).toBe("MALFORMED_TOKEN");
    expect(await refusal("a.b.c")).toBe("MALFORMED_TOKEN");
    expect(await refusal("a.b.c.d.e")).toBe("MALFORMED_TOKEN");
    expect(await refusal(`${rawToken({ alg: "ES256" }, { iss: "cq" })}${"A".repeat(9000)}`)).toBe("MALFORMED_TOKEN");
  });

  it("refuses a non-string scope claim as MALFORMED_TOKEN", async () => {
    expect(await refusal(await keys.token("cq", { scope: ["read"] }))).toBe("MALFORMED_TOKEN");
  });
});

describe("algorithm attacks", () => {
  it('refuses an unsigned token (alg "none", any spelling)', async () => {
    for (const alg of ["none", "None", "NONE"]) {
      expect(await refusal(rawToken({ alg, typ: "JWT" }, keys.claims("cq")))).toBe("UNSUPPORTED_ALGORITHM");
    }
  });

  it("refuses HS256 signed with the issuer's public key (JWK JSON or PEM) as the HMAC secret", async () => {
    const publicJwk = (await loadPublicJwks(keys.dir, "cq")).keys[0];
    const pem = createPublicKey({ key: publicJwk as never, format: "jwk" }).export({ type: "spki", format: "pem" });
    for (const secret of [JSON.stringify(publicJwk), String(pem)]) {
      const token = await new SignJWT(keys.claims("cq"))
        .setProtectedHeader({ alg: "HS256", kid: publicJwk?.kid })
        .sign(new TextEncoder().encode(secret));
      expect(await refusal(token)).toBe("UNSUPPORTED_ALGORITHM");
    }
  });

  it("refuses an asymmetric algorithm that is not pinned for the issuer", async () => {
    const token = await keys.sign("cq", keys.claims("cq"));
    const [, payload, signature] = token.split(".");
    const es384 = `${rawToken({ ...decodePart<Record<string, unknown>>(token, 0), alg: "ES384" }, {}).split(".")[0]}.${payload}.${signature}`;
    expect(await refusal(es384)).toBe("UNSUPPORTED_ALGORITHM");
  });

  it("pins EdDSA for an issuer configured so, refusing its ES256 tokens", async () => {
    const eddsa = await createTestKeys({ algorithms: { gz: "EdDSA" } });
    try {
      const pinned = createTokenVerifier({ registry: eddsa.registry });
      await expect(pinned.verify(await eddsa.token("gz"))).resolves.toMatchObject({ issuer: "gz" });
      const es256 = await eddsa.sign("cq", eddsa.claims("gz"), { kid: undefined });
      expect(await refusal(es256, pinned)).toBe("UNSUPPORTED_ALGORITHM");
    } finally {
      await eddsa.cleanup();
    }
  });
});

describe("keys of the wrong issuer", () => {
  it("refuses iss sc signed with cq's key, even with a kid copied from sc's JWKS, as BAD_SIGNATURE", async () => {
    const scKid = (await loadPublicJwks(keys.dir, "sc")).keys[0]?.kid;
    expect(await refusal(await keys.sign("cq", keys.claims("sc"), { kid: scKid }))).toBe("BAD_SIGNATURE");
    expect(await refusal(await keys.sign("cq", keys.claims("sc"), { kid: undefined }))).toBe("BAD_SIGNATURE");
  });

  it("refuses iss sc signed with cq's key under cq's own kid as BAD_SIGNATURE (a key, but not sc's)", async () => {
    expect(await refusal(await keys.sign("cq", keys.claims("sc")))).toBe("BAD_SIGNATURE");
  });

  it("ignores a key embedded in the header (jwk, jku): an attacker's own key is not the issuer's", async () => {
    const attacker = await generateKeyPair("ES256", { extractable: true });
    const cqKid = (await loadPublicJwks(keys.dir, "cq")).keys[0]?.kid;
    const token = await new SignJWT(keys.claims("cq"))
      .setProtectedHeader({
        alg: "ES256",
        kid: cqKid,
        jwk: await exportJWK(attacker.publicKey),
        jku: "https://evil.example/jwks",
      })
      .sign(attacker.privateKey);
    expect(await refusal(token)).toBe("BAD_SIGNATURE");
  });

  it("refuses a kid that is in no JWKS as UNKNOWN_KEY", async () => {
    expect(await refusal(await keys.sign("cq", keys.claims("cq"), { kid: "cq-19700101-deadbeef" }))).toBe(
      "UNKNOWN_KEY",
    );
  });

  it("refuses an issuer the gateway does not know, or none, as UNKNOWN_ISSUER", async () => {
    expect(await refusal(await keys.sign("cq", keys.claims("cq", { iss: "xz" })))).toBe("UNKNOWN_ISSUER");
    expect(await refusal(await keys.sign("cq", keys.claims("cq", { iss: undefined })))).toBe("UNKNOWN_ISSUER");
    expect(await refusal(await keys.sign("cq", keys.claims("cq", { iss: "__proto__" })))).toBe("UNKNOWN_ISSUER");
  });
});

describe("tampering", () => {
  it("refuses a payload changed after signing as BAD_SIGNATURE", async () => {
    const claims = keys.claims("cq", { scope: "read" });
    const token = await keys.sign("cq", claims);
    expect(await refusal(withPayload(token, { ...claims, scope: "read records:write" }))).toBe("BAD_SIGNATURE");
    expect(await refusal(withPayload(token, { ...claims, sub: "someone-else" }))).toBe("BAD_SIGNATURE");
    expect(await refusal(withPayload(token, { ...claims, exp: (claims.exp as number) + 86_400 }))).toBe(
      "BAD_SIGNATURE",
    );
  });

  it("refuses a payload whose iss was switched to the other province", async () => {
    const claims = keys.claims("cq");
    const token = await keys.sign("cq", claims);
    // cq's kid is not in sc's key set, and without a kid sc's key does not match the signature
    expect(await refusal(withPayload(token, { ...claims, iss: "sc" }))).toBe("BAD_SIGNATURE");
    const noKid = await keys.sign("cq", claims, { kid: undefined });
    expect(await refusal(withPayload(noKid, { ...claims, iss: "sc" }))).toBe("BAD_SIGNATURE");
  });
});

describe("time", () => {
  it("refuses a token expired beyond the leeway as TOKEN_EXPIRED and accepts one within it", async () => {
    const now = nowSeconds();
    expect(await refusal(await keys.token("cq", { iat: now - 1000, nbf: now - 1000, exp: now - 31 }))).toBe(
      "TOKEN_EXPIRED",
    );
    const withinLeeway = await keys.token("cq", { iat: now - 1000, nbf: now - 1000, exp: now - 10 });
    await expect(verifier.verify(withinLeeway)).resolves.toMatchObject({ issuer: "cq" });
  });

  it("refuses a token not valid yet (nbf) as TOKEN_NOT_YET_VALID and accepts one within the leeway", async () => {
    const now = nowSeconds();
    expect(await refusal(await keys.token("cq", { nbf: now + 120 }))).toBe("TOKEN_NOT_YET_VALID");
    await expect(verifier.verify(await keys.token("cq", { nbf: now + 10 }))).resolves.toBeTruthy();
  });

  it("refuses a token issued in the future beyond the leeway as TOKEN_NOT_YET_VALID", async () => {
    const now = nowSeconds();
    expect(await refusal(await keys.token("cq", { iat: now + 120, nbf: undefined }))).toBe("TOKEN_NOT_YET_VALID");
    await expect(verifier.verify(await keys.token("cq", { iat: now + 10, nbf: undefined }))).resolves.toBeTruthy();
  });

  it("caps exp − iat per issuer: a province's token one day, the committee's twelve hours by default", async () => {
    const now = nowSeconds();
    const living = (issuer: "cq" | "sc" | "gz", seconds: number, iat = now) =>
      keys.token(issuer, { iat, nbf: iat, exp: iat + seconds });
    for (const years of [10, 100]) {
      expect(await refusal(await living("sc", years * 365 * 86_400))).toBe("TOKEN_LIFETIME_TOO_LONG");
    }
    await expect(verifier.verify(await living("sc", 86_400))).resolves.toMatchObject({ issuer: "sc" });
    expect(await refusal(await living("cq", 86_401))).toBe("TOKEN_LIFETIME_TOO_LONG");
    await expect(verifier.verify(await living("gz", 43_200))).resolves.toMatchObject({ issuer: "gz" });
    expect(await refusal(await living("gz", 13 * 3600))).toBe("TOKEN_LIFETIME_TOO_LONG");
    // an iat back-dated to make the remaining life look short does not help: the whole span counts
    expect(await refusal(await living("gz", 30 * 86_400, now - 29 * 86_400))).toBe("TOKEN_LIFETIME_TOO_LONG");
  });

  it("takes the caps from configuration", async () => {
    const strict = createTokenVerifier({
      registry: keys.registry,
      cacheSize: 0,
      maxLifetimeSeconds: { cq: 600, sc: 86_400, gz: 43_200 },
    });
    const now = nowSeconds();
    expect(await refusal(await keys.token("cq", { iat: now, exp: now + 900 }), strict)).toBe("TOKEN_LIFETIME_TOO_LONG");
    await expect(strict.verify(await keys.token("cq", { iat: now, exp: now + 600 }))).resolves.toBeTruthy();
  });
});

describe("required claims", () => {
  it("refuses another audience, or none, as WRONG_AUDIENCE", async () => {
    expect(await refusal(await keys.token("cq", { aud: "cq-platform" }))).toBe("WRONG_AUDIENCE");
    expect(await refusal(await keys.token("cq", { aud: undefined }))).toBe("WRONG_AUDIENCE");
  });

  it("refuses a token without jti, or with an empty one, as MISSING_JTI", async () => {
    expect(await refusal(await keys.token("cq", { jti: undefined }))).toBe("MISSING_JTI");
    expect(await refusal(await keys.token("cq", { jti: "" }))).toBe("MISSING_JTI");
  });

  it("refuses a token without sub, iat or exp as MISSING_CLAIM (without iat its lifetime is unknown)", async () => {
    for (const claim of ["sub", "iat", "exp"]) {
      expect(await refusal(await keys.token("cq", { [claim]: undefined })), claim).toBe("MISSING_CLAIM");
    }
  });
});

describe("the verified-token cache", () => {
  function countingRegistry() {
    let resolverCalls = 0;
    const registry = {
      ...keys.registry,
      getKeyResolver: (issuer: Parameters<typeof keys.registry.getKeyResolver>[0]) => {
        const resolve = keys.registry.getKeyResolver(issuer);
        return (...args: Parameters<typeof resolve>) => {
          resolverCalls += 1;
          return resolve(...args);
        };
      },
    };
    return { registry, calls: () => resolverCalls };
  }

  it("serves a repeated token from the cache without verifying it again", async () => {
    const { registry, calls } = countingRegistry();
    const cached = createTokenVerifier({ registry });
    const token = await keys.token("sc");
    const first = await cached.verify(token);
    const again = await Promise.all([cached.verify(token), cached.verify(token)]);
    expect(calls()).toBe(1);
    expect(again).toEqual([first, first]);
    expect(cached.stats()).toMatchObject({ cacheHits: 2, verifications: 1, cached: 1 });
  });

  it("verifies concurrent first uses of one token once", async () => {
    const { registry, calls } = countingRegistry();
    const cached = createTokenVerifier({ registry });
    const token = await keys.token("gz");
    await Promise.all(Array.from({ length: 5 }, () => cached.verify(token)));
    expect(calls()).toBe(1);
  });

  it("drops a cached token at its exp and refuses it once beyond the leeway", async () => {
    let clock = Date.now();
    const { registry, calls } = countingRegistry();
    const cached = createTokenVerifier({ registry, clockToleranceSeconds: 30, now: () => clock });
    const iat = Math.floor(clock / 1000);
    const token = await keys.token("cq", { iat, nbf: iat, exp: iat + 60 });
    await cached.verify(token);
    clock += 61_000; // expired, within the leeway: verified again, not served from the cache
    await expect(cached.verify(token)).resolves.toBeTruthy();
    expect(calls()).toBe(2);
    clock += 60_000;
    expect(await refusal(token, cached)).toBe("TOKEN_EXPIRED");
  });

  it("does not cache refusals as successes", async () => {
    const cached = createTokenVerifier({ registry: keys.registry });
    const token = await keys.token("cq", { aud: "elsewhere" });
    expect(await refusal(token, cached)).toBe("WRONG_AUDIENCE");
    expect(await refusal(token, cached)).toBe("WRONG_AUDIENCE");
    expect(cached.stats().cached).toBe(0);
  });
});

describe("how a refusal reaches the client", () => {
  it("maps an AuthError to UNAUTHENTICATED, its reason and 401", () => {
    expect(toUnauthenticated(new AuthError("TOKEN_REPLAYED", "replayed"))).toEqual({
      code: "UNAUTHENTICATED",
      reason: "TOKEN_REPLAYED",
      httpStatus: 401,
      message: "replayed",
    });
  });

  it("reads a Bearer or DPoP token from the Authorization header", () => {
    expect(credentialsOf("Bearer abc.def.ghi")).toEqual({ scheme: "Bearer", token: "abc.def.ghi" });
    expect(credentialsOf("bearer  abc.def.ghi")).toEqual({ scheme: "Bearer", token: "abc.def.ghi" });
    expect(credentialsOf("DPoP abc.def.ghi")).toEqual({ scheme: "DPoP", token: "abc.def.ghi" });
    expect(() => credentialsOf(undefined)).toThrow(expect.objectContaining({ reason: "MISSING_TOKEN" }));
    expect(() => credentialsOf("Basic dXNlcjpwYXNz")).toThrow(expect.objectContaining({ reason: "MALFORMED_TOKEN" }));
  });
});

/**
 * The tokens an attacker forges, sent over HTTP: each is refused with 401 UNAUTHENTICATED and its
 * reason, reveals no data, writes nothing, and leaves a REFUSED audit entry naming the reason.
 */
import { readFile } from "node:fs/promises";
import { base64url, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthFailureReason } from "../../gateway/auth/auth-error.ts";
import { jwksPath } from "../../gateway/auth/keys.ts";
import type { Jurisdiction } from "../../schema/common/jurisdiction.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { decodePart, rawToken, withPayload } from "../support/keys.ts";
import { expectRefused, latestAudit, MERGE_BENCHMARKS, MERGEABLE_ITEMS, READ_DOMAINS, writtenRows } from "./helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const now = () => Math.floor(Date.now() / 1000);
/** the other province's key signs what claims to be `claimed`'s token */
const otherSigner = (claimed: Jurisdiction): Jurisdiction => (claimed === "cq" ? "sc" : "cq");

interface Forgery {
  name: string;
  reason: AuthFailureReason;
  /** a token that claims to come from `claimed` */
  forge(claimed: Jurisdiction): Promise<string>;
}

const FORGERIES: Forgery[] = [
  {
    name: "unsigned (alg: none)",
    reason: "UNSUPPORTED_ALGORITHM",
    forge: async (claimed) => rawToken({ alg: "none", typ: "JWT" }, t.keys.claims(claimed)),
  },
  {
    name: "HS256 signed with the issuer's public JWK as the secret",
    reason: "UNSUPPORTED_ALGORITHM",
    forge: async (claimed) => {
      const jwks = JSON.parse(await readFile(jwksPath(t.keys.dir, claimed), "utf8")) as {
        keys: Array<{ kid: string }>;
      };
      const publicJwk = jwks.keys[0]!;
      return new SignJWT(t.keys.claims(claimed))
        .setProtectedHeader({ alg: "HS256", kid: publicJwk.kid, typ: "JWT" })
        .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
    },
  },
  {
    name: "signed by the other province's key, with that key's kid",
    reason: "BAD_SIGNATURE",
    forge: (claimed) => t.keys.sign(otherSigner(claimed), t.keys.claims(claimed)),
  },
  {
    name: "signed by the other province's key, with the claimed issuer's kid",
    reason: "BAD_SIGNATURE",
    forge: async (claimed) =>
      t.keys.sign(otherSigner(claimed), t.keys.claims(claimed), { kid: (await t.keys.signingKey(claimed)).kid }),
  },
  {
    name: "expired",
    reason: "TOKEN_EXPIRED",
    forge: (claimed) => t.keys.token(claimed, { iat: now() - 3600, nbf: now() - 3600, exp: now() - 120 }),
  },
  {
    name: "living ten years",
    reason: "TOKEN_LIFETIME_TOO_LONG",
    forge: (claimed) => t.keys.token(claimed, { exp: now() + 10 * 365 * 86_400 }),
  },
  {
    name: "not yet valid (nbf in an hour)",
    reason: "TOKEN_NOT_YET_VALID",
    forge: (claimed) => t.keys.token(claimed, { nbf: now() + 3600, exp: now() + 7200 }),
  },
  {
    name: "for another audience",
    reason: "WRONG_AUDIENCE",
    forge: (claimed) => t.keys.token(claimed, { aud: "some-other-gateway" }),
  },
  {
    name: "without jti",
    reason: "MISSING_JTI",
    forge: (claimed) => t.keys.token(claimed, { jti: undefined }),
  },
  {
    name: "with a crit header naming an extension the gateway does not know",
    reason: "MALFORMED_TOKEN",
    // signed by the issuer's own key (jose would refuse to sign it, so by hand)
    forge: async (claimed) => {
      const { key, kid, alg } = await t.keys.signingKey(claimed);
      const header = { alg, kid, typ: "JWT", crit: ["x-gaozhu-ext"], "x-gaozhu-ext": 1 };
      const input = rawToken(header, t.keys.claims(claimed)).slice(0, -1);
      const signature = await crypto.subtle.sign(
        { name: "ECDSA", hash: "SHA-256" },
        key,
        new TextEncoder().encode(input),
      );
      return `${input}.${base64url.encode(new Uint8Array(signature))}`;
    },
  },
  {
    name: "with an unknown kid",
    reason: "UNKNOWN_KEY",
    forge: (claimed) => t.keys.sign(claimed, t.keys.claims(claimed), { kid: "retired-2019" }),
  },
  {
    name: "an honest read-only token whose payload was widened (scope removed)",
    reason: "BAD_SIGNATURE",
    forge: async (claimed) => {
      const honest = await t.keys.token(claimed, { scope: "read" });
      const { scope: _dropped, ...widened } = decodePart(honest, 1);
      return withPayload(honest, widened);
    },
  },
  {
    name: "from an unknown issuer",
    reason: "UNKNOWN_ISSUER",
    forge: () => t.keys.sign("cq", t.keys.claims("cq", { iss: "bj" })),
  },
];

describe("forged tokens on a query", () => {
  it.each(FORGERIES)("$name → 401 $reason, no data, audited as REFUSED", async ({ forge, reason }) => {
    const result = await t.gql(READ_DOMAINS, { token: await forge("sc") });
    expectRefused(result, 401, "UNAUTHENTICATED", reason);
    const entry = await latestAudit(t);
    expect(entry).toMatchObject({ outcome: "REFUSED", errorCode: reason, issuer: null, subject: null });
  });
});

describe("forged committee tokens on mergeBenchmarks (gz only)", () => {
  const item = MERGEABLE_ITEMS[0]!;

  it.each(FORGERIES)("$name → 401 $reason and nothing written", async ({ forge, reason }) => {
    const before = await writtenRows(t.prisma);
    const result = await t.gql(MERGE_BENCHMARKS, { token: await forge("gz"), variables: { code: item } });
    expectRefused(result, 401, "UNAUTHENTICATED", reason);
    expect(await writtenRows(t.prisma)).toEqual(before);
    expect(await latestAudit(t)).toMatchObject({ outcome: "REFUSED", errorCode: reason });
  });

  it("control: an honest committee token merges the same item, so the refusals above were not vacuous", async () => {
    const before = await writtenRows(t.prisma);
    const result = await t.gql(MERGE_BENCHMARKS, { as: "gz", variables: { code: item } });
    expect(result.errors).toBeUndefined();
    const after = await writtenRows(t.prisma);
    expect(after.benchmarks).toBe(before.benchmarks + 1);
    expect(after.changeEvents).toBeGreaterThan(before.changeEvents);
  });
});

describe("no token", () => {
  it("a protected query → 401 MISSING_TOKEN, no data, audited", async () => {
    expectRefused(await t.gql(READ_DOMAINS), 401, "UNAUTHENTICATED", "MISSING_TOKEN");
    expect(await latestAudit(t)).toMatchObject({
      outcome: "REFUSED",
      errorCode: "MISSING_TOKEN",
      operationType: "query",
    });
  });

  it("a mutation → 401 MISSING_TOKEN and nothing written", async () => {
    const before = await writtenRows(t.prisma);
    const result = await t.gql(MERGE_BENCHMARKS, { variables: { code: MERGEABLE_ITEMS[1] } });
    expectRefused(result, 401, "UNAUTHENTICATED", "MISSING_TOKEN");
    expect(await writtenRows(t.prisma)).toEqual(before);
  });

  it("a header that is not a bearer token → 401 MALFORMED_TOKEN", async () => {
    const response = await t.post({ query: READ_DOMAINS }, { authorization: "Basic Y3E6c2VjcmV0" });
    const body = (await response.json()) as { data?: unknown; errors: Array<{ extensions: { reason: string } }> };
    expect(response.status).toBe(401);
    expect(body.errors[0]!.extensions.reason).toBe("MALFORMED_TOKEN");
    expect(body.data ?? null).toBeNull();
  });
});

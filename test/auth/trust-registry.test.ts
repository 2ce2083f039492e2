/** Trust configuration: asymmetric algorithms only, https JWKS, remote keys refreshed and watched for staleness. */

import { readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jwksPath, loadPublicJwks } from "../../gateway/auth/keys.ts";
import {
  createTrustRegistry,
  type IssuerTrustConfig,
  TrustConfigError,
  validateTrustConfig,
} from "../../gateway/auth/trust-registry.ts";
import { createTokenVerifier } from "../../gateway/auth/verify-token.ts";
import { createTestKeys, type TestKeys } from "../support/keys.ts";

let keys: TestKeys;
beforeAll(async () => {
  keys = await createTestKeys();
});
afterAll(() => keys.cleanup());

const config = (overrides: Partial<IssuerTrustConfig> & Record<string, unknown>) =>
  ({ issuer: "cq", jwks: "/keys/cq.jwks.json", algorithms: ["ES256"], ...overrides }) as IssuerTrustConfig;

function problemsOf(issuers: IssuerTrustConfig[]): string[] {
  try {
    validateTrustConfig(issuers);
    return [];
  } catch (error) {
    if (error instanceof TrustConfigError) return error.problems;
    throw error;
  }
}

describe("trust configuration", () => {
  it("refuses symmetric and unsigned algorithms with a clear error", () => {
    for (const alg of ["HS256", "HS512", "none"]) {
      expect(problemsOf([config({ algorithms: [alg] as never })])).toEqual([
        expect.stringMatching(new RegExp(`cq: algorithm "${alg}" refused — only asymmetric algorithms`)),
      ]);
    }
  });

  it("reports every problem at once: unknown issuer, duplicate, no algorithm, plain-http URL", () => {
    const problems = problemsOf([
      config({ issuer: "xz" as never }),
      config({}),
      config({ algorithms: [] }),
      config({ issuer: "sc", jwks: "http://keys.example.com/sc.json" }),
      config({ issuer: "gz", algorithms: ["RS1"] as never }),
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/unknown issuer "xz"/),
      expect.stringMatching(/cq is configured twice/),
      expect.stringMatching(/cq: no accepted algorithm/),
      expect.stringMatching(/sc: .* must use https/),
      expect.stringMatching(/gz: unsupported algorithm "RS1"/),
    ]);
  });

  it("accepts https URLs and file paths", () => {
    expect(problemsOf([config({ jwks: "https://auth.cq.example/jwks.json" }), config({ issuer: "sc" })])).toEqual([]);
  });

  it("refuses at start a JWKS file that is missing or holds a private key", async () => {
    const missing = createTrustRegistry({ issuers: [config({ jwks: path.join(keys.dir, "nope.json") })] });
    await expect(missing).rejects.toBeInstanceOf(TrustConfigError);
    const privateFile = path.join(keys.dir, "cq.private.jwk.json");
    const leaky = path.join(keys.dir, "leaky.jwks.json");
    await writeFile(leaky, JSON.stringify({ keys: [JSON.parse(await readFile(privateFile, "utf8"))] }));
    await expect(createTrustRegistry({ issuers: [config({ jwks: leaky })] })).rejects.toThrow(/private key material/);
  });

  it("never resolves a key of one issuer for another", async () => {
    const resolver = keys.registry.getKeyResolver("sc");
    const cqKid = (await loadPublicJwks(keys.dir, "cq")).keys[0]?.kid;
    const token = { payload: "", signature: "" };
    await expect(resolver({ alg: "ES256", kid: cqKid }, token)).rejects.toThrow(/no applicable key/i);
    await expect(resolver({ alg: "HS256" }, token)).rejects.toThrow(/not accepted for issuer sc/);
  });
});

describe("a JWKS served over http(s)", () => {
  let server: Server;
  let url: string;
  let available = true;
  let requests = 0;

  beforeAll(async () => {
    const body = JSON.stringify(await loadPublicJwks(keys.dir, "sc"));
    server = createServer((_request, response) => {
      requests += 1;
      response.writeHead(available ? 200 : 503, { "content-type": "application/json" }).end(available ? body : "{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("fetches at start, verifies tokens, and warns once the last refresh is older than staleAfterMs", async () => {
    const warnings: string[] = [];
    const registry = await createTrustRegistry({
      issuers: [{ issuer: "sc", jwks: url, algorithms: ["ES256"] }],
      logger: { warn: (message) => warnings.push(message) },
      pollIntervalMs: 60_000,
      remote: { cacheMaxAgeMs: 50, staleAfterMs: 200, cooldownMs: 0 },
    });
    try {
      expect(requests).toBe(1);
      const verifier = createTokenVerifier({ registry, cacheSize: 0 });
      await expect(verifier.verify(await keys.token("sc"))).resolves.toMatchObject({ issuer: "sc" });
      expect(registry.status()[0]).toMatchObject({ kind: "url", stale: false, kids: [expect.stringMatching(/^sc-/)] });

      available = false;
      await new Promise((resolve) => setTimeout(resolve, 250));
      await registry.checkNow();
      expect(registry.status()[0]?.stale).toBe(true);
      expect(warnings).toContainEqual(expect.stringMatching(/could not be fetched/));
      expect(warnings).toContainEqual(expect.stringMatching(/is stale: last successful refresh/));
    } finally {
      available = true;
      registry.close();
    }
  });

  it("still refuses another issuer's key when the keys come from a URL", async () => {
    const registry = await createTrustRegistry({
      issuers: [{ issuer: "sc", jwks: url, algorithms: ["ES256"] }],
      logger: { warn() {} },
    });
    try {
      const verifier = createTokenVerifier({ registry });
      const forged = await keys.sign("cq", keys.claims("sc"), { kid: undefined });
      await expect(verifier.verify(forged)).rejects.toMatchObject({ reason: "BAD_SIGNATURE" });
      await expect(verifier.verify(await keys.token("cq"))).rejects.toMatchObject({ reason: "UNKNOWN_ISSUER" });
    } finally {
      registry.close();
    }
  });
});

it("names the file path in the JWKS status", () => {
  expect(keys.registry.status().map((status) => status.source)).toContain(jwksPath(keys.dir, "gz"));
});

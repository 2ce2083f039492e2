/**
 * What the peers (Apollo Server, Mercurius) do per request to match the gateway's security: one jose ES256
 * verification of the bearer token against the same JWKS file the gateway trusts — and no cache, as a
 * straightforward integration would have it.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createLocalJWKSet, type JWTPayload, jwtVerify } from "jose";
import { DEFAULT_AUDIENCE } from "../../gateway/auth/token-policy.ts";

export type RequestVerifier = (authorization: string | undefined | null) => Promise<JWTPayload>;

/** Verifies Chongqing's tokens (the `read` scenarios' caller). */
export async function createJoseVerifier(keysDir: string): Promise<RequestVerifier> {
  const jwks = createLocalJWKSet(JSON.parse(await readFile(path.join(keysDir, "cq.jwks.json"), "utf8")));
  return async (authorization) => {
    const token = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1];
    if (!token) throw new Error("No bearer token");
    const { payload } = await jwtVerify(token, jwks, {
      issuer: "cq",
      audience: DEFAULT_AUDIENCE,
      algorithms: ["ES256"],
    });
    return payload;
  };
}

export function keysDirFromEnv(): string {
  const dir = process.env.BENCH_KEYS_DIR;
  if (!dir) throw new Error("BENCH_KEYS_DIR is not set");
  return dir;
}

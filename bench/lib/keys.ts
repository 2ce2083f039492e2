/** Demo keys for cq, sc, gz and the gateway in a temporary directory, shared by the parent (minting) and the servers. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureDemoKeys, ensureGatewayKey, loadPrivateKey } from "../../gateway/auth/keys.ts";
import { signToken } from "../../gateway/auth/sign-token.ts";
import type { Jurisdiction } from "../../schema/common/jurisdiction.ts";

export interface BenchKeys {
  dir: string;
  /** a token valid for an hour: longer than any run */
  token(issuer: Jurisdiction, options?: { scopes?: string[]; subject?: string }): Promise<string>;
  cleanup(): Promise<void>;
}

export async function createBenchKeys(): Promise<BenchKeys> {
  const dir = await mkdtemp(path.join(tmpdir(), "gz-bench-keys-"));
  await ensureDemoKeys(dir);
  // the gateway's own key: a production gateway serving the supergraph needs it to sign calls to the provinces
  await ensureGatewayKey(dir);
  return {
    dir,
    async token(issuer, options = {}) {
      const key = await loadPrivateKey(dir, issuer);
      return signToken({
        privateKey: key.key,
        kid: key.kid,
        alg: key.alg,
        issuer,
        subject: options.subject ?? `${issuer}-bench`,
        scopes: options.scopes,
        ttlSeconds: 3600,
      });
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

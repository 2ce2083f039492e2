/**
 * The committee's key for 执法码: the `gz` private key in KEYS_DIR, loaded once. A gateway without it
 * (e.g. a replica that only serves reads) refuses to dispatch with NO_SIGNING_KEY rather than issue
 * unsigned codes; verification needs only the public JWKS the trust registry already holds.
 */

import { GraphQLError } from "graphql";
import type { SigningKey } from "../../gateway/auth/keys.ts";
import { loadPrivateKey } from "../../gateway/auth/keys.ts";
import type { GatewayServices } from "../../gateway/context.ts";

const loaded = new Map<string, Promise<SigningKey>>();

export async function committeeSigningKey(services: GatewayServices): Promise<SigningKey> {
  const dir = services.config.auth.keysDir;
  let key = loaded.get(dir);
  if (!key) {
    key = loadPrivateKey(dir, "gz");
    loaded.set(dir, key);
    key.catch(() => loaded.delete(dir));
  }
  try {
    return await key;
  } catch (error) {
    throw new GraphQLError(`This gateway holds no committee (gz) signing key for 执法码: ${(error as Error).message}`, {
      extensions: { code: "NO_SIGNING_KEY", http: { status: 503 } },
    });
  }
}

/** Verification keys for 执法码: the `gz` keys the trust registry holds (rotation included). */
export const committeeKeyResolver = (services: GatewayServices) => services.authenticator.registry.getKeyResolver("gz");

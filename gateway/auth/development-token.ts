/**
 * Development only (never in production: the caller checks `config.env`): a 管委会 (gz) token signed with the
 * demo key in KEYS_DIR, so that a newcomer can use GraphiQL and the console's development sign-in at once.
 * In production the committee's identity provider issues tokens (docs/console.md).
 */
import { loadPrivateKey } from "./keys.ts";
import { signToken } from "./sign-token.ts";

export interface DevelopmentTokenOptions {
  keysDir: string;
  audience: string;
  /** who signed in, e.g. "graphiql-dev" or "console-dev" */
  subject: string;
  /** @default 12 hours: a working day */
  ttlSeconds?: number;
  /** elevated scopes on top of gz's normal rights (gateway/auth/scopes.ts), e.g. ["audit:read"] */
  scopes?: readonly string[];
  /** DPoP: the thumbprint of the browser's key the token is bound to */
  boundKey?: string;
}

export const DEVELOPMENT_TOKEN_TTL_SECONDS = 12 * 3600;

export async function signDevelopmentToken(options: DevelopmentTokenOptions): Promise<string> {
  const key = await loadPrivateKey(options.keysDir, "gz");
  return signToken({
    privateKey: key.key,
    kid: key.kid,
    alg: key.alg,
    issuer: "gz",
    subject: options.subject,
    audience: options.audience,
    ttlSeconds: options.ttlSeconds ?? DEVELOPMENT_TOKEN_TTL_SECONDS,
    boundKey: options.boundKey,
    scopes: options.scopes,
  });
}

/**
 * npm run token -- --as cq|sc|gz [--sub ID] [--scope S ...] [--ttl 15m] [--aud X] [--dpop-jwk FILE|JSON]
 * Logs what the token is on stderr and prints the token itself as the last line of stdout, so that
 * `TOKEN=$(npm run -s token -- --as cq)` works. Mutations refuse a reused bearer token: mint one per
 * mutation — or bind the token to a public key (--dpop-jwk) and send a DPoP proof with each request.
 */
import { readFile } from "node:fs/promises";
import { calculateJwkThumbprint, type JWK } from "jose";
import { ensureDemoKeys, loadPrivateKey } from "../gateway/auth/keys.ts";
import { effectiveScopes, ISSUER_CEILING, parseScopeClaim, SCOPES } from "../gateway/auth/scopes.ts";
import { signToken } from "../gateway/auth/sign-token.ts";
import { DEFAULT_AUDIENCE, DEFAULT_MAX_LIFETIME_SECONDS } from "../gateway/auth/token-policy.ts";
import { isJurisdiction, JURISDICTIONS } from "../schema/common/jurisdiction.ts";
import { cliLogger, print } from "./cli-output.ts";
import { exitWithUsage, keysDirFromEnv, runCli } from "./key-cli.ts";

const USAGE = `usage: npm run token -- --as <${JURISDICTIONS.join("|")}> [--sub ID] [--scope S ...] [--ttl 15m|900s|2h] [--aud AUDIENCE]
                       [--dpop-jwk FILE|JSON]
  no --scope: the issuer's normal rights; pii:read and audit:read only when named
  scopes: ${Object.values(SCOPES).join(", ")}
  --dpop-jwk: bind the token to this PUBLIC key (a JWK, EC P-256 or Ed25519, as a file or inline JSON);
              send it as "Authorization: DPoP <token>" with a "DPoP" proof per request (docs/security.md)`;

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** "15m", "900s", "2h", "1d" or a plain number of seconds, up to `maxSeconds`. */
function parseTtl(text: string, maxSeconds: number): number | null {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  if (!match) return null;
  const seconds = Number(match[1]) * UNIT_SECONDS[(match[2] || "s") as keyof typeof UNIT_SECONDS];
  return seconds > 0 && seconds <= maxSeconds ? seconds : null;
}

const OPTIONS = {
  as: { type: "string" },
  sub: { type: "string" },
  scope: { type: "string", multiple: true },
  ttl: { type: "string", default: "15m" },
  aud: { type: "string", default: DEFAULT_AUDIENCE },
  "dpop-jwk": { type: "string" },
} as const;

/** The thumbprint (`cnf.jkt`) of the public JWK given inline or in a file; exits with usage on anything else. */
async function boundKeyOf(source: string): Promise<string> {
  let jwk: JWK;
  try {
    jwk = JSON.parse(source.trim().startsWith("{") ? source : await readFile(source, "utf8")) as JWK;
  } catch (error) {
    exitWithUsage(`--dpop-jwk: neither a JWK as JSON nor a readable JSON file (${(error as Error).message})`, USAGE);
  }
  if (typeof jwk !== "object" || jwk === null) exitWithUsage("--dpop-jwk must be a JWK object", USAGE);
  if ("d" in jwk) exitWithUsage("--dpop-jwk must be the PUBLIC key: this JWK holds a private part (d)", USAGE);
  const supported = (jwk.kty === "EC" && jwk.crv === "P-256") || (jwk.kty === "OKP" && jwk.crv === "Ed25519");
  if (!supported) exitWithUsage("--dpop-jwk must be an EC P-256 (ES256) or OKP Ed25519 (EdDSA) public key", USAGE);
  try {
    return await calculateJwkThumbprint(jwk, "sha256");
  } catch (error) {
    exitWithUsage(`--dpop-jwk: ${(error as Error).message}`, USAGE);
  }
}

runCli(USAGE, OPTIONS, async (values) => {
  const issuer = values.as;
  if (!isJurisdiction(issuer)) exitWithUsage(issuer ? `unknown issuer "${issuer}"` : "--as is required", USAGE);
  // the gateway refuses longer tokens by default (JWT_MAX_LIFETIME_SECONDS_<ISSUER>)
  const maxTtl = DEFAULT_MAX_LIFETIME_SECONDS[issuer];
  const ttlSeconds = parseTtl(values.ttl ?? "15m", maxTtl);
  if (ttlSeconds === null) {
    exitWithUsage(
      `--ttl "${values.ttl}" must look like 15m, 900s, 2h (at most ${maxTtl / 3600}h for ${issuer})`,
      USAGE,
    );
  }
  const subject = values.sub ?? `${issuer}-dev`;
  if (!subject.trim()) exitWithUsage("--sub must not be empty", USAGE);
  const audience = values.aud?.trim() || exitWithUsage("--aud must not be empty", USAGE);
  // --scope "read pii:read" and --scope read --scope pii:read mean the same
  const scopes = values.scope === undefined ? undefined : (parseScopeClaim(values.scope.join(" ")) ?? []);
  const known: readonly string[] = Object.values(SCOPES);
  const unknown = scopes?.filter((scope) => !known.includes(scope)) ?? [];
  if (unknown.length > 0) exitWithUsage(`unknown scope ${unknown.map((s) => `"${s}"`).join(", ")}`, USAGE);

  const log = cliLogger("token");
  const keysDir = keysDirFromEnv();
  const created = (await ensureDemoKeys(keysDir)).filter((result) => result.status === "created");
  if (created.length > 0) log.info(`created demo keys for ${created.map((r) => r.issuer).join(", ")} in ${keysDir}`);
  const boundKey = values["dpop-jwk"] === undefined ? undefined : await boundKeyOf(values["dpop-jwk"]);
  const { key, kid, alg } = await loadPrivateKey(keysDir, issuer);
  const token = await signToken({ privateKey: key, kid, alg, issuer, audience, subject, scopes, ttlSeconds, boundKey });

  const granted = [...effectiveScopes({ issuer, requestedScopes: scopes ?? null })];
  const ignored = scopes?.filter((scope) => !(ISSUER_CEILING[issuer] as ReadonlySet<string>).has(scope)) ?? [];
  const expires = new Date(Date.now() + ttlSeconds * 1000).toISOString();
  log.info(
    { issuer, subject, kid, audience, expires, scopes: granted, boundKey: boundKey ?? null },
    `${issuer} token for "${subject}" (kid ${kid}, aud ${audience}), expires ${expires}; ` +
      `scopes: ${granted.join(" ") || "(none)"}${scopes === undefined ? ` (${issuer}'s default)` : ""}`,
  );
  if (ignored.length > 0) log.warn(`the gateway ignores ${ignored.join(", ")} for ${issuer}`);
  log.info(
    boundKey
      ? `DPoP-bound to key ${boundKey}: "Authorization: DPoP <token>" plus a proof per request; reusable for mutations`
      : "bearer token: one mutation per token, queries may reuse it",
  );
  print(token);
});

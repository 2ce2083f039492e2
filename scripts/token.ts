/**
 * npm run token -- --as cq|sc|gz [--sub ID] [--scope S ...] [--ttl 15m] [--aud X]
 * Logs what the token is on stderr and prints the token itself as the last line of stdout, so that
 * `TOKEN=$(npm run -s token -- --as cq)` works. Mutations refuse a reused token: mint one per mutation.
 */
import { DEFAULT_AUDIENCE, ISSUERS, isIssuer } from "../gateway/auth/issuers.ts";
import { ensureDemoKeys, loadPrivateKey } from "../gateway/auth/keys.ts";
import { effectiveScopes, ISSUER_CEILING, parseScopeClaim, SCOPES } from "../gateway/auth/scopes.ts";
import { signToken } from "../gateway/auth/sign-token.ts";
import { cliLogger, print } from "./cli-output.ts";
import { exitWithUsage, keysDirFromEnv, runCli } from "./key-cli.ts";

const USAGE = `usage: npm run token -- --as <${ISSUERS.join("|")}> [--sub ID] [--scope S ...] [--ttl 15m|900s|2h] [--aud AUDIENCE]
  no --scope: the issuer's normal rights; pii:read and audit:read only when named
  scopes: ${Object.values(SCOPES).join(", ")}`;

const MAX_TTL_SECONDS = 7 * 24 * 3600;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** "15m", "900s", "2h", "1d" or a plain number of seconds. */
function parseTtl(text: string): number | null {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  if (!match) return null;
  const seconds = Number(match[1]) * UNIT_SECONDS[(match[2] || "s") as keyof typeof UNIT_SECONDS];
  return seconds > 0 && seconds <= MAX_TTL_SECONDS ? seconds : null;
}

const OPTIONS = {
  as: { type: "string" },
  sub: { type: "string" },
  scope: { type: "string", multiple: true },
  ttl: { type: "string", default: "15m" },
  aud: { type: "string", default: DEFAULT_AUDIENCE },
} as const;

runCli(USAGE, OPTIONS, async (values) => {
  const issuer = values.as;
  if (!isIssuer(issuer)) exitWithUsage(issuer ? `unknown issuer "${issuer}"` : "--as is required", USAGE);
  const ttlSeconds = parseTtl(values.ttl ?? "15m");
  if (ttlSeconds === null) exitWithUsage(`--ttl "${values.ttl}" must look like 15m, 900s, 2h (at most 7d)`, USAGE);
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
  const { key, kid, alg } = await loadPrivateKey(keysDir, issuer);
  const token = await signToken({ privateKey: key, kid, alg, issuer, audience, subject, scopes, ttlSeconds });

  const granted = [...effectiveScopes({ issuer, requestedScopes: scopes ?? null })];
  const ignored = scopes?.filter((scope) => !(ISSUER_CEILING[issuer] as ReadonlySet<string>).has(scope)) ?? [];
  const expires = new Date(Date.now() + ttlSeconds * 1000).toISOString();
  log.info(
    { issuer, subject, kid, audience, expires, scopes: granted },
    `${issuer} token for "${subject}", scopes: ${granted.join(" ") || "(none)"}${scopes === undefined ? ` (${issuer}'s default)` : ""}`,
  );
  if (ignored.length > 0) log.warn(`the gateway ignores ${ignored.join(", ")} for ${issuer}`);
  print(token);
});

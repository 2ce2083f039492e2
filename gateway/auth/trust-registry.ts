/**
 * Which keys the gateway trusts, per issuer: one JWKS each (a file path or an https URL), several
 * keys per JWKS by `kid` so keys rotate without downtime, and the accepted algorithms pinned per
 * issuer. A token is only ever checked against its own issuer's keys (see verify-token.ts).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { errors, type JWTVerifyGetKey } from "jose";
import { isJurisdiction, type Jurisdiction } from "../../schema/common/jurisdiction.ts";
import { createLogger } from "../logging/logger.ts";
import { createFileKeySource } from "./file-key-source.ts";
import type { KeySource, KeySourceStatus, WarnLogger } from "./key-source.ts";
import { createRemoteKeySource, type RemoteKeyOptions } from "./remote-key-source.ts";
import { isSupportedAlgorithm, type SigningAlgorithm, SUPPORTED_ALGORITHMS } from "./token-policy.ts";

export type { KeySourceStatus, WarnLogger } from "./key-source.ts";

export interface IssuerTrustConfig {
  issuer: Jurisdiction;
  /** a JWKS file path, or an https URL serving one */
  jwks: string;
  /** e.g. `["ES256"]` or `["EdDSA"]`; asymmetric only */
  algorithms: readonly SigningAlgorithm[];
}

export interface TrustRegistryOptions {
  issuers: readonly IssuerTrustConfig[];
  /** @default a logger named `auth` (gateway/logging/logger.ts) */
  logger?: WarnLogger;
  /** how often JWKS files are checked for changes and remote keys for age; @default 2000 */
  pollIntervalMs?: number;
  remote?: RemoteKeyOptions;
}

export interface TrustRegistry {
  readonly issuers: readonly Jurisdiction[];
  /** true when `iss` names an issuer configured here */
  has(iss: unknown): iss is Jurisdiction;
  algorithms(issuer: Jurisdiction): readonly SigningAlgorithm[];
  /** a jose `jwtVerify` key resolver over this issuer's keys only, refusing other algorithms */
  getKeyResolver(issuer: Jurisdiction): JWTVerifyGetKey;
  /** the issuer whose key set holds `kid`, if any (to tell "another issuer's key" from "no such key") */
  issuerOfKey(kid: string): Jurisdiction | undefined;
  /** changes when this issuer's key set changes */
  keySetVersion(issuer: Jurisdiction): number;
  status(): Array<KeySourceStatus & { issuer: Jurisdiction; algorithms: readonly SigningAlgorithm[] }>;
  /** run the periodic checks now (tests, /readyz) */
  checkNow(): Promise<void>;
  close(): void;
}

export class TrustConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid trust configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "TrustConfigError";
  }
}

type Location = { kind: "file"; path: string } | { kind: "url"; url: URL };

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

function locate(jwks: string): Location | string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(jwks)) {
    let url: URL;
    try {
      url = new URL(jwks);
    } catch {
      return `"${jwks}" is not a valid URL`;
    }
    if (url.protocol === "file:") return { kind: "file", path: fileURLToPath(url) };
    if (url.protocol === "https:") return { kind: "url", url };
    // plain http only to this machine (a local identity server, tests): keys must not travel unprotected
    if (url.protocol === "http:" && LOOPBACK.has(url.hostname)) return { kind: "url", url };
    return `"${jwks}": JWKS URLs must use https`;
  }
  return { kind: "file", path: path.resolve(jwks) };
}

/** Every problem of the configuration at once; throws a TrustConfigError listing them. */
export function validateTrustConfig(issuers: readonly IssuerTrustConfig[]): Map<Jurisdiction, Location> {
  const problems: string[] = [];
  const locations = new Map<Jurisdiction, Location>();
  if (issuers.length === 0) problems.push("no issuer is configured");
  for (const config of issuers) {
    const name = String(config.issuer);
    if (!isJurisdiction(config.issuer)) {
      problems.push(`unknown issuer "${name}" (expected cq, sc or gz)`);
      continue;
    }
    if (locations.has(config.issuer)) problems.push(`issuer ${name} is configured twice`);
    const algorithms: readonly string[] = Array.isArray(config.algorithms) ? config.algorithms : [];
    if (algorithms.length === 0) problems.push(`issuer ${name}: no accepted algorithm`);
    for (const alg of algorithms) {
      if (/^(HS|none$)/i.test(alg)) {
        problems.push(
          `issuer ${name}: algorithm "${alg}" refused — only asymmetric algorithms (${SUPPORTED_ALGORITHMS.join(", ")})`,
        );
      } else if (!isSupportedAlgorithm(alg)) {
        problems.push(`issuer ${name}: unsupported algorithm "${alg}" (use ${SUPPORTED_ALGORITHMS.join(", ")})`);
      }
    }
    const location = typeof config.jwks === "string" && config.jwks ? locate(config.jwks) : "no JWKS source";
    if (typeof location === "string") problems.push(`issuer ${name}: ${location}`);
    else locations.set(config.issuer, location);
  }
  if (problems.length > 0) throw new TrustConfigError(problems);
  return locations;
}

export async function createTrustRegistry(options: TrustRegistryOptions): Promise<TrustRegistry> {
  const locations = validateTrustConfig(options.issuers);
  const logger = options.logger ?? createLogger("auth");
  const entries = new Map<
    Jurisdiction,
    { source: KeySource; algorithms: readonly SigningAlgorithm[]; resolver: JWTVerifyGetKey }
  >();
  for (const config of options.issuers) {
    const location = locations.get(config.issuer) as Location;
    const source =
      location.kind === "file"
        ? await createFileKeySource(location.path, logger).catch((error: Error) => {
            throw new TrustConfigError([`issuer ${config.issuer}: ${error.message}`]);
          })
        : await createRemoteKeySource(location.url, options.remote ?? {}, logger);
    const algorithms = [...config.algorithms];
    const resolver: JWTVerifyGetKey = async (header, token) => {
      if (!(algorithms as readonly string[]).includes(header.alg)) {
        throw new errors.JOSEAlgNotAllowed(`"alg" ${header.alg} is not accepted for issuer ${config.issuer}`);
      }
      return source.resolve(header, token);
    };
    entries.set(config.issuer, { source, algorithms, resolver });
  }

  const entry = (issuer: Jurisdiction) => {
    const found = entries.get(issuer);
    if (!found) throw new Error(`issuer ${issuer} is not trusted by this gateway`);
    return found;
  };
  const checkNow = async () => {
    await Promise.all([...entries.values()].map(({ source }) => source.check()));
  };
  const timer = setInterval(() => void checkNow(), options.pollIntervalMs ?? 2000);
  timer.unref();

  return {
    issuers: [...entries.keys()],
    has: (iss: unknown): iss is Jurisdiction => isJurisdiction(iss) && entries.has(iss),
    algorithms: (issuer) => entry(issuer).algorithms,
    getKeyResolver: (issuer) => entry(issuer).resolver,
    issuerOfKey: (kid) => [...entries].find(([, { source }]) => source.status().kids.includes(kid))?.[0],
    keySetVersion: (issuer) => entry(issuer).source.version(),
    status: () => [...entries].map(([issuer, { source, algorithms }]) => ({ issuer, algorithms, ...source.status() })),
    checkNow,
    close: () => clearInterval(timer),
  };
}

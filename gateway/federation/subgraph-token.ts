/**
 * Trust across the federation (docs/federation.md "Trust"): a province's subgraph accepts a request
 * only with a token the gateway signed for that very request. The gateway has already verified the
 * caller; it forwards who the caller is in claims the subgraph checks itself with the gateway's public
 * key, and that cannot be reused for anything else:
 *
 *   iss "gateway"  ·  aud the subgraph's name  ·  sub the caller's subject  ·  caller_iss the caller's
 *   issuer (cq | sc | gz)  ·  scope the caller's effective scopes  ·  iat / nbf / exp (seconds; at most
 *   MAX_SUBGRAPH_TOKEN_SECONDS apart)  ·  jti (the subgraph accepts each once)  ·  req the SHA-256
 *   (base64url) of the stable JSON of { query, variables } — another query or other variables do not match.
 *
 * Not Hive's HMAC upstream signature alone: that covers the query and variables but not the forwarded
 * claims, and carries no time. Signing is ./../auth/sign-token.ts, the errors are the gateway's own
 * AuthError reasons (./../auth/auth-error.ts), the jti store its replay guard.
 */
import { createHash } from "node:crypto";
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from "jose";
import { isJurisdiction, type Jurisdiction } from "../../schema/common/jurisdiction.ts";
import type { SigningKey } from "../auth/keys.ts";
import { createMemoryReplayGuard, type ReplayGuard } from "../auth/replay-guard.ts";
import { parseScopeClaim } from "../auth/scopes.ts";
import { signToken } from "../auth/sign-token.ts";
import { SUPPORTED_ALGORITHMS } from "../auth/token-policy.ts";
import { AuthError, fromJoseError } from "../auth/verify-token.ts";
import { stableJson } from "../util/stable-json.ts";

export const GATEWAY_ISSUER = "gateway";
/** a subgraph token lives this long at most: it is minted for one request and sent at once */
export const MAX_SUBGRAPH_TOKEN_SECONDS = 60;
const TTL_SECONDS = 30;
const CLOCK_TOLERANCE_SECONDS = 5;

/** the body of a GraphQL request to a subgraph: what the token is bound to */
export interface SubgraphRequest {
  query: string;
  variables?: Readonly<Record<string, unknown>> | null;
}

/** the caller the gateway verified, as a subgraph learns it */
export interface ForwardedCaller {
  issuer: Jurisdiction;
  subject: string;
  scopes: readonly string[];
  jti: string;
}

/** SHA-256 (base64url) of the request's stable JSON: equal however the JSON was spelled */
export function requestHash(request: SubgraphRequest): string {
  return createHash("sha256")
    .update(stableJson({ query: request.query, variables: request.variables ?? {} }))
    .digest("base64url");
}

export interface SignSubgraphTokenOptions {
  key: SigningKey;
  /** the subgraph's name: the token's audience */
  subgraph: string;
  caller: { issuer: Jurisdiction; subject: string; scopes: Iterable<string> };
  request: SubgraphRequest;
  now?: number;
}

export function signSubgraphToken(options: SignSubgraphTokenOptions): Promise<string> {
  const { key, caller } = options;
  return signToken({
    privateKey: key.key,
    kid: key.kid,
    alg: key.alg,
    issuer: GATEWAY_ISSUER,
    audience: options.subgraph,
    subject: caller.subject,
    scopes: [...caller.scopes].sort(),
    ttlSeconds: TTL_SECONDS,
    now: options.now,
    claims: { caller_iss: caller.issuer, req: requestHash(options.request) },
  });
}

export interface SubgraphTokenVerifierOptions {
  /** the gateway's public keys (`gateway.jwks.json`) */
  gatewayJwks: JSONWebKeySet;
  /** this subgraph's name: the audience it accepts */
  subgraph: string;
  now?: () => number;
  /** where used `jti`s are kept until their token expires; @default in memory */
  replayGuard?: ReplayGuard;
}

export type SubgraphTokenVerifier = (
  authorization: string | null | undefined,
  request: SubgraphRequest,
) => Promise<ForwardedCaller>;

/** The subgraph's side: resolves the forwarded caller, or rejects with an AuthError naming the reason. */
export function createSubgraphTokenVerifier(options: SubgraphTokenVerifierOptions): SubgraphTokenVerifier {
  const keys = createLocalJWKSet(options.gatewayJwks);
  const now = options.now ?? Date.now;
  const replayGuard =
    options.replayGuard ?? createMemoryReplayGuard({ now, toleranceSeconds: CLOCK_TOLERANCE_SECONDS });
  return async (authorization, request) => {
    const token = /^Bearer +(\S+)$/i.exec(authorization?.trim() ?? "")?.[1];
    if (!token) throw new AuthError("MISSING_TOKEN", "No bearer token from the gateway");
    const payload = await jwtVerify(token, keys, {
      issuer: GATEWAY_ISSUER,
      audience: options.subgraph,
      algorithms: [...SUPPORTED_ALGORITHMS],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: new Date(now()),
      requiredClaims: ["sub", "iat", "exp", "jti", "caller_iss", "req"],
    }).then(
      (verified) => verified.payload,
      (error: unknown) => {
        throw fromJoseError(error);
      },
    );
    const { sub, iat, exp, jti, caller_iss: callerIssuer, req } = payload as typeof payload & Record<string, unknown>;
    if ((exp as number) - (iat as number) > MAX_SUBGRAPH_TOKEN_SECONDS) {
      throw new AuthError(
        "TOKEN_LIFETIME_TOO_LONG",
        `A gateway token may live at most ${MAX_SUBGRAPH_TOKEN_SECONDS} s`,
      );
    }
    if (!isJurisdiction(callerIssuer)) throw new AuthError("MALFORMED_TOKEN", '"caller_iss" is not cq, sc or gz');
    if (req !== requestHash(request)) {
      throw new AuthError("REQUEST_MISMATCH", "The token was minted for another query or other variables");
    }
    if (!(await replayGuard.claim(jti as string, GATEWAY_ISSUER, exp as number))) {
      throw new AuthError("TOKEN_REPLAYED", "This gateway token was used already");
    }
    return {
      issuer: callerIssuer,
      subject: sub as string,
      scopes: parseScopeClaim(payload.scope) ?? [],
      jti: jti as string,
    };
  };
}

/**
 * Scopes: what a token may do, on top of who issued it. The schema's scope-auth rules combine both
 * (e.g. "issuer sc AND records:write AND origin sc"); scopes only ever narrow an issuer's rights.
 *
 * ## Which scopes a token has — `effectiveScopes` is the one place that decides
 * 1. Every issuer has a ceiling (ISSUER_CEILING). A scope outside its issuer's ceiling is ignored,
 *    whatever the token says: a province signs its own tokens, so the gateway never lets a
 *    province's key grant itself 管委会 powers such as `dispatch:write`.
 * 2. No `scope` claim (or an empty one) → the issuer's normal rights: its ceiling minus the
 *    elevated scopes. This is what `npm run token -- --as cq` mints.
 * 3. `pii:read` and `audit:read` are elevated: never implied, always named in the token. Naming
 *    only elevated scopes adds them to the normal rights (`--as gz --scope pii:read` is a full gz
 *    token that also sees personal data in clear).
 * 4. Naming any other scope narrows: the token has exactly the non-elevated scopes it names, plus the
 *    elevated ones it names. `scope: "read"` is a read-only token. Unknown names count as naming
 *    a scope (a typo narrows to nothing rather than widening to everything) and are then ignored.
 *    Write scopes do not imply `read`.
 */
import type { Jurisdiction } from "../../schema/common/jurisdiction.ts";

export const SCOPES = {
  /** read what the issuer may see: catalog, benchmarks, libraries, records (the other side's PII masked) */
  READ: "read",
  /** push enforcement records (执法记录) of the issuer's own origin */
  RECORDS_WRITE: "records:write",
  /**
   * write officers and enterprises (执法人员 / 执法对象库) of the issuer's own origin; for 管委会:
   * correct either province's records (audited) and record joint training (同堂培训)
   */
  LIBRARIES_WRITE: "libraries:write",
  /** maintain the shared catalog of enforcement items and the merged benchmarks (管委会) */
  CATALOG_WRITE: "catalog:write",
  /** random draws, joint teams and dispatch (双随机抽取, 联合检查, 派单) — 管委会 */
  DISPATCH_WRITE: "dispatch:write",
  /** supervision warnings and their handling (执法监督预警) — 管委会 */
  SUPERVISION_WRITE: "supervision:write",
  /** elevated: personal data (ID and phone numbers, home addresses) in clear — 管委会 only */
  PII_READ: "pii:read",
  /** elevated: read the audit trail and verify its chain — 管委会 only */
  AUDIT_READ: "audit:read",
} as const;

export type Scope = (typeof SCOPES)[keyof typeof SCOPES];

const ELEVATED: ReadonlySet<string> = new Set<Scope>([SCOPES.PII_READ, SCOPES.AUDIT_READ]);

/** Everything a token of each issuer can ever hold. */
export const ISSUER_CEILING: Readonly<Record<Jurisdiction, ReadonlySet<Scope>>> = {
  cq: new Set([SCOPES.READ, SCOPES.RECORDS_WRITE, SCOPES.LIBRARIES_WRITE]),
  sc: new Set([SCOPES.READ, SCOPES.RECORDS_WRITE, SCOPES.LIBRARIES_WRITE]),
  gz: new Set([
    SCOPES.READ,
    SCOPES.CATALOG_WRITE,
    // corrections of either province's officers and enterprises, and joint training records (同堂培训)
    SCOPES.LIBRARIES_WRITE,
    SCOPES.DISPATCH_WRITE,
    SCOPES.SUPERVISION_WRITE,
    SCOPES.PII_READ,
    SCOPES.AUDIT_READ,
  ]),
};

/**
 * The `scope` claim as a list: `null` when absent, `[]` when empty. Throws a TypeError when the
 * claim is not a string (RFC 8693 §4.2: a space-separated string).
 */
export function parseScopeClaim(claim: unknown): readonly string[] | null {
  if (claim === undefined) return null;
  if (typeof claim !== "string") throw new TypeError('"scope" claim must be a space-separated string');
  return claim.split(" ").filter((scope) => scope !== "");
}

export function formatScopes(scopes: readonly string[]): string {
  return [...new Set(scopes.flatMap((scope) => scope.split(" ")).filter(Boolean))].join(" ");
}

/** The rules in this file's header comment, applied to one token. */
export function effectiveScopes(principal: {
  issuer: Jurisdiction;
  requestedScopes: readonly string[] | null;
}): ReadonlySet<Scope> {
  const ceiling = ISSUER_CEILING[principal.issuer];
  const requested = principal.requestedScopes ?? [];
  const narrows = requested.some((scope) => !ELEVATED.has(scope));
  const granted = new Set<Scope>();
  for (const scope of ceiling) {
    const named = requested.includes(scope);
    if (ELEVATED.has(scope) ? named : named || !narrows) granted.add(scope);
  }
  return granted;
}

export function hasScope(principal: { scopes: ReadonlySet<string> }, scope: Scope): boolean {
  return principal.scopes.has(scope);
}

/** Scope defaults and narrowing (the rules are written down in gateway/auth/scopes.ts). */
import { describe, expect, it } from "vitest";
import { effectiveScopes, hasScope, parseScopeClaim } from "../../gateway/auth/scopes.ts";
import type { Jurisdiction } from "../../schema/common/jurisdiction.ts";

const scopesOf = (issuer: Jurisdiction, claim?: string) =>
  [...effectiveScopes({ issuer, requestedScopes: parseScopeClaim(claim) })].sort();

describe("effective scopes", () => {
  it("gives a token without a scope claim its issuer's normal rights, without pii:read or audit:read", () => {
    expect(scopesOf("cq")).toEqual(["libraries:write", "read", "records:write"]);
    expect(scopesOf("sc", "")).toEqual(["libraries:write", "read", "records:write"]);
    expect(scopesOf("gz")).toEqual(["catalog:write", "dispatch:write", "libraries:write", "read", "supervision:write"]);
  });

  it('makes a token whose scope is exactly "read" read-only', () => {
    expect(scopesOf("cq", "read")).toEqual(["read"]);
    expect(scopesOf("gz", "read")).toEqual(["read"]);
  });

  it("adds elevated scopes to the normal rights when only they are named", () => {
    expect(scopesOf("gz", "pii:read")).toEqual([
      "catalog:write",
      "dispatch:write",
      "libraries:write",
      "pii:read",
      "read",
      "supervision:write",
    ]);
    expect(scopesOf("gz", "read audit:read")).toEqual(["audit:read", "read"]);
  });

  it("never grants a province what only 管委会 may hold", () => {
    expect(scopesOf("cq", "dispatch:write pii:read audit:read")).toEqual([]);
    expect(scopesOf("sc", "pii:read")).toEqual(["libraries:write", "read", "records:write"]);
  });

  it("narrows to nothing on an unknown scope rather than widening", () => {
    expect(scopesOf("cq", "recrods:write")).toEqual([]);
  });

  it("answers hasScope from the effective set", () => {
    const principal = { scopes: effectiveScopes({ issuer: "sc", requestedScopes: ["read"] }) };
    expect(hasScope(principal, "read")).toBe(true);
    expect(hasScope(principal, "records:write")).toBe(false);
  });
});

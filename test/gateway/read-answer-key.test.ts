/** The read cache's key: what can change a catalog read's answer (gateway/read-cache/read-answers.ts). */
import { describe, expect, it } from "vitest";
import { readAnswerKey } from "../../gateway/read-cache/read-answers.ts";

const caller = { issuer: "cq" as const, scopes: new Set(["catalog:read", "audit:read"]) };
const at = (iso: string) => new Date(iso);
const key = (now: Date, overrides: Partial<Parameters<typeof readAnswerKey>[0]> = {}) =>
  readAnswerKey({ caller, now, operationName: null, documentHash: "d", variablesHash: null, ...overrides });

describe("a read's answer key", () => {
  it("changes at Beijing midnight (16:00 UTC), not at UTC midnight, and follows a clock that goes back", () => {
    const before = key(at("2026-12-06T15:59:59.999Z"));
    expect(key(at("2026-12-06T00:00:00.000Z"))).toBe(before); // 08:00 in Beijing, the same day
    const after = key(at("2026-12-06T16:00:00.000Z"));
    expect(after).not.toBe(before);
    expect(after).toContain("2026-12-07");
    expect(key(at("2026-12-06T15:59:59.999Z"))).toBe(before);
    expect(key(at("2026-12-07T15:59:59.999Z"))).toBe(after);
  });

  it("is the same for the same scopes in any order, and differs for other scopes, issuer or variables", () => {
    const now = at("2026-12-06T03:00:00Z");
    const same = { issuer: "cq" as const, scopes: new Set(["audit:read", "catalog:read"]) };
    expect(key(now, { caller: same })).toBe(key(now));
    expect(key(now, { caller: { issuer: "cq", scopes: new Set(["catalog:read"]) } })).not.toBe(key(now));
    expect(key(now, { caller: { issuer: "sc", scopes: caller.scopes } })).not.toBe(key(now));
    expect(key(now, { variablesHash: "v" })).not.toBe(key(now));
    expect(key(now, { operationName: "Items" })).not.toBe(key(now));
  });
});

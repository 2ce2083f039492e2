import { describe, expect, it } from "vitest";
import {
  formTeam,
  formTeams,
  type TeamOfficer,
  type TeamRequest,
  teamSeed,
} from "../../../schema/dispatch/rules/teams.ts";
import { day } from "./generators.ts";

const VISIT = day("2026-07-01");
const USCC = "91511623000000000Y";
const SEED = teamSeed("0f".repeat(32), USCC);

const officer = (
  certificateNumber: string,
  homeJurisdiction: string,
  over: Partial<TeamOfficer> = {},
): TeamOfficer => ({
  certificateNumber,
  homeJurisdiction,
  status: "ACTIVE",
  certificateValidFrom: day("2024-01-01"),
  certificateValidTo: day("2028-12-31"),
  qualifiedDomains: ["SAFETY", "ECOLOGY"],
  load: 0,
  ...over,
});
const request = (over: Partial<TeamRequest> = {}): TeamRequest => ({
  uscc: USCC,
  domains: ["SAFETY", "ECOLOGY"],
  visitDay: VISIT,
  seed: SEED,
  ...over,
});
const members = (outcome: ReturnType<typeof formTeam>) =>
  outcome.ok ? outcome.members.map((m) => m.certificateNumber) : outcome.reasons;

describe("formTeam", () => {
  it("refuses an officer whose certificate ends inside the visit window, and names it", () => {
    const pool = [
      officer("渝1", "cq", { certificateValidTo: day("2026-07-02") }),
      officer("渝2", "cq"),
      officer("川1", "sc"),
    ];
    const outcome = formTeam(pool, [], request({ lastDay: day("2026-07-03") }));
    expect(members(outcome)).toEqual(["渝2", "川1"]);
    const alone = formTeam([pool[0]!, pool[2]!], [], request({ lastDay: day("2026-07-03") }));
    expect(alone.ok).toBe(false);
    if (!alone.ok) expect(alone.reasons[0]).toMatchObject({ code: "CERTIFICATES_EXPIRED", jurisdiction: "cq" });
    expect(formTeam([pool[0]!, pool[2]!], [], request()).ok).toBe(true); // a one-day visit on the 1st is fine
  });

  it("forms a mixed team: the least-loaded officer of each province", () => {
    const pool = [
      officer("渝1", "cq", { load: 2 }),
      officer("渝2", "cq", { load: 1 }),
      officer("川1", "sc", { load: 3 }),
      officer("川2", "sc", { load: 0 }),
    ];
    expect(members(formTeam(pool, [], request()))).toEqual(["渝2", "川2"]);
  });

  it("fills a larger team from the least loaded of either province", () => {
    const pool = [
      officer("渝1", "cq", { load: 5 }),
      officer("渝2", "cq", { load: 1 }),
      officer("川1", "sc", { load: 2 }),
      officer("川2", "sc", { load: 0 }),
    ];
    expect(members(formTeam(pool, [], request({ size: 3 })))).toEqual(["渝2", "川2", "川1"]);
  });

  it("draws at random among equally loaded officers, reproducibly from the team seed", () => {
    const pool = Array.from({ length: 6 }, (_, i) => officer(`渝${i}`, "cq")).concat(officer("川1", "sc"));
    const chosen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const seed = teamSeed("0f".repeat(32), `9151162300000000${String(i).padStart(2, "0")}`);
      const first = members(formTeam(pool, [], request({ seed })));
      expect(members(formTeam(pool, [], request({ seed })))).toEqual(first);
      chosen.add(String(first[0]));
    }
    expect(chosen.size).toBeGreaterThan(3);
  });

  it("derives one team seed per enterprise from the draw seed", () => {
    expect(teamSeed("0f".repeat(32), USCC)).toMatch(/^[0-9a-f]{64}$/);
    expect(teamSeed("0f".repeat(32), ` ${USCC.toLowerCase()} `)).toBe(SEED);
    expect(teamSeed("0f".repeat(32), "91500109MA5U000001")).not.toBe(SEED);
    expect(teamSeed("1f".repeat(32), USCC)).not.toBe(SEED);
  });

  it("accepts a certificate valid through the visit day, inclusive", () => {
    const pool = [
      officer("渝1", "cq", { certificateValidTo: VISIT }),
      officer("川1", "sc", { certificateValidFrom: VISIT }),
    ];
    expect(members(formTeam(pool, [], request()))).toEqual(["渝1", "川1"]);
  });

  it("leaves out a conflicted officer (回避) and takes the next", () => {
    const pool = [officer("渝1", "cq"), officer("渝2", "cq", { load: 3 }), officer("川1", "sc")];
    const outcome = formTeam(pool, [{ certificateNumber: "渝1", uscc: USCC.toLowerCase() }], request());
    expect(members(outcome)).toEqual(["渝2", "川1"]);
  });
});

describe("formTeam refusals say exactly why", () => {
  const reasons = (outcome: ReturnType<typeof formTeam>) => (outcome.ok ? [] : outcome.reasons);

  it("NOT_QUALIFIED_FOR: no Sichuan officer holds ECOLOGY", () => {
    const pool = [
      officer("渝1", "cq"),
      officer("川1", "sc", { qualifiedDomains: ["SAFETY"] }),
      officer("川2", "sc", { qualifiedDomains: ["SAFETY", "FIRE"] }),
    ];
    expect(reasons(formTeam(pool, [], request()))).toEqual([
      {
        code: "NOT_QUALIFIED_FOR",
        jurisdiction: "sc",
        domains: ["ECOLOGY"],
        message: "NO_SICHUAN_OFFICER_QUALIFIED_FOR: ECOLOGY",
      },
    ]);
  });

  it("NOT_QUALIFIED_FOR_ALL_DOMAINS: each domain held by someone, nobody holds both", () => {
    const pool = [
      officer("渝1", "cq"),
      officer("川1", "sc", { qualifiedDomains: ["SAFETY"] }),
      officer("川2", "sc", { qualifiedDomains: ["ECOLOGY"] }),
    ];
    expect(reasons(formTeam(pool, [], request()))).toEqual([
      expect.objectContaining({
        code: "NOT_QUALIFIED_FOR_ALL_DOMAINS",
        jurisdiction: "sc",
        domains: ["ECOLOGY", "SAFETY"],
        certificateNumbers: ["川1", "川2"],
      }),
    ]);
  });

  it("ALL_CANDIDATES_CONFLICTED, CERTIFICATES_EXPIRED, ALL_NOT_ACTIVE, NO_OFFICERS", () => {
    const conflicted = [officer("渝1", "cq"), officer("川1", "sc"), officer("川2", "sc")];
    const conflicts = ["川1", "川2"].map((certificateNumber) => ({ certificateNumber, uscc: USCC }));
    expect(reasons(formTeam(conflicted, conflicts, request()))).toEqual([
      expect.objectContaining({
        code: "ALL_CANDIDATES_CONFLICTED",
        jurisdiction: "sc",
        certificateNumbers: ["川1", "川2"],
      }),
    ]);
    const expired = [officer("渝1", "cq", { certificateValidTo: day("2026-06-30") }), officer("川1", "sc")];
    expect(reasons(formTeam(expired, [], request()))).toEqual([
      {
        code: "CERTIFICATES_EXPIRED",
        jurisdiction: "cq",
        certificateNumbers: ["渝1"],
        message: "CHONGQING_CERTIFICATES_EXPIRED: 渝1",
      },
    ]);
    const suspended = [officer("渝1", "cq", { status: "SUSPENDED" }), officer("渝2", "cq", { status: "RETIRED" })];
    expect(reasons(formTeam(suspended, [], request())).map((r) => [r.code, r.jurisdiction])).toEqual([
      ["ALL_NOT_ACTIVE", "cq"],
      ["NO_OFFICERS", "sc"],
    ]);
  });

  it("CERTIFICATES_NOT_VALID when a certificate's dates were never sent or it is not yet valid", () => {
    const pool = [
      officer("渝1", "cq"),
      officer("川1", "sc", { certificateValidFrom: null }),
      officer("川2", "sc", { certificateValidFrom: day("2026-07-02") }),
    ];
    expect(reasons(formTeam(pool, [], request()))).toEqual([
      expect.objectContaining({
        code: "CERTIFICATES_NOT_VALID",
        jurisdiction: "sc",
        certificateNumbers: ["川1", "川2"],
      }),
    ]);
  });

  it("NO_ELIGIBLE_OFFICER for a mix of causes, with every officer's own reasons", () => {
    const pool = [
      officer("渝1", "cq"),
      officer("川1", "sc", { status: "SUSPENDED" }),
      officer("川2", "sc", { certificateValidTo: day("2026-01-01") }),
    ];
    const outcome = formTeam(pool, [], request());
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reasons.map((r) => r.code)).toEqual(["NO_ELIGIBLE_OFFICER"]);
    expect(outcome.ineligible).toEqual([
      { certificateNumber: "川1", homeJurisdiction: "sc", reasons: ["NOT_ACTIVE"] },
      { certificateNumber: "川2", homeJurisdiction: "sc", reasons: ["CERTIFICATE_EXPIRED"] },
    ]);
  });

  it("NOT_ENOUGH_OFFICERS when both provinces are covered but the team cannot be filled", () => {
    const pool = [officer("渝1", "cq"), officer("川1", "sc")];
    expect(reasons(formTeam(pool, [], request({ size: 3 }))).map((r) => r.code)).toEqual(["NOT_ENOUGH_OFFICERS"]);
    expect(() => formTeam(pool, [], request({ size: 1 }))).toThrow(RangeError);
  });
});

describe("formTeams", () => {
  it("spreads the load over a draw's tasks", () => {
    const pool = [officer("渝1", "cq"), officer("渝2", "cq"), officer("川1", "sc"), officer("川2", "sc")];
    const requests = Array.from({ length: 4 }, (_, i) =>
      request({ uscc: `9151162300000000${i}Y`, seed: teamSeed("0f".repeat(32), `${i}`) }),
    );
    const outcomes = formTeams(pool, [], requests);
    const count = new Map<string, number>();
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(true);
      if (outcome.ok)
        for (const m of outcome.members) count.set(m.certificateNumber, (count.get(m.certificateNumber) ?? 0) + 1);
    }
    expect([...count.values()]).toEqual([2, 2, 2, 2]);
    expect(pool.every((o) => o.load === 0)).toBe(true);
  });
});

/** Property tests of team forming over many random officer pools and tasks (seeded PRNG: reproducible). */
import { describe, expect, it } from "vitest";
import { formTeam, type TeamOfficer, type TeamRequest } from "../../../schema/dispatch/rules/teams.ts";
import { DOMAINS, day, officers, prng, uscc } from "./generators.ts";

const RUNS = 400;
const VISIT = day("2026-07-01");

/** Eligibility written out again, independently of the code under test. */
function eligible(o: TeamOfficer, task: TeamRequest, conflicted: ReadonlySet<string>): boolean {
  return (
    o.status === "ACTIVE" &&
    o.certificateValidFrom !== null &&
    o.certificateValidTo !== null &&
    o.certificateValidFrom.getTime() <= task.visitDay.getTime() &&
    task.visitDay.getTime() <= o.certificateValidTo.getTime() &&
    task.domains.every((d) => o.qualifiedDomains.includes(d)) &&
    !conflicted.has(o.certificateNumber)
  );
}

describe("team forming properties", () => {
  it("every team satisfies every constraint, or the reasons are the true ones", () => {
    const random = prng(23);
    let formed = 0;
    let refused = 0;
    for (let run = 0; run < RUNS; run++) {
      const pool = officers(random, 2 + random.int(14), VISIT);
      const task: TeamRequest = {
        uscc: uscc(random),
        domains: random.subset(DOMAINS, 0.3),
        visitDay: VISIT,
        seed: random.hex(32),
        size: 2 + random.int(2),
      };
      const conflicts = random
        .subset(pool, 0.15)
        .map((o) => ({ certificateNumber: o.certificateNumber, uscc: task.uscc }));
      const conflicted = new Set(conflicts.map((c) => c.certificateNumber));
      const ok = pool.filter((o) => eligible(o, task, conflicted));
      const outcome = formTeam(pool, conflicts, task);
      const coveredProvinces = ["cq", "sc"].filter((p) => ok.some((o) => o.homeJurisdiction === p));

      if (outcome.ok) {
        formed++;
        const team = outcome.members;
        expect(team).toHaveLength(task.size!);
        expect(new Set(team.map((m) => m.certificateNumber)).size).toBe(team.length);
        for (const m of team) expect(eligible(m, task, conflicted)).toBe(true);
        expect(new Set(team.map((m) => m.homeJurisdiction))).toEqual(new Set(["cq", "sc"]));
        // fairness: no left-out eligible officer could replace a more loaded member and keep both provinces
        for (const outsider of ok.filter((o) => !team.includes(o))) {
          for (const member of team.filter((m) => m.load > outsider.load)) {
            const swapped = team.map((m) => (m === member ? outsider : m));
            expect(new Set(swapped.map((m) => m.homeJurisdiction)).size).toBeLessThan(2);
          }
        }
        continue;
      }
      refused++;
      const missing = ["cq", "sc"].filter((p) => !coveredProvinces.includes(p));
      if (missing.length > 0) {
        expect(outcome.reasons.map((r) => r.jurisdiction)).toEqual(missing);
      } else {
        expect(ok.length).toBeLessThan(task.size!);
        expect(outcome.reasons.map((r) => r.code)).toEqual(["NOT_ENOUGH_OFFICERS"]);
      }
      for (const reason of outcome.reasons) {
        const own = pool.filter((o) => o.homeJurisdiction === reason.jurisdiction);
        const usable = own.filter((o) => eligible(o, { ...task, domains: [] }, conflicted));
        if (reason.code === "NOT_QUALIFIED_FOR") {
          for (const d of reason.domains!) expect(usable.some((o) => o.qualifiedDomains.includes(d))).toBe(false);
        }
        if (reason.code === "CERTIFICATES_EXPIRED") {
          for (const o of own) expect(o.certificateValidTo!.getTime()).toBeLessThan(VISIT.getTime());
        }
        if (reason.code === "ALL_CANDIDATES_CONFLICTED")
          for (const o of own) expect(conflicted.has(o.certificateNumber)).toBe(true);
        if (reason.code === "ALL_NOT_ACTIVE") for (const o of own) expect(o.status).not.toBe("ACTIVE");
        if (reason.code === "NO_OFFICERS") expect(own).toEqual([]);
      }
    }
    // the generator must exercise both branches
    expect(formed).toBeGreaterThan(RUNS / 10);
    expect(refused).toBeGreaterThan(RUNS / 10);
  });
});

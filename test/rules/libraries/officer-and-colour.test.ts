import { describe, expect, it } from "vitest";
import { dispatchability } from "../../../schema/libraries/rules/dispatchability.ts";
import {
  type OfficerState,
  type OfficerWrite,
  reconcileOfficer,
} from "../../../schema/libraries/rules/reconcile-officer.ts";
import { type CreditGrade, riskColour } from "../../../schema/libraries/rules/risk-colour.ts";
import { day } from "./fixtures.ts";

const write = (over: Partial<OfficerWrite> = {}): OfficerWrite => ({
  certificateNumber: "CQ-GZ-2024-0001",
  name: "陈建国",
  unit: "川渝高竹新区综合行政执法局（重庆派驻）",
  status: "ACTIVE",
  certificateValidFrom: "2024-03-01",
  certificateValidTo: "2029-02-28",
  qualifiedDomains: ["TRANSPORT", "URBAN"],
  idNumber: "11010519491231002X",
  phone: "13900000101",
  homeAddress: null,
  version: 2,
  ...over,
});
const stored: OfficerState = { ...write(), homeJurisdiction: "cq" };

describe("reconcileOfficer", () => {
  it("lets only the home jurisdiction write its officer", () => {
    expect(reconcileOfficer(stored, write({ version: 3 }), "sc")).toMatchObject({
      outcome: "REFUSED",
      code: "FORBIDDEN",
    });
    expect(reconcileOfficer(stored, write({ version: 3, unit: "新单位" }), "cq")).toMatchObject({
      outcome: "APPLIED",
      changes: { unit: { from: "川渝高竹新区综合行政执法局（重庆派驻）", to: "新单位" }, version: { from: 2, to: 3 } },
    });
  });

  it("creates with the writer as home jurisdiction; replays are UNCHANGED, older versions STALE", () => {
    expect(reconcileOfficer(null, write(), "sc")).toMatchObject({
      outcome: "APPLIED",
      state: { homeJurisdiction: "sc" },
    });
    expect(reconcileOfficer(stored, write(), "cq").outcome).toBe("UNCHANGED");
    expect(reconcileOfficer(stored, write({ version: 1, name: "旧名" }), "cq").outcome).toBe("STALE");
  });

  it("ends in the same state whichever order two versions arrive in", () => {
    const v3 = write({ version: 3, status: "SUSPENDED" });
    const v4 = write({ version: 4, phone: "13900000999" });
    const end = (first: OfficerWrite, second: OfficerWrite) => {
      const a = reconcileOfficer(stored, first, "cq");
      const s = a.outcome === "REFUSED" ? stored : a.state;
      const b = reconcileOfficer(s, second, "cq");
      return b.outcome === "REFUSED" ? s : b.state;
    };
    expect(end(v3, v4)).toEqual(end(v4, v3));
    expect(end(v3, v4)).toMatchObject({ version: 4, status: "ACTIVE", phone: "13900000999" });
  });

  it("lets 管委会 correct at the stored version only", () => {
    expect(reconcileOfficer(stored, write({ name: "陈建囯" }), "gz")).toMatchObject({
      outcome: "APPLIED",
      state: { name: "陈建囯", version: 2 },
    });
    expect(reconcileOfficer(stored, write({ version: 5, name: "x" }), "gz")).toMatchObject({ code: "VERSION_AHEAD" });
    expect(reconcileOfficer(null, write(), "gz")).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("riskColour (红/黄/绿)", () => {
  const colour = (cq: CreditGrade | null, sc: CreditGrade | null, combined: CreditGrade = cq ?? sc ?? "A") =>
    riskColour({ creditGrade: combined, creditGradeCq: cq, creditGradeSc: sc });

  it.each([
    ["A", "B", "GREEN"],
    ["B", null, "GREEN"],
    ["C", "A", "YELLOW"],
    [null, "C", "YELLOW"],
    ["C", "C", "RED"],
    ["D", "A", "RED"],
    ["A", "D", "RED"],
  ] as const)("cq %s, sc %s → %s", (cq, sc, expected) => {
    expect(colour(cq, sc)).toBe(expected);
  });

  it("uses the combined grade only when neither province's grade is known", () => {
    expect(colour(null, null, "C")).toBe("YELLOW");
    expect(colour(null, null, "D")).toBe("RED");
  });
});

describe("dispatchability", () => {
  const officer = {
    status: "ACTIVE" as const,
    certificateValidFrom: day("2021-11-01"),
    certificateValidTo: day("2026-10-31"),
    qualifiedDomains: ["URBAN", "TRANSPORT"],
  };

  it("needs a certificate valid on the day (inclusive of its last day)", () => {
    expect(dispatchability(officer, day("2026-10-31"), ["URBAN"])).toEqual({ dispatchable: true, reasons: [] });
    expect(dispatchability(officer, day("2026-11-01"), []).reasons.map((r) => r.code)).toEqual(["CERTIFICATE_EXPIRED"]);
    expect(dispatchability(officer, day("2021-10-31"), []).reasons.map((r) => r.code)).toEqual([
      "CERTIFICATE_NOT_YET_VALID",
    ]);
  });

  it("needs ACTIVE and every domain asked, reporting all reasons", () => {
    const result = dispatchability({ ...officer, status: "SUSPENDED" }, day("2026-11-21"), ["URBAN", "ECOLOGY"]);
    expect(result.dispatchable).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual(["CERTIFICATE_EXPIRED", "NOT_ACTIVE", "NOT_QUALIFIED"]);
    expect(result.reasons[2]?.message).toContain("ECOLOGY");
  });
});

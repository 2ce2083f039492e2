import { describe, expect, it } from "vitest";
import { divisions } from "../../prisma/seed/data/divisions.ts";
import { domains } from "../../prisma/seed/data/domains.ts";
import { enterprises } from "../../prisma/seed/data/enterprises.ts";
import { officers, type SeedOfficer } from "../../prisma/seed/data/officers.ts";
import { validateCitizenId } from "../../schema/libraries/rules/citizen-id.ts";
import { divisionCodeOfUscc, validateUscc } from "../../schema/libraries/rules/uscc.ts";

/** 2026-11-21: the reference "today" of the seed data. */
const TODAY = "2026-11-21";
const IN_30_DAYS = "2026-12-21";
const NOW = new Date(`${TODAY}T12:00:00+08:00`);
const domainCodes = domains.map((d) => d.code);

const count = <T>(items: T[], key: (item: T) => string) =>
  items.reduce((acc, item) => acc.set(key(item), (acc.get(key(item)) ?? 0) + 1), new Map<string, number>());
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

describe("seed officers", () => {
  it("has 24 officers, 12 per province", () => {
    expect(officers).toHaveLength(24);
    expect(Object.fromEntries(count(officers, (o) => o.homeJurisdiction))).toEqual({ cq: 12, sc: 12 });
  });

  it("has unique certificate numbers, ID numbers and phones", () => {
    for (const key of ["certificateNumber", "idNumber", "phone"] as const) {
      expect(new Set(officers.map((o) => o[key])).size, key).toBe(officers.length);
    }
  });

  it("has ID numbers that pass GB 11643 with local address codes and 1970–1998 birth dates", () => {
    for (const o of officers) {
      expect(validateCitizenId(o.idNumber, NOW), o.name).toEqual({ ok: true });
      expect(o.homeJurisdiction === "cq" ? ["500109", "500112"] : ["511623"]).toContain(o.idNumber.slice(0, 6));
      expect(Number(o.idNumber.slice(6, 10))).toBeGreaterThanOrEqual(1970);
      expect(Number(o.idNumber.slice(6, 10))).toBeLessThanOrEqual(1998);
    }
  });

  it("has fictitious 11-digit mobile numbers and real certificate dates in order", () => {
    for (const o of officers) {
      expect(o.phone).toMatch(/^1390000\d{4}$/);
      expect(isDate(o.certificateValidFrom) && isDate(o.certificateValidTo), o.name).toBe(true);
      expect(o.certificateValidFrom < o.certificateValidTo, o.name).toBe(true);
    }
  });

  it("gives each officer 2–4 of the 8 domains", () => {
    for (const o of officers) {
      expect(o.qualifiedDomains.length, o.name).toBeGreaterThanOrEqual(2);
      expect(o.qualifiedDomains.length, o.name).toBeLessThanOrEqual(4);
      expect(new Set(o.qualifiedDomains).size).toBe(o.qualifiedDomains.length);
      for (const d of o.qualifiedDomains) expect(domainCodes).toContain(d);
    }
  });

  const dispatchable = (o: SeedOfficer) => o.status === "ACTIVE" && o.certificateValidTo >= IN_30_DAYS;
  it.each([
    ["all officers", (_: SeedOfficer) => true],
    ["officers active with certificates valid beyond the next 30 days", dispatchable],
  ])("covers every domain with at least 2 %s per province", (_label, include) => {
    for (const jurisdiction of ["cq", "sc"] as const) {
      for (const domain of domainCodes) {
        const holders = officers.filter(
          (o) => o.homeJurisdiction === jurisdiction && include(o) && o.qualifiedDomains.includes(domain),
        );
        expect(holders.length, `${jurisdiction} ${domain}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it("has the edge cases later features need: 2 expiring within 30 days, 1 expired, 1 suspended", () => {
    const expiring = officers.filter((o) => o.certificateValidTo >= TODAY && o.certificateValidTo <= IN_30_DAYS);
    expect(expiring.map((o) => o.certificateValidTo).sort()).toEqual(["2026-12-05", "2026-12-15"]);
    expect(officers.filter((o) => o.certificateValidTo < TODAY).map((o) => o.certificateValidTo)).toEqual([
      "2026-10-31",
    ]);
    expect(officers.filter((o) => o.status === "SUSPENDED")).toHaveLength(1);
    expect(officers.filter((o) => o.status === "ACTIVE").length).toBeGreaterThanOrEqual(20);
  });
});

describe("seed enterprises", () => {
  it("has 94 enterprises, half in each province", () => {
    expect(enterprises).toHaveLength(94);
    expect(Object.fromEntries(count(enterprises, (e) => e.registeringJurisdiction))).toEqual({ cq: 47, sc: 47 });
  });

  it("has unique USCCs and names, all passing GB 32100 and the embedded GB 11714 check", () => {
    expect(new Set(enterprises.map((e) => e.uscc)).size).toBe(94);
    expect(new Set(enterprises.map((e) => e.name)).size).toBe(94);
    for (const e of enterprises) expect(validateUscc(e.uscc, { checkOrgCode: true }), e.uscc).toEqual({ ok: true });
  });

  it("places each enterprise in its province's towns and current division", () => {
    for (const e of enterprises) {
      const expected =
        e.registeringJurisdiction === "cq" ? ["500109", ["茨竹镇", "大湾镇"]] : ["511623", ["高滩镇", "坛同镇"]];
      expect(e.divisionCode).toBe(expected[0]);
      expect(expected[1]).toContain(e.town);
    }
    expect(Object.fromEntries(count(enterprises, (e) => e.town))).toEqual({
      茨竹镇: 24,
      大湾镇: 23,
      高滩镇: 24,
      坛同镇: 23,
    });
  });

  it("keeps the retired 500112 in most Chongqing USCCs, a few newer ones carry 500109", () => {
    const cq = count(
      enterprises.filter((e) => e.registeringJurisdiction === "cq"),
      (e) => divisionCodeOfUscc(e.uscc) ?? "",
    );
    expect(Object.fromEntries(cq)).toEqual({ "500112": 40, "500109": 7 });
    const sc = enterprises.filter((e) => e.registeringJurisdiction === "sc");
    expect(sc.every((e) => divisionCodeOfUscc(e.uscc) === "511623")).toBe(true);
  });

  it("grades mostly A/B, some C, a few D, with the registering side's grade always set", () => {
    const grades = count(enterprises, (e) => e.creditGrade);
    expect((grades.get("A") ?? 0) + (grades.get("B") ?? 0)).toBeGreaterThan(94 * 0.7);
    expect(grades.get("C")).toBeGreaterThan(0);
    expect(grades.get("D")).toBeGreaterThan(0);
    expect(grades.get("D")).toBeLessThan(grades.get("C") ?? 0);
    for (const e of enterprises) {
      expect(e.registeringJurisdiction === "cq" ? e.creditGradeCq : e.creditGradeSc).toBe(e.creditGrade);
    }
  });

  it("has the other side's grade for about 20%, sometimes different", () => {
    const both = enterprises.filter((e) => e.creditGradeCq !== null && e.creditGradeSc !== null);
    expect(both.length).toBeGreaterThanOrEqual(15);
    expect(both.length).toBeLessThanOrEqual(24);
    expect(both.some((e) => e.creditGradeCq !== e.creditGradeSc)).toBe(true);
    expect(both.some((e) => e.creditGradeCq === e.creditGradeSc)).toBe(true);
  });
});

describe("seed divisions", () => {
  const byCode = new Map(divisions.map((d) => [d.code, d]));

  it("has unique codes whose parents and successors exist", () => {
    expect(byCode.size).toBe(divisions.length);
    for (const d of divisions) {
      if (d.parentCode) expect(byCode.has(d.parentCode), d.code).toBe(true);
      if (d.successorCode) expect(byCode.has(d.successorCode), d.code).toBe(true);
    }
  });

  it("records the 2025-11-06 reorganisation of Chongqing", () => {
    expect(byCode.get("500112")).toMatchObject({ name: "渝北区", validTo: "2025-11-05" });
    expect(byCode.get("500105")).toMatchObject({ name: "江北区", validTo: "2025-11-05" });
    expect(byCode.get("500109")).toMatchObject({ name: "北碚区", validTo: null });
    expect(byCode.get("500157")).toMatchObject({ name: "两江新区", verified: false, validFrom: "2025-11-06" });
    expect(byCode.get("511623")).toMatchObject({ name: "邻水县", parentCode: "511600" });
  });

  it("knows every division code the enterprises use", () => {
    for (const e of enterprises) {
      expect(byCode.has(e.divisionCode)).toBe(true);
      expect(byCode.has(divisionCodeOfUscc(e.uscc) ?? "")).toBe(true);
    }
  });
});

import { describe, expect, it } from "vitest";
import { checkDivisionInForce } from "../../../schema/libraries/rules/division-in-force.ts";
import {
  type EnterpriseInputValue,
  validateEnterpriseInput,
} from "../../../schema/libraries/rules/enterprise-input.ts";
import { type OfficerInputValue, validateOfficerInput } from "../../../schema/libraries/rules/officer-input.ts";
import { DIVISIONS, DOMAIN_CODES, day, makeCitizenId, makeUscc } from "./fixtures.ts";

const NOW = new Date("2026-11-21T10:00:00+08:00");
const TODAY = day("2026-11-21");

const officer = (over: Partial<OfficerInputValue> = {}): OfficerInputValue => ({
  certificateNumber: "cq-gz-2026-0100",
  name: "测试员",
  version: 1,
  unit: "川渝高竹新区综合行政执法局",
  certificateValidFrom: day("2026-01-01"),
  certificateValidTo: day("2030-12-31"),
  qualifiedDomains: ["URBAN", "EMERGENCY", "URBAN"],
  idNumber: makeCitizenId("500112", "19900101"),
  phone: "13900000199",
  ...over,
});

const enterprise = (over: Partial<EnterpriseInputValue> = {}): EnterpriseInputValue => ({
  uscc: makeUscc("500112", 1),
  name: "重庆测试汽车零部件有限公司",
  version: 1,
  park: "高竹新区装备制造产业园",
  town: "茨竹镇",
  divisionCode: "500109",
  industry: "汽车零部件",
  creditGrade: "b",
  ...over,
});

const codes = (result: { ok: boolean; problems?: { code: string }[] }) =>
  result.ok ? [] : (result.problems ?? []).map((p) => p.code);
const rules = { now: NOW, domainCodes: DOMAIN_CODES };

describe("officer input", () => {
  it("accepts a valid officer, normalising the certificate number, status and domains", () => {
    const result = validateOfficerInput(officer(), rules);
    expect(result).toMatchObject({
      ok: true,
      write: {
        certificateNumber: "CQ-GZ-2026-0100",
        status: "ACTIVE",
        qualifiedDomains: ["EMERGENCY", "URBAN"],
        certificateValidTo: "2030-12-31",
      },
    });
  });

  it("accepts a citizen ID whose address code is the retired 渝北区 500112, and the standard's example 11010519491231002X", () => {
    expect(validateOfficerInput(officer({ idNumber: "11010519491231002x" }), rules).ok).toBe(true);
  });

  it.each([
    ["a wrong check digit", { idNumber: "110105194912310021" }, "CITIZEN_ID_CHECK_DIGIT"],
    ["31 February as birth date", { idNumber: makeCitizenId("500109", "19900231") }, "CITIZEN_ID_BIRTH_DATE"],
    ["a birth date after today", { idNumber: makeCitizenId("500109", "20270101") }, "CITIZEN_ID_BIRTH_DATE"],
    ["a 15-digit ID", { idNumber: "110105491231002" }, "CITIZEN_ID_LENGTH"],
    [
      "validity ending before it starts",
      { certificateValidFrom: day("2027-01-02"), certificateValidTo: day("2027-01-01") },
      "CERTIFICATE_DATES",
    ],
    ["a domain that does not exist", { qualifiedDomains: ["URBAN", "FISHERY"] }, "UNKNOWN_DOMAIN"],
    ["an unknown status", { status: "ON_LEAVE" }, "OFFICER_STATUS"],
    ["version 0", { version: 0 }, "VERSION_INVALID"],
    ["an empty name", { name: "  " }, "INVALID_FIELD"],
  ] as const)("refuses %s with its code", (_what, over, code) => {
    expect(codes(validateOfficerInput(officer(over as Partial<OfficerInputValue>), rules))).toContain(code);
  });

  it("accepts validity of a single day (from = to) and reports every problem of a bad record", () => {
    expect(
      validateOfficerInput(
        officer({ certificateValidFrom: day("2027-01-01"), certificateValidTo: day("2027-01-01") }),
        rules,
      ).ok,
    ).toBe(true);
    const bad = validateOfficerInput(
      officer({
        idNumber: "110105194912310021",
        qualifiedDomains: ["NOPE"],
        certificateValidFrom: day("2028-01-01"),
        certificateValidTo: day("2027-01-01"),
      }),
      rules,
    );
    expect(codes(bad)).toEqual(["CITIZEN_ID_CHECK_DIGIT", "CERTIFICATE_DATES", "UNKNOWN_DOMAIN"]);
  });
});

describe("enterprise input", () => {
  const erules = { day: TODAY, divisions: DIVISIONS };

  it("accepts a USCC carrying the retired 渝北区 500112 while the location is 北碚区 500109", () => {
    expect(validateEnterpriseInput(enterprise(), erules)).toMatchObject({
      ok: true,
      write: { creditGrade: "B", uscc: makeUscc("500112", 1) },
    });
  });

  it("refuses a USCC one character off, naming the expected check character", () => {
    const good = makeUscc("511623", 7);
    const bad = `${good.slice(0, 17)}${good.endsWith("1") ? "2" : "1"}`;
    const result = validateEnterpriseInput(enterprise({ uscc: bad }), erules);
    expect(codes(result)).toEqual(["USCC_CHECK_CHAR"]);
    expect(result.ok || result.problems[0]?.message).toContain(`expected '${good.charAt(17)}'`);
  });

  it.each([
    ["a grade E", { creditGrade: "E" }, "CREDIT_GRADE"],
    ["an excluded letter in the USCC", { uscc: "91500112IST000011X" }, "USCC_CHARSET"],
    ["a 17-character USCC", { uscc: makeUscc("511623", 2).slice(0, 17) }, "USCC_LENGTH"],
    ["a location in a division that is not in the table", { divisionCode: "110105" }, "UNKNOWN_DIVISION"],
    ["a location code that is not 6 digits", { divisionCode: "5001" }, "DIVISION_FORMAT"],
  ] as const)("refuses %s with its code", (_what, over, code) => {
    expect(codes(validateEnterpriseInput(enterprise(over as Partial<EnterpriseInputValue>), erules))).toContain(code);
  });

  it("refuses the retired 渝北区 500112 as the CURRENT location, explaining where its towns went", () => {
    const result = validateEnterpriseInput(enterprise({ divisionCode: "500112" }), erules);
    expect(codes(result)).toEqual(["DIVISION_NOT_IN_FORCE"]);
    expect(result.ok || result.problems[0]?.message).toMatch(/渝北区.*until 2025-11-05.*500109/);
  });
});

describe("division in force", () => {
  it("is inclusive of the last day and names a single successor", () => {
    expect(checkDivisionInForce("500105", DIVISIONS, day("2025-11-05"))).toBeNull();
    expect(checkDivisionInForce("500105", DIVISIONS, day("2025-11-06"))?.message).toContain(
      "successor 500157 (两江新区)",
    );
    expect(checkDivisionInForce("500157", DIVISIONS, day("2025-11-05"))?.code).toBe("DIVISION_NOT_IN_FORCE");
    expect(checkDivisionInForce("500157", DIVISIONS, day("2025-11-06"))).toBeNull();
  });
});

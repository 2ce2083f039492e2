/**
 * Identifier checks at their boundaries (found unpinned by mutation testing). Check characters computed by hand from
 * GB 32100-2015 (Wᵢ = 3^(i−1) mod 31, C18 = 31 − Σ mod 31) and GB 11714 (weights 3,7,9,10,5,8,4,2; 11 − Σ mod 11).
 */
import { describe, expect, it } from "vitest";
import { citizenIdChecksum, validateCitizenId } from "../../../schema/libraries/rules/citizen-id.ts";
import { orgCodeChecksum, validateOrgCode } from "../../../schema/libraries/rules/org-code.ts";
import { divisionCodeOfUscc, usccChecksum, validateUscc } from "../../../schema/libraries/rules/uscc.ts";

describe("USCC positions 3–8 (登记管理机关行政区划码) are six digits, 0 and 9 included", () => {
  it("accepts a division with a 0 and a 9: 91 500190 000000000 → Σ 227, 227 mod 31 = 10, 31 − 10 = 21 → 'M'", () => {
    expect(usccChecksum("91500190000000000")).toMatchObject({ weightedSum: 227, remainder: 10, checkValue: 21 });
    expect(validateUscc("91500190000000000M")).toEqual({ ok: true });
    expect(divisionCodeOfUscc("91500190000000000M")).toBe("500190");
  });

  it("refuses a letter there, naming its position", () => {
    const check = validateUscc("915001A0000000000M");
    expect(check).toMatchObject({ ok: false, code: "USCC_DIVISION_FORMAT" });
    expect(check.ok || check.message).toContain("position 7 is 'A'");
    expect(divisionCodeOfUscc("915001A0000000000M")).toBeNull();
    expect(divisionCodeOfUscc("91500190000000000")).toBeNull();
  });
});

describe("GB 11714 check values 10 and 11", () => {
  it("writes 11 − 0 = 11 as '0' and 11 − 1 = 10 as 'X'", () => {
    expect(orgCodeChecksum("00000000")).toEqual({ weightedSum: 0, checkValue: 11, checkChar: "0" });
    expect(validateOrgCode("000000000")).toEqual({ ok: true });
    expect(validateOrgCode("00000000X")).toMatchObject({ ok: false, code: "ORG_CODE_CHECK_CHAR" });
  });
});

describe("the messages name what is wrong and where", () => {
  it("USCC: length, a character outside GB 32100's set, the check character, the body of a checksum", () => {
    expect(validateUscc("915001")).toEqual({
      ok: false,
      code: "USCC_LENGTH",
      message: "统一社会信用代码 (USCC) must be 18 characters, got 6",
    });
    expect(validateUscc("91500190000000000I")).toMatchObject({
      code: "USCC_CHARSET",
      message:
        "统一社会信用代码 (USCC) position 18: 'I' is not allowed; expected 0–9 or A–H, J–N, P, Q, R, T, U, W, X, Y (I, O, S, V, Z are not used)",
    });
    expect(() => usccChecksum("9150019")).toThrow(
      "USCC body must be 17 characters of 0123456789ABCDEFGHJKLMNPQRTUWXY, got '9150019'",
    );
  });

  it("organisation code: length, a body character, the check character, each message exact", () => {
    expect(validateOrgCode("0000")).toEqual({
      ok: false,
      code: "ORG_CODE_LENGTH",
      message: "组织机构代码 (organisation code) must be 9 characters (8 body + 1 check), got 4",
    });
    expect(validateOrgCode("0000a0000")).toMatchObject({
      code: "ORG_CODE_CHARSET",
      message:
        "组织机构代码 (organisation code) position 5: 'a' is not allowed; expected a digit or an upper-case letter A–Z",
    });
    expect(validateOrgCode("00000000A")).toMatchObject({
      code: "ORG_CODE_CHARSET",
      message: "组织机构代码 (organisation code) position 9: 'A' is not allowed; expected a digit or 'X'",
    });
    expect(validateOrgCode("000000001")).toMatchObject({
      code: "ORG_CODE_CHECK_CHAR",
      message: expect.stringContaining("校验码 (check character) at position 9 is '1', expected '0'"),
    });
    expect(validateOrgCode("000000000X")).toMatchObject({ code: "ORG_CODE_LENGTH" });
    for (const body of ["0000000", "0000000a", "000000000", "a0000000"]) {
      expect(() => orgCodeChecksum(body)).toThrow(
        `organisation code body must be 8 characters of [0-9A-Z], got '${body}'`,
      );
    }
  });
});

describe("citizen ID (GB 11643): birth dates at their edges, formats and messages", () => {
  const NOW = new Date("2026-11-21T00:00:00Z");
  it("accepts 1800-01-01 (the earliest) and a real 29 February; refuses 1799-12-31, 29.02.1900 and month 13", () => {
    expect(validateCitizenId("500109180001010019", NOW)).toEqual({ ok: true });
    expect(validateCitizenId("500109200002290011", NOW)).toEqual({ ok: true });
    expect(validateCitizenId("500109179912310014", NOW)).toMatchObject({
      code: "CITIZEN_ID_BIRTH_DATE",
      message: "公民身份号码 (citizen ID) positions 7–14 (出生日期码, date of birth) '17991231' is before 1800-01-01",
    });
    expect(validateCitizenId("500109190002290015", NOW)).toMatchObject({
      message: expect.stringContaining("'19000229' is not a real calendar date"),
    });
    expect(validateCitizenId("500109190013010015", NOW)).toMatchObject({ code: "CITIZEN_ID_BIRTH_DATE" });
    expect(validateCitizenId("500109190001320016", NOW)).toMatchObject({ code: "CITIZEN_ID_BIRTH_DATE" });
  });

  it("compares the birth date with today in China Standard Time, day by day", () => {
    // 2026-11-21T00:00Z is 08:00 on 21 November in Beijing
    expect(validateCitizenId("500109202611200017", NOW)).toEqual({ ok: true });
    expect(validateCitizenId("500109202611210012", NOW)).toEqual({ ok: true });
    expect(validateCitizenId("500109202611220018", NOW)).toMatchObject({
      message: expect.stringContaining("'20261122' is after today (2026-11-21, China Standard Time)"),
    });
    // 2026-11-21T20:00Z is already 22 November in Beijing
    expect(validateCitizenId("500109202611220018", new Date("2026-11-21T20:00:00Z"))).toEqual({ ok: true });
  });

  it("says why a 15-digit number fails, and names a bad character and what was expected there", () => {
    expect(validateCitizenId("500109190001010", NOW)).toMatchObject({
      message:
        "公民身份号码 (citizen ID) must be 18 characters, got 15 (15-digit first-generation numbers are not accepted)",
    });
    expect(validateCitizenId("5001091900010100", NOW)).toMatchObject({
      message: "公民身份号码 (citizen ID) must be 18 characters, got 16",
    });
    expect(validateCitizenId("50010919000101001Y", NOW)).toMatchObject({
      message: "公民身份号码 (citizen ID) position 18: 'Y' is not allowed; expected a digit or 'X'",
    });
    expect(validateCitizenId("5001091900010X0015", NOW)).toMatchObject({
      message: "公民身份号码 (citizen ID) position 14: 'X' is not allowed; expected a digit",
    });
  });

  it("refuses a checksum body that is not 17 digits", () => {
    for (const body of ["5001091800010100", "50010918000101001X", "x5001091800010100"]) {
      expect(() => citizenIdChecksum(body)).toThrow(`citizen ID body must be 17 digits, got '${body}'`);
    }
  });
});

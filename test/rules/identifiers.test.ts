import { describe, expect, it } from "vitest";
import {
  citizenIdChecksum,
  computeCitizenIdCheckChar,
  normaliseCitizenId,
  validateCitizenId,
} from "../../schema/libraries/rules/citizen-id.ts";
import { computeOrgCodeCheckChar, orgCodeChecksum, validateOrgCode } from "../../schema/libraries/rules/org-code.ts";
import {
  computeUsccCheckChar,
  divisionCodeOfUscc,
  USCC_WEIGHTS,
  usccChecksum,
  validateUscc,
} from "../../schema/libraries/rules/uscc.ts";

/** The reference day of the seed data; "today" for the future-birth-date rule. */
const NOW = new Date("2026-11-21T10:00:00+08:00");

const failureCode = (check: { ok: boolean; code?: string }) => (check.ok ? "OK" : check.code);

describe("统一社会信用代码 (GB 32100-2015)", () => {
  it("uses the weights 3^(i-1) mod 31 of GB 32100 (docs/identifiers.md)", () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it("reproduces the standard's worked example 91350100M000100Y43: Σ=1640, mod 31 = 28, check 3", () => {
    expect(usccChecksum("91350100M000100Y4")).toEqual({
      weightedSum: 1640,
      remainder: 28,
      checkValue: 3,
      checkChar: "3",
    });
    expect(validateUscc("91350100M000100Y43")).toEqual({ ok: true });
  });

  it("rejects the standard's counter-example …Y4Z: Z is not in the character set", () => {
    const check = validateUscc("91350100M000100Y4Z");
    expect(check).toMatchObject({ ok: false, code: "USCC_CHARSET" });
    expect(check.ok || check.message).toContain("position 18: 'Z'");
  });

  it("accepts the synthetic vectors, including the remainder-0 case written as '0'", () => {
    expect(validateUscc("91511623000000000Y")).toEqual({ ok: true });
    expect(usccChecksum("9151162300000000M")).toMatchObject({ remainder: 0, checkChar: "0" });
    expect(validateUscc("9151162300000000M0")).toEqual({ ok: true });
  });

  it("rejects a single changed character with the expected check character in the message", () => {
    const check = validateUscc("91350100M000100Y42");
    expect(check).toMatchObject({ ok: false, code: "USCC_CHECK_CHAR" });
    expect(check.ok || check.message).toMatch(/position 18 is '2', expected '3'/);
    expect(failureCode(validateUscc("91350100M000200Y43"))).toBe("USCC_CHECK_CHAR");
  });

  it.each(["I", "O", "S", "V", "Z"])("rejects the excluded letter %s and names its position", (letter) => {
    const check = validateUscc(`91350100${letter}000100Y43`);
    expect(check).toMatchObject({ ok: false, code: "USCC_CHARSET" });
    expect(check.ok || check.message).toContain(`position 9: '${letter}'`);
  });

  it("rejects lower-case letters (the code is upper-case only)", () => {
    expect(failureCode(validateUscc("91350100m000100Y43"))).toBe("USCC_CHARSET");
  });

  it.each(["91350100M000100Y4", "91350100M000100Y433", ""])("rejects the wrong length of %j", (value) => {
    expect(failureCode(validateUscc(value))).toBe("USCC_LENGTH");
  });

  it("requires positions 3–8 to be digits", () => {
    const check = validateUscc("9135A100M000100Y43");
    expect(check).toMatchObject({ ok: false, code: "USCC_DIVISION_FORMAT" });
    expect(check.ok || check.message).toContain("position 5 is 'A'");
  });

  it("accepts a retired division code (渝北区 500112) — no division-list check", () => {
    const uscc = `91500112MA5U00001${computeUsccCheckChar("91500112MA5U00001")}`;
    expect(validateUscc(uscc)).toEqual({ ok: true });
    expect(divisionCodeOfUscc(uscc)).toBe("500112");
  });

  it("checks the embedded organisation code only when asked", () => {
    expect(validateUscc("91350100M000100Y43", { checkOrgCode: true })).toEqual({ ok: true });
    // 0000000M + 'M' fails GB 11714 (expected '0') while its USCC check character is right
    expect(validateUscc("9151162300000000M0")).toEqual({ ok: true });
    const check = validateUscc("9151162300000000M0", { checkOrgCode: true });
    expect(check).toMatchObject({ ok: false, code: "USCC_ORG_CODE_CHECK_CHAR" });
    expect(check.ok || check.message).toContain("position 17 is 'M', expected '0'");
  });

  it("gives no division for a malformed value", () => {
    expect(divisionCodeOfUscc("91350100M000100Y43")).toBe("350100");
    expect(divisionCodeOfUscc("9135A100M000100Y43")).toBeNull();
    expect(divisionCodeOfUscc("913501")).toBeNull();
  });

  it("refuses to compute a check character for a malformed body", () => {
    expect(() => computeUsccCheckChar("91350100M000100Y")).toThrow(RangeError);
    expect(() => computeUsccCheckChar("91350100I000100Y4")).toThrow(RangeError);
  });
});

describe("组织机构代码 (GB 11714)", () => {
  it("reproduces the worked example of docs/identifiers.md: M000100Y → Σ=139, check 4", () => {
    expect(orgCodeChecksum("M000100Y")).toEqual({ weightedSum: 139, checkValue: 4, checkChar: "4" });
    expect(computeOrgCodeCheckChar("M000100Y")).toBe("4");
    expect(validateOrgCode("M000100Y4")).toEqual({ ok: true });
  });

  it("writes 10 as X and 11 as 0", () => {
    // 6·2 = 12, 12 mod 11 = 1 → 11 − 1 = 10 → X
    expect(orgCodeChecksum("00000006")).toEqual({ weightedSum: 12, checkValue: 10, checkChar: "X" });
    expect(validateOrgCode("00000006X")).toEqual({ ok: true });
    // Σ = 0 → 11 − 0 = 11 → 0
    expect(orgCodeChecksum("00000000")).toEqual({ weightedSum: 0, checkValue: 11, checkChar: "0" });
  });

  it("rejects a wrong check character, a bad character and a wrong length", () => {
    expect(failureCode(validateOrgCode("M000100Y3"))).toBe("ORG_CODE_CHECK_CHAR");
    expect(failureCode(validateOrgCode("M000100y4"))).toBe("ORG_CODE_CHARSET");
    expect(failureCode(validateOrgCode("M000100YA"))).toBe("ORG_CODE_CHARSET");
    expect(failureCode(validateOrgCode("M000100Y"))).toBe("ORG_CODE_LENGTH");
  });
});

describe("公民身份号码 (GB 11643-1999)", () => {
  it("reproduces Appendix A: 11010519491231002X → Σ=167, R=2, check X", () => {
    expect(citizenIdChecksum("11010519491231002")).toEqual({ weightedSum: 167, remainder: 2, checkChar: "X" });
    expect(validateCitizenId("11010519491231002X", NOW)).toEqual({ ok: true });
  });

  it("accepts 440524188001010014 (Σ=195, R=8 → 4): an 1880 birth and a retired county code are no errors", () => {
    expect(citizenIdChecksum("44052418800101001")).toEqual({ weightedSum: 195, remainder: 8, checkChar: "4" });
    expect(validateCitizenId("440524188001010014", NOW)).toEqual({ ok: true });
  });

  it("accepts a lower-case x and normalises it", () => {
    expect(validateCitizenId("11010519491231002x", NOW)).toEqual({ ok: true });
    expect(normaliseCitizenId("11010519491231002x")).toBe("11010519491231002X");
  });

  it("accepts an ID with the retired 渝北区 address code 500112", () => {
    const id = `50011219900101123${computeCitizenIdCheckChar("50011219900101123")}`;
    expect(validateCitizenId(id, NOW)).toEqual({ ok: true });
  });

  it("rejects one changed digit with the expected check digit in the message", () => {
    const check = validateCitizenId("11010519491231003X", NOW);
    expect(check).toMatchObject({ ok: false, code: "CITIZEN_ID_CHECK_DIGIT" });
    expect(check.ok || check.message).toContain("position 18 is 'X', expected '8'");
    expect(failureCode(validateCitizenId("11110519491231002X", NOW))).toBe("CITIZEN_ID_CHECK_DIGIT");
  });

  it.each(["11010519491231002", "11010519491231002X1", "110105491231002"])(
    "rejects the wrong length of %s",
    (value) => {
      expect(failureCode(validateCitizenId(value, NOW))).toBe("CITIZEN_ID_LENGTH");
    },
  );

  it("says that 15-digit first-generation numbers are not accepted", () => {
    const check = validateCitizenId("110105491231002", NOW);
    expect(check.ok || check.message).toContain("15-digit");
  });

  it("rejects a letter in the body and X anywhere but the last position", () => {
    const check = validateCitizenId("1101051949123100XX", NOW);
    expect(check).toMatchObject({ ok: false, code: "CITIZEN_ID_FORMAT" });
    expect(check.ok || check.message).toContain("position 17: 'X'");
    expect(failureCode(validateCitizenId("11010519491231002Y", NOW))).toBe("CITIZEN_ID_FORMAT");
  });

  it("rejects a birth date that is not a real calendar date (1949-02-30)", () => {
    const id = `11010519490230002${computeCitizenIdCheckChar("11010519490230002")}`;
    const check = validateCitizenId(id, NOW);
    expect(check).toMatchObject({ ok: false, code: "CITIZEN_ID_BIRTH_DATE" });
    expect(check.ok || check.message).toContain("'19490230' is not a real calendar date");
  });

  it("accepts 29 February only in a leap year", () => {
    const withDate = (yyyymmdd: string) => {
      const body = `110105${yyyymmdd}002`;
      return `${body}${computeCitizenIdCheckChar(body)}`;
    };
    expect(validateCitizenId(withDate("20000229"), NOW)).toEqual({ ok: true });
    expect(failureCode(validateCitizenId(withDate("19000229"), NOW))).toBe("CITIZEN_ID_BIRTH_DATE");
  });

  it("rejects a birth date after today in China, judged by the `now` passed in", () => {
    const body = "11010520261122002";
    const id = `${body}${computeCitizenIdCheckChar(body)}`;
    expect(failureCode(validateCitizenId(id, NOW))).toBe("CITIZEN_ID_BIRTH_DATE");
    // 2026-11-21T16:30Z is already 2026-11-22 in China Standard Time
    expect(validateCitizenId(id, new Date("2026-11-21T16:30:00Z"))).toEqual({ ok: true });
    expect(failureCode(validateCitizenId(id, new Date("2026-11-21T15:30:00Z")))).toBe("CITIZEN_ID_BIRTH_DATE");
  });

  it("rejects a birth date before 1800", () => {
    const body = "11010517991231002";
    const check = validateCitizenId(`${body}${computeCitizenIdCheckChar(body)}`, NOW);
    expect(check).toMatchObject({ ok: false, code: "CITIZEN_ID_BIRTH_DATE" });
    expect(check.ok || check.message).toContain("before 1800-01-01");
  });
});

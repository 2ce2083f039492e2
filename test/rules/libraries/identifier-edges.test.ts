/**
 * Identifier checks at their boundaries (found unpinned by mutation testing). Check characters computed by hand from
 * GB 32100-2015 (Wᵢ = 3^(i−1) mod 31, C18 = 31 − Σ mod 31) and GB 11714 (weights 3,7,9,10,5,8,4,2; 11 − Σ mod 11).
 */
import { describe, expect, it } from "vitest";
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

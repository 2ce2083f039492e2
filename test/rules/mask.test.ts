import { describe, expect, it } from "vitest";
import { maskAddress, maskIdNumber, maskPhone } from "../../schema/libraries/rules/mask.ts";

describe("maskIdNumber", () => {
  it("keeps the first 4 and last 4 characters and keeps the length", () => {
    expect(maskIdNumber("500112199001011234")).toBe("5001**********1234");
    expect(maskIdNumber("11010519491231002X")).toBe("1101**********002X");
  });

  it("stars a value too short to hide anything", () => {
    expect(maskIdNumber("12345678")).toBe("********");
    expect(maskIdNumber("123456789")).toBe("1234*6789");
  });
});

describe("maskPhone", () => {
  it("keeps the carrier prefix and the last 4 digits", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
  });

  it("stars a value too short to hide anything", () => {
    expect(maskPhone("1234567")).toBe("*******");
  });
});

describe("maskAddress", () => {
  it("keeps the first 6 characters (province/city/district) and replaces the rest by ***", () => {
    expect(maskAddress("重庆市北碚区茨竹镇示例路8号")).toBe("重庆市北碚区***");
    expect(maskAddress("四川省广安市邻水县高滩镇示例街12号")).toBe("四川省广安市***");
  });

  it("returns an address with nothing below district level unchanged", () => {
    expect(maskAddress("重庆市北碚区")).toBe("重庆市北碚区");
  });

  it("counts a supplementary-plane character as one character", () => {
    expect(maskAddress("重庆市北碚区𠀋街1号")).toBe("重庆市北碚区***");
    expect(maskAddress("𠀋𠀋𠀋𠀋𠀋𠀋𠀋")).toBe("𠀋𠀋𠀋𠀋𠀋𠀋***");
  });
});

describe("empty values", () => {
  it.each([
    ["maskIdNumber", maskIdNumber],
    ["maskPhone", maskPhone],
    ["maskAddress", maskAddress],
  ] as const)("%s passes null, undefined and '' through", (_name, mask) => {
    expect(mask(null)).toBeNull();
    expect(mask(undefined)).toBeUndefined();
    expect(mask("")).toBe("");
  });
});

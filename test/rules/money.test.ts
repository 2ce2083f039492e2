import { describe, expect, it } from "vitest";
import {
  fenFromFenText,
  fenFromYuanText,
  formatMultiple,
  formatYuan,
  yuanTextFromFen,
} from "../../schema/common/money.ts";

describe("money: decimal yuan text ⇄ integer fen, never through a float", () => {
  it("reads yuan exactly", () => {
    expect(fenFromYuanText("0.1")).toBe(10n);
    expect(fenFromYuanText("0.01")).toBe(1n);
    expect(fenFromYuanText("12000")).toBe(1_200_000n);
    expect(fenFromYuanText("12000.5")).toBe(1_200_050n);
    expect(fenFromYuanText(" 12000.50 ")).toBe(1_200_050n);
    expect(fenFromYuanText("9999999999999.99")).toBe(999_999_999_999_999n);
  });

  it.each(["-1", "1e3", "12000.505", "10000000000000", "", ".5", "5.", "1,000", "0x10", "NaN"])(
    "refuses %j",
    (text) => {
      expect(fenFromYuanText(text)).toBeNull();
    },
  );

  it("reads fen text", () => {
    expect(fenFromFenText("1200050")).toBe(1_200_050n);
    expect(fenFromFenText("12.5")).toBeNull();
    expect(fenFromFenText("-1")).toBeNull();
    expect(fenFromFenText("1234567890123456")).toBeNull();
  });

  it("writes yuan with two decimals, from bigint or safe integers", () => {
    expect(yuanTextFromFen(1_200_050n)).toBe("12000.50");
    expect(yuanTextFromFen(5)).toBe("0.05");
    expect(yuanTextFromFen(0)).toBe("0.00");
    expect(yuanTextFromFen(999_999_999_999_999n)).toBe("9999999999999.99");
    expect(() => yuanTextFromFen(-1)).toThrow(RangeError);
    expect(() => yuanTextFromFen(0.5)).toThrow(RangeError);
  });

  it("round-trips every amount it writes", () => {
    for (const fen of [0n, 1n, 99n, 100n, 12_345_678n, 999_999_999_999_999n]) {
      expect(fenFromYuanText(yuanTextFromFen(fen))).toBe(fen);
    }
  });

  it("formats for people", () => {
    expect(formatYuan(100_000_000)).toBe("100万元");
    expect(formatYuan(5_000_050)).toBe("50000.5元");
    expect(formatMultiple(100)).toBe("1%");
    expect(formatMultiple(30_000)).toBe("3倍");
  });
});

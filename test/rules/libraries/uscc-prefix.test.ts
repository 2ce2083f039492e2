import { describe, expect, it } from "vitest";
import { USCC_CHARSET, usccPrefixBounds } from "../../../schema/libraries/rules/uscc.ts";

describe("usccPrefixBounds", () => {
  it("holds every USCC with the prefix, and none without, in byte order", () => {
    const { gte, lte } = usccPrefixBounds("9151");
    expect({ gte, lte }).toEqual({ gte: "9151", lte: "9151YYYYYYYYYYYYYY" });
    const inside = ["915100000000000000", "9151YYYYYYYYYYYYYY", "91511623MAG000508A"];
    const outside = ["915000000000000000", "915200000000000000", "9150YYYYYYYYYYYYYY"];
    for (const uscc of inside) expect(gte <= uscc && uscc <= lte).toBe(true);
    for (const uscc of outside) expect(gte <= uscc && uscc <= lte).toBe(false);
  });

  it("is a single USCC's own bounds when the prefix is a whole USCC", () => {
    expect(usccPrefixBounds("91511623MAG000508A")).toEqual({ gte: "91511623MAG000508A", lte: "91511623MAG000508A" });
    expect(USCC_CHARSET.at(-1)).toBe("Y");
  });
});

/** findUnsafeText: the first NUL or lone surrogate at any depth, keys included, named by its path. */
import { describe, expect, it } from "vitest";
import { findUnsafeText } from "../../schema/common/rules/text-safety.ts";

describe("findUnsafeText", () => {
  it("answers null for clean text at any depth, keys, Dates and numbers included", () => {
    const clean = { a: "合格", b: [{ c: "渝应急罚〔2026〕123号", "键 key": 1 }], d: new Date(), e: null, f: "😀" };
    expect(findUnsafeText(clean, "record")).toBeNull();
  });

  it("names the place of the first problem: in an array, deep in an object, or a key", () => {
    expect(findUnsafeText({ payload: { party: [{ name: "ok" }, { name: "a\u0000b" }] } }, "record")).toEqual({
      code: "INVALID_TEXT",
      path: "record.payload.party[1].name",
      message: "record.payload.party[1].name: NUL (U+0000) at character 2 cannot be stored",
    });
    expect(findUnsafeText({ payload: { ["k\ud800"]: 1 } })).toEqual({
      code: "INVALID_TEXT",
      path: "payload",
      message: 'payload: the key "payload.k\ufffd" holds a lone surrogate (U+D800), which cannot be stored',
    });
    expect(findUnsafeText("x\udc00")?.path).toBe("text");
    // a well-formed pair is not a lone surrogate
    expect(findUnsafeText({ emoji: "\ud83d\ude00" })).toBeNull();
  });

  it("walks own keys only, as the record holds them", () => {
    const inherited = Object.create({ hidden: "a\u0000" }) as Record<string, unknown>;
    inherited.shown = "ok";
    expect(findUnsafeText(inherited)).toBeNull();
    expect(findUnsafeText(Object.assign(inherited, { later: ["\u0000"] }))?.path).toBe("later[0]");
  });
});

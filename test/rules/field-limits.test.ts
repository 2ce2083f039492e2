/**
 * docs/limits.md shows the limits the code enforces: its table must list exactly FIELD_LIMITS. And the
 * size checks count characters as people do (a CJK character outside the BMP is one).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkJsonSize, checkTextSize, FIELD_LIMITS, MAX_JSON_DEPTH } from "../../schema/common/rules/field-limits.ts";

describe("docs/limits.md", () => {
  it("lists exactly the limits of FIELD_LIMITS", () => {
    const doc = readFileSync(new URL("../../docs/limits.md", import.meta.url), "utf8");
    const rows = [...doc.matchAll(/^\| `([A-Za-z]+\.[A-Za-z]+(?:\([a-z]+:\))?)` \| ([\d ]+) (characters|bytes) \|$/gm)];
    const documented = Object.fromEntries(
      rows.map(([, coordinate, max, unit]) => [coordinate, { max: Number(max?.replace(/ /g, "")), unit }]),
    );
    expect(documented).toEqual(FIELD_LIMITS);
  });
});

describe("size checks", () => {
  it("count characters, not UTF-16 units", () => {
    const limit = { max: 3, unit: "characters" as const };
    expect(checkTextSize("𠀋𠀋𠀋", "name", limit)).toBeNull();
    expect(checkTextSize("𠀋𠀋𠀋𠀋", "name", limit)).toMatchObject({ code: "FIELD_TOO_LONG", path: "name", limit: 3 });
  });

  it("measure JSON in UTF-8 bytes and refuse deep nesting", () => {
    const limit = { max: 11, unit: "bytes" as const };
    expect(checkJsonSize({ a: "查" }, "payload", limit)).toBeNull(); // {"a":"查"} is 11 bytes
    expect(checkJsonSize({ a: "查查" }, "payload", limit)?.code).toBe("PAYLOAD_TOO_LARGE");
    const deep = (n: number): unknown => (n === 0 ? 1 : [deep(n - 1)]);
    expect(checkJsonSize(deep(MAX_JSON_DEPTH - 1), "payload", { max: 1e6, unit: "bytes" })).toBeNull();
    expect(checkJsonSize(deep(MAX_JSON_DEPTH), "payload", { max: 1e6, unit: "bytes" })?.code).toBe("PAYLOAD_TOO_DEEP");
  });
});

import { describe, expect, it } from "vitest";
import { oncePerObject } from "../../schema/common/rules/once-per-object.ts";

describe("oncePerObject", () => {
  it("works a value out once for each object and gives each object its own", () => {
    const seen: object[] = [];
    const total = oncePerObject((xs: readonly number[]) => {
      seen.push(xs);
      return xs.reduce((a, b) => a + b, 0);
    });
    const a = [1, 2, 3];
    const b = [1, 2, 3];
    expect([total(a), total(a), total(b), total(a)]).toEqual([6, 6, 6, 6]);
    expect(seen).toEqual([a, b]);
    expect(seen[0]).toBe(a);
    expect(seen[1]).toBe(b);
  });

  it("keeps a falsy value as worked out, without working it out again", () => {
    let calls = 0;
    const empty = oncePerObject((_: object) => {
      calls++;
      return "";
    });
    const key = {};
    expect([empty(key), empty(key)]).toEqual(["", ""]);
    expect(calls).toBe(1);
  });
});

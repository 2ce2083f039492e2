/**
 * stableJson is hashed into the audit chain: the native fast path must write exactly what the piecewise form
 * (what the module always wrote) writes, for every kind of value, or stored chains would stop verifying.
 */
import { describe, expect, it } from "vitest";
import { piecewiseJson, stableJson } from "../../gateway/util/stable-json.ts";

// an array with a hole at index 1 (a sparse array literal, which the linter rightly refuses elsewhere)
const sparse: unknown[] = [1];
sparse[2] = 3;

const cases: Record<string, unknown> = {
  "an ingest batch's variables": {
    input: {
      source: "platform",
      records: [
        {
          originId: "CQ-1",
          version: 2,
          kind: "INSPECTION",
          occurredAt: "2026-01-01T00:00:00.000Z",
          payload: { z: 1, a: [1, null] },
        },
        { originId: "CQ-2", taskId: undefined, fineYuan: "5000.00", payload: { 备注: "示例", findings: [] } },
      ],
    },
  },
  "keys out of order, nested": { b: { d: 1, c: [{ f: true, e: "x" }] }, a: null },
  "undefined in an object and in an array": { a: undefined, b: [undefined, 1] },
  "a function and a symbol": { f: () => 1, s: Symbol("s"), list: [() => 1] },
  "toJSON (a Date, an object)": { at: new Date(0), custom: { toJSON: () => ({ y: 2, x: 1 }) } },
  "integer-like keys": { "10": "ten", "9": "nine", a: "a", "01": "zero-one" },
  "an own __proto__ key": JSON.parse('{"__proto__": {"x": 1}, "b": 2}'),
  "a sparse array": { list: sparse },
  "numbers JSON cannot say": { nan: Number.NaN, infinity: Number.POSITIVE_INFINITY, negativeZero: -0 },
  "top-level primitives": ["s", 1, true, null],
};

describe("stableJson", () => {
  for (const [name, value] of Object.entries(cases)) {
    it(`writes what the piecewise form writes: ${name}`, () => {
      expect(stableJson(value)).toBe(piecewiseJson(value));
    });
  }

  it("sorts keys at every level and leaves undefined fields out", () => {
    expect(stableJson({ b: 1, a: { d: undefined, c: 2 } })).toBe('{"a":{"c":2},"b":1}');
  });

  it("writes undefined alone as null, and keeps a __proto__ key as a key", () => {
    expect(stableJson(undefined)).toBe("null");
    expect(stableJson(JSON.parse('{"__proto__": 1}'))).toBe('{"__proto__":1}');
  });

  it("writes what the piecewise form writes for 3,000 random values, whichever way it takes", () => {
    let seed = 19;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const KEYS = ["a", "b", "Z", "10", "9", "备注", "toJSON", "constructor", "x y", ""];
    const LEAVES = [null, undefined, true, 0, -1.5, "", "文本", 'q"\\', Number.NaN];
    const randomValue = (depth: number): unknown => {
      const pick = random();
      if (depth > 3 || pick < 0.4) return LEAVES[Math.floor(random() * LEAVES.length)];
      if (pick < 0.6) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(depth + 1));
      const object: Record<string, unknown> = {};
      for (let i = Math.floor(random() * 5); i > 0; i--)
        object[KEYS[Math.floor(random() * KEYS.length)]!] = randomValue(depth + 1);
      return object;
    };
    for (let i = 0; i < 3000; i++) {
      const value = randomValue(0);
      expect(stableJson(value)).toBe(piecewiseJson(value));
    }
  });

  it("writes values on either side of the small writer's budget (64 keys and elements) as the piecewise form does", () => {
    for (const size of [1, 63, 64, 65, 200]) {
      const keys = Array.from({ length: size }, (_, i) => [`k${(i * 37) % size}`, { v: i, "10": [i, "文本"] }]);
      const object = { facts: Object.fromEntries(keys.slice(0, Math.ceil(size / 2))), list: keys };
      expect(stableJson(object), String(size)).toBe(piecewiseJson(object));
      const flat = Object.fromEntries(Array.from({ length: size }, (_, i) => [`z${size - i}`, i % 3 ? "x" : null]));
      expect(stableJson(flat), String(size)).toBe(piecewiseJson(flat));
    }
  });

  it("writes a value with many distinct keys as the piecewise form does (the sorted copy's way)", () => {
    const wide = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`k${(i * 7919) % 400}`, i]));
    expect(stableJson({ wide, list: [wide] })).toBe(piecewiseJson({ wide, list: [wide] }));
  });

  it("writes what the piecewise form writes where the property list would not (a review's cases)", () => {
    // toJSON is called by JSON.stringify with its key, by piecewiseJson without one
    const keyed = { a: { toJSON: (key?: string) => key ?? "none" } };
    // a non-enumerable own property: listed because another object has it enumerable
    const hidden = [{ a: 1 }, Object.defineProperty({}, "a", { value: 2 })];
    // a toJSON that answers differently on each call: called once, as piecewiseJson calls it
    let calls = 0;
    const changing = { a: { toJSON: () => (++calls === 1 ? { x: 1 } : { y: 2 }) } };
    const expected = piecewiseJson(changing);
    calls = 0;
    expect(stableJson(changing)).toBe(expected);
    expect(stableJson(keyed)).toBe(piecewiseJson(keyed));
    expect(stableJson(hidden)).toBe(piecewiseJson(hidden));
    expect(stableJson({ at: [new Date(0), new Date(Number.NaN)] })).toBe(
      piecewiseJson({ at: [new Date(0), new Date(Number.NaN)] }),
    );
  });

  it("is not read through a changed Object.prototype (an inherited enumerable key)", () => {
    const value = [{ zz: 1 }, {}];
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.zz = 5;
    try {
      expect(stableJson(value)).toBe(piecewiseJson(value));
    } finally {
      delete prototype.zz;
    }
  });

  it("still refuses a bigint, as JSON.stringify does", () => {
    expect(() => stableJson({ fen: 1n })).toThrow(TypeError);
  });
});

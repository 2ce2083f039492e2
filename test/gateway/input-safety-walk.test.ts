/**
 * The input safety check walks only what can hold text (String, ID, JSON, or an input object with such a field):
 * enums, numbers, booleans and other custom scalars are never read, and text behind them is still found and named.
 */
import { buildSchema, type DocumentNode, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { inputSafetyCheck } from "../../gateway/plugins/use-input-safety.ts";

const schema = buildSchema(`
  scalar Day
  scalar JSON
  enum Harm { MINOR GENERAL }
  input Amount { kind: Harm!, fen: Int! }
  input Facts { harm: Harm, days: Int, corrected: Boolean, on: Day, amounts: [Amount!] }
  input Node { label: Harm, next: Node, note: String }
  input Case { facts: Facts, tree: Node, remark: String, extra: JSON }
  input Row { note: String }
  type Query {
    measure(facts: Facts!): Int
    file(input: Case!): Int
    rows(rows: [Row!]!): Int
  }
`);

const check = inputSafetyCheck({ perRecord: ["Row"] });
const NUL = "a\u0000b";

/** a value that records every field read of it, at any depth */
function watched(value: Record<string, unknown>, reads: string[], path = ""): Record<string, unknown> {
  return new Proxy(value, {
    get(target, key) {
      if (typeof key === "string") reads.push(`${path}${key}`);
      const field = Reflect.get(target, key);
      return field !== null && typeof field === "object" && !Array.isArray(field)
        ? watched(field as Record<string, unknown>, reads, `${path}${String(key)}.`)
        : field;
    },
  });
}

const problemOf = (document: DocumentNode, variables: Record<string, unknown>) => check(schema, document, variables);

describe("the input safety walk", () => {
  it("never reads a variable whose type cannot hold text", () => {
    const reads: string[] = [];
    const facts = watched({ harm: "MINOR", days: 2, corrected: false, on: "2026-01-01", amounts: [] }, reads);
    const problem = problemOf(parse("query($f: Facts!) { measure(facts: $f) }"), { f: facts });
    expect(problem).toBeNull();
    expect(reads).toEqual([]);
  });

  it("reads only the fields that can hold text, and finds text behind the others", () => {
    const reads: string[] = [];
    const input = watched(
      { facts: { harm: "MINOR", days: 1 }, tree: { label: "MINOR", next: { label: "GENERAL", note: NUL } } },
      reads,
    );
    const problem = problemOf(parse("query($i: Case!) { file(input: $i) }"), { i: input });
    expect(problem).toMatchObject({ code: "INVALID_TEXT", path: "input.tree.next.note" });
    expect(reads).not.toContain("facts");
    expect(reads.some((r) => r.endsWith("label"))).toBe(false);
  });

  it("checks JSON and text fields as before; a custom scalar's text passes as it always did", () => {
    const file = parse("query($i: Case!) { file(input: $i) }");
    expect(problemOf(file, { i: { extra: { deep: [NUL] } } })).toMatchObject({ code: "INVALID_TEXT" });
    expect(problemOf(file, { i: { remark: NUL } })).toMatchObject({ code: "INVALID_TEXT", path: "input.remark" });
    expect(problemOf(parse("query($f: Facts!) { measure(facts: $f) }"), { f: { on: NUL } })).toBeNull();
  });

  it("finds text in a literal behind fields that cannot hold it", () => {
    const document = parse(`{ file(input: { facts: { harm: MINOR }, tree: { next: { note: "${"\\u0000"}" } } }) }`);
    expect(problemOf(document, {})).toMatchObject({ code: "INVALID_TEXT", path: "input.tree.next.note" });
  });

  it("checks a variable the request leaves out as its default stands", () => {
    const document = parse(`query($s: String = "a${"\\u0000"}b") { file(input: { remark: $s }) }`);
    expect(problemOf(document, {})).toMatchObject({ code: "INVALID_TEXT", path: "input.remark" });
    expect(problemOf(document, { s: "清楚的备注" })).toBeNull();
    expect(problemOf(document, { s: null })).toBeNull();
  });

  it("checks a variable inside a JSON literal as the JSON it becomes part of", () => {
    const document = parse("query($v: JSON) { file(input: { extra: { note: [$v] } }) }");
    expect(problemOf(document, { v: { deeper: NUL } })).toMatchObject({ code: "INVALID_TEXT" });
    expect(problemOf(document, { v: "清楚" })).toBeNull();
  });

  it("walks a self-referencing input that holds no text without reading it", () => {
    const loop = buildSchema(`
      enum Harm { MINOR }
      input Chain { harm: Harm, next: Chain }
      type Query { follow(chain: Chain!): Int }
    `);
    const reads: string[] = [];
    const chain = watched({ harm: "MINOR", next: { harm: "MINOR", next: { harm: "MINOR" } } }, reads);
    expect(check(loop, parse("query($c: Chain!) { follow(chain: $c) }"), { c: chain })).toBeNull();
    expect(reads).toEqual([]);
  });

  it("finds text that two input types reach only through each other", () => {
    const pair = buildSchema(`
      input Outer { inner: Inner, note: String }
      input Inner { back: Outer }
      type Query { inward(inner: Inner!): Int, outward(outer: Outer!): Int }
    `);
    // Inner reaches text only through Outer, which is searched while Inner's answer is being worked out
    const outward = parse("query($o: Outer!) { outward(outer: $o) }");
    const inward = parse("query($i: Inner!) { inward(inner: $i) }");
    expect(check(pair, outward, { o: { inner: { back: { note: NUL } } } })).toMatchObject({ code: "INVALID_TEXT" });
    expect(check(pair, inward, { i: { back: { note: NUL } } })).toMatchObject({ code: "INVALID_TEXT" });
  });

  it("leaves a per-record input to its resolver", () => {
    expect(problemOf(parse("query($r: [Row!]!) { rows(rows: $r) }"), { r: [{ note: NUL }] })).toBeNull();
  });
});

/**
 * A flat array parameter sent as the literal JSON.stringify writes (gateway/db/array-literal.ts) must reach
 * PostgreSQL as the same array node-postgres's own serializer sends: every tricky element read back through the
 * database's own parser, on PGlite and on Postgres, and the arrays JSON cannot say left to node-postgres.
 */
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arrayLiteral, withArrayLiterals } from "../../gateway/db/array-literal.ts";
import { queryBulk } from "../../gateway/db/bulk-statements.ts";
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.dispose());

/** what node-postgres itself would send for the array (its utils module: pg does not export prepareValue) */
const { prepareValue } = createRequire(import.meta.url)("pg/lib/utils.js") as { prepareValue: (v: unknown) => string };

const TRICKY = [
  "plain",
  "",
  "NULL",
  "null",
  'a "quoted" word',
  "back\\slash",
  "\\",
  '\\"',
  "a,b",
  "{braces}",
  " spaced ",
  "行政处罚法第三十二条",
  "emoji 🚓",
  "CQ-2026-000001",
];

async function readBack(literal: string, type: string): Promise<unknown[]> {
  const rows = await t.prisma.$queryRawUnsafe<Array<{ a: unknown[] }>>(`SELECT $1::${type} AS a`, literal);
  return rows[0]!.a;
}

describe("arrayLiteral", () => {
  it("writes strings, nulls, numbers and booleans as one literal", () => {
    expect(arrayLiteral(["a", null, undefined, 'q"', "b\\s"])).toBe('{"a",null,null,"q\\"","b\\\\s"}');
    expect(arrayLiteral([1, -2.5, 0])).toBe("{1,-2.5,0}");
    expect(arrayLiteral([true, false])).toBe("{true,false}");
    expect(arrayLiteral([])).toBe("{}");
  });

  it("leaves to node-postgres what JSON cannot say as a literal", () => {
    expect(arrayLiteral(["line\nbreak"])).toBeNull();
    expect(arrayLiteral(["\u0001"])).toBeNull();
    expect(arrayLiteral(["\ud800"])).toBeNull();
    expect(arrayLiteral([["nested"]])).toBeNull();
    expect(arrayLiteral([{ an: "object" }])).toBeNull();
    expect(arrayLiteral([new Date(0)])).toBeNull();
    expect(arrayLiteral([Number.NaN])).toBeNull();
    expect(arrayLiteral([1n])).toBeNull();
    expect(arrayLiteral([Buffer.from("x")])).toBeNull();
    expect(withArrayLiterals([["a\nb"], "x", 1])).toEqual([["a\nb"], "x", 1]);
  });

  it("reads back in the database as the array node-postgres would have sent (text, int, bool, jsonb)", async () => {
    const cases: Array<[unknown[], string]> = [
      [TRICKY, "text[]"],
      [[...TRICKY, null], "text[]"],
      [[1, 2, -3, null], "int[]"],
      [[true, false, null], "boolean[]"],
      [[JSON.stringify({ a: 'x"y', b: "c\\d" }), JSON.stringify([1, null])], "jsonb[]"],
      [["2026-12-06", "2026-01-01"], "date[]"],
    ];
    for (const [values, type] of cases) {
      const literal = arrayLiteral(values);
      expect(literal, JSON.stringify(values)).not.toBeNull();
      expect(await readBack(literal!, type)).toEqual(await readBack(prepareValue(values), type));
    }
    expect(await readBack(arrayLiteral(TRICKY)!, "text[]")).toEqual(TRICKY);
  });

  it("is what a bulk statement sends: the transaction reads its array back whole", async () => {
    const values = [...TRICKY, null];
    const rows = await t.prisma.$transaction((tx) =>
      queryBulk<{ v: string | null; n: number | string }>(
        tx,
        Prisma.sql`SELECT v, n FROM unnest(${values}::text[]) WITH ORDINALITY AS u(v, n) ORDER BY n`,
      ),
    );
    expect(rows.map((row) => row.v)).toEqual(values);
  });
});

/**
 * A flat array parameter (1,000 ids, a column of an `unnest`) as PostgreSQL's array literal, written by the native
 * JSON.stringify in one pass. node-postgres's own `arrayString` builds the literal element by element — two regex
 * replacements, a quoted copy and a concatenation for each — and the cons string it makes is flattened again when
 * the statement is written: ~17% of what the gateway allocated while ingesting (bench/README.md, "ingest: what a
 * record allocates").
 *
 * The two forms agree where JSON's escapes are the array literal's: inside double quotes the literal takes `\"` for
 * `"` and `\\` for `\`, as JSON writes them, and an unquoted `null` (any case) is NULL, as JSON writes null and
 * undefined. JSON writes every other escape (`\n`, `\u0001`, a lone surrogate's `\ud800`) where the literal would
 * read the escaped letter itself: then, or for anything but a string, a finite number, a boolean or null, the answer
 * is `null` and node-postgres serializes the array as before.
 */

/** what JSON escapes otherwise than the literal reads: a control character, a lone surrogate */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const OTHER_ESCAPE = /[\u0000-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** `values` as an array literal (`{"a","b",NULL}` as `{"a","b",null}`), or null where JSON cannot say it */
export function arrayLiteral(values: readonly unknown[]): string | null {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === "string") {
      if (OTHER_ESCAPE.test(value)) return null;
    } else if (value != null && typeof value !== "boolean" && !(typeof value === "number" && Number.isFinite(value))) {
      return null;
    }
  }
  return `{${JSON.stringify(values).slice(1, -1)}}`;
}

/** a statement's parameters with each flat array written as its literal (others as they are) */
export function withArrayLiterals(values: readonly unknown[]): unknown[] {
  return values.map((value) => (Array.isArray(value) ? (arrayLiteral(value) ?? value) : value));
}

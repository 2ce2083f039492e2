/**
 * Search text as a LIKE pattern's literal part. Prisma's `contains` and `startsWith` pass the text into
 * `LIKE '%…%'` as it is, so `%` and `_` matched anything (`officers(name: "%")` listed everyone).
 * PostgreSQL's default LIKE escape character is the backslash: escaping it, `%` and `_` makes the text
 * match only itself.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Keyed counters kept current by deltas — the mechanism of the visit-derived rollups (visit-counters.ts): a rollup
 * is a table whose rows are a key (every column NOT NULL: '' or a sentinel stands for none, so that ON CONFLICT
 * finds the row) and integer counters. A write reads what the rows it will replace contribute (before), replaces
 * them, reads what they contribute now (after), and adds after − before to the counters:
 *   - one statement per rollup, its rows in key order, so two transactions moving the same keys lock them in the
 *     same order (no deadlock) and both count (`counter = counter + delta` under the row's lock);
 *   - a key whose counters all fall to 0 is deleted;
 *   - nothing moves when nothing changed (a re-pushed record): before = after.
 * The cost of a write is that of its own rows, whatever the size of the rollup.
 */
import { executeBulk } from "../../gateway/db/bulk-statements.ts";
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

export interface CounterRollup {
  table: string;
  /** the key's columns and their SQL types (the unnest arrays') */
  keys: ReadonlyArray<readonly [column: string, type: "text" | "date"]>;
  counters: readonly string[];
}

/** a row as the contribution statements give it: the key's columns as text, the counters as numbers */
export type CounterRow = Record<string, unknown>;

const keyText = (rollup: CounterRollup, row: CounterRow) =>
  rollup.keys.map(([column]) => String(row[column])).join("\u0000");

/** after − before, per key, in key order; keys whose counters do not move are left out */
export function counterDeltas(rollup: CounterRollup, before: readonly CounterRow[], after: readonly CounterRow[]) {
  const deltas = new Map<string, CounterRow>();
  const add = (row: CounterRow, sign: 1 | -1) => {
    const key = keyText(rollup, row);
    let delta = deltas.get(key);
    if (!delta) {
      delta = Object.fromEntries(rollup.keys.map(([column]) => [column, String(row[column])]));
      for (const counter of rollup.counters) delta[counter] = 0;
      deltas.set(key, delta);
    }
    for (const counter of rollup.counters) delta[counter] = Number(delta[counter]) + sign * Number(row[counter] ?? 0);
  };
  for (const row of before) add(row, -1);
  for (const row of after) add(row, 1);
  return [...deltas.entries()]
    .filter(([, d]) => rollup.counters.some((c) => d[c] !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
}

const quoted = (columns: readonly string[]) => Prisma.raw(columns.map((c) => `"${c}"`).join(", "));

/** adds `deltas` (counterDeltas) to the rollup's rows, creating missing keys and deleting keys left at 0 */
export async function applyCounterDeltas(tx: Tx, rollup: CounterRollup, deltas: readonly CounterRow[]): Promise<void> {
  if (deltas.length === 0) return;
  const keyColumns = rollup.keys.map(([column]) => column);
  const keyArrays = rollup.keys.map(
    ([column, type]) => Prisma.sql`${deltas.map((d) => d[column])}::${Prisma.raw(type)}[]`,
  );
  const arrays = [
    ...keyArrays,
    ...rollup.counters.map((counter) => Prisma.sql`${deltas.map((d) => d[counter])}::int[]`),
  ];
  const names = quoted([...keyColumns, ...rollup.counters]);
  const table = Prisma.raw(`"${rollup.table}"`);
  const addDeltas = Prisma.raw(rollup.counters.map((c) => `"${c}" = s."${c}" + EXCLUDED."${c}"`).join(", "));
  // WITH ORDINALITY … ORDER BY: the rows are locked in the deltas' (key) order
  // over the transaction's own connection: one array a column (gateway/db/bulk-statements.ts)
  await executeBulk(
    tx,
    Prisma.sql`INSERT INTO ${table} AS s (${names})
    SELECT ${names} FROM unnest(${Prisma.join(arrays)}) WITH ORDINALITY AS d(${names}, n) ORDER BY n
    ON CONFLICT (${quoted(keyColumns)}) DO UPDATE SET ${addDeltas}`,
  );
  const sameKey = Prisma.raw(keyColumns.map((c) => `s."${c}" = k."${c}"`).join(" AND "));
  const allZero = Prisma.raw(rollup.counters.map((c) => `s."${c}" = 0`).join(" AND "));
  await executeBulk(
    tx,
    Prisma.sql`DELETE FROM ${table} s USING unnest(${Prisma.join(keyArrays)}) AS k(${quoted(keyColumns)})
    WHERE ${sameKey} AND ${allZero}`,
  );
}

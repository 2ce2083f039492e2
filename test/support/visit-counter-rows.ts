/** Every visit counter table's rows in key order (schema/supervision/visit-counters.ts): what the rollup tests compare. */
import { VISIT_COUNTERS } from "../../schema/supervision/visit-counters.ts";

interface RawReader {
  $queryRawUnsafe<T = unknown>(query: string): Promise<T>;
}

export async function visitCounterRows(db: RawReader): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const counter of VISIT_COUNTERS) {
    const order = counter.keys.map(([column]) => `"${column}"`).join(", ");
    tables[counter.table] = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${counter.table}" ORDER BY ${order}`);
  }
  return tables;
}

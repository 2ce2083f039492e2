/**
 * A batch's rows found by their keys, one index probe a key, whatever the table's statistics say.
 *
 * `WHERE "originJurisdiction" = 'cq' AND "originId" = ANY($keys)` is planned from the statistics. A table filled
 * faster than autovacuum analyzes it (a first sync, the ingest bench: 100,000 records in half a minute) has none,
 * and the planner then guesses that 0.5% of rows match the first column: it scanned the index for the origin alone and
 * filtered every row of it by the 1,000 keys (23 ms a batch at 28,000 rows and growing; 136 ms at 60,000, against
 * 2.8 ms for the probes). The same happened to `"id" = ANY($ids) AND "kind" = 'PENALTY_DECISION'`, which scanned every
 * decision through the (kind, decidedAt) index.
 *
 * Here each distinct key is looked up by its own `LIMIT 1` subquery (LATERAL): a subquery with a LIMIT is not merged
 * into the outer query, so it cannot become a hash join over the whole table either. `match` must name a unique key
 * (at most one row a key); duplicate keys are looked up once.
 */
import { Prisma } from "./generated/prisma/client.ts";

/**
 * `(SELECT DISTINCT unnest(<keys>::text[]) AS key) AS k CROSS JOIN LATERAL (SELECT * FROM <table> AS t WHERE
 * <match(k.key)> LIMIT 1) AS <alias>` — a FROM item: the query selects `<alias>`'s columns and adds its own WHERE.
 */
export function rowsByKeys(
  keys: readonly string[],
  table: string,
  match: (key: Prisma.Sql) => Prisma.Sql,
  alias: string,
): Prisma.Sql {
  return Prisma.sql`(SELECT DISTINCT unnest(${[...keys]}::text[]) AS key) AS k
      CROSS JOIN LATERAL (SELECT * FROM ${Prisma.raw(`"${table}"`)} AS t WHERE ${match(Prisma.raw("k.key"))} LIMIT 1) AS ${Prisma.raw(alias)}`;
}

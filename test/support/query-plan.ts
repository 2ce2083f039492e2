/**
 * A statement's plan as Postgres and PGlite explain it (`EXPLAIN (FORMAT JSON)`), for tests that bound what a plan
 * reads or expects. PGlite answers the JSON as text, Postgres as JSON.
 */
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";

export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  /** the planner's estimate of the rows a loop returns */
  "Plan Rows": number;
  /** with `analyze` only */
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
}

/** the root of the plan of `sql`; `analyze`: run it and count what each node did */
export async function planOf(
  db: { $queryRaw: <T>(query: Prisma.Sql) => Prisma.PrismaPromise<T> },
  sql: Prisma.Sql,
  options: { analyze?: boolean } = {},
): Promise<PlanNode> {
  const explain = options.analyze ? Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON)` : Prisma.sql`EXPLAIN (FORMAT JSON)`;
  const [row] = await db.$queryRaw<Array<{ "QUERY PLAN": Array<{ Plan: PlanNode }> | string }>>(
    Prisma.sql`${explain} ${sql}`,
  );
  const raw = row!["QUERY PLAN"];
  return (typeof raw === "string" ? JSON.parse(raw) : raw)[0].Plan as PlanNode;
}

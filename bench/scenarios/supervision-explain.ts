/**
 * supervision, the plans: every SQL statement the indicator reads send for one scope, EXPLAIN ANALYZEd on the
 * gateway's database — exactly as sent, because the reads themselves run against a stand-in for Prisma's
 * `$queryRaw` that explains each statement instead of answering it (the reads then see no rows, which they
 * take as no data). Slowest first, each with its plan's main nodes and execution time.
 */
import type pg from "pg";
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { readDecisionFamily } from "../../schema/supervision/decision-reads.ts";
import type { Db, IndicatorScope } from "../../schema/supervision/indicator-scope.ts";
import { readFeedback } from "../../schema/supervision/support-reads.ts";
import { readVisitFamily, readVisitGaps } from "../../schema/supervision/visit-reads.ts";

export interface ExplainedRead {
  /** which read sent it, and the statement's first words after its CTEs */
  read: string;
  executionMs: number;
  /** the plan's main nodes, compact */
  plan: string;
}

const MAIN_NODES = /Scan|Join|Aggregate|Sort|WindowAgg|SubPlan|InitPlan|Hash|Gather|Materialize|Append|Unique|CTE/;

/** the plan's nodes, each with its actual total time, without costs: `Seq Scan on "X" r (actual 812 ms, 2.5M rows)` */
export function planSummary(lines: readonly string[], limit = 12): string {
  return lines
    .filter((l) => MAIN_NODES.test(l) && /actual/.test(l))
    .slice(0, limit)
    .map((l) => {
      const node = l
        .replace(/->/, "")
        .replace(/\s*\(cost=[^)]*\)/, "")
        .trim();
      return node.replace(/\(actual time=[\d.]+\.\.([\d.]+) rows=(\d+) loops=(\d+)\)/, "(actual $1 ms, $2 rows × $3)");
    })
    .join(" / ");
}

function explainingDb(client: pg.Client, read: string, out: ExplainedRead[]): Db {
  let queue: Promise<unknown> = Promise.resolve();
  // the reads send their statements with Promise.all: one pg client takes them one after another. Like Prisma's
  // own `$queryRaw`, it takes a tagged template or a `Prisma.Sql` (readRegisterGroups passes one as it is)
  const run = (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
    const sql = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
    const next = queue.then(() => explainOne(sql));
    queue = next.catch(() => {});
    return next;
  };
  const explainOne = async (sql: Prisma.Sql) => {
    const result = await client.query(`EXPLAIN (ANALYZE, BUFFERS OFF) ${sql.text}`, sql.values as unknown[]);
    const lines = result.rows.map((r: Record<string, string>) => Object.values(r)[0]!);
    const executionMs = Number(/Execution Time: ([\d.]+)/.exec(lines.join("\n"))?.[1] ?? Number.NaN);
    const tail = sql.text.slice(sql.text.lastIndexOf("SELECT")).replace(/\s+/g, " ").slice(0, 70);
    out.push({
      read: `${read} #${out.filter((e) => e.read.startsWith(read)).length + 1}: ${tail}`,
      executionMs,
      plan: planSummary(lines),
    });
    return [];
  };
  return { $queryRaw: run } as unknown as Db;
}

/**
 * every statement of the visit, repeat, decision (from the rollup, and `plain` beside it) and feedback reads for
 * `scope`, one after another, slowest first
 */
export async function explainReads(
  client: pg.Client,
  scope: IndicatorScope,
  repeatWindowDays: number,
): Promise<ExplainedRead[]> {
  const out: ExplainedRead[] = [];
  const sequential = (read: string) => explainingDb(client, read, out);
  await readVisitFamily(sequential("visits"), scope);
  await readVisitGaps(sequential("repeats"), scope, repeatWindowDays);
  await readDecisionFamily(sequential("decisions"), scope);
  // the same decision figures computed from the records and warnings, as before their rollup: before/after in one run
  await readDecisionFamily(sequential("plain decisions"), scope, "plain");
  await readFeedback(sequential("feedback"), scope);
  return out.sort((a, b) => b.executionMs - a.executionMs);
}

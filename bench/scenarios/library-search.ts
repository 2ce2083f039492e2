/**
 * library-scale, search (issue 5): `enterprises(…)` and `officers(…)` through GraphQL over the full tables, under
 * concurrent load (autocannon), p50/p99 per query — and EXPLAIN ANALYZE of the SQL Prisma sends for each (the
 * page `findMany … ORDER BY id LIMIT 21` and the `count(*)` behind totalCount), reproduced here by hand so that
 * the plan (index or seq scan) is reported beside the latency.
 */
import type pg from "pg";
import { askOnce } from "../lib/graphql.ts";
import { failureShare, runLoad } from "../lib/load.ts";
import { progress } from "../lib/progress.ts";

export interface SearchCase {
  name: string;
  query: string;
  /** the WHERE clause Prisma builds for it, and its parameters, for EXPLAIN ANALYZE */
  table: "Enterprise" | "Officer";
  where: string;
  params: unknown[];
}

export const SEARCH_CASES: SearchCase[] = [
  {
    name: "name fragment",
    query: `{ enterprises(search: "示例企业4242", first: 20) { totalCount edges { node { uscc name } } } }`,
    table: "Enterprise",
    where: `"name" LIKE $1`,
    params: ["%示例企业4242%"],
  },
  {
    name: "usccPrefix",
    query: `{ enterprises(usccPrefix: "9150010910004", first: 20) { totalCount edges { node { uscc name } } } }`,
    table: "Enterprise",
    where: `"uscc" LIKE $1 AND "uscc" >= $2 AND "uscc" <= $3`,
    params: ["9150010910004%", "9150010910004", "9150010910004YYYYY"],
  },
  {
    name: "park + creditGrade",
    query: `{ enterprises(park: "高竹新区茨竹片区", creditGrade: A, first: 20) { totalCount edges { node { uscc name } } } }`,
    table: "Enterprise",
    where: `"park" = $1 AND "creditGrade" = $2::"CreditGrade"`,
    params: ["高竹新区茨竹片区", "A"],
  },
  {
    name: "officer name",
    query: `{ officers(name: "测试执法员4242", first: 20) { totalCount edges { node { certificateNumber name } } } }`,
    table: "Officer",
    where: `"name" LIKE $1`,
    params: ["%测试执法员4242%"],
  },
  {
    name: "officer jurisdiction + domain",
    query: `{ officers(jurisdiction: SC, domain: "EMERGENCY", first: 20) { totalCount edges { node { certificateNumber name } } } }`,
    table: "Officer",
    where: `"homeJurisdiction" = $1 AND "qualifiedDomains" @> ARRAY[$2]::text[]`,
    params: ["sc", "EMERGENCY"],
  },
];

export interface SearchFigures {
  name: string;
  totalCount: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** EXPLAIN ANALYZE of the page query and of the count: plan nodes (compact) and execution time */
  explain: { page: string; pageMs: number; count: string; countMs: number };
}

async function explain(client: pg.Client, sql: string, params: unknown[]): Promise<{ plan: string; ms: number }> {
  const result = await client.query(`EXPLAIN (ANALYZE, FORMAT TEXT) ${sql}`, params);
  const lines = result.rows.map((r: Record<string, string>) => Object.values(r)[0]!);
  const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.join("\n"))?.[1] ?? Number.NaN);
  const nodes = lines.filter((l) => /Scan|Aggregate|Limit|Sort|Recheck|Filter|Index Cond/.test(l)).map((l) => l.trim());
  return { plan: nodes.slice(0, 6).join(" / "), ms };
}

export async function measureSearch(
  url: string,
  token: string,
  client: pg.Client,
  bounds: { warmupSeconds: number; seconds: number; connections: number },
): Promise<SearchFigures[]> {
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  const figures: SearchFigures[] = [];
  for (const c of SEARCH_CASES) {
    const body = JSON.stringify({ query: c.query });
    const answer = await askOnce(url, body, headers);
    const connection = Object.values(answer.data ?? {})[0] as { totalCount: number; edges: unknown[] };
    if (connection.edges.length === 0) throw new Error(`search "${c.name}" found nothing: the load is not there`);
    progress(`  search "${c.name}": ${connection.totalCount} matches; EXPLAIN ANALYZE, then load`);
    const page = await explain(
      client,
      `SELECT "id", "${c.table === "Enterprise" ? "uscc" : "certificateNumber"}", "name" FROM "${c.table}" WHERE ${c.where} ORDER BY "id" ASC LIMIT 21 OFFSET 0`,
      c.params,
    );
    const count = await explain(
      client,
      `SELECT COUNT(*) FROM (SELECT "id" FROM "${c.table}" WHERE ${c.where} OFFSET 0) AS sub`,
      c.params,
    );
    const load = await runLoad(
      { name: `gateway ${c.name}`, url, headers, body, expectBody: answer.text },
      { ...bounds, phase: c.name },
    );
    if (failureShare(load) > 0.01) {
      throw new Error(`search "${c.name}": more than 1% failed or wrong answers (${JSON.stringify(load)})`);
    }
    figures.push({
      name: c.name,
      totalCount: connection.totalCount,
      requestsPerSecond: load.requestsPerSecond,
      p50Ms: load.latencyMs.p50,
      p99Ms: load.latencyMs.p99,
      requests: load.requests,
      explain: { page: page.plan, pageMs: page.ms, count: count.plan, countMs: count.ms },
    });
  }
  return figures;
}

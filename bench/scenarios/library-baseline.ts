/**
 * The baselines of library-scale, on a scratch Postgres database migrated like the gateway's: the same synthetic
 * enterprises and officers (bench/data/library-rows.ts) loaded by raw COPY and by multi-row INSERT (1,000 rows a
 * statement), and a forced sequential scan `SELECT count(*) FROM "Enterprise"`. Rows are made batch by batch so
 * that a million of them never sit in memory at once.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { enterpriseRow, officerRow } from "../data/library-rows.ts";
import { copyRows, insertRows, withScratchDatabase } from "../lib/postgres.ts";
import { progress } from "../lib/progress.ts";
import { median } from "../lib/result.ts";

export const ENTERPRISE_COLUMNS = [
  "id",
  "uscc",
  "name",
  "park",
  "town",
  "divisionCode",
  "industry",
  "registeringJurisdiction",
  "creditGrade",
  "version",
  "updatedAt",
] as const;
export const OFFICER_COLUMNS = [
  "id",
  "certificateNumber",
  "name",
  "homeJurisdiction",
  "unit",
  "status",
  "certificateValidFrom",
  "certificateValidTo",
  "qualifiedDomains",
  "idNumber",
  "phone",
  "updatedAt",
] as const;

export function enterpriseValues(i: number, now: string): unknown[] {
  const e = enterpriseRow(i);
  return [
    randomUUID(),
    e.uscc,
    e.name,
    e.park,
    e.town,
    e.divisionCode,
    e.industry,
    e.registeringJurisdiction,
    e.creditGrade,
    e.version,
    now,
  ];
}
export function officerValues(i: number, now: string): unknown[] {
  const o = officerRow(i);
  return [
    randomUUID(),
    o.certificateNumber,
    o.name,
    o.homeJurisdiction,
    o.unit,
    o.status,
    o.certificateValidFrom,
    o.certificateValidTo,
    o.qualifiedDomains,
    o.idNumber,
    o.phone,
    now,
  ];
}

export interface LoadRate {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

export interface LibraryBaseline {
  enterprises: { copy: LoadRate; insert: LoadRate };
  officers: { copy: LoadRate; insert: LoadRate };
  /** `SELECT count(*)` over the enterprise table, sequential scan forced: median of 3 after one warm-up */
  seqScanMs: number;
  seqScanPlan: string;
}

type Writer = (client: pg.Client, table: string, columns: readonly string[], rows: unknown[][]) => Promise<unknown>;

async function load(
  client: pg.Client,
  what: string,
  table: string,
  columns: readonly string[],
  count: number,
  values: (i: number, now: string) => unknown[],
  write: Writer,
  batch: number,
): Promise<LoadRate> {
  const now = new Date().toISOString();
  let seconds = 0; // only the database's time: making rows is not part of either method
  for (let start = 0; start < count; start += batch) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) rows.push(values(i, now));
    const t0 = performance.now();
    await write(client, table, columns, rows);
    seconds += (performance.now() - t0) / 1000;
    if ((start / batch) % 10 === 9) progress(`  ${what}: ${start + rows.length}/${count} rows`);
  }
  return { rows: count, seconds, rowsPerSecond: count / seconds };
}

/** `SELECT count(*)` over `table`, sequential scan forced: median of 3 after one warm-up (the cache warm) */
export async function seqScan(client: pg.Client, table: string): Promise<{ ms: number; plan: string }> {
  await client.query(`VACUUM ANALYZE "${table}"`);
  await client.query("SET enable_indexscan = off; SET enable_indexonlyscan = off; SET enable_bitmapscan = off");
  const explain = await client.query(`EXPLAIN SELECT count(*) FROM "${table}"`);
  const plan = explain.rows.map((r: Record<string, string>) => Object.values(r)[0]).join(" / ");
  const times: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    await client.query(`SELECT count(*) FROM "${table}"`);
    if (i > 0) times.push(performance.now() - t0);
  }
  await client.query("RESET ALL");
  return { ms: median(times) ?? 0, plan };
}

export async function measureLibraryBaseline(
  adminUrl: string,
  enterprises: number,
  officers: number,
): Promise<LibraryBaseline> {
  return withScratchDatabase(adminUrl, "library", async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      progress(`library baseline: COPY ${enterprises} enterprises, ${officers} officers`);
      const copyE = await load(
        client,
        "COPY enterprises",
        "Enterprise",
        ENTERPRISE_COLUMNS,
        enterprises,
        enterpriseValues,
        copyRows,
        50_000,
      );
      const copyO = await load(
        client,
        "COPY officers",
        "Officer",
        OFFICER_COLUMNS,
        officers,
        officerValues,
        copyRows,
        50_000,
      );
      const scan = await seqScan(client, "Enterprise");
      await client.query(`TRUNCATE "Enterprise", "Officer"`);
      progress("library baseline: multi-row INSERT of the same rows");
      const insertE = await load(
        client,
        "INSERT enterprises",
        "Enterprise",
        ENTERPRISE_COLUMNS,
        enterprises,
        enterpriseValues,
        insertRows,
        1000,
      );
      const insertO = await load(
        client,
        "INSERT officers",
        "Officer",
        OFFICER_COLUMNS,
        officers,
        officerValues,
        insertRows,
        1000,
      );
      return {
        enterprises: { copy: copyE, insert: insertE },
        officers: { copy: copyO, insert: insertO },
        seqScanMs: scan.ms,
        seqScanPlan: scan.plan,
      };
    } finally {
      await client.end();
    }
  });
}

/**
 * A batch's rows are found by their keys one probe a key, on a table that was never analyzed (a first sync fills it
 * faster than autovacuum looks: gateway/db/rows-by-keys.ts). Measured on the statements the ingest runs: the stored
 * versions of a batch (stored-records.ts) and what its decisions contribute to the rollup (decision-day-rows.ts).
 * Bounded by the rows the plan touched, from EXPLAIN ANALYZE: the statements once filtered every row of the origin,
 * and every decision. PGlite and Postgres.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { rowsByKeys } from "../../gateway/db/rows-by-keys.ts";
import { storedRecordsSql } from "../../schema/records/stored-records.ts";
import { decisionDayRowsSql } from "../../schema/supervision/decision-day-rows.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { type PlanNode, planOf } from "../support/query-plan.ts";

const STORED = 20_000;
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.$executeRawUnsafe(`ALTER TABLE "EnforcementRecord" SET (autovacuum_enabled = false)`);
  // every other record a penalty decision, of Chongqing; never analyzed
  await t.prisma.$executeRawUnsafe(`
    INSERT INTO "EnforcementRecord" ("id", "kind", "originJurisdiction", "originId", "version", "occurredAt",
      "decidedAt", "fineFen", "payload", "updatedAt")
    SELECT 'rec-' || i, CASE WHEN i % 2 = 0 THEN 'PENALTY_DECISION' ELSE 'INSPECTION' END::"RecordKind", 'cq',
      'CQ-' || i, 1, timestamptz '2026-01-01' + i * interval '1 minute',
      CASE WHEN i % 2 = 0 THEN timestamptz '2026-02-01' + i * interval '1 minute' END,
      CASE WHEN i % 2 = 0 THEN 100000 END, '{}'::jsonb, now()
    FROM generate_series(1, ${STORED}) AS i`);
}, 60_000);
afterAll(() => t?.dispose());

/** the rows of `table` the statement's scans read (returned or filtered away), over all their loops */
async function rowsRead(sql: Prisma.Sql, table: string): Promise<number> {
  const plan = await planOf(t.prisma, sql, { analyze: true });
  let read = 0;
  const walk = (node: PlanNode) => {
    if (node["Relation Name"] === table) {
      const perLoop =
        (node["Actual Rows"] ?? 0) +
        (node["Rows Removed by Filter"] ?? 0) +
        (node["Rows Removed by Index Recheck"] ?? 0);
      read += perLoop * (node["Actual Loops"] ?? 0);
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan);
  return read;
}

const batchOf = (stored: number[], fresh: number) => [
  ...stored.map((i) => `CQ-${i}`),
  ...Array.from({ length: fresh }, (_, i) => `CQ-NEW-${i}`),
];

describe("a batch's rows by their keys, on a table never analyzed", () => {
  it("the stored versions of a batch: one probe a record, not every record of the origin", async () => {
    const batch = batchOf([2, 3, 4_000, 19_999], 996);
    const rows = await t.prisma.$queryRaw<Array<{ originId: string }>>(storedRecordsSql("cq", batch));
    expect(rows.map((row) => row.originId).sort()).toEqual(["CQ-19999", "CQ-2", "CQ-3", "CQ-4000"]);
    expect(await t.prisma.$queryRaw(storedRecordsSql("sc", batch))).toEqual([]);
    // at most one row a probe (EXPLAIN rounds each loop's rows: the probes count ~0); the ANY form filtered all 20,000
    expect(await rowsRead(storedRecordsSql("cq", batch), "EnforcementRecord")).toBeLessThanOrEqual(batch.length);
  });

  it("what a batch's decisions contribute: one probe a record, not every decision", async () => {
    const ids = Array.from({ length: 600 }, (_, i) => `rec-${1_000 + i}`);
    const rows = await t.prisma.$queryRaw<Array<{ decisions: number }>>(decisionDayRowsSql({ recordIds: ids }));
    expect(rows.reduce((sum, row) => sum + Number(row.decisions), 0)).toBe(300);
    expect(await rowsRead(decisionDayRowsSql({ recordIds: ids }), "EnforcementRecord")).toBeLessThanOrEqual(ids.length);
  });

  it("a key named twice is looked up once; a key not stored gives no row", async () => {
    const sql = Prisma.sql`SELECT r."originId" FROM ${rowsByKeys(
      ["CQ-7", "CQ-7", "CQ-NONE"],
      "EnforcementRecord",
      (key) => Prisma.sql`t."originJurisdiction" = 'cq' AND t."originId" = ${key}`,
      "r",
    )}`;
    expect(await t.prisma.$queryRaw(sql)).toEqual([{ originId: "CQ-7" }]);
  });
});

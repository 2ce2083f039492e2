/**
 * The supervision scenario's plans (bench/scenarios/supervision-explain.ts): every statement the indicator reads send
 * is EXPLAIN ANALYZEd as sent, whether a read passes `$queryRaw` a tagged template or a `Prisma.Sql` as it is
 * (readRegisterGroups does). A stand-in that took templates only failed the whole scenario in a bench run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explainReads } from "../../bench/scenarios/supervision-explain.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
}, 60_000);
afterAll(() => t?.dispose());

/** what explainReads needs of a pg client, over the test database's Prisma (PGlite or Postgres) */
const clientOf = (db: TestDatabase) => ({
  query: async (text: string, values: unknown[]) => ({
    rows: await db.prisma.$queryRawUnsafe<Array<Record<string, string>>>(text, ...values),
  }),
});

describe("explainReads", () => {
  it("explains every statement of the year's reads, the register's Prisma.Sql among them", async () => {
    const scope = { period: { from: "2026-01-01", to: "2026-12-31" }, jurisdiction: null, domain: null };
    const explained = await explainReads(clientOf(t) as never, scope, 30);
    const reads = new Set(explained.map((e) => e.read.replace(/ #\d+:.*/, "")));
    expect([...reads].sort()).toEqual(["decisions", "feedback", "plain decisions", "repeats", "visits"]);
    for (const e of explained) {
      expect(Number.isFinite(e.executionMs), e.read).toBe(true);
      expect(e.plan, e.read).not.toBe("");
    }
    // the register's groups (registerGroupsSql, passed as it is: its statement's tail starts with GROUPING) are
    // among the visit statements
    expect(explained.some((e) => e.read.startsWith("visits") && e.read.includes("GROUPING"))).toBe(true);
    // slowest first
    const times = explained.map((e) => e.executionMs);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

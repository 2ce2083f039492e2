/**
 * The register's groups (enterprises per credit grades and per industry: schema/supervision/visit-reads.ts) are few,
 * and the planner knows it from the statistics of migration 20261207000000_enterprise_group_statistics. Without
 * them, the province grades nobody has sent yet (all NULL) count as unknown, the planner guessed a tenth of the
 * register, and at a million enterprises sorted it twice on disk instead of hashing ~30 groups (bench/README.md,
 * "supervision: two statements the planner could not size"). Read from the plan's estimate, on PGlite and Postgres.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerGroupsSql } from "../../schema/supervision/visit-reads.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { type PlanNode, planOf } from "../support/query-plan.ts";

const ENTERPRISES = 20_000;
/** 4 grades × no province grade, and 10 industries: 14 groups */
const GROUPS = 14;
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.$executeRawUnsafe(`
    INSERT INTO "Enterprise" ("id", "uscc", "name", "industry", "registeringJurisdiction", "creditGrade", "updatedAt")
    SELECT 'ent-' || i, 'USCC-' || i, '企业' || i, '行业' || (i % 10), 'cq', (ARRAY['A', 'B', 'C', 'D'])[1 + i % 4]::"CreditGrade", now()
    FROM generate_series(1, ${ENTERPRISES}) AS i`);
  await t.prisma.$executeRawUnsafe(`ANALYZE "Enterprise"`);
}, 60_000);
afterAll(() => t?.dispose());

/** the groups the planner expects the register statement to make: its aggregate's estimated rows */
async function estimatedGroups(db: Pick<TestDatabase["prisma"], "$queryRaw"> = t.prisma): Promise<number> {
  const plan = await planOf(db, registerGroupsSql);
  const find = (node: PlanNode): PlanNode | undefined =>
    node["Node Type"] === "Aggregate" ? node : (node.Plans ?? []).map(find).find(Boolean);
  const aggregate = find(plan);
  if (!aggregate) throw new Error(`no aggregate in the register statement's plan: ${JSON.stringify(plan)}`);
  return aggregate["Plan Rows"];
}

describe("the register's groups as the planner sees them", () => {
  it("are known to be few", async () => {
    const rows = await t.prisma.$queryRaw<Array<{ enterprises: bigint }>>(registerGroupsSql);
    expect(rows).toHaveLength(GROUPS);
    expect(rows.reduce((sum, r) => sum + Number(r.enterprises), 0)).toBe(2 * ENTERPRISES);
    expect(await estimatedGroups()).toBeLessThanOrEqual(10 * GROUPS);
  });

  it("were guessed at a tenth of the register without the statistics", async () => {
    // dropped and analyzed again in a transaction rolled back: the other test still finds them, in any order
    const rollback = new Error("rolled back");
    let guessed = 0;
    await t.prisma
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`DROP STATISTICS "Enterprise_credit_grades_stx"`);
        await tx.$executeRawUnsafe(`ANALYZE "Enterprise"`);
        guessed = await estimatedGroups(tx);
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    expect(guessed).toBeGreaterThanOrEqual(ENTERPRISES / 20);
    expect(await estimatedGroups()).toBeLessThanOrEqual(10 * GROUPS);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../prisma/seed/seed.ts";
import { validateUscc } from "../../schema/libraries/rules/uscc.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.prisma);
});
afterAll(() => t.dispose());

describe("seeded database", () => {
  it("holds 125 items in 8 domains, every penalty item with a unified benchmark", async () => {
    expect(await t.prisma.enforcementItem.count()).toBe(125);
    const domains = await t.prisma.domain.findMany({ include: { _count: { select: { items: true } } } });
    expect(domains).toHaveLength(8);
    expect(domains.every((d) => d._count.items > 0)).toBe(true);
    const penaltyWithoutBenchmark = await t.prisma.enforcementItem.count({
      where: { kind: "PENALTY", benchmarks: { none: { source: "gz" } } },
    });
    expect(penaltyWithoutBenchmark).toBe(0);
  });

  it("holds 24 officers, 12 per province, and 94 enterprises with valid USCCs", async () => {
    expect(await t.prisma.officer.count({ where: { homeJurisdiction: "cq" } })).toBe(12);
    expect(await t.prisma.officer.count({ where: { homeJurisdiction: "sc" } })).toBe(12);
    const enterprises = await t.prisma.enterprise.findMany({ select: { uscc: true, town: true, divisionCode: true } });
    expect(enterprises).toHaveLength(94);
    for (const e of enterprises) expect(validateUscc(e.uscc), e.uscc).toEqual({ ok: true });
    // 茨竹镇 and 大湾镇 are under 北碚区 (500109) since 2025-11-06; 高滩镇 and 坛同镇 in 邻水县 (511623)
    for (const e of enterprises) {
      if (["茨竹镇", "大湾镇"].includes(e.town ?? "")) expect(e.divisionCode).toBe("500109");
      if (["高滩镇", "坛同镇"].includes(e.town ?? "")) expect(e.divisionCode).toBe("511623");
    }
  });

  it("keeps 渝北区 500112 as a historical code that ended the day before 2025-11-06", async () => {
    const yubei = await t.prisma.division.findUnique({ where: { code: "500112" } });
    expect(yubei?.validTo?.toISOString().slice(0, 10)).toBe("2025-11-05");
  });

  it("is idempotent: seeding again adds nothing", async () => {
    const report = await seedDatabase(t.prisma);
    expect(Object.values(report).every((n) => n === 0)).toBe(true);
    expect(await t.prisma.enforcementItem.count()).toBe(125);
  });
});

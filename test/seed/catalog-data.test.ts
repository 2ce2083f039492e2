import { describe, expect, it } from "vitest";
import { DOMAIN_CODES, domains, items, validateCatalog } from "../../prisma/seed/data/catalog.ts";
import type { SeedBenchmark, SeedItem } from "../../prisma/seed/data/types.ts";
import { mergeBenchmarks } from "../../schema/benchmarks/rules/merge.ts";
import type { BenchmarkTier, FineRule } from "../../schema/benchmarks/rules/types.ts";

const penaltyItems = items.filter((i) => i.kind === "PENALTY");
const allBenchmarks = items.flatMap((i) => i.benchmarks);
const allTiers = allBenchmarks.flatMap((b) => b.body.tiers);
const allRules = allTiers.flatMap((t): FineRule[] => [
  t.fine,
  ...(t.escalation ? [t.escalation.fine] : []),
  ...(t.responsiblePersonFine ? [t.responsiblePersonFine] : []),
]);
const gz = (item: SeedItem, version = 1) =>
  item.benchmarks.find((b) => b.source === "gz" && b.version === version) as SeedBenchmark;
/** sorted-key JSON, so bodies compare by content */
const canonical = (x: unknown) =>
  JSON.stringify(x, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
  );

describe("catalog seed data", () => {
  it("passes every integrity check", () => {
    expect(validateCatalog()).toEqual([]);
  });

  it("has 125 items in 8 domains, every domain used, the first three carrying most penalty items", () => {
    expect(items).toHaveLength(125);
    expect(domains.map((d) => d.code)).toEqual([...DOMAIN_CODES]);
    for (const d of domains) expect(items.some((i) => i.domainCode === d.code)).toBe(true);
    const firstThree = penaltyItems.filter((i) =>
      ["EMERGENCY", "ECOLOGY", "PLANNING_RESOURCES"].includes(i.domainCode),
    );
    expect(firstThree.length / penaltyItems.length).toBeGreaterThan(0.8);
    for (const kind of ["PENALTY", "INSPECTION", "COERCION"]) expect(items.some((i) => i.kind === kind)).toBe(true);
  });

  it("marks every item illustrative and mixes 授权 and 委托", () => {
    expect(items.every((i) => i.illustrative && i.note?.includes("illustrative"))).toBe(true);
    expect(items.some((i) => i.empowermentMode === "AUTHORIZED")).toBe(true);
    expect(items.some((i) => i.empowermentMode === "ENTRUSTED" && i.actingName === "邻水县应急管理局")).toBe(true);
  });

  it("gives every penalty item a unified benchmark and no other item one", () => {
    expect(penaltyItems.every((i) => gz(i) !== undefined)).toBe(true);
    expect(items.filter((i) => i.kind !== "PENALTY").every((i) => i.benchmarks.length === 0)).toBe(true);
  });

  it("uses every fine-rule kind and every rule feature somewhere", () => {
    const kinds = new Set(allRules.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(["FIXED_RANGE", "MULTIPLE_OF_BASE", "PER_SQUARE_METRE", "UP_TO_MAX"]);
    const multiples = allRules.filter((r) => r.kind === "MULTIPLE_OF_BASE");
    expect(multiples.some((r) => r.baseFloorFen === 20_000_000 && r.base === "DISPOSAL_COST")).toBe(true);
    expect(multiples.some((r) => r.whenBaseUnknown && r.base === "MARKET_VALUE")).toBe(true);
    expect(allTiers.some((t: BenchmarkTier) => t.escalation)).toBe(true);
    expect(allTiers.some((t) => t.responsiblePersonFine || t.escalation?.responsiblePersonFine)).toBe(true);
    const lists = new Set(allBenchmarks.flatMap((b) => b.body.lenientRules.map((r) => r.list)));
    expect(lists).toEqual(new Set(["NO_PENALTY", "LIGHTER", "NO_COERCION"]));
  });

  it("carries the statutory figures of 安全生产法 第97条(四) and 土地管理法 第77条 + 实施条例 第57条", () => {
    const record = items.find((i) => i.name === "对生产经营单位未如实记录安全生产教育和培训情况的行政处罚") as SeedItem;
    expect(record.legalBases.find((b) => b.role === "PENALTY")).toMatchObject({
      article: 97,
      subItem: 4,
      citation: "第九十七条第(四)项",
    });
    const tiers = gz(record).body.tiers;
    expect(tiers[0]?.fine).toEqual({ kind: "UP_TO_MAX", maxFen: 3_000_000 });
    expect(tiers.at(-1)?.escalation?.fine).toEqual({ kind: "FIXED_RANGE", minFen: 17_000_000, maxFen: 20_000_000 });
    const land = items.find((i) => i.name === "对非法占用土地的行政处罚") as SeedItem;
    const perM2 = gz(land).body.tiers.map((t) => t.fine);
    expect(perM2[0]).toMatchObject({ kind: "PER_SQUARE_METRE", minFenPerM2: 10_000 });
    expect(perM2.at(-1)).toMatchObject({ kind: "PER_SQUARE_METRE", maxFenPerM2: 100_000 });
  });

  it("has provincial benchmarks that merge back to the unified one, and two that cannot be aligned", () => {
    const withProvincial = items.filter((i) => i.benchmarks.some((b) => b.source === "cq"));
    expect(withProvincial.length).toBeGreaterThanOrEqual(10);
    const results = withProvincial.map((i) => {
      const cq = i.benchmarks.find((b) => b.source === "cq") as SeedBenchmark;
      const sc = i.benchmarks.find((b) => b.source === "sc") as SeedBenchmark;
      return { item: i, cq, sc, merged: mergeBenchmarks(cq.body, sc.body) };
    });
    const conflicts = results.filter((r) => !r.merged.ok);
    expect(conflicts).toHaveLength(2);
    for (const r of conflicts) expect(r.cq.body.tiers.length).not.toBe(r.sc.body.tiers.length);
    for (const r of results.filter((x) => x.merged.ok)) {
      expect(canonical(r.cq.body)).not.toBe(canonical(r.sc.body));
      if (r.merged.ok) expect(canonical(r.merged.body.tiers)).toBe(canonical(gz(r.item).body.tiers));
    }
  });

  it("moves ecology bases to the 生态环境法典 on 2026-08-15, with the one known Code article", () => {
    const ecology = penaltyItems.filter((i) => i.domainCode === "ECOLOGY");
    const preCode = ecology.flatMap((i) => i.legalBases).filter((b) => b.lawName.includes("大气污染防治法"));
    expect(preCode.length).toBeGreaterThan(0);
    expect(preCode.every((b) => b.effectiveTo === "2026-08-14")).toBe(true);
    const code = ecology.flatMap((i) => i.legalBases).filter((b) => b.lawName.includes("生态环境法典"));
    expect(code.every((b) => b.effectiveFrom === "2026-08-15")).toBe(true);
    // 第1140条 is reported by one secondary source only: kept, but not verified until the Code's text is read
    expect(code.filter((b) => b.article !== null).map((b) => [b.article, b.verified])).toEqual([[1140, false]]);
    const wastewater = ecology.find((i) => i.legalBases.some((b) => b.article === 1140)) as SeedItem;
    expect(gz(wastewater, 1).effectiveTo).toBe("2026-08-14");
    expect(gz(wastewater, 2).effectiveFrom).toBe("2026-08-15");
    expect(canonical(gz(wastewater, 2).body)).toBe(canonical(gz(wastewater, 1).body));
  });

  it("has a heavier and a lighter second version from 2026-01-01 for 从旧兼从轻", () => {
    const changed = penaltyItems.filter((i) => gz(i, 2)?.effectiveFrom === "2026-01-01");
    const firstMax = (b: SeedBenchmark) => {
      const fine = b.body.tiers[0]?.fine;
      return fine && "maxFen" in fine ? fine.maxFen : Number.NaN;
    };
    const direction = changed.map((i) => Math.sign(firstMax(gz(i, 2)) - firstMax(gz(i, 1))));
    expect(direction.sort()).toEqual([-1, 1]);
    expect(changed.every((i) => gz(i, 2).illustrative && gz(i, 2).note?.includes("illustrative"))).toBe(true);
  });

  it("starts 危险化学品安全法 bases on 2026-05-01 without an article", () => {
    const hazchem = items.flatMap((i) => i.legalBases).filter((b) => b.lawName === "中华人民共和国危险化学品安全法");
    expect(hazchem.length).toBeGreaterThan(0);
    expect(hazchem.every((b) => b.effectiveFrom === "2026-05-01" && b.article === null && !b.verified)).toBe(true);
  });

  it("reports an invented article, a missing benchmark and a wrong first tier", () => {
    const broken = structuredClone(items);
    const [first, second, third] = broken as [SeedItem, SeedItem, SeedItem];
    first.legalBases[0] = { ...(first.legalBases[0] as SeedItem["legalBases"][number]), verified: false };
    second.benchmarks = [];
    third.benchmarks[0]?.body.tiers.reverse();
    const problems = validateCatalog(broken).join("\n");
    expect(problems).toMatch(/GZ-001 basis 1: article \d+ set but not verified, and no note says where/);
    expect(problems).toMatch(/GZ-002: no gz benchmark v1/);
    expect(problems).toMatch(/GZ-003 gz v1: tier 1 has level 3/);
  });
});

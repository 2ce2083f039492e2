import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { yuan } from "../support/money.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const MATCH = `query($input: MatchDiscretionInput!) {
  matchDiscretion(input: $input) {
    item { code } outcome range { minYuan maxYuan } tier { level name } tierRange { minYuan maxYuan }
    lenient { list reason citation discretionary source } noCoercion citations steps benchmarkVersion benchmarkSource
    dailyContinuous { minYuan maxYuan days } responsiblePersonRange { minYuan maxYuan } empoweredAtDecision
  }
}`;

interface Match {
  item: { code: string };
  outcome: string;
  range: { minYuan: string; maxYuan: string } | null;
  tier: { level: number; name: string } | null;
  tierRange: { minYuan: string; maxYuan: string } | null;
  lenient: { list: string; citation: string; discretionary: boolean } | null;
  citations: string[];
  steps: string[];
  benchmarkVersion: number;
  benchmarkSource: string;
}

async function match(input: Record<string, unknown>, as: "cq" | "sc" | "gz" = "cq") {
  const result = await t.gql<{ matchDiscretion: Match }>(MATCH, {
    as,
    variables: { input: { actDate: "2025-03-01", decisionDate: "2025-04-01", facts: {}, ...input } },
  });
  return { ...result, match: result.data?.matchDiscretion };
}

describe("matchDiscretion (裁量基准智能匹配)", () => {
  it("finds an item by each of its three codes, for every issuer", async () => {
    const item = await t.prisma.enforcementItem.findUniqueOrThrow({ where: { code: "GZ-060" } });
    for (const [code, as] of [
      [item.code, "gz"],
      [item.cqCode, "cq"],
      [item.scCode, "sc"],
    ] as const) {
      const { match: m, errors } = await match({ itemCode: code, facts: { areaM2: 300 } }, as);
      expect(errors).toBeUndefined();
      expect(m?.item.code).toBe("GZ-060");
      expect(m?.range).toEqual({ minYuan: yuan(30_000), maxYuan: yuan(120_000) });
    }
  });

  it("answers facts {} with an ordinary first-tier penalty of the unified benchmark", async () => {
    const { match: m } = await match({ itemCode: "GZ-041" });
    expect(m).toMatchObject({ outcome: "PENALTY", tier: { level: 1 }, benchmarkVersion: 1, benchmarkSource: "GZ" });
    expect(m?.range).toEqual({ minYuan: yuan(100_000), maxYuan: yuan(400_000) });
    expect(m?.citations).toContain("水污染防治法 第83条第(四)项");
    expect(m?.steps.at(-1)).toContain("结论");
  });

  it("waives a first violation (首违不罚) citing 行政处罚法 第33条, still telling the tier's range", async () => {
    const { match: m } = await match({ itemCode: "GZ-001", facts: { firstViolation: true, harm: "MINOR" } });
    expect(m?.outcome).toBe("NO_PENALTY");
    expect(m?.range).toBeNull();
    expect(m?.lenient).toMatchObject({ list: "NO_PENALTY", discretionary: true });
    expect(m?.citations.some((c) => c.startsWith("行政处罚法 第33条"))).toBe(true);
    expect(m?.tierRange).not.toBeNull();
  });

  it("raises a disposal cost below 20万 to 20万 (固废法 第112条 floor): 3–5倍 → 60万–100万 over the tiers", async () => {
    const baseAmounts = [{ base: "DISPOSAL_COST", amountYuan: yuan(50_000) }];
    const light = await match({ itemCode: "GZ-050", facts: { baseAmounts } });
    // the seed's tier 1 (较轻) is the first third of the statutory 3–5倍: 3–3.667倍 of 20万
    expect(light.match?.range).toEqual({ minYuan: yuan(600_000), maxYuan: yuan(733_400) });
    expect(light.match?.steps.some((s) => s.includes("不足 200,000元，按 200,000元 计算"))).toBe(true);
    expect(light.match?.citations).toContain("固体废物污染环境防治法 第112条第(三)项");
    const severe = await match({ itemCode: "GZ-050", facts: { baseAmounts, harm: "SEVERE" } });
    expect(severe.match?.range).toEqual({ minYuan: yuan(866_600), maxYuan: yuan(1_000_000) });
  });

  it("fines per square metre (土地管理法 第77条 + 实施条例 第57条): 300 m² within 3万–30万", async () => {
    const light = await match({ itemCode: "GZ-060", facts: { areaM2: 300 } });
    // seed tier 1 (较轻): 100–400 元/m²
    expect(light.match?.range).toEqual({ minYuan: yuan(30_000), maxYuan: yuan(120_000) });
    expect(light.match?.citations).toEqual(expect.arrayContaining(["土地管理法 第77条", "土地管理法实施条例 第57条"]));
    const severe = await match({ itemCode: "GZ-060", facts: { areaM2: 300, harm: "SEVERE" } });
    expect(severe.match?.range).toEqual({ minYuan: yuan(210_000), maxYuan: yuan(300_000) });
  });

  it("applies the lighter new benchmark across a version change (从旧兼从轻, 行政处罚法 第37条)", async () => {
    const { match: m } = await match({ itemCode: "GZ-009", actDate: "2025-12-20", decisionDate: "2026-01-10" });
    expect(m?.benchmarkVersion).toBe(2);
    expect(m?.range).toEqual({ minYuan: yuan(0), maxYuan: yuan(10_000) });
    expect(m?.citations).toContain("行政处罚法 第37条");
    expect(m?.steps.some((s) => s.includes("从旧兼从轻") && s.includes("新基准 v2 处罚较轻"))).toBe(true);
  });

  it("keeps the old benchmark when the new one is heavier", async () => {
    const { match: m } = await match({ itemCode: "GZ-007", actDate: "2025-12-20", decisionDate: "2026-01-10" });
    expect(m?.benchmarkVersion).toBe(1);
    expect(m?.range).toEqual({ minYuan: yuan(0), maxYuan: yuan(10_000) });
    expect(m?.steps.some((s) => s.includes("适用违法行为发生时的 v1"))).toBe(true);
  });

  it("cites the law in force at the act: 水污染防治法 before 2026-08-15, 生态环境法典 after", async () => {
    const before = await match({ itemCode: "GZ-041", actDate: "2026-08-01", decisionDate: "2026-09-01" });
    expect(before.match?.citations).toContain("水污染防治法 第83条第(四)项");
    expect(before.match?.citations.some((c) => c.includes("生态环境法典"))).toBe(false);
    const after = await match({ itemCode: "GZ-041", actDate: "2026-08-20", decisionDate: "2026-09-01" });
    expect(after.match?.benchmarkVersion).toBe(2);
    // 第1140条 is reported by a secondary source only: cited, and said to be not verified
    expect(after.match?.citations).toContain("生态环境法典 第1140条 (条款未核实 — article not verified)");
  });
});

describe("matchDiscretion refuses bad input with stable codes", () => {
  beforeAll(async () => {
    // no benchmark of GZ-067 in force before 2026-06-01 (the item is empowered from 2025-07-01)
    await t.prisma.benchmark.updateMany({
      where: { itemCode: "GZ-067" },
      data: { effectiveFrom: new Date("2026-06-01") },
    });
    // written behind the gateway's back (no outbox event): the catalog in memory must be told
    t.services.catalog.invalidate();
  });

  const disposalText = (amountYuan: string) => ({ baseAmounts: [{ base: "DISPOSAL_COST", amountYuan }] });
  const disposal = (amountYuan: number) => disposalText(yuan(amountYuan));
  it.each([
    ["UNKNOWN_ITEM", { itemCode: "GZ-999" }],
    ["NOT_A_PENALTY_ITEM", { itemCode: "GZ-017" }],
    ["BAD_AMOUNT", { itemCode: "GZ-050", facts: disposalText("-1") }],
    ["BASE_AMOUNT_REQUIRED", { itemCode: "GZ-050" }],
    ["AREA_REQUIRED", { itemCode: "GZ-060" }],
    ["DECISION_BEFORE_ACT", { itemCode: "GZ-041", actDate: "2025-04-02", decisionDate: "2025-04-01" }],
    ["ACT_BEFORE_EMPOWERMENT", { itemCode: "GZ-066", actDate: "2025-06-30", decisionDate: "2025-07-10" }],
    ["NO_BENCHMARK_IN_FORCE", { itemCode: "GZ-067", actDate: "2025-08-01", decisionDate: "2025-09-01" }],
    ["BAD_AMOUNT", { itemCode: "GZ-050", facts: disposalText("0.001") }],
    ["BAD_AMOUNT", { itemCode: "GZ-050", facts: { baseAmounts: [{ base: "DISPOSAL_COST", amountYuan: 50000 }] } }],
    ["INVALID_FACTS", { itemCode: "GZ-041", facts: { proportionAffectedPct: 101 } }],
  ])("%s", async (reason, input) => {
    const { errors, data } = await match(input);
    expect(data?.matchDiscretion ?? null).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason });
  });

  it("converts yuan to fen exactly (0.1 + 0.2 never enters money)", async () => {
    const { match: m } = await match({ itemCode: "GZ-050", facts: { ...disposal(300_000.3), harm: "SEVERE" } });
    // 30_000_030 fen × 5 = 150_000_150 fen
    expect(m?.range?.maxYuan).toBe(yuan(1_500_001.5));
  });

  it("needs a token", async () => {
    const result = await t.gql(MATCH, {
      variables: { input: { itemCode: "GZ-041", actDate: "2025-03-01", decisionDate: "2025-04-01" } },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

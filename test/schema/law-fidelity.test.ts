/**
 * Issue 17 "How it will be checked", on the seeded database through the GraphQL API. Every expected figure is computed
 * by hand from the statute's words, quoted beside it (texts: docs/law.md).
 */
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
    outcome range { minYuan maxYuan } tier { level } citations steps factsMissing
    dailyContinuous { minYuan maxYuan days }
  }
}`;
interface Match {
  outcome: string;
  range: { minYuan: string; maxYuan: string } | null;
  tier: { level: number } | null;
  citations: string[];
  steps: string[];
  factsMissing: boolean;
  dailyContinuous: { minYuan: string; maxYuan: string; days: number } | null;
}

async function match(input: Record<string, unknown>): Promise<Match> {
  const { data, errors } = await t.gql<{ matchDiscretion: Match }>(MATCH, {
    as: "gz",
    variables: { input: { actDate: "2025-03-01", decisionDate: "2025-04-01", ...input } },
  });
  expect(errors).toBeUndefined();
  return data!.matchDiscretion;
}

const NOT_CORRECTED = (days: number) => ({ correctedInTime: false, daysNotCorrected: days });

describe("the four checks of issue 17", () => {
  it("GZ-038 装卸物料 not corrected for 7 days offers no daily fine (大气法 第123条 does not reach 装卸)", async () => {
    // 第123条(四) reaches only "建筑施工或者贮存易产生扬尘的物料"; 装卸 is 第117条(三), whose text has no daily fine
    const m = await match({ itemCode: "GZ-038", facts: NOT_CORRECTED(7) });
    expect(m.dailyContinuous).toBeNull();
    expect(m.citations.some((c) => c.includes("第123条"))).toBe(false);
    expect(m.steps.some((s) => s.includes("按日连续处罚不适用"))).toBe(true);
    // while 贮存 (GZ-091, 第123条(四)) has it: tier 1 1万–4万 × 7 = 7万–28万
    const storage = await match({ itemCode: "GZ-091", facts: NOT_CORRECTED(7) });
    expect(storage.dailyContinuous).toEqual({ minYuan: yuan(70_000), maxYuan: yuan(280_000), days: 7 });
    expect(storage.citations).toContain("大气污染防治法 第123条第(四)项");
  });

  it("GZ-031 无证排放大气污染物, an ordinary case, starts at 200,000 yuan (行政处罚法 第29条)", async () => {
    // 第29条 "同一个违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚": 大气法 第99条 10万–100万
    // against 排污许可管理条例 第33条 "处20万元以上100万元以下的罚款" → the latter
    const m = await match({ itemCode: "GZ-031", facts: {} });
    expect(Number(m.range!.minYuan)).toBeGreaterThanOrEqual(200_000);
    expect(m.citations).toEqual(expect.arrayContaining(["行政处罚法 第29条", "排污许可管理条例 第33条第(一)项"]));
    const noFacts = await match({ itemCode: "GZ-031" });
    expect(noFacts.range).toEqual({ minYuan: yuan(200_000), maxYuan: yuan(1_000_000) });
  });

  it("GZ-031 for an act on 2026-09-01 cites no 大气污染防治法 article (生态环境法典 in force from 2026-08-15)", async () => {
    const m = await match({ itemCode: "GZ-031", actDate: "2026-09-01", decisionDate: "2026-09-20", facts: {} });
    expect(m.citations.some((c) => c.includes("大气污染防治法"))).toBe(false);
    expect(m.steps.some((s) => s.includes("大气污染防治法"))).toBe(false);
    expect(m.citations.some((c) => c.startsWith("生态环境法典"))).toBe(true);
    // not corrected: the daily fine now rests on the Code (its article not verified), never on 大气法 第123条
    const daily = await match({
      itemCode: "GZ-031",
      actDate: "2026-09-01",
      decisionDate: "2026-09-20",
      facts: NOT_CORRECTED(3),
    });
    expect(daily.citations.some((c) => c.includes("大气污染防治法"))).toBe(false);
  });

  it("GZ-002 not corrected for 10 days offers a daily fine (安全生产法 第112条)", async () => {
    // 第112条 "被责令改正且受到罚款处罚，拒不改正的 … 按照原处罚数额按日连续处罚": the original fine of tier 1 (≤3万) × 10
    const m = await match({ itemCode: "GZ-002", facts: NOT_CORRECTED(10) });
    expect(m.dailyContinuous).toEqual({ minYuan: yuan(0), maxYuan: yuan(300_000), days: 10 });
    expect(m.citations).toContain("安全生产法 第112条");
    // corrected in time: no daily fine, and 第112条 is not cited
    const corrected = await match({ itemCode: "GZ-002", facts: {} });
    expect(corrected.dailyContinuous).toBeNull();
    expect(corrected.citations).not.toContain("安全生产法 第112条");
  });
});

describe("the other errors of issue 17 on the seeded catalog", () => {
  it("GZ-015: a 1,500,000 fine for a 一般事故 without the 情节特别严重 fact is within the range including 第114条第2款", async () => {
    // 第114条 "发生一般事故的，处三十万元以上一百万元以下的罚款"; 第2款 "可以按照前款罚款数额的二倍以上五倍以下"
    const unstated = await match({ itemCode: "GZ-015", facts: { accidentLevel: "GENERAL" } });
    expect(unstated.range).toEqual({ minYuan: yuan(300_000), maxYuan: yuan(5_000_000) });
    expect(unstated.steps.some((s) => s.includes("未说明是否情节特别严重"))).toBe(true);
    const stated = await match({ itemCode: "GZ-015", facts: { accidentLevel: "GENERAL", particularlySerious: true } });
    expect(stated.range).toEqual({ minYuan: yuan(600_000), maxYuan: yuan(5_000_000) });
    expect(stated.citations).toContain("安全生产法 第114条第2款");
    const denied = await match({ itemCode: "GZ-015", facts: { accidentLevel: "GENERAL", particularlySerious: false } });
    expect(denied.range).toEqual({ minYuan: yuan(300_000), maxYuan: yuan(1_000_000) });
  });

  it("GZ-040 超标排放水污染物 not corrected: 水污染防治法 第95条 → 环境保护法 第59条 daily fine", async () => {
    const m = await match({ itemCode: "GZ-040", facts: NOT_CORRECTED(4) });
    // tier 1 of 10万–100万 in thirds: 10万–40万, × 4 days
    expect(m.dailyContinuous).toEqual({ minYuan: yuan(400_000), maxYuan: yuan(1_600_000), days: 4 });
    expect(m.citations).toEqual(expect.arrayContaining(["水污染防治法 第95条", "环境保护法 第59条"]));
  });

  it("GZ-034 未按规定监测 (大气法 第100条) not corrected has no daily fine: 第123条 does not list it", async () => {
    expect((await match({ itemCode: "GZ-034", facts: NOT_CORRECTED(5) })).dailyContinuous).toBeNull();
  });
});

const PUSH = `mutation($input: ReportPenaltyDecisionInput!) { reportPenaltyDecision(input: $input) { applied } }`;
const warningsOf = async (originId: string) =>
  (
    await t.prisma.supervisionWarning.findMany({
      where: { decision: { path: ["originId"], equals: originId } },
      orderBy: { kind: "asc" },
    })
  ).map((w) => [w.kind, w.severity]);

describe("supervision without facts and with 情节特别严重", () => {
  const push = (originId: string, input: Record<string, unknown>) =>
    t.gql(PUSH, {
      as: "cq",
      variables: {
        input: {
          originId,
          version: 1,
          occurredAt: "2025-03-01T10:00:00+08:00",
          decidedAt: "2025-04-01T10:00:00+08:00",
          ...input,
        },
      },
    });

  it("a decision pushed without facts raises one LOW FACTS_MISSING, not a HIGH warning against tier 1", async () => {
    // GZ-041 (水法 第83条 10万–100万): 80万 lies far above tier 1 (10万–40万) but inside the statute
    const { errors } = await push("cq-no-facts", { itemCode: "GZ-041", fineYuan: yuan(800_000) });
    expect(errors).toBeUndefined();
    expect(await warningsOf("cq-no-facts")).toEqual([["FACTS_MISSING", "LOW"]]);
    // outside the whole statutory range it is still a warning
    await push("cq-no-facts-high", { itemCode: "GZ-041", fineYuan: yuan(1_000_000.01) });
    expect(await warningsOf("cq-no-facts-high")).toEqual([
      ["FINE_ABOVE_RANGE", "HIGH"],
      ["FACTS_MISSING", "LOW"],
    ]);
  });

  it("a lawful 1,500,000 for a 一般事故 (GZ-015) raises nothing when 情节特别严重 is not stated", async () => {
    await push("cq-accident", { itemCode: "GZ-015", fineYuan: yuan(1_500_000), facts: { accidentLevel: "GENERAL" } });
    expect(await warningsOf("cq-accident")).toEqual([]);
    await push("cq-accident-denied", {
      itemCode: "GZ-015",
      fineYuan: yuan(1_500_000),
      facts: { accidentLevel: "GENERAL", particularlySerious: false },
    });
    expect(await warningsOf("cq-accident-denied")).toEqual([["FINE_ABOVE_RANGE", "HIGH"]]);
  });

  it("a 150,000 fine for GZ-031 in the ordinary case is below the lawful range (第29条)", async () => {
    await push("cq-permit", { itemCode: "GZ-031", fineYuan: yuan(150_000), facts: {} });
    expect(await warningsOf("cq-permit")).toEqual([["FINE_BELOW_RANGE", "MEDIUM"]]);
  });
});

const MERGE = `mutation($code: String!, $from: Date) {
  mergeBenchmarks(input: { itemCode: $code, effectiveFrom: $from }) {
    merged conflicts { code } benchmark { tiers { level fine { minYuan maxYuan } } }
    clamped { level part bound unit before after citation }
  }
}`;

describe("the merge stays inside the statute", () => {
  it("clamps a Sichuan floor below 大气法 第100条's minimum (2万) back to it, and says so", async () => {
    // GZ-034: 第100条 "处二万元以上二十万元以下的罚款"; Sichuan writes tier 1 as 1.5万–8万
    const sc = await t.prisma.benchmark.findFirstOrThrow({ where: { itemCode: "GZ-034", source: "sc" } });
    const tiers = sc.tiers as Array<{ fine: { minFen?: number } }>;
    tiers[0]!.fine.minFen = 1_500_000;
    await t.prisma.benchmark.update({ where: { id: sc.id }, data: { tiers } });
    const { data, errors } = await t.gql<{
      mergeBenchmarks: {
        merged: boolean;
        benchmark: { tiers: Array<{ fine: { minYuan: string } }> };
        clamped: Array<Record<string, unknown>>;
      };
    }>(MERGE, { as: "gz", variables: { code: "GZ-034", from: "2026-06-01" } });
    expect(errors).toBeUndefined();
    expect(data!.mergeBenchmarks.merged).toBe(true);
    expect(data!.mergeBenchmarks.benchmark.tiers[0]!.fine.minYuan).toBe(yuan(20_000));
    expect(data!.mergeBenchmarks.clamped).toEqual([
      {
        level: 1,
        part: "fine",
        bound: "minFen",
        unit: "YUAN",
        before: "15000.00",
        after: "20000.00",
        citation: "大气污染防治法 第100条",
      },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const UPDATE = `mutation($code: String!, $input: ItemChangesInput!) {
  updateItem(input: { itemCode: $code, changes: $input }) { item { code cqCode cqName note version } }
}`;
const ADD_BASIS = `mutation($code: String!, $input: LegalBasisInput!) {
  addLegalBasis(input: { itemCode: $code, basis: $input }) {
    legalBasis { lawName article clause citation effectiveFrom effectiveTo verified }
  }
}`;

type Updated = {
  updateItem: { item: { code: string; cqCode: string; cqName: string; note: string | null; version: number } };
};
const itemEvents = (code: string) =>
  t.prisma.changeEvent.findMany({ where: { kind: "item.changed", entityId: code }, orderBy: { seq: "asc" } });

describe("updateItem (管委会, catalog:write)", () => {
  it("changes catalog fields, bumps the version and emits item.changed", async () => {
    const { data, errors } = await t.gql<Updated>(UPDATE, {
      as: "gz",
      variables: { code: "GZ-002", input: { cqName: "未如实记录安全生产教育和培训情况", note: "目录调整" } },
    });
    expect(errors).toBeUndefined();
    expect(data?.updateItem.item).toMatchObject({ code: "GZ-002", note: "目录调整", version: 2 });
    const events = await itemEvents("GZ-002");
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({ code: "GZ-002", version: 2, changed: ["cqName", "note"] });
    expect(events[0]?.originJurisdiction).toBeNull();
  });

  it("changes nothing, and emits nothing, when the values are the current ones", async () => {
    const { data } = await t.gql<Updated>(UPDATE, {
      as: "gz",
      variables: { code: "GZ-002", input: { note: "目录调整" } },
    });
    expect(data?.updateItem.item.version).toBe(2);
    expect(await itemEvents("GZ-002")).toHaveLength(1);
  });

  it("gives an item a new Chongqing code by which it is then found", async () => {
    const { data } = await t.gql<Updated>(UPDATE, {
      as: "gz",
      variables: { code: "GZ-003", input: { cqCode: "CQ-NEW-0003" } },
    });
    expect(data?.updateItem.item.cqCode).toBe("CQ-NEW-0003");
    const found = await t.gql<{ item: { code: string } | null }>('{ item(code: "CQ-NEW-0003") { code } }', {
      as: "sc",
    });
    expect(found.data?.item?.code).toBe("GZ-003");
  });

  it("refuses a code that is already another item's (CONFLICT) and changes nothing", async () => {
    const other = await t.prisma.enforcementItem.findUniqueOrThrow({ where: { code: "GZ-004" } });
    const result = await t.gql(UPDATE, { as: "gz", variables: { code: "GZ-005", input: { cqCode: other.scCode } } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "CODE_IN_USE" });
    const item = await t.prisma.enforcementItem.findUniqueOrThrow({ where: { code: "GZ-005" } });
    expect(item.version).toBe(1);
    expect(await itemEvents("GZ-005")).toHaveLength(0);
  });

  it.each([
    ["an empty name", { name: "  " }, "INVALID_INPUT"],
    ["an end before the empowerment", { empoweredTo: "2020-01-01" }, "EMPOWERED_TO_BEFORE_FROM"],
  ])("refuses %s with BAD_USER_INPUT", async (_what, input, reason) => {
    const result = await t.gql(UPDATE, { as: "gz", variables: { code: "GZ-006", input } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason });
    expect((await t.prisma.enforcementItem.findUniqueOrThrow({ where: { code: "GZ-006" } })).version).toBe(1);
  });

  it("is the committee's: a province is FORBIDDEN", async () => {
    const result = await t.gql(UPDATE, { as: "cq", variables: { code: "GZ-006", input: { note: "x" } } });
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await itemEvents("GZ-006")).toHaveLength(0);
  });
});

describe("addLegalBasis (管委会, catalog:write)", () => {
  it("adds a version without an invented article, closes nothing, and emits item.changed", async () => {
    const before = await t.prisma.legalBasis.findMany({ where: { itemCode: "GZ-054" } });
    const { data, errors } = await t.gql<{ addLegalBasis: { legalBasis: Record<string, unknown> } }>(ADD_BASIS, {
      as: "gz",
      variables: {
        code: "GZ-054",
        input: { role: "PENALTY", lawName: "中华人民共和国生态环境法典", effectiveFrom: "2026-08-15" },
      },
    });
    expect(errors).toBeUndefined();
    expect(data?.addLegalBasis.legalBasis).toMatchObject({
      article: null,
      clause: null,
      effectiveTo: null,
      verified: false,
    });
    const after = await t.prisma.legalBasis.findMany({ where: { itemCode: "GZ-054" } });
    expect(after).toHaveLength(before.length + 1);
    // 排污许可管理条例 stays in force: adding a basis closes nothing
    for (const old of before) expect(after.find((b) => b.id === old.id)).toEqual(old);
    const permit = before.filter((b) => b.lawName === "排污许可管理条例");
    expect(permit.length).toBeGreaterThan(0);
    expect(permit.every((b) => b.effectiveTo === null)).toBe(true);
    const item = await t.prisma.enforcementItem.findUniqueOrThrow({ where: { code: "GZ-054" } });
    expect(item.version).toBe(2);
    expect((await itemEvents("GZ-054")).map((e) => e.payload)).toEqual([
      expect.objectContaining({ code: "GZ-054", version: 2, changed: ["legalBases"] }),
    ]);
  });

  it("shows the new basis to matchDiscretion for an act after it took force", async () => {
    const { data } = await t.gql<{ matchDiscretion: { citations: string[] } }>(
      `query { matchDiscretion(input: { itemCode: "GZ-054", actDate: "2026-09-01", decisionDate: "2026-09-02" }) { citations } }`,
      { as: "cq" },
    );
    expect(data?.matchDiscretion.citations.some((c) => c.startsWith("生态环境法典"))).toBe(true);
  });

  it.each([
    ["an end before the start", { effectiveFrom: "2026-08-15", effectiveTo: "2026-08-01" }],
    ["a clause without its article", { effectiveFrom: "2026-08-15", clause: 2 }],
  ])("refuses %s with BAD_USER_INPUT and writes nothing", async (_what, dates) => {
    const count = await t.prisma.legalBasis.count();
    const result = await t.gql(ADD_BASIS, {
      as: "gz",
      variables: { code: "GZ-045", input: { role: "PENALTY", lawName: "中华人民共和国生态环境法典", ...dates } },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_INPUT" });
    expect(await t.prisma.legalBasis.count()).toBe(count);
    expect(await itemEvents("GZ-045")).toHaveLength(0);
  });

  it("names every problem with its path from the argument (problems[] in extensions)", async () => {
    const result = await t.gql(ADD_BASIS, {
      as: "gz",
      variables: {
        code: "GZ-045",
        input: { role: "PENALTY", lawName: " ", effectiveFrom: "2026-08-15", effectiveTo: "2026-08-01" },
      },
    });
    const problems = result.errors?.[0]?.extensions?.problems as { path: unknown[]; code: string }[];
    expect(problems.map((p) => p.path.join("."))).toEqual(["input.basis.lawName", "input.basis.effectiveTo"]);
    expect(problems[0]?.code).toBe("too_small");
  });

  it("refuses a province (FORBIDDEN) and an unknown item (NOT_FOUND)", async () => {
    const input = { role: "PENALTY", lawName: "x", effectiveFrom: "2026-01-01" };
    const province = await t.gql(ADD_BASIS, { as: "sc", variables: { code: "GZ-045", input } });
    expect(province.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const unknown = await t.gql(ADD_BASIS, { as: "gz", variables: { code: "GZ-999", input } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", reason: "UNKNOWN_ITEM" });
  });
});

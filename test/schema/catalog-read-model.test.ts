// The catalog in memory (schema/catalog/catalog-read-model.ts) must never answer with what a committed change
// replaced: on the replica that wrote it at once, on other replicas after the bus wakes them, and after a
// lost wake-up once the copy is rechecked against the outbox. Its pages must be the database's pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryBus } from "../../gateway/bus/memory-bus.ts";
import type { Prisma } from "../../gateway/db/generated/prisma/client.ts";
import { assembleGateway } from "../../gateway/server.ts";
import { createCatalogReadModel } from "../../schema/catalog/catalog-read-model.ts";
import { filterItems, type ItemPage, pageOf } from "../../schema/catalog/rules/catalog-view.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

let t: TestGateway;
let replica: Awaited<ReturnType<typeof assembleGateway>>;
beforeAll(async () => {
  t = await createTestGateway();
  // a second gateway on the same database: with REDIS_URL the same Redis bus, else the first one's in-process bus
  replica = await assembleGateway(t.config, { db: t.db, bus: t.config.redis.url ? undefined : t.services.bus });
});
afterAll(async () => {
  await replica?.close();
  await t?.dispose();
});

const UPDATE = `mutation($code: String!, $input: ItemChangesInput!) {
  updateItem(input: { itemCode: $code, changes: $input }) { item { version } }
}`;
const ITEM = `query($code: String!) { item(code: $code) { code name cqCode } }`;
type ItemAnswer = { item: { code: string; name: string; cqCode: string } | null };

async function update(code: string, input: Record<string, unknown>) {
  const { errors } = await t.gql(UPDATE, { as: "gz", variables: { code, input } });
  expect(errors).toBeUndefined();
}

async function askReplica(code: string): Promise<ItemAnswer["item"]> {
  const response = await replica.gateway.fetch("http://replica.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await t.token("sc")}` },
    body: JSON.stringify({ query: ITEM, variables: { code } }),
  });
  return ((await response.json()) as { data: ItemAnswer }).data.item;
}

/** Polls `read` until `done`, at most `ms`; returns the last value read. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 2000): Promise<T> {
  const until = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    value = await read();
  }
  return value;
}

describe("the catalog in memory after a change", () => {
  it("answers the very next read on the same replica with the change", async () => {
    const before = await t.gql<ItemAnswer>(ITEM, { as: "cq", variables: { code: "GZ-010" } });
    expect(before.data?.item?.name).not.toBe("更名后的事项");
    await update("GZ-010", { name: "更名后的事项", cqCode: "CQ-RENAMED-010" });
    const byNewCode = await t.gql<ItemAnswer>(ITEM, { as: "cq", variables: { code: "CQ-RENAMED-010" } });
    expect(byNewCode.data?.item).toEqual({ code: "GZ-010", name: "更名后的事项", cqCode: "CQ-RENAMED-010" });
    const search = await t.gql<{ items: { edges: Array<{ node: { code: string } }> } }>(
      '{ items(search: "更名后") { edges { node { code } } } }',
      { as: "cq" },
    );
    expect(search.data?.items.edges.map((e) => e.node.code)).toEqual(["GZ-010"]);
  });

  it("matches a case with a legal basis added a moment before", async () => {
    const MATCH = `query { matchDiscretion(input: { itemCode: "GZ-041", actDate: "2026-08-20", decisionDate: "2026-09-01" }) { citations } }`;
    type Match = { matchDiscretion: { citations: string[] } };
    const before = await t.gql<Match>(MATCH, { as: "cq" });
    expect(before.data?.matchDiscretion.citations).not.toContain("测试条例 第9条");
    const added = await t.gql(
      `mutation { addLegalBasis(input: { itemCode: "GZ-041", basis: { role: PENALTY, lawName: "测试条例", article: 9, effectiveFrom: "2020-01-01" } }) { legalBasis { article } } }`,
      { as: "gz" },
    );
    expect(added.errors).toBeUndefined();
    const after = await t.gql<Match>(MATCH, { as: "cq" });
    expect(after.data?.matchDiscretion.citations).toContain("测试条例 第9条");
  });

  // Pub/sub is best effort (a wake-up can be lost while a connection is re-established); the outbox recheck
  // bounds the staleness at 5 s. The wait leaves room for a loaded machine.
  it("reaches another replica: through the bus at once, or by the recheck when a wake-up is lost", async () => {
    expect((await askReplica("GZ-011"))?.name).not.toBe("副本应看到的名称");
    await update("GZ-011", { name: "副本应看到的名称" });
    const seen = await eventually(
      () => askReplica("GZ-011"),
      (item) => item?.name === "副本应看到的名称",
      15_000,
    );
    expect(seen?.name).toBe("副本应看到的名称");
  });

  it("catches a wake-up the bus lost by rechecking the outbox", async () => {
    const deaf = createMemoryBus(); // hears nothing the gateways publish
    const model = createCatalogReadModel(t.prisma, deaf, { recheckMs: 0 });
    const nameOf = async () => (await model.snapshot()).items.find((i) => i.code === "GZ-012")?.name;
    expect(await nameOf()).not.toBe("迟到的名称");
    await update("GZ-012", { name: "迟到的名称" });
    expect(await eventually(nameOf, (name) => name === "迟到的名称")).toBe("迟到的名称");
    await model.close();
  });
});

describe("the copy held now (what matchDiscretion answers from in the same turn)", () => {
  it("is none before a read, the copy snapshot() answers after it, and none again once invalidated", async () => {
    const model = createCatalogReadModel(t.prisma, createMemoryBus());
    expect(model.held()).toBeNull();
    const copy = await model.snapshot();
    expect(model.held()).toBe(copy);
    expect(await model.snapshot()).toBe(copy);
    model.invalidate();
    expect(model.held()).toBeNull();
    const next = await model.snapshot();
    expect(next).not.toBe(copy);
    expect(model.held()).toBe(next);
    await model.close();
  });

  it("is rechecked against the outbox like snapshot(): a change the bus lost drops it", async () => {
    const deaf = createMemoryBus(); // hears nothing the gateways publish
    const model = createCatalogReadModel(t.prisma, deaf, { recheckMs: 0 });
    await model.snapshot();
    expect(model.held()).not.toBeNull();
    await update("GZ-013", { name: "只凭复核得知的名称" });
    expect(
      await eventually(
        async () => model.held(),
        (copy) => copy === null,
      ),
    ).toBeNull();
    const fresh = await model.snapshot();
    expect(fresh.items.find((i) => i.code === "GZ-013")?.name).toBe("只凭复核得知的名称");
    await model.close();
  });

  it("is dropped when a change is committed, so a match after it sees the change", async () => {
    const model = createCatalogReadModel(t.prisma, createMemoryBus());
    await model.snapshot();
    model.noteCommitted([{ kind: "item.changed" }], null);
    expect(model.held()).toBeNull();
    await model.close();
  });
});

describe("pages of the catalog in memory", () => {
  const day = new Date("2026-03-01T00:00:00Z");
  const inForce = {
    empoweredFrom: { lte: day },
    OR: [{ empoweredTo: null }, { empoweredTo: { gte: day } }],
  };
  it.each<ItemPage & { domain?: string }>([
    { take: 5, skip: 0 },
    { take: 5, skip: 1, cursor: { code: "GZ-020" } },
    { take: -5, skip: 1, cursor: { code: "GZ-020" } },
    { take: -3, skip: 0 },
    { take: 4, skip: 1, cursor: { code: "GZ-999" } },
    { take: 200, skip: 0, domain: "ECOLOGY" },
    { take: 3, skip: 1, cursor: { code: "GZ-001" }, domain: "EMERGENCY" },
    { take: -2, skip: 1, cursor: { code: "GZ-090" }, domain: "EMERGENCY" },
  ])("are the database's pages: %o", async ({ domain, ...page }) => {
    const where: Prisma.EnforcementItemWhereInput = domain ? { AND: [inForce, { domainCode: domain }] } : inForce;
    const fromDatabase = await t.prisma.enforcementItem.findMany({ where, orderBy: { code: "asc" }, ...page });
    const { items } = await t.services.catalog.snapshot();
    const fromMemory = pageOf(items, filterItems(items, { day, domain }), page);
    expect(fromMemory.map((i) => i.code)).toEqual(fromDatabase.map((i) => i.code));
  });
});

describe("repeated catalog reads answered from the kept result (gateway/plugins/use-read-cache.ts)", () => {
  const READ = "query Read($code: String!) { item(code: $code) { code name } }";
  const read = (opts: { scopes?: string[] } = {}) =>
    t.gql<{ item: { code: string; name: string } | null }>(READ, { as: "cq", variables: { code: "GZ-020" }, ...opts });
  const auditedReads = () => t.prisma.auditEntry.count({ where: { operationName: "Read" } });

  it("audits every repeated read, durably before it answers", async () => {
    const before = await auditedReads();
    const answers = [await read(), await read(), await read()];
    expect(answers.map((a) => a.data?.item?.code)).toEqual(["GZ-020", "GZ-020", "GZ-020"]);
    // no flush: each answer came only after its entry was stored
    expect(await auditedReads()).toBe(before + 3);
  });

  it("never hands a kept answer to a caller whose scopes differ", async () => {
    expect((await read()).data?.item?.code).toBe("GZ-020");
    const withoutRead = await read({ scopes: ["records:write"] });
    expect(withoutRead.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(withoutRead.data?.item ?? null).toBeNull();
  });

  it("drops kept answers when the catalog changes", async () => {
    expect((await read()).data?.item?.name).not.toBe("缓存之后改名");
    await update("GZ-020", { name: "缓存之后改名" });
    expect((await read()).data?.item?.name).toBe("缓存之后改名");
  });
});

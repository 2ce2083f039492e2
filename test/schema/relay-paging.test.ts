/**
 * Paging the Relay way through the API: a page larger than MAX_PAGE_SIZE or a cursor that does not
 * decode is refused with a stable code (and the audit records that code); `totalCount` is counted only
 * when selected; connection types carry names of their own.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cappedCount, TOTAL_COUNT_CAP } from "../../schema/common/connection-types.ts";
import { MAX_PAGE_SIZE } from "../../schema/common/page-size-plugin.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { ingest, inspection } from "./sync-helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const OFFICERS = `query($first: Int, $last: Int, $after: String, $before: String) {
  officers(first: $first, last: $last, after: $after, before: $before) { edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }`;

describe("page size", () => {
  it("answers a page of exactly MAX_PAGE_SIZE", async () => {
    const { errors, data } = await t.gql<{ officers: { edges: unknown[] } }>(OFFICERS, {
      as: "cq",
      variables: { first: MAX_PAGE_SIZE },
    });
    expect(errors).toBeUndefined();
    expect(data?.officers.edges.length).toBeGreaterThan(0);
  });

  it.each([
    ["first", MAX_PAGE_SIZE + 1],
    ["last", MAX_PAGE_SIZE + 1],
    ["first", -1],
  ])("refuses %s: %i with BAD_USER_INPUT PAGE_SIZE_OUT_OF_RANGE", async (name, size) => {
    const { status, errors, data } = await t.gql(OFFICERS, { as: "cq", variables: { [name]: size } });
    expect(status).toBe(400);
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "PAGE_SIZE_OUT_OF_RANGE",
      max: MAX_PAGE_SIZE,
    });
  });
});

describe("cursors", () => {
  it("pages forward with endCursor and never repeats an entry", async () => {
    const first = await t.gql<{ officers: { edges: Array<{ cursor: string }>; pageInfo: { endCursor: string } } }>(
      OFFICERS,
      { as: "cq", variables: { first: 2 } },
    );
    const next = await t.gql<{ officers: { edges: Array<{ cursor: string }> } }>(OFFICERS, {
      as: "cq",
      variables: { first: 2, after: first.data?.officers.pageInfo.endCursor },
    });
    expect(next.errors).toBeUndefined();
    const seen = new Set(first.data?.officers.edges.map((e) => e.cursor));
    expect(next.data?.officers.edges.length).toBeGreaterThan(0);
    for (const edge of next.data?.officers.edges ?? []) expect(seen.has(edge.cursor)).toBe(false);
  });

  it("refuses a cursor that does not decode with BAD_USER_INPUT BAD_CURSOR, and the audit records it", async () => {
    const { errors } = await t.gql(OFFICERS, {
      as: "cq",
      subject: "cursor-forger",
      variables: { first: 5, after: "not-a-cursor" },
    });
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "BAD_CURSOR" });
    await t.services.auditLog.flush();
    const entry = await t.prisma.auditEntry.findFirstOrThrow({
      where: { subject: "cursor-forger" },
      orderBy: { seq: "desc" },
    });
    expect(entry).toMatchObject({ outcome: "ERROR", errorCode: "BAD_CURSOR" });
  });
});

describe("totalCount", () => {
  const countSpy = () => vi.spyOn(t.prisma.officer, "count");

  it("is counted when selected", async () => {
    const spy = countSpy();
    const { data } = await t.gql<{ officers: { totalCount: number } }>("{ officers(first: 1) { totalCount } }", {
      as: "cq",
    });
    expect(data?.officers.totalCount).toBe(await t.prisma.officer.count());
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it("is not counted for a page that does not select it", async () => {
    const spy = countSpy();
    const { errors } = await t.gql(OFFICERS, { as: "cq", variables: { first: 3 } });
    expect(errors).toBeUndefined();
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe("capped totalCount (records, audit trail)", () => {
  it("counts over at most TOTAL_COUNT_CAP rows, with the list's filter", async () => {
    const asked: unknown[] = [];
    const model = { count: async (args: unknown) => (asked.push(args), 7) };
    expect(await cappedCount(model, { origin: "cq" })).toBe(7);
    expect(asked).toEqual([{ where: { origin: "cq" }, take: TOTAL_COUNT_CAP }]);
  });

  it("answers the exact number below the cap", async () => {
    await ingest(t, "sc", { records: [inspection("SC-PAGING-1"), inspection("SC-PAGING-2")] });
    const stored = await t.prisma.enforcementRecord.count();
    expect(stored).toBe(2);
    const { data } = await t.gql<{ records: { totalCount: number } }>("{ records(first: 1) { totalCount } }", {
      as: "gz",
    });
    expect(data?.records.totalCount).toBe(stored);
  });
});

describe("connection type names", () => {
  it("names each connection after its node type", async () => {
    const { data } = await t.gql<{ __schema: { types: Array<{ name: string }> } }>("{ __schema { types { name } } }", {
      as: "gz",
    });
    const names = data?.__schema.types.map((type) => type.name) ?? [];
    expect(names).toEqual(expect.arrayContaining(["EnterpriseConnection", "EnterpriseEdge", "OfficerConnection"]));
    expect(names.filter((name) => /^Query.*Connection/.test(name))).toEqual([]);
  });
});

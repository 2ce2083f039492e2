/**
 * `ingestRecords(input: { follows })`: a batch is stored only on top of the cursor it names, or again on top of
 * its own (schema/sync/checkpoints.ts requireStoredCursor). Otherwise nothing of it is written and the refusal
 * (CONFLICT, CURSOR_MOVED) names the stored cursor, so a failed batch followed by a stored one can never move the
 * cursor past records that were not stored, nor a late one move it back (docs/sync.md).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { changeCount, type IngestResult, inspection } from "./sync-helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const INGEST = `mutation($input: IngestRecordsInput!) { ingestRecords(input: $input) {
  counts { applied unchanged stale refused } cursor } }`;

function ingestAs(as: "cq" | "sc", source: string, input: { cursor: string; follows?: string; batch: unknown[] }) {
  return t.gql<{ ingestRecords: IngestResult }>(INGEST, { as, variables: { input: { source, ...input } } });
}

const storedCursor = async (issuer: string, source: string) =>
  (await t.prisma.syncCheckpoint.findUnique({ where: { id: `${issuer}:${source}:inbound` } }))?.cursor ?? null;
const recordCount = (originId: string) => t.prisma.enforcementRecord.count({ where: { originId } });

describe("ingestRecords with follows", () => {
  it("stores a batch that follows the stored cursor, and moves the cursor", async () => {
    await ingestAs("cq", "feed-a", { cursor: "page:1", batch: [inspection("CQ-F-001")] });
    const { data, errors } = await ingestAs("cq", "feed-a", {
      cursor: "page:2",
      follows: "page:1",
      batch: [inspection("CQ-F-002")],
    });
    expect(errors).toBeUndefined();
    expect(data?.ingestRecords).toMatchObject({ cursor: "page:2", counts: { applied: 1 } });
    expect(await storedCursor("cq", "feed-a")).toBe("page:2");
    expect(await recordCount("CQ-F-002")).toBe(1);
  });

  it("refuses a batch whose cursor is not the stored one: nothing stored, the stored cursor named", async () => {
    await ingestAs("cq", "feed-b", { cursor: "page:1", batch: [inspection("CQ-F-101")] });
    const changesBefore = await changeCount(t);
    // page:2 was never stored (its batch failed): page:3, sent ahead of it, must not move the cursor past it
    const { data, errors } = await ingestAs("cq", "feed-b", {
      cursor: "page:3",
      follows: "page:2",
      batch: [inspection("CQ-F-103")],
    });
    expect(data?.ingestRecords ?? null).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "CURSOR_MOVED", storedCursor: "page:1" });
    expect(errors?.[0]?.message).toContain('"page:2"');
    expect(await storedCursor("cq", "feed-b")).toBe("page:1");
    expect(await recordCount("CQ-F-103")).toBe(0);
    expect(await changeCount(t)).toBe(changesBefore);
  });

  it("refuses a batch that follows a cursor on a source that has stored none", async () => {
    const { errors } = await ingestAs("cq", "feed-new", {
      cursor: "page:2",
      follows: "page:1",
      batch: [inspection("CQ-F-201")],
    });
    expect(errors?.[0]?.extensions).toMatchObject({ reason: "CURSOR_MOVED", storedCursor: null });
    expect(await storedCursor("cq", "feed-new")).toBeNull();
    expect(await recordCount("CQ-F-201")).toBe(0);
  });

  it("reads the cursor of the caller's own source: another province's cursor of the same name does not count", async () => {
    await ingestAs("sc", "feed-c", { cursor: "page:7", batch: [] });
    const { errors } = await ingestAs("cq", "feed-c", { cursor: "page:8", follows: "page:7", batch: [] });
    expect(errors?.[0]?.extensions).toMatchObject({ reason: "CURSOR_MOVED", storedCursor: null });
    expect(await storedCursor("cq", "feed-c")).toBeNull();
  });

  it("stores a batch sent again after its answer was lost on top of its own cursor: nothing changes", async () => {
    await ingestAs("cq", "feed-d", { cursor: "page:1", batch: [] });
    const again = { cursor: "page:2", follows: "page:1", batch: [inspection("CQ-F-302")] };
    expect((await ingestAs("cq", "feed-d", again)).data?.ingestRecords.counts).toMatchObject({ applied: 1 });
    const changesBefore = await changeCount(t);
    const { data, errors } = await ingestAs("cq", "feed-d", again);
    expect(errors).toBeUndefined();
    expect(data?.ingestRecords).toMatchObject({ cursor: "page:2", counts: { applied: 0, unchanged: 1 } });
    expect(await storedCursor("cq", "feed-d")).toBe("page:2");
    expect(await changeCount(t)).toBe(changesBefore);
  });

  it("refuses a batch sent again late, after the batch behind it was stored: the cursor does not move back", async () => {
    await ingestAs("cq", "feed-e", { cursor: "page:1", batch: [] });
    const second = { cursor: "page:2", follows: "page:1", batch: [inspection("CQ-F-402")] };
    await ingestAs("cq", "feed-e", second);
    await ingestAs("cq", "feed-e", { cursor: "page:3", follows: "page:2", batch: [inspection("CQ-F-403")] });
    const { errors } = await ingestAs("cq", "feed-e", second);
    expect(errors?.[0]?.extensions).toMatchObject({ reason: "CURSOR_MOVED", storedCursor: "page:3" });
    expect(await storedCursor("cq", "feed-e")).toBe("page:3");
  });
});

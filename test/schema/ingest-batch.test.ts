/**
 * `ingestRecords(input: { batch })`: the records as one JSON document (scalar RecordBatch), coerced entry by
 * entry. Same outcomes as `records` for well-shaped entries; a misshapen entry is quarantined as INVALID_SHAPE
 * and never blocks the rest (docs/sync.md).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyOf } from "../../schema/common/node-access.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { changeCount, type IngestResult, ingest, inspection } from "./sync-helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const INGEST_BATCH = `mutation($input: IngestRecordsInput!) { ingestRecords(input: $input) {
  counts { applied unchanged stale refused } cursor
  results { originId version outcome code message recordId quarantineId } } }`;

function ingestBatch(input: { cursor?: string; batch?: unknown; records?: unknown }) {
  return t.gql<{ ingestRecords: IngestResult }>(INGEST_BATCH, {
    as: "cq",
    variables: { input: { source: "platform", ...input } },
  });
}

const openRows = (originId: string) =>
  t.prisma.quarantinedRecord.findMany({ where: { originJurisdiction: "cq", originId, status: "QUARANTINED" } });

describe("ingestRecords with a RecordBatch", () => {
  it("stores the well-shaped entries and quarantines each misshapen one alone, in input order, cursor stored", async () => {
    const before = await changeCount(t);
    const { data, errors } = await ingestBatch({
      cursor: "batch:1",
      batch: [
        inspection("CQ-B-001"),
        { ...inspection("CQ-B-002"), version: "2" },
        { ...inspection("CQ-B-003"), inspector: "张三" },
        "not a record",
        inspection("CQ-B-005", { itemCode: "GZ-999" }),
        inspection("CQ-B-006"),
      ],
    });
    expect(errors).toBeUndefined();
    expect(data?.ingestRecords.cursor).toBe("batch:1");
    expect(data?.ingestRecords.results.map((r) => [r.originId, r.version, r.outcome, r.code])).toEqual([
      ["CQ-B-001", 1, "APPLIED", null],
      ["CQ-B-002", 0, "REFUSED", "INVALID_SHAPE"],
      ["CQ-B-003", 1, "REFUSED", "INVALID_SHAPE"],
      ["", 0, "REFUSED", "INVALID_SHAPE"],
      ["CQ-B-005", 1, "REFUSED", "UNKNOWN_ITEM"],
      ["CQ-B-006", 1, "APPLIED", null],
    ]);
    const [, version, unknownField, notObject] = data?.ingestRecords.results ?? [];
    expect(version?.message).toMatch(/^not a RecordInput: version: expected type Int/);
    expect(unknownField?.message).toMatch(/inspector: field is not defined by type RecordInput/);
    expect(notObject?.message).toMatch(/RecordInput to be an object/);
    expect(await changeCount(t)).toBe(before + 2);

    const kept = await t.prisma.quarantinedRecord.findUniqueOrThrow({
      where: { id: keyOf("QuarantinedRecord", unknownField?.quarantineId ?? "") },
    });
    expect(kept).toMatchObject({ code: "INVALID_SHAPE", originId: "CQ-B-003", version: 1, source: "platform" });
    expect(kept.payload).toMatchObject({ originId: "CQ-B-003", inspector: "张三" });
    const withoutId = await t.prisma.quarantinedRecord.findUniqueOrThrow({
      where: { id: keyOf("QuarantinedRecord", notObject?.quarantineId ?? "") },
    });
    expect([withoutId.originId, withoutId.version, withoutId.payload]).toEqual([null, null, "not a record"]);
  });

  it("refuses a record with text PostgreSQL cannot store alone, as with `records`: the edge check leaves a batch to checkRecord", async () => {
    const { data, errors } = await ingestBatch({
      batch: [inspection("CQ-B-050", { findings: "坏\u0000字" }), inspection("CQ-B-051")],
    });
    expect(errors).toBeUndefined();
    expect(data?.ingestRecords.results.map((r) => [r.outcome, r.code])).toEqual([
      ["REFUSED", "INVALID_TEXT"],
      ["APPLIED", null],
    ]);
  });

  it("changes nothing when the same batch is sent again: the misshapen entry counts an attempt on its open row", async () => {
    const before = await changeCount(t);
    const { data } = await ingestBatch({
      batch: [inspection("CQ-B-001"), { ...inspection("CQ-B-003"), inspector: "张三" }],
    });
    expect(data?.ingestRecords.results.map((r) => r.outcome)).toEqual(["UNCHANGED", "REFUSED"]);
    expect(await changeCount(t)).toBe(before);
    const rows = await openRows("CQ-B-003");
    expect(rows.map((r) => r.attempts)).toEqual([2]);
  });

  it("supersedes the misshapen entry's quarantine row when a valid version of the record arrives", async () => {
    const { data } = await ingestBatch({ batch: [inspection("CQ-B-003", { version: 2 })] });
    expect(data?.ingestRecords.results[0]?.outcome).toBe("APPLIED");
    expect(await openRows("CQ-B-003")).toEqual([]);
  });

  it("stores what `records` stores: the same record sent each way reads back the same", async () => {
    const full = inspection("CQ-B-100", {
      kind: "PENALTY_DECISION",
      itemCode: "GZ-001",
      decidedAt: "2026-06-02T10:00:00+08:00",
      fineYuan: "5000.50",
      officerCertificates: ["CQ-1", "CQ-2"],
      payload: { 文书号: "渝高竹罚〔2026〕3号" },
      department: "应急管理局",
      onSite: true,
      lenientKind: "LIGHTER",
    });
    await ingest(t, "cq", { records: [full] });
    await ingestBatch({ batch: [{ ...full, originId: "CQ-B-101" }] });
    const stored = (originId: string) =>
      t.prisma.enforcementRecord.findFirstOrThrow({ where: { originJurisdiction: "cq", originId } });
    const viaRecords = await stored("CQ-B-100");
    const viaBatch = await stored("CQ-B-101");
    const comparable = (row: Record<string, unknown>) => {
      const { id: _i, originId: _o, createdAt: _c, updatedAt: _u, ...rest } = row;
      return rest;
    };
    expect(comparable(viaBatch)).toEqual(comparable(viaRecords));
    // and a replay through the other path is UNCHANGED
    const replay = await ingestBatch({ batch: [full] });
    expect(replay.data?.ingestRecords.results[0]?.outcome).toBe("UNCHANGED");
  });

  it("refuses both `records` and `batch`, or neither, and a batch that is not an array, storing nothing", async () => {
    const before = await t.prisma.enforcementRecord.count();
    const both = await ingestBatch({ batch: [inspection("CQ-B-200")], records: [inspection("CQ-B-201")] });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "RECORDS_OR_BATCH" });
    const neither = await ingestBatch({ cursor: "x" });
    expect(neither.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "RECORDS_OR_BATCH" });
    const notArray = await ingestBatch({ batch: { records: [] } });
    expect(notArray.errors?.[0]?.message).toMatch(/RecordBatch must be a JSON array/);
    const tooLarge = await ingestBatch({ batch: Array.from({ length: 2001 }, () => "x") });
    expect(tooLarge.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "BATCH_TOO_LARGE" });
    expect(await t.prisma.enforcementRecord.count()).toBe(before);
  });

  it("lets nobody retry a misshapen entry at the gateway: its province corrects and replays it", async () => {
    const { data } = await ingestBatch({ batch: [{ ...inspection("CQ-B-300"), extra: 1 }] });
    const id = data?.ingestRecords.results[0]?.quarantineId;
    const read = await t.gql<{ node: { retryable: boolean } }>(
      `query($id: ID!) { node(id: $id) { ... on QuarantinedRecord { retryable } } }`,
      { as: "gz", variables: { id } },
    );
    expect(read.data?.node.retryable).toBe(false);
    const retried = await t.gql(`mutation($id: ID!) { retryQuarantined(id: $id) { result { outcome } } }`, {
      as: "gz",
      variables: { id },
    });
    expect(retried.errors?.[0]?.extensions).toMatchObject({ reason: "NOT_RETRYABLE" });
  });
});

/**
 * The optional record fields the supervision indicators read (department, inspectionMode, onSite,
 * resultPublishedAt, codeScanned, lenientKind): pushed with ingestRecords, stored, read back on the record
 * and published on the change stream; a newer version without them clears them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { ingest, inspection } from "./sync-helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const RECORD = `query($originId: String!) { record(origin: CQ, originId: $originId) {
  department inspectionMode onSite resultPublishedAt codeScanned lenientKind } }`;
const SUPERVISION = {
  department: " 应急管理局 ",
  inspectionMode: "RANDOM" as const,
  onSite: true,
  resultPublishedAt: "2026-06-05T10:00:00+08:00",
  codeScanned: true,
};

describe("supervision fields of a record", () => {
  it("stores, reads back and publishes them", async () => {
    const { errors } = await ingest(t, "cq", { records: [inspection("sv-1", SUPERVISION)] });
    expect(errors).toBeUndefined();
    const { data } = await t.gql<{ record: Record<string, unknown> }>(RECORD, {
      as: "sc",
      variables: { originId: "sv-1" },
    });
    expect(data?.record).toEqual({
      department: "应急管理局",
      inspectionMode: "RANDOM",
      onSite: true,
      resultPublishedAt: "2026-06-05T10:00:00.000+08:00",
      codeScanned: true,
      lenientKind: null,
    });
    const change = await t.prisma.changeEvent.findFirstOrThrow({
      where: { kind: "record.upserted", payload: { path: ["originId"], equals: "sv-1" } },
    });
    expect(change.payload).toMatchObject({
      department: "应急管理局",
      inspectionMode: "RANDOM",
      onSite: true,
      codeScanned: true,
    });
  });

  it("keeps a decision's lenient kind, and a newer version without the fields clears them", async () => {
    const decision = inspection("sv-2", {
      kind: "PENALTY_DECISION",
      itemCode: "GZ-041",
      decidedAt: "2026-06-10T10:00:00+08:00",
      lenientKind: "FIRST_VIOLATION_EXEMPT",
      department: "生态环境局",
    });
    await ingest(t, "cq", { records: [decision] });
    const read = async () =>
      (await t.gql<{ record: Record<string, unknown> }>(RECORD, { as: "gz", variables: { originId: "sv-2" } })).data
        ?.record;
    expect(await read()).toMatchObject({ lenientKind: "FIRST_VIOLATION_EXEMPT", department: "生态环境局" });
    await ingest(t, "cq", { records: [{ ...decision, version: 2, lenientKind: null, department: null }] });
    expect(await read()).toMatchObject({ lenientKind: null, department: null });
  });

  it("quarantines a department over its limit", async () => {
    const { data } = await ingest(t, "cq", { records: [inspection("sv-3", { department: "局".repeat(101) })] });
    expect(data?.ingestRecords.results[0]).toMatchObject({ outcome: "REFUSED", code: "FIELD_TOO_LONG" });
  });
});

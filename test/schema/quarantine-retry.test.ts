/** 重新入库: the committee runs a refused record again, unchanged, once its cause is fixed at the gateway. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keptRecord } from "../../schema/records/rules/kept-record.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { ingest, inspection } from "./sync-helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const RETRY = `mutation($id: ID!) { retryQuarantined(id: $id) {
  result { outcome code } quarantined { status attempts resolution } } }`;
type Retried = {
  retryQuarantined: { result: { outcome: string; code: string | null }; quarantined: Record<string, unknown> };
};

async function quarantinedRow(originId: string): Promise<{ id: string; retryable: boolean }> {
  const { data } = await t.gql<{
    quarantine: { edges: Array<{ node: { id: string; originId: string; retryable: boolean } }> };
  }>("{ quarantine(first: 50, status: QUARANTINED) { edges { node { id originId retryable } } } }", { as: "gz" });
  const row = data?.quarantine.edges.find((e) => e.node.originId === originId);
  if (!row) throw new Error(`${originId} is not quarantined`);
  return row.node;
}

const quarantinedId = async (originId: string) => (await quarantinedRow(originId)).id;

describe("retryQuarantined", () => {
  it("refuses again while the cause stands, and applies the record as sent once the catalog knows its item", async () => {
    await ingest(t, "sc", { records: [inspection("SC-JC-000301", { itemCode: "GZ-900" })] });
    const { id, retryable } = await quarantinedRow("SC-JC-000301");
    expect(retryable).toBe(true);

    const still = await t.gql<Retried>(RETRY, { as: "gz", variables: { id } });
    expect(still.data?.retryQuarantined).toEqual({
      result: { outcome: "REFUSED", code: "UNKNOWN_ITEM" },
      quarantined: { status: "QUARANTINED", attempts: 2, resolution: null },
    });

    const template = await t.prisma.enforcementItem.findUniqueOrThrow({ where: { code: "GZ-017" } });
    const { createdAt: _c, updatedAt: _u, ...item } = template;
    await t.prisma.enforcementItem.create({
      data: { ...item, code: "GZ-900", cqCode: "CQ-RETRY-900", scCode: "SC-RETRY-900" },
    });
    const applied = await t.gql<Retried>(RETRY, { as: "gz", variables: { id } });
    expect(applied.data?.retryQuarantined).toEqual({
      result: { outcome: "APPLIED", code: null },
      quarantined: { status: "REPLAYED", attempts: 2, resolution: "replayed as version 1" },
    });
    const stored = await t.prisma.enforcementRecord.findFirstOrThrow({ where: { originId: "SC-JC-000301" } });
    expect([stored.originJurisdiction, stored.itemCode]).toEqual(["sc", "GZ-900"]);
  });

  it("is the committee's: a province corrects and replays instead", async () => {
    await ingest(t, "cq", { records: [inspection("CQ-JC-000302", { itemCode: "GZ-901" })] });
    const id = await quarantinedId("CQ-JC-000302");
    expect((await t.gql(RETRY, { as: "cq", variables: { id } })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("says NOT_RETRYABLE for an adapter's own payload, which only its province can correct", async () => {
    const { data } = await t.gql<{ quarantineRecords: { quarantined: Array<{ id: string }> } }>(
      `mutation { quarantineRecords(input: { source: "platform", items: [
        { originId: "SC-JC-000303", code: "UNMAPPED_ITEM_CODE", reason: "unknown", payload: { record_no: "SC-JC-000303" } }
      ] }) { quarantined { id } } }`,
      { as: "sc" },
    );
    expect((await quarantinedRow("SC-JC-000303")).retryable).toBe(false);
    const retried = await t.gql(RETRY, { as: "gz", variables: { id: data?.quarantineRecords.quarantined[0]?.id } });
    expect(retried.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "NOT_RETRYABLE" });
  });
});

describe("keptRecord", () => {
  it("reads back dates and the fine in yuan as the ingest path kept them", () => {
    expect(
      keptRecord({
        originId: "SC-CF-1",
        version: 3,
        kind: "PENALTY_DECISION",
        itemCode: "GZ-017",
        enterpriseUscc: "91500112MAG000014A",
        officerCertificates: ["SC-GZ-2024-0001"],
        occurredAt: "2026-06-01T01:00:00.000Z",
        decidedAt: "2026-06-03T01:00:00.000Z",
        fineYuan: "12000.50",
      }),
    ).toMatchObject({
      occurredAt: new Date("2026-06-01T01:00:00.000Z"),
      decidedAt: new Date("2026-06-03T01:00:00.000Z"),
      fineYuan: 1200050n,
      officerCertificates: ["SC-GZ-2024-0001"],
    });
  });

  it("is null for a vendor shape, a field not kept, or a value of the wrong type", () => {
    const base = { originId: "X-1", version: 1, kind: "INSPECTION" };
    expect(keptRecord({ record_no: "X-1" })).toBeNull();
    expect(keptRecord({ ...base, findings: "[not kept: over its limit, see docs/limits.md]" })).toBeNull();
    expect(keptRecord({ ...base, occurredAt: 5 })).toBeNull();
    expect(keptRecord({ ...base, fineYuan: "-1" })).toBeNull();
    expect(keptRecord(base)).toMatchObject(base);
  });
});

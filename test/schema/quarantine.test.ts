import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { ingest, inspection } from "./sync-helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

type Row = {
  id: string;
  origin: string;
  originId: string | null;
  code: string;
  status: string;
  attempts: number;
  resolution: string | null;
  payload: Record<string, unknown>;
};
const QUARANTINE = `query($status: QuarantineStatus) { quarantine(first: 50, status: $status) { totalCount edges { node {
  id origin originId code status attempts resolution payload } } } }`;
const list = async (as: "cq" | "sc" | "gz", status?: string) =>
  (
    await t.gql<{ quarantine: { totalCount: number; edges: Array<{ node: Row }> } }>(QUARANTINE, {
      as,
      variables: { status },
    })
  ).data?.quarantine;

const REPLAY = `mutation($id: ID!, $record: RecordInput!) { replayQuarantined(input: { id: $id, record: $record }) {
  result { outcome code recordId } quarantined { status resolution } } }`;

describe("quarantine of invalid records", () => {
  it("quarantines invalid records with a code and stores the valid ones behind them", async () => {
    const { data } = await ingest(t, "sc", {
      records: [
        inspection("SC-JC-000101"),
        inspection("SC-JC-000102", { itemCode: "SC-511623-XZCF-00001" }),
        inspection("SC-JC-000103"),
        inspection("SC-JC-000104", {
          enterpriseUscc: "91500112MAG000014B",
          payload: { party: { phone: "13812345678" } },
        }),
        inspection("SC-JC-000105", { occurredAt: null }),
      ],
    });
    expect(data?.ingestRecords).toMatchObject({ counts: { applied: 2, refused: 3 } });
    expect(data?.ingestRecords.results.map((r) => r.code)).toEqual([
      null,
      "UNKNOWN_ITEM",
      null,
      "BAD_USCC",
      "MISSING_FIELD",
    ]);
    expect(
      await t.prisma.enforcementRecord.count({ where: { originId: { in: ["SC-JC-000101", "SC-JC-000103"] } } }),
    ).toBe(2);
  });

  it("shows a province its own quarantine and the committee all, personal data masked outside the origin", async () => {
    expect((await list("sc", "QUARANTINED"))?.totalCount).toBe(3);
    expect((await list("cq"))?.totalCount).toBe(0);
    const gz = await list("gz", "QUARANTINED");
    expect(gz?.totalCount).toBe(3);
    const masked = gz?.edges.find((e) => e.node.originId === "SC-JC-000104")?.node.payload as {
      payload: { party: { phone: string } };
    };
    expect(masked.payload.party.phone).toBe("***********");
    const own = (await list("sc"))?.edges.find((e) => e.node.originId === "SC-JC-000104")?.node
      .payload as typeof masked;
    expect(own.payload.party.phone).toBe("13812345678");
  });

  it("counts a refusal sent again as an attempt on the same row, not a new row", async () => {
    await ingest(t, "sc", { records: [inspection("SC-JC-000102", { itemCode: "SC-511623-XZCF-00001" })] });
    const rows = await t.prisma.quarantinedRecord.findMany({ where: { originId: "SC-JC-000102" } });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([["QUARANTINED", 2]]);
  });

  it("replays a corrected record through ingest: the record is stored and the row becomes REPLAYED", async () => {
    const row = (await list("sc", "QUARANTINED"))?.edges.find((e) => e.node.originId === "SC-JC-000102")?.node;
    const still = await t.gql<{ replayQuarantined: { result: { outcome: string; code: string } } }>(REPLAY, {
      as: "sc",
      variables: { id: row?.id, record: inspection("SC-JC-000102", { itemCode: "NO-SUCH" }) },
    });
    expect(still.data?.replayQuarantined.result).toMatchObject({ outcome: "REFUSED", code: "UNKNOWN_ITEM" });

    const fixed = await t.gql<{
      replayQuarantined: { result: { outcome: string }; quarantined: { status: string; resolution: string } };
    }>(REPLAY, {
      as: "sc",
      variables: { id: row?.id, record: inspection("SC-JC-000102", { itemCode: "GZ-017" }) },
    });
    expect(fixed.data?.replayQuarantined).toMatchObject({
      result: { outcome: "APPLIED" },
      quarantined: { status: "REPLAYED", resolution: "replayed as version 1" },
    });
    expect(
      await t.prisma.enforcementRecord.count({ where: { originJurisdiction: "sc", originId: "SC-JC-000102" } }),
    ).toBe(1);
    expect(
      await t.prisma.changeEvent.count({
        where: { kind: "record.upserted", payload: { path: ["originId"], equals: "SC-JC-000102" } },
      }),
    ).toBe(1);

    const again = await t.gql(REPLAY, { as: "sc", variables: { id: row?.id, record: inspection("SC-JC-000102") } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "NOT_QUARANTINED" });
  });

  it("lets only the origin province replay or discard its rows", async () => {
    const row = (await list("sc", "QUARANTINED"))?.edges.find((e) => e.node.originId === "SC-JC-000104")?.node;
    const byCq = await t.gql(REPLAY, { as: "cq", variables: { id: row?.id, record: inspection("SC-JC-000104") } });
    expect(byCq.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const DISCARD = `mutation($id: ID!) {
      discardQuarantined(input: { id: $id, reason: "企业已注销" }) { quarantined { status resolution } } }`;
    expect((await t.gql(DISCARD, { as: "gz", variables: { id: row?.id } })).errors?.[0]?.extensions?.code).toBe(
      "FORBIDDEN",
    );
    const discarded = await t.gql<{ discardQuarantined: { quarantined: { status: string; resolution: string } } }>(
      DISCARD,
      {
        as: "sc",
        variables: { id: row?.id },
      },
    );
    expect(discarded.data?.discardQuarantined.quarantined).toEqual({
      status: "DISCARDED",
      resolution: "discarded: 企业已注销",
    });
    expect(await t.prisma.enforcementRecord.count({ where: { originId: "SC-JC-000104" } })).toBe(0);
  });

  it("supersedes a quarantined version when a newer valid version arrives", async () => {
    await ingest(t, "sc", { records: [inspection("SC-JC-000105", { version: 2 })] });
    const row = await t.prisma.quarantinedRecord.findFirst({ where: { originId: "SC-JC-000105" } });
    expect([row?.status, row?.resolution]).toEqual(["SUPERSEDED", "superseded by version 2"]);
  });
});

describe("quarantineRecords: what an adapter could not map", () => {
  it("is visible and replayable like a refused record", async () => {
    const QUARANTINE_ITEMS = `mutation($items: [QuarantineItemInput!]!) {
      quarantineRecords(input: { source: "platform", items: $items }) { quarantined { id code status version } } }`;
    const raw = { record_no: "SC-JC-000200", item_code: "SC-UNKNOWN-1", rev: 4 };
    const { data } = await t.gql<{
      quarantineRecords: { quarantined: Array<{ id: string; code: string; status: string; version: number }> };
    }>(QUARANTINE_ITEMS, {
      as: "sc",
      variables: {
        items: [
          {
            originId: "SC-JC-000200",
            version: 4,
            code: "UNMAPPED_ITEM_CODE",
            reason: "SC-UNKNOWN-1 不在目录中",
            payload: raw,
          },
        ],
      },
    });
    const row = data?.quarantineRecords.quarantined[0];
    expect(row).toMatchObject({ code: "UNMAPPED_ITEM_CODE", status: "QUARANTINED", version: 4 });
    const bad = await t.gql(QUARANTINE_ITEMS, {
      as: "sc",
      variables: { items: [{ code: "lower case", reason: "x", payload: {} }] },
    });
    expect(bad.errors?.[0]?.extensions?.reason).toBe("BAD_CODE");

    const replayed = await t.gql<{
      replayQuarantined: { result: { outcome: string }; quarantined: { status: string } };
    }>(REPLAY, {
      as: "sc",
      variables: { id: row?.id, record: inspection("SC-JC-000200", { version: 4 }) },
    });
    expect(replayed.data?.replayQuarantined).toMatchObject({
      result: { outcome: "APPLIED" },
      quarantined: { status: "REPLAYED" },
    });
  });
});

/**
 * One bad character must not sink a batch: a NUL byte or a lone surrogate (which PostgreSQL cannot
 * store: 22021, 22P05, 22P02) in one record is refused for that record with a stable code; the rest of
 * the batch and the cursor are stored. Names also refuse bidi overrides and zero-width characters.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  enterpriseRecord,
  officerRecord,
  UPSERT_ENTERPRISES,
  UPSERT_OFFICERS,
  type UpsertPayload,
  uscc,
} from "../schema/libraries-helpers.ts";
import { ingest, inspection } from "../schema/sync-helpers.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const LONE_HIGH = "\uD800";
const LONE_LOW = "\uDC00";

describe("records: a bad character quarantines its record only", () => {
  it.each([
    ["a NUL byte in findings", { findings: "现场\u0000检查" }, "findings"],
    ["a lone surrogate in a payload key", { payload: { party: { [`name${LONE_LOW}`]: "x" } } }, "payload.party"],
    ["a NUL byte deep in a payload value", { payload: { list: [{ v: "a\u0000" }] } }, "payload.list[0].v"],
    ["a lone surrogate in result", { result: `合格${LONE_HIGH}` }, "result"],
    ["a NUL byte in the item code (a key the batch looks up)", { itemCode: "GZ-0\u000017" }, "itemCode"],
  ])("%s", async (_case, bad, path) => {
    const n = Math.floor(Math.random() * 1e6);
    const ids = [`SC-TXT-${n}-1`, `SC-TXT-${n}-2`, `SC-TXT-${n}-3`];
    const answer = await ingest(t, "sc", {
      cursor: `since:${n}`,
      records: [inspection(ids[0] as string), inspection(ids[1] as string, bad), inspection(ids[2] as string)],
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.ingestRecords).toMatchObject({ counts: { applied: 2, refused: 1 }, cursor: `since:${n}` });
    const refused = answer.data?.ingestRecords.results[1];
    expect(refused).toMatchObject({ outcome: "REFUSED", code: "INVALID_TEXT" });
    expect(refused?.message).toContain(path);
    const checkpoint = await t.prisma.syncCheckpoint.findUnique({ where: { id: "sc:platform:inbound" } });
    expect(checkpoint?.cursor).toBe(`since:${n}`);
    // the refused record is kept, readable, with the bad characters replaced
    const row = await t.prisma.quarantinedRecord.findFirstOrThrow({ where: { originId: ids[1] } });
    expect(row.code).toBe("INVALID_TEXT");
    expect(JSON.stringify(row.payload)).toContain("\uFFFD");
  });
});

describe("records: bad characters in the keys of a batch", () => {
  it("a NUL byte in an originId quarantines that record; the batch is stored", async () => {
    const answer = await ingest(t, "sc", {
      records: [inspection("SC-TXT-KEY-1"), inspection("SC-TXT\u0000KEY-2"), inspection("SC-TXT-KEY-3")],
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.ingestRecords).toMatchObject({ counts: { applied: 2, refused: 1 } });
    expect(answer.data?.ingestRecords.results[1]?.code).toBe("INVALID_ORIGIN_ID");
  });

  it("an adapter's quarantineRecords keeps a vendor payload holding NUL bytes, readable", async () => {
    const answer = await t.gql<{
      quarantineRecords: { quarantined: Array<{ code: string; payload: { raw: string } }> };
    }>(
      `mutation($items: [QuarantineItemInput!]!) {
        quarantineRecords(input: { source: "platform", items: $items }) { quarantined { code payload } } }`,
      {
        as: "sc",
        variables: {
          items: [{ originId: "V\u00001", code: "UNMAPPED_ITEM_CODE", reason: "x", payload: { raw: "a\u0000b" } }],
        },
      },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.quarantineRecords.quarantined[0]?.payload.raw).toBe("a\uFFFDb");
  });
});

describe("libraries: a bad character refuses its record only", () => {
  it("a batch of three officers with a NUL byte in the middle one stores two and refuses one", async () => {
    const answer = await t.gql<{ upsertOfficers: UpsertPayload }>(UPSERT_OFFICERS, {
      as: "sc",
      variables: {
        records: [
          officerRecord({ certificateNumber: "SC-TXT-0001" }),
          officerRecord({ certificateNumber: "SC-TXT-0002", name: "张\u0000三" }),
          officerRecord({ certificateNumber: "SC-TXT-0003" }),
        ],
      },
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.upsertOfficers).toMatchObject({ counts: { applied: 2, refused: 1 } });
    expect(answer.data?.upsertOfficers.results[1]).toMatchObject({ outcome: "REFUSED", code: "INVALID_TEXT" });
    expect(await t.prisma.officer.count({ where: { certificateNumber: { startsWith: "SC-TXT-" } } })).toBe(2);
  });

  it("an enterprise with a lone surrogate in its address is refused, the others stored", async () => {
    const answer = await t.gql<{ upsertEnterprises: UpsertPayload }>(UPSERT_ENTERPRISES, {
      as: "sc",
      variables: {
        records: [
          enterpriseRecord({ uscc: uscc("511623", 701) }),
          enterpriseRecord({ uscc: uscc("511623", 702), address: `四川省广安市${LONE_HIGH}` }),
        ],
      },
    });
    expect(answer.data?.upsertEnterprises).toMatchObject({ counts: { applied: 1, refused: 1 } });
    expect(answer.data?.upsertEnterprises.results[1]?.code).toBe("INVALID_TEXT");
  });

  it.each([
    ["a right-to-left override", "张三\u202Egnp.exe"],
    ["a zero-width space", "张\u200B三"],
    ["a byte-order mark", "\uFEFF张三"],
    ["a first-strong isolate", "张\u2068三"],
  ])("an officer's name with %s is refused with INVALID_NAME", async (_case, name) => {
    const answer = await t.gql<{ upsertOfficers: UpsertPayload }>(UPSERT_OFFICERS, {
      as: "sc",
      variables: { records: [officerRecord({ certificateNumber: "SC-TXT-0100", name })] },
    });
    expect(answer.data?.upsertOfficers.results[0]).toMatchObject({ outcome: "REFUSED", code: "INVALID_NAME" });
  });

  it("an enterprise's name with a bidi override is refused with INVALID_NAME", async () => {
    const answer = await t.gql<{ upsertEnterprises: UpsertPayload }>(UPSERT_ENTERPRISES, {
      as: "sc",
      variables: { records: [enterpriseRecord({ uscc: uscc("511623", 703), name: "测试\u202D有限公司" })] },
    });
    expect(answer.data?.upsertEnterprises.results[0]).toMatchObject({ outcome: "REFUSED", code: "INVALID_NAME" });
  });
});

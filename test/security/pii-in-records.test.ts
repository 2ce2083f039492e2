/**
 * Personal data a platform writes freely — in a record's extra fields under names nobody agreed on, in
 * arrays and nested objects, in free text — read across jurisdictions through the API: `record`,
 * `records`, `changes`, `quarantine`. No run of 6 digits of the ID or the phone number appears anywhere
 * in the answer; the origin (and gz with pii:read) still reads it in clear.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Jurisdiction } from "../../schema/common/jurisdiction.ts";
import { openChanges } from "../schema/sse.ts";
import { ingest, inspection } from "../schema/sync-helpers.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const ID = "513822198709234615";
const PHONE = "13987654321";
const LANDLINE = "0826-2345678";

const payload = {
  idNumber: [ID],
  citizenId: { value: ID },
  sfzh: ID,
  当事人身份证号: ID,
  tel: PHONE,
  contactPhones: [PHONE, `+86 ${PHONE.slice(0, 3)} ${PHONE.slice(3, 7)} ${PHONE.slice(7)}`],
  address: "四川省广安市邻水县高滩镇示例街12号",
  // names no masker knows, and free text
  x1: { y: [{ z: `证件 ${ID}` }] },
  备注: `当事人手机${PHONE}，办公室${LANDLINE}`,
};
const findings = `当事人王某（身份证号${ID}，电话${PHONE}）未按规定设置警示标志`;

/** every 6-digit window of a number: none may appear in clear */
const windows = (number: string) => {
  const digits = number.replace(/\D/g, "");
  return Array.from({ length: digits.length - 5 }, (_, i) => digits.slice(i, i + 6));
};
const SECRETS = [...windows(ID), ...windows(PHONE), ...windows(LANDLINE)];

function expectNoneInClear(answer: unknown) {
  const text = JSON.stringify(answer);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

const RECORD = `query($originId: String!) { record(origin: SC, originId: $originId) { findings result payload } }`;
const RECORDS = `{ records(first: 50, origin: SC) { edges { node { originId findings result payload } } } }`;
const QUARANTINE = `{ quarantine(first: 50) { edges { node { originId reason payload } } } }`;

async function read(query: string, as: Jurisdiction, scopes?: string[], variables?: Record<string, unknown>) {
  const answer = await t.gql(query, { as, scopes, variables });
  expect(answer.errors).toBeUndefined();
  return answer.data;
}

describe("personal data in a Sichuan record read by Chongqing", () => {
  let afterSeq: string;
  beforeAll(async () => {
    afterSeq = String((await t.prisma.changeEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n);
    const pushed = await ingest(t, "sc", {
      records: [
        inspection("SC-PII-000001", { findings, result: `责令改正，联系${PHONE}`, payload }),
        // quarantined: the item is unknown, and the reason quotes the refused USCC (an ID number here)
        inspection("SC-PII-000002", { itemCode: "NO-SUCH-ITEM", findings, payload }),
        inspection("SC-PII-000003", { enterpriseUscc: ID, findings, payload }),
      ],
    });
    expect(pushed.data?.ingestRecords).toMatchObject({ counts: { applied: 1, refused: 2 } });
  });

  it("record and records: findings, result and payload masked at any depth", async () => {
    const one = await read(RECORD, "cq", undefined, { originId: "SC-PII-000001" });
    expect(one).toMatchObject({ record: { payload: { tel: "***********", sfzh: "******************" } } });
    expectNoneInClear(one);
    expectNoneInClear(await read(RECORDS, "cq"));
    expectNoneInClear(await read(RECORDS, "gz"));
  });

  it("changes: the record's event masked for Chongqing and for gz without pii:read", async () => {
    for (const [as, scopes] of [
      ["cq", undefined],
      ["gz", undefined],
    ] as const) {
      const stream = await openChanges(t, { as, scopes, variables: { afterSeq, kinds: ["record.upserted"] } });
      const [change] = await stream.take(1);
      await stream.close();
      expect(change?.payload.originId).toBe("SC-PII-000001");
      // checked identifiers stay intact
      expect(change?.payload.enterpriseUscc).toBe("91500112MAG000014A");
      expectNoneInClear(change);
    }
  });

  it("quarantine: gz without pii:read sees payload and reason masked", async () => {
    const seen = await read(QUARANTINE, "gz");
    expect(JSON.stringify(seen)).toContain("SC-PII-000003");
    expectNoneInClear(seen);
  });

  it("the origin and gz with pii:read read it in clear", async () => {
    for (const [as, scopes] of [
      ["sc", undefined],
      ["gz", ["pii:read"]],
    ] as const) {
      const one = await read(RECORD, as, scopes ? [...scopes] : undefined, { originId: "SC-PII-000001" });
      expect(one).toEqual({ record: { findings, result: `责令改正，联系${PHONE}`, payload } });
      expect(JSON.stringify(await read(QUARANTINE, as, scopes ? [...scopes] : undefined))).toContain(ID);
    }
  });
});

describe("free text in the libraries", () => {
  it("an officer's unit and an enterprise's address holding a phone number are masked for the other province", async () => {
    const upsert = await t.gql<{ upsertOfficers: { counts: { applied: number } } }>(
      `mutation($records: [OfficerInput!]!) { upsertOfficers(input: { officers: $records }) { counts { applied } } }`,
      {
        as: "sc",
        variables: {
          records: [{ certificateNumber: "SC-PII-0001", name: "王五", version: 1, unit: `邻水县应急局 ${PHONE}` }],
        },
      },
    );
    expect(upsert.data?.upsertOfficers.counts.applied).toBe(1);
    const OFFICER = `{ officers(first: 5, name: "王五") { edges { node { unit history(first: 10) { edges { node { written { field value } } } } } } } }`;
    expectNoneInClear(await read(OFFICER, "cq"));
    expect(JSON.stringify(await read(OFFICER, "sc"))).toContain(PHONE);
  });
});

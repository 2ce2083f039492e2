/**
 * `Change.subject`: a consumer of `changes` gets the changed record's fields, typed — and the same
 * masking and visibility as the stream's `payload` (schema/sync/rules/visibility.ts): the other
 * province reads a Sichuan officer's ID number, phone and address masked; Sichuan itself in clear.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { officerRecord, UPSERT_OFFICERS, type UpsertPayload } from "./libraries-helpers.ts";
import { openChanges } from "./sse.ts";
import { ingest, inspection } from "./sync-helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway({ env: { STREAM_HEARTBEAT_MS: "400", STREAM_POLL_MS: "150" } });
});
afterAll(() => t.dispose());

const SUBJECTS = `subscription($afterSeq: String, $kinds: [String!], $includeOwn: Boolean) {
  changes(afterSeq: $afterSeq, kinds: $kinds, includeOwn: $includeOwn) {
    seq kind subject {
      __typename
      ... on ChangedOfficer { key writer changedFields officer {
        certificateNumber name homeJurisdiction status certificateValidTo qualifiedDomains idNumber phone homeAddress version } }
      ... on ChangedRecord { id origin originId version kind itemCode enterpriseUscc occurredAt result findings payload }
    } } }`;

interface Subject {
  __typename: string;
  officer?: Record<string, unknown>;
  [field: string]: unknown;
}

const newestSeq = async () => String((await t.prisma.changeEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n);

async function subjectAs(as: "cq" | "sc" | "gz", afterSeq: string, kind: string, scopes?: string[]) {
  const stream = await openChanges(t, {
    as,
    scopes,
    query: SUBJECTS,
    variables: { afterSeq, kinds: [kind], includeOwn: true },
  });
  try {
    const change = (await stream.next()) as unknown as { kind: string; subject: Subject | null };
    expect(change.kind).toBe(kind);
    return change.subject;
  } finally {
    await stream.close();
  }
}

describe("Change.subject", () => {
  it("gives the other province a Sichuan officer's change typed, its personal data masked; Sichuan in clear", async () => {
    const afterSeq = await newestSeq();
    const officer = officerRecord({ certificateNumber: "SC-GZ-2026-0950" });
    const written = await t.gql<{ upsertOfficers: UpsertPayload }>(UPSERT_OFFICERS, {
      as: "sc",
      variables: { records: [officer] },
    });
    expect(written.data?.upsertOfficers.results[0]?.outcome).toBe("APPLIED");

    const byCq = await subjectAs("cq", afterSeq, "officer.upserted");
    expect(byCq).toMatchObject({
      __typename: "ChangedOfficer",
      key: "SC-GZ-2026-0950",
      writer: "SC",
      officer: {
        certificateNumber: "SC-GZ-2026-0950",
        name: officer.name,
        homeJurisdiction: "SC",
        status: "ACTIVE",
        certificateValidTo: "2030-12-31",
        qualifiedDomains: ["MARKET", "URBAN"],
        version: 1,
      },
    });
    const masked = byCq?.officer ?? {};
    for (const field of ["idNumber", "phone", "homeAddress"]) {
      expect(masked[field]).not.toBe(officer[field as keyof typeof officer]);
    }
    expect(String(masked.idNumber)).not.toMatch(/\d{6}/);
    expect(String(masked.phone)).not.toMatch(/\d{4}/);

    const bySc = await subjectAs("sc", afterSeq, "officer.upserted");
    expect(bySc?.officer).toMatchObject({
      idNumber: officer.idNumber,
      phone: officer.phone,
      homeAddress: officer.homeAddress,
    });
    // the committee without pii:read: masked as well
    const byGz = await subjectAs("gz", afterSeq, "officer.upserted");
    expect(byGz?.officer?.idNumber).toBe(masked.idNumber);
  });

  it("gives a record's fields typed, its free text masked for the other province, in clear for its own", async () => {
    const afterSeq = await newestSeq();
    const phone = "13912345678";
    await ingest(t, "sc", {
      records: [inspection("SC-SUBJ-000001", { findings: `当事人电话${phone}`, payload: { contactPhone: phone } })],
    });
    const byCq = await subjectAs("cq", afterSeq, "record.upserted");
    expect(byCq).toMatchObject({
      __typename: "ChangedRecord",
      origin: "SC",
      originId: "SC-SUBJ-000001",
      version: 1,
      kind: "INSPECTION",
      itemCode: "GZ-017",
      occurredAt: expect.stringMatching(/^2026-06-01T09:00:00(\.000)?\+08:00$/),
    });
    expect(JSON.stringify(byCq)).not.toContain(phone);
    const bySc = await subjectAs("sc", afterSeq, "record.upserted");
    expect(bySc).toMatchObject({ findings: `当事人电话${phone}`, payload: { contactPhone: phone } });
  });
});

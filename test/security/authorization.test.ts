/**
 * Authorization declared in the schema, attacked over HTTP: a valid token without the right is
 * refused with 403 FORBIDDEN (no token at all: 401), sees nothing, and writes nothing.
 * REFUSED_WRITES is the table to extend when a mutation is added.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Jurisdiction } from "../../schema/common/jurisdiction.ts";
import {
  citizenId,
  enterpriseRecord,
  officerRecord,
  UPSERT_ENTERPRISES,
  UPSERT_OFFICERS,
  type UpsertPayload,
} from "../schema/libraries-helpers.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { expectRefused, latestAudit, MERGE_BENCHMARKS, MERGEABLE_ITEMS, READ_DOMAINS, writtenRows } from "./helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

interface WriteAttempt {
  name: string;
  as: Jurisdiction;
  /** omitted: the issuer's normal rights */
  scopes?: string[];
  document: string;
  variables: Record<string, unknown>;
  /** a finer `extensions.reason`, when the mutation gives one */
  reason?: string;
}

const REPORT_DECISION = `mutation Report($input: ReportPenaltyDecisionInput!) {
  reportPenaltyDecision(input: $input) { recordId origin originId version applied }
}`;
const INGEST_RECORDS = `mutation Ingest($input: IngestRecordsInput!) { ingestRecords(input: $input) { counts { applied } cursor } }`;

/** a penalty decision on GZ-041 (水污染防治法 第83条), within its benchmark */
const decision = (originId: string, over: Record<string, unknown> = {}) => ({
  originId,
  version: 1,
  itemCode: "GZ-041",
  occurredAt: "2025-03-01T10:00:00+08:00",
  decidedAt: "2025-04-01T10:00:00+08:00",
  fineYuan: "200000.00",
  ...over,
});

/** Whole-request refusals: each must answer 403 FORBIDDEN and leave every table unchanged. */
const REFUSED_WRITES: WriteAttempt[] = [
  ...(["cq", "sc"] as const).map((province) => ({
    name: `${province} merges benchmarks (管委会 only)`,
    as: province,
    document: MERGE_BENCHMARKS,
    variables: { code: MERGEABLE_ITEMS[0] },
  })),
  {
    name: "cq naming catalog:write in its token (outside its ceiling, ignored) merges benchmarks",
    as: "cq",
    scopes: ["catalog:write"],
    document: MERGE_BENCHMARKS,
    variables: { code: MERGEABLE_ITEMS[0] },
  },
  {
    name: "a read-only gz token merges benchmarks",
    as: "gz",
    scopes: ["read"],
    document: MERGE_BENCHMARKS,
    variables: { code: MERGEABLE_ITEMS[0] },
  },
  {
    name: "a gz token for dispatch only merges benchmarks",
    as: "gz",
    scopes: ["dispatch:write", "audit:read", "pii:read"],
    document: MERGE_BENCHMARKS,
    variables: { code: MERGEABLE_ITEMS[0] },
  },
  {
    name: "sc pushing a penalty decision as origin cq",
    as: "sc",
    document: REPORT_DECISION,
    variables: { input: decision("forged-by-sc", { origin: "CQ" }) },
    reason: "ORIGIN_MISMATCH",
  },
  {
    name: "a read-only cq token pushing a penalty decision",
    as: "cq",
    scopes: ["read"],
    document: REPORT_DECISION,
    variables: { input: decision("cq-read-only") },
  },
  {
    name: "gz pushing a penalty decision (records are the provinces')",
    as: "gz",
    document: REPORT_DECISION,
    variables: { input: decision("gz-decision") },
  },
  ...(["gz", "cq"] as const).map((issuer) => ({
    name: `${issuer === "gz" ? "gz" : "a read-only cq token"} ingesting records`,
    as: issuer,
    scopes: issuer === "cq" ? ["read"] : undefined,
    document: INGEST_RECORDS,
    variables: { input: { source: "platform", cursor: "c-1", records: [] } },
  })),
  {
    name: "a read-only cq token upserting officers",
    as: "cq",
    scopes: ["read"],
    document: UPSERT_OFFICERS,
    variables: {
      records: [officerRecord({ certificateNumber: "CQ-GZ-2026-0990", idNumber: citizenId("500112", "19900101") })],
    },
  },
  {
    name: "an sc token for records only upserting enterprises",
    as: "sc",
    scopes: ["records:write"],
    document: UPSERT_ENTERPRISES,
    variables: { records: [enterpriseRecord()] },
  },
];

describe("writes without the right", () => {
  it.each(REFUSED_WRITES)("$name → 403 FORBIDDEN, nothing written, audited", async (attempt) => {
    const before = await writtenRows(t.prisma);
    const result = await t.gql(attempt.document, {
      as: attempt.as,
      scopes: attempt.scopes,
      variables: attempt.variables,
    });
    expectRefused(result, 403, "FORBIDDEN", attempt.reason);
    expect(await writtenRows(t.prisma)).toEqual(before);
    expect(await latestAudit(t)).toMatchObject({
      issuer: attempt.as,
      outcome: "REFUSED",
      errorCode: attempt.reason ?? "FORBIDDEN",
    });
  });

  it("control: the committee with catalog:write does write", async () => {
    const before = await writtenRows(t.prisma);
    const result = await t.gql(MERGE_BENCHMARKS, {
      as: "gz",
      scopes: ["catalog:write"],
      variables: { code: MERGEABLE_ITEMS[0] },
    });
    expect(result.errors).toBeUndefined();
    expect((await writtenRows(t.prisma)).benchmarks).toBe(before.benchmarks + 1);
  });
});

describe("a province writes only its own records", () => {
  it.each([
    ["sc", "cq"],
    ["cq", "sc"],
  ] as const)("%s cannot overwrite an officer of %s: refused per record, nothing written", async (writer, owner) => {
    const victim = await t.prisma.officer.findFirstOrThrow({ where: { homeJurisdiction: owner } });
    const before = await writtenRows(t.prisma);
    const result = await t.gql<{ upsertOfficers: UpsertPayload }>(UPSERT_OFFICERS, {
      as: writer,
      variables: {
        records: [officerRecord({ certificateNumber: victim.certificateNumber, name: "冒名", version: 999 })],
      },
    });
    expect(result.data!.upsertOfficers.results.map((r) => [r.outcome, r.code])).toEqual([["REFUSED", "FORBIDDEN"]]);
    expect(await t.prisma.officer.findUniqueOrThrow({ where: { id: victim.id } })).toEqual(victim);
    expect(await writtenRows(t.prisma)).toEqual(before);
  });

  it("sc pushing a decision under cq's id stores an sc record and leaves cq's untouched", async () => {
    expect(
      (await t.gql(REPORT_DECISION, { as: "cq", variables: { input: decision("D-2025-001") } })).errors,
    ).toBeUndefined();
    const key = (origin: string) => ({
      originJurisdiction_originId: { originJurisdiction: origin, originId: "D-2025-001" },
    });
    const cqRecord = await t.prisma.enforcementRecord.findUniqueOrThrow({ where: key("cq") });
    const result = await t.gql(REPORT_DECISION, {
      as: "sc",
      variables: { input: decision("D-2025-001", { version: 7, fineYuan: "100000.00" }) },
    });
    expect(result.data).toMatchObject({ reportPenaltyDecision: { origin: "SC", version: 7 } });
    expect(await t.prisma.enforcementRecord.findUniqueOrThrow({ where: key("cq") })).toEqual(cqRecord);
  });
});

describe("reads without the right", () => {
  const ITEMS = "{ items(first: 3) { totalCount edges { node { code name } } } }";

  it("a catalog:write-only token cannot read items → 403, no data", async () => {
    expectRefused(await t.gql(ITEMS, { as: "gz", scopes: ["catalog:write"] }), 403, "FORBIDDEN");
    expectRefused(await t.gql(READ_DOMAINS, { as: "gz", scopes: ["catalog:write"] }), 403, "FORBIDDEN");
  });

  it("a token naming only an unknown scope narrows to nothing → 403", async () => {
    expectRefused(await t.gql(ITEMS, { as: "cq", scopes: ["raed"] }), 403, "FORBIDDEN");
  });

  it("a read token does read", async () => {
    const result = await t.gql<{ items: { totalCount: number } }>(ITEMS, { as: "cq", scopes: ["read"] });
    expect(result.status).toBe(200);
    expect(result.data!.items.totalCount).toBeGreaterThan(0);
  });

  it("a refused field beside allowed ones reveals nothing: the response carries no data", async () => {
    // verifyAudit is non-null: its refusal nulls the whole response, so no item leaks beside it
    const result = await t.gql(`{ items(first: 1) { totalCount } verifyAudit { ok checked } }`, { as: "cq" });
    expectRefused(result, 403, "FORBIDDEN");
    expect(result.errors?.[0]?.path).toEqual(["verifyAudit"]);
  });

  it("no token on a protected field → 401, not 403", async () => {
    expectRefused(await t.gql(ITEMS), 401, "UNAUTHENTICATED", "MISSING_TOKEN");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyOf } from "../../schema/common/node-access.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { changeCount, ingest, inspection, USCC } from "./sync-helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const inbound = (issuer: string) => t.prisma.syncCheckpoint.findUnique({ where: { id: `${issuer}:platform:inbound` } });

describe("ingestRecords: a batch and its cursor in one transaction", () => {
  it("stores the records, the source cursor and one change event per applied record", async () => {
    const before = await changeCount(t);
    const records = [
      inspection("SC-JC-000001"),
      inspection("SC-JC-000002", { result: "不合格", payload: { note: "复查" } }),
    ];
    const { data, errors } = await ingest(t, "sc", {
      cursor: "since:2",
      sourceTime: "2026-06-01T10:00:00+08:00",
      records,
    });
    expect(errors).toBeUndefined();
    expect(data?.ingestRecords).toMatchObject({
      counts: { applied: 2, unchanged: 0, stale: 0, refused: 0 },
      cursor: "since:2",
    });
    expect((await inbound("sc"))?.cursor).toBe("since:2");

    const events = await t.prisma.changeEvent.findMany({
      where: { seq: { gt: BigInt(before) } },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => [e.kind, e.originJurisdiction])).toEqual([
      ["record.upserted", "sc"],
      ["record.upserted", "sc"],
    ]);
    expect(events[1]?.payload).toMatchObject({
      origin: "sc",
      originId: "SC-JC-000002",
      version: 1,
      result: "不合格",
      payload: { note: "复查" },
    });

    // 互认: Chongqing reads Sichuan's records
    const read = await t.gql<{
      records: { totalCount: number; edges: Array<{ node: { originId: string; origin: string } }> };
    }>("{ records(first: 10, origin: SC, kind: INSPECTION) { totalCount edges { node { originId origin } } } }", {
      as: "cq",
    });
    expect(read.data?.records.totalCount).toBe(2);
    expect(read.data?.records.edges.map((e) => e.node.originId)).toEqual(["SC-JC-000001", "SC-JC-000002"]);
    type Page = { records: { edges: Array<{ node: { originId: string } }>; pageInfo: { endCursor: string } } };
    const PAGE =
      "query($after: String) { records(first: 1, after: $after, origin: SC) { edges { node { originId } } pageInfo { endCursor } } }";
    const first = await t.gql<Page>(PAGE, { as: "cq" });
    const second = await t.gql<Page>(PAGE, { as: "cq", variables: { after: first.data?.records.pageInfo.endCursor } });
    expect(second.data?.records.edges.map((e) => e.node.originId)).toEqual(["SC-JC-000002"]);
    const one = await t.gql<{ record: { version: number; findings: string } }>(
      '{ record(origin: SC, originId: "SC-JC-000001") { version findings } }',
      { as: "gz" },
    );
    expect(one.data?.record).toEqual({ version: 1, findings: "未发现违法行为" });
  });

  it("changes nothing when the same batch is sent again: no new change events", async () => {
    const before = await changeCount(t);
    const records = [
      inspection("SC-JC-000001"),
      inspection("SC-JC-000002", { result: "不合格", payload: { note: "复查" } }),
    ];
    const { data } = await ingest(t, "sc", { cursor: "since:2", records });
    expect(data?.ingestRecords).toMatchObject({ counts: { applied: 0, unchanged: 2, stale: 0, refused: 0 } });
    expect(data?.ingestRecords.results.map((r) => [r.outcome, r.code])).toEqual([
      ["UNCHANGED", null],
      ["UNCHANGED", null],
    ]);
    expect(await changeCount(t)).toBe(before);
  });

  it("keeps the newer version when an older one arrives late, and flags a same-version conflict", async () => {
    await ingest(t, "sc", { records: [inspection("SC-JC-000010", { version: 3, result: "不合格" })] });
    const before = await changeCount(t);
    const late = await ingest(t, "sc", {
      records: [
        inspection("SC-JC-000010", { version: 2, result: "合格" }),
        inspection("SC-JC-000010", { version: 3, result: "合格" }),
      ],
    });
    expect(late.data?.ingestRecords.results.map((r) => [r.outcome, r.code])).toEqual([
      ["STALE", null],
      ["STALE", "VERSION_CONFLICT"],
    ]);
    const stored = await t.prisma.enforcementRecord.findUnique({
      where: { originJurisdiction_originId: { originJurisdiction: "sc", originId: "SC-JC-000010" } },
    });
    expect([stored?.version, stored?.result]).toEqual([3, "不合格"]);
    expect(await changeCount(t)).toBe(before);
  });

  it("replaces every field of a stored record with a newer version from a later batch, times and fines exact", async () => {
    const first = await ingest(t, "sc", {
      records: [inspection("SC-CF-000020", { kind: "PENALTY_DECISION", itemCode: "GZ-001", result: "待定" })],
    });
    const id = keyOf("EnforcementRecord", first.data?.ingestRecords.results[0]?.recordId ?? "");
    const stored = () => t.prisma.enforcementRecord.findUniqueOrThrow({ where: { id } });
    expect(await stored()).toMatchObject({ version: 1, decidedAt: null, fineFen: null, result: "待定" });
    await ingest(t, "sc", {
      records: [
        inspection("SC-CF-000020", {
          version: 2,
          kind: "PENALTY_DECISION",
          itemCode: "GZ-001",
          officerCertificates: ["51000000000001", "51000000000002"],
          occurredAt: "2026-06-01T09:00:00.123+08:00",
          decidedAt: "2026-06-12T16:30:00+08:00",
          fineYuan: "12000.50",
          result: "已决定",
          findings: null,
          payload: { 文书号: "川高竹罚〔2026〕7号" },
        }),
      ],
    });
    expect(await stored()).toMatchObject({
      id,
      originJurisdiction: "sc",
      originId: "SC-CF-000020",
      version: 2,
      kind: "PENALTY_DECISION",
      itemCode: "GZ-001",
      enterpriseUscc: USCC,
      officerCertificates: ["51000000000001", "51000000000002"],
      occurredAt: new Date("2026-06-01T01:00:00.123Z"),
      decidedAt: new Date("2026-06-12T08:30:00Z"),
      fineFen: 1_200_050n,
      result: "已决定",
      payload: { findings: null, taskId: null, extra: { 文书号: "川高竹罚〔2026〕7号" } },
    });
  });

  it("answers UNCHANGED to a replay of a penalty decision carrying every field: the stored version reads back exact", async () => {
    const full = inspection("SC-CF-000030", {
      kind: "PENALTY_DECISION",
      itemCode: "GZ-001",
      occurredAt: "2026-06-01T09:00:00.123+08:00",
      decidedAt: "2026-06-12T16:30:00+08:00",
      fineYuan: "12000.50",
      result: "已决定",
      taskId: "not-a-task",
      payload: { 文书号: "川高竹罚〔2026〕8号", facts: { 情节: "较轻" } },
      department: "应急管理局",
      inspectionMode: "COMPLAINT",
      onSite: true,
      resultPublishedAt: "2026-06-13T09:00:00+08:00",
      codeScanned: false,
      lenientKind: "LIGHTER",
    });
    const first = await ingest(t, "sc", { records: [full] });
    expect(first.data?.ingestRecords.counts.applied).toBe(1);
    const before = await changeCount(t);
    const again = await ingest(t, "sc", { records: [full, { ...full, fineYuan: "12000.51" }] });
    expect(again.data?.ingestRecords.results.map((r) => [r.outcome, r.code])).toEqual([
      ["UNCHANGED", null],
      ["STALE", "VERSION_CONFLICT"],
    ]);
    expect(await changeCount(t)).toBe(before);
  });

  it("applies several versions of one record in one batch in order, newest last", async () => {
    const { data } = await ingest(t, "sc", {
      records: [
        inspection("SC-JC-000011", { version: 1 }),
        inspection("SC-JC-000011", { version: 2, result: "不合格" }),
      ],
    });
    expect(data?.ingestRecords.counts.applied).toBe(2);
    const stored = await t.prisma.enforcementRecord.findFirst({ where: { originId: "SC-JC-000011" } });
    expect([stored?.version, stored?.result]).toEqual([2, "不合格"]);
  });

  it("rolls the whole batch and its cursor back when the database refuses one record mid-batch", async () => {
    await ingest(t, "sc", { cursor: "before-failure", records: [inspection("SC-JC-000020")] });
    const before = await changeCount(t);
    // a constraint only this test has: the update of SC-JC-000020 (after the inserts) violates it
    await t.prisma.$executeRawUnsafe(
      `ALTER TABLE "EnforcementRecord" ADD CONSTRAINT test_no_boom CHECK ("result" IS DISTINCT FROM 'BOOM')`,
    );
    try {
      const { errors } = await ingest(t, "sc", {
        cursor: "after-failure",
        records: [
          inspection("SC-JC-000021"),
          inspection("SC-JC-000020", { version: 2, result: "BOOM" }),
          inspection("SC-JC-000022"),
        ],
      });
      expect(errors?.length).toBeGreaterThan(0);
    } finally {
      await t.prisma.$executeRawUnsafe(`ALTER TABLE "EnforcementRecord" DROP CONSTRAINT test_no_boom`);
    }
    expect(
      await t.prisma.enforcementRecord.count({ where: { originId: { in: ["SC-JC-000021", "SC-JC-000022"] } } }),
    ).toBe(0);
    expect((await t.prisma.enforcementRecord.findFirst({ where: { originId: "SC-JC-000020" } }))?.version).toBe(1);
    expect((await inbound("sc"))?.cursor).toBe("before-failure");
    expect(await changeCount(t)).toBe(before);
  });
});

describe("ingestRecords: the origin is the caller's issuer", () => {
  it("stores a Sichuan token's records as origin sc whatever their ids look like: no cq record is written", async () => {
    const cqBefore = await t.prisma.enforcementRecord.count({ where: { originJurisdiction: "cq" } });
    const { data } = await ingest(t, "sc", { records: [inspection("CQ-INS-000001")] });
    expect(data?.ingestRecords.counts.applied).toBe(1);
    expect(await t.prisma.enforcementRecord.count({ where: { originJurisdiction: "cq" } })).toBe(cqBefore);
    expect(
      await t.prisma.enforcementRecord.count({ where: { originJurisdiction: "sc", originId: "CQ-INS-000001" } }),
    ).toBe(1);
  });

  it("refuses an origin field in the input, and tokens without records:write, writing nothing", async () => {
    const before = await t.prisma.enforcementRecord.count();
    const withOrigin = await ingest(t, "sc", { records: [{ ...inspection("CQ-INS-000002"), origin: "cq" } as never] });
    expect(withOrigin.errors?.[0]?.message).toMatch(/origin/);
    const gz = await ingest(t, "gz", { records: [inspection("GZ-X-1")] });
    expect(gz.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const readOnly = await ingest(t, "cq", { records: [inspection("CQ-INS-000003")] }, ["read"]);
    expect(readOnly.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await t.gql('mutation { ingestRecords(input: { source: "x", records: [] }) { cursor } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await t.prisma.enforcementRecord.count()).toBe(before);
  });

  it("refuses a batch over the limit with a clear code, writing nothing", async () => {
    const before = await changeCount(t);
    const records = Array.from({ length: 2001 }, (_, i) => inspection(`SC-JC-9${String(i).padStart(5, "0")}`));
    const { errors } = await ingest(t, "sc", { cursor: "too-big", records });
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "BATCH_TOO_LARGE" });
    expect(await changeCount(t)).toBe(before);
  });
});

describe("ingestRecords: supervision of penalty decisions", () => {
  it("raises a supervision warning for a fine above the benchmark and still stores the decision", async () => {
    const { data } = await ingest(t, "sc", {
      records: [
        inspection("SC-CF-000001", {
          kind: "PENALTY_DECISION",
          itemCode: "GZ-001",
          decidedAt: "2026-06-10T09:00:00+08:00",
          fineYuan: "500000.00",
          result: "已决定",
        }),
      ],
    });
    const result = data?.ingestRecords.results[0];
    expect(result?.outcome).toBe("APPLIED");
    const warnings = await t.prisma.supervisionWarning.findMany({
      where: { recordId: keyOf("EnforcementRecord", result?.recordId ?? "") },
    });
    expect(warnings.map((w) => w.kind)).toContain("FINE_ABOVE_RANGE");
    expect(await t.prisma.changeEvent.count({ where: { kind: "warning.raised", entityId: warnings[0]?.id } })).toBe(1);
  });

  it("stores a decision supervision cannot measure, saying NOT_ASSESSED, and measures the rest of the batch", async () => {
    const { data } = await ingest(t, "sc", {
      records: [
        inspection("SC-CF-000002", {
          kind: "PENALTY_DECISION",
          itemCode: "GZ-016", // 安全生产法 第95条: a share of the 上一年年收入, which these facts do not give
          decidedAt: "2026-06-10T09:00:00+08:00",
          fineYuan: "20000",
          payload: { facts: {} },
        }),
        inspection("SC-CF-000003", {
          kind: "PENALTY_DECISION",
          itemCode: "GZ-001",
          decidedAt: "2026-06-10T09:00:00+08:00",
          fineYuan: "500000.00",
        }),
      ],
    });
    const [unmeasured, measured] = data?.ingestRecords.results ?? [];
    expect(unmeasured).toMatchObject({ outcome: "APPLIED", code: "NOT_ASSESSED" });
    expect(measured).toMatchObject({ outcome: "APPLIED", code: null });
    const warnings = await t.prisma.supervisionWarning.findMany({
      where: { recordId: keyOf("EnforcementRecord", measured?.recordId ?? "") },
    });
    expect(warnings.map((w) => w.kind)).toContain("FINE_ABOVE_RANGE");
    expect(
      await t.prisma.supervisionWarning.count({
        where: { recordId: keyOf("EnforcementRecord", unmeasured?.recordId ?? "") },
      }),
    ).toBe(0);
  });
});

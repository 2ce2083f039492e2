import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import {
  enterpriseRecord,
  officerRecord,
  UPSERT_ENTERPRISES,
  UPSERT_OFFICERS,
  type UpsertPayload,
  uscc,
} from "./libraries-helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());

const pushEnterprises = (as: "cq" | "sc" | "gz", records: unknown[], scopes?: string[]) =>
  t.gql<{ upsertEnterprises: UpsertPayload }>(UPSERT_ENTERPRISES, { as, scopes, variables: { records } });
const pushOfficers = (as: "cq" | "sc" | "gz", records: unknown[], scopes?: string[]) =>
  t.gql<{ upsertOfficers: UpsertPayload }>(UPSERT_OFFICERS, { as, scopes, variables: { records } });

describe("upsertEnterprises: batches", () => {
  it("stores the valid records, names the invalid ones with their codes, and writes nothing of them", async () => {
    const goodA = enterpriseRecord({ uscc: uscc("511623", 101) });
    const goodB = enterpriseRecord({ uscc: uscc("511623", 102), creditGrade: "c" });
    const badCheck = `${uscc("511623", 103).slice(0, 17)}${uscc("511623", 103).endsWith("0") ? "1" : "0"}`;
    const records = [
      goodA,
      enterpriseRecord({ uscc: badCheck }),
      enterpriseRecord({ uscc: uscc("500112", 104), divisionCode: "500112" }),
      goodB,
      enterpriseRecord({ uscc: uscc("511623", 105), creditGrade: "E" }),
    ];
    const { data, errors } = await pushEnterprises("sc", records);
    expect(errors).toBeUndefined();
    expect(data?.upsertEnterprises).toMatchObject({ counts: { applied: 2, unchanged: 0, stale: 0, refused: 3 } });
    expect(data?.upsertEnterprises.results.map((r) => [r.key, r.outcome, r.code])).toEqual([
      [uscc("511623", 101), "APPLIED", null],
      [badCheck, "REFUSED", "USCC_CHECK_CHAR"],
      [uscc("500112", 104), "REFUSED", "DIVISION_NOT_IN_FORCE"],
      [uscc("511623", 102), "APPLIED", null],
      [uscc("511623", 105), "REFUSED", "CREDIT_GRADE"],
    ]);
    expect(data?.upsertEnterprises.results[2]?.message).toContain("500109");
    const stored = await t.prisma.enterprise.findMany({
      where: { uscc: { in: records.map((r) => String(r.uscc)) } },
      orderBy: { uscc: "asc" },
    });
    expect(stored.map((e) => [e.uscc, e.creditGrade, e.registeringJurisdiction])).toEqual([
      [uscc("511623", 101), "A", "sc"],
      [uscc("511623", 102), "C", "sc"],
    ]);
  });

  it("changes nothing when the same request comes twice (UNCHANGED, reported ok)", async () => {
    const records = [enterpriseRecord({ uscc: uscc("511623", 201) }), enterpriseRecord({ uscc: uscc("511623", 202) })];
    await pushEnterprises("sc", records);
    const before = await t.prisma.enterprise.findMany({
      where: { uscc: { in: records.map((r) => r.uscc) } },
      orderBy: { uscc: "asc" },
    });
    const events = await t.prisma.changeEvent.count();
    const history = await t.prisma.libraryChange.count();
    const { data } = await pushEnterprises("sc", records);
    expect(data?.upsertEnterprises).toMatchObject({ counts: { applied: 0, unchanged: 2, stale: 0, refused: 0 } });
    expect(data?.upsertEnterprises.results.map((r) => r.outcome)).toEqual(["UNCHANGED", "UNCHANGED"]);
    expect(
      await t.prisma.enterprise.findMany({
        where: { uscc: { in: records.map((r) => r.uscc) } },
        orderBy: { uscc: "asc" },
      }),
    ).toEqual(before);
    expect(await t.prisma.changeEvent.count()).toBe(events);
    expect(await t.prisma.libraryChange.count()).toBe(history);
  });

  it("refuses a batch over 1,000 records as a whole, writing nothing", async () => {
    const records = Array.from({ length: 1001 }, (_, i) => enterpriseRecord({ uscc: uscc("511623", 5000 + i) }));
    const before = await t.prisma.enterprise.count();
    const { data, errors } = await pushEnterprises("sc", records);
    expect(data?.upsertEnterprises ?? null).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "BATCH_TOO_LARGE" });
    expect(await t.prisma.enterprise.count()).toBe(before);
  });
});

describe("upsertEnterprises: one USCC pushed by both provinces", () => {
  const RESULT = `query($u: String!) { enterprise(uscc: $u) {
    name town park registeringJurisdiction registrationProvisional creditGrade creditGradeCq creditGradeSc riskColour version versionCq versionSc
  } }`;
  // Registered in Sichuan (511623); Chongqing knows it too, with its own grade and an older idea of its town.
  const scWrites = (u: string) => [
    enterpriseRecord({ uscc: u, version: 3, creditGrade: "B" }),
    enterpriseRecord({ uscc: u, version: 2, town: "坛同镇", creditGrade: "D" }),
  ];
  const cqWrite = (u: string) =>
    enterpriseRecord({ uscc: u, version: 8, town: "重庆以为的镇", name: "重庆登记的别名", creditGrade: "C" });

  async function resultOf(u: string) {
    const { data } = await t.gql<{ enterprise: Record<string, unknown> }>(RESULT, { as: "gz", variables: { u } });
    return data?.enterprise;
  }

  it("ends the same in both arrival orders: registration from Sichuan, each grade side by side, by version", async () => {
    const a = uscc("511623", 301);
    const b = uscc("511623", 302);
    // order A: Sichuan v3, then Chongqing, then Sichuan's older v2 arrives late
    await pushEnterprises("sc", [scWrites(a)[0]]);
    await pushEnterprises("cq", [cqWrite(a)]);
    const late = await pushEnterprises("sc", [scWrites(a)[1]]);
    expect(late.data?.upsertEnterprises.results[0]).toMatchObject({ outcome: "STALE", code: null });
    // order B: Chongqing first (provisional registration), Sichuan v2, then v3
    const first = await pushEnterprises("cq", [cqWrite(b)]);
    expect(first.data?.upsertEnterprises.results[0]?.outcome).toBe("APPLIED");
    expect(await resultOf(b)).toMatchObject({
      registrationProvisional: true,
      name: "重庆登记的别名",
      registeringJurisdiction: "SC",
    });
    await pushEnterprises("sc", [scWrites(b)[1]]);
    await pushEnterprises("sc", [scWrites(b)[0]]);

    const [endA, endB] = [await resultOf(a), await resultOf(b)];
    expect(endA).toEqual(endB);
    expect(endA).toEqual({
      name: "四川测试新材料科技有限公司",
      town: "高滩镇",
      park: "高竹新区新材料产业园",
      registeringJurisdiction: "SC",
      registrationProvisional: false,
      creditGrade: "B",
      creditGradeCq: "C",
      creditGradeSc: "B",
      riskColour: "YELLOW",
      version: 3,
      versionCq: 8,
      versionSc: 3,
    });
    const superseded = await t.prisma.libraryChange.findMany({ where: { entityKey: a, outcome: "STALE" } });
    expect(superseded.map((h) => [h.jurisdiction, h.version])).toEqual([["sc", 2]]);
  });
  it("serialises the two provinces pushing a new USCC at the same moment: one enterprise, both accepted", async () => {
    const u = uscc("511623", 303);
    const [sc, cq] = await Promise.all([pushEnterprises("sc", scWrites(u)), pushEnterprises("cq", [cqWrite(u)])]);
    expect(sc.data?.upsertEnterprises.counts).toEqual({ applied: 1, unchanged: 0, stale: 1, refused: 0 });
    expect(cq.data?.upsertEnterprises.results[0]).toMatchObject({ outcome: "APPLIED", code: null });
    expect(await t.prisma.enterprise.count({ where: { uscc: u } })).toBe(1);
    expect(await resultOf(u)).toEqual(await resultOf(uscc("511623", 301)));
  });
});

describe("upsert permissions", () => {
  it("refuses Sichuan writing a Chongqing officer (FORBIDDEN) and writes nothing", async () => {
    const before = await t.prisma.officer.findUniqueOrThrow({ where: { certificateNumber: "CQ-GZ-2024-0001" } });
    const history = await t.prisma.libraryChange.count({ where: { entityKey: "CQ-GZ-2024-0001" } });
    const { data, errors } = await pushOfficers("sc", [
      officerRecord({ certificateNumber: "CQ-GZ-2024-0001", name: "冒名", version: 99 }),
      officerRecord({ certificateNumber: "SC-GZ-2026-0901" }),
    ]);
    expect(errors).toBeUndefined();
    expect(data?.upsertOfficers.results.map((r) => [r.key, r.outcome, r.code])).toEqual([
      ["CQ-GZ-2024-0001", "REFUSED", "FORBIDDEN"],
      ["SC-GZ-2026-0901", "APPLIED", null],
    ]);
    expect(await t.prisma.officer.findUniqueOrThrow({ where: { certificateNumber: "CQ-GZ-2024-0001" } })).toEqual(
      before,
    );
    expect(await t.prisma.libraryChange.count({ where: { entityKey: "CQ-GZ-2024-0001" } })).toBe(history);
    const created = await t.prisma.officer.findUniqueOrThrow({ where: { certificateNumber: "SC-GZ-2026-0901" } });
    expect(created.homeJurisdiction).toBe("sc");
  });

  it("refuses a read-only token for the whole request, writing nothing", async () => {
    const before = await t.prisma.enterprise.count();
    const { status, data, errors } = await pushEnterprises(
      "cq",
      [enterpriseRecord({ uscc: uscc("500109", 401), divisionCode: "500109" })],
      ["read"],
    );
    expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(status).toBe(403);
    expect(data?.upsertEnterprises ?? null).toBeNull();
    expect(await t.prisma.enterprise.count()).toBe(before);
  });

  it("refuses a request without a token (401)", async () => {
    const { errors } = await t.gql(UPSERT_OFFICERS, { variables: { records: [officerRecord()] } });
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("lets 管委会 correct a Chongqing officer at its stored version, audited with the record id", async () => {
    const officer = await t.prisma.officer.findUniqueOrThrow({ where: { certificateNumber: "CQ-GZ-2023-0002" } });
    const correction = {
      certificateNumber: officer.certificateNumber,
      name: officer.name,
      version: officer.version,
      unit: "川渝高竹新区综合行政执法局（重庆派驻）",
      status: officer.status,
      certificateValidFrom: officer.certificateValidFrom!.toISOString().slice(0, 10),
      certificateValidTo: officer.certificateValidTo!.toISOString().slice(0, 10),
      qualifiedDomains: officer.qualifiedDomains,
      idNumber: officer.idNumber,
      phone: officer.phone,
      homeAddress: officer.homeAddress,
    };
    const { data } = await pushOfficers("gz", [correction], undefined);
    expect(data?.upsertOfficers.results[0]).toMatchObject({ outcome: "APPLIED", code: null });
    const after = await t.prisma.officer.findUniqueOrThrow({ where: { id: officer.id } });
    expect(after).toMatchObject({
      unit: "川渝高竹新区综合行政执法局（重庆派驻）",
      homeJurisdiction: "cq",
      version: officer.version,
    });
    const audit = await t.prisma.auditEntry.findFirst({ where: { issuer: "gz", recordIds: { has: officer.id } } });
    expect(audit).toMatchObject({ operationType: "mutation", outcome: "OK" });
    const history = await t.prisma.libraryChange.findFirstOrThrow({ where: { entityKey: officer.certificateNumber } });
    expect(history).toMatchObject({ jurisdiction: "gz", subject: "gz-tester", outcome: "APPLIED" });

    const ahead = await pushOfficers("gz", [{ ...correction, version: officer.version + 1 }]);
    expect(ahead.data?.upsertOfficers.results[0]).toMatchObject({ outcome: "REFUSED", code: "VERSION_AHEAD" });
    const unknown = await pushOfficers("gz", [officerRecord({ certificateNumber: "GZ-NOBODY-1" })]);
    expect(unknown.data?.upsertOfficers.results[0]).toMatchObject({ outcome: "REFUSED", code: "NOT_FOUND" });
  });
});

describe("minimal records: only the key, the name and the origin's version", () => {
  it("stores an enterprise and an officer whose other fields are unknown", async () => {
    const enterprise = await t.gql<{
      upsertEnterprises: UpsertPayload;
    }>(UPSERT_ENTERPRISES, {
      as: "sc",
      variables: { records: [{ uscc: "91511623000000000Y", name: "邻水示例企业", version: 1 }] },
    });
    expect(enterprise.errors).toBeUndefined();
    expect(enterprise.data?.upsertEnterprises).toMatchObject({
      counts: { applied: 1, refused: 0 },
      results: [{ key: "91511623000000000Y", outcome: "APPLIED" }],
    });
    const stored = await t.prisma.enterprise.findUnique({ where: { uscc: "91511623000000000Y" } });
    expect(stored).toMatchObject({
      name: "邻水示例企业",
      park: null,
      creditGrade: null,
      registeringJurisdiction: "sc",
    });

    const officer = await t.gql<{ upsertOfficers: UpsertPayload }>(UPSERT_OFFICERS, {
      as: "cq",
      variables: { records: [{ certificateNumber: "CQ-MIN-0001", name: "张测试", version: 1 }] },
    });
    expect(officer.data?.upsertOfficers.counts.applied).toBe(1);
    const dispatch = await t.gql<{ officer: { dispatchable: boolean; idNumber: string | null } }>(
      '{ officer(certificateNumber: "CQ-MIN-0001") { dispatchable idNumber } }',
      { as: "cq" },
    );
    // without certificate dates an officer cannot be dispatched
    expect(dispatch.data?.officer).toEqual({ dispatchable: false, idNumber: null });
  });
});

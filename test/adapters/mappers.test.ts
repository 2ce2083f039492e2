import { describe, expect, it } from "vitest";
import { recordToCqShared } from "../../adapters/chongqing/mappers/from-record.ts";
import { cqRecordToInput } from "../../adapters/chongqing/mappers/to-record.ts";
import type { CqRecord } from "../../adapters/chongqing/types.ts";
import type { ItemCodes, RecordChange } from "../../adapters/core/canonical.ts";
import { recordToScShared } from "../../adapters/sichuan/mappers/from-record.ts";
import { scRecordToInput } from "../../adapters/sichuan/mappers/to-record.ts";
import type { ScRecord } from "../../adapters/sichuan/types.ts";

const codes = (pairs: Record<string, string>): ItemCodes => ({
  toUnified: (own) => pairs[own] ?? null,
  fromUnified: (unified) => Object.entries(pairs).find(([, u]) => u === unified)?.[0] ?? null,
});
const USCC = "91500000MA5U7XXX1K";

const cqPenalty: CqRecord = {
  recordId: "CQ-PEN-000045",
  version: 3,
  deleted: false,
  recordType: "PENALTY",
  itemCode: "CQ-YJ-1",
  enterpriseCreditCode: USCC,
  officerCertNos: ["50001"],
  occurredAt: Date.parse("2025-06-01T01:02:03.456Z"),
  decidedAt: Date.parse("2025-06-10T08:00:00.000Z"),
  fineAmountFen: 1_200_050,
  result: "DECIDED",
  findings: "超量储存",
  taskId: null,
  updatedAt: Date.parse("2025-06-10T08:00:01.000Z"),
};

const scInspection: ScRecord = {
  record_no: "SC-CF-000007",
  rev: 2,
  is_deleted: 0,
  record_kind: "处罚",
  item_code: "SC-1",
  uscc: USCC,
  officer_cert_nos: ["51001"],
  happened_at: "2025-06-01 00:30:00",
  decided_at: "2025-06-02 09:00:00",
  fine_yuan: "9007199254740.99",
  result: "已决定",
  findings: null,
  task_id: "T-1",
  updated_at: "2025-06-02 09:00:05",
};

describe("Chongqing → canonical", () => {
  it("maps field by field: unified item code, epoch ms → ISO, integer fen → fen string", () => {
    const mapped = cqRecordToInput(cqPenalty, codes({ "CQ-YJ-1": "GZ-001" }));
    expect(mapped).toMatchObject({
      ok: true,
      record: {
        originId: "CQ-PEN-000045",
        version: 3,
        kind: "PENALTY_DECISION",
        itemCode: "GZ-001",
        occurredAt: "2025-06-01T01:02:03.456Z",
        decidedAt: "2025-06-10T08:00:00.000Z",
        fineYuan: "12000.50",
        result: "DECIDED",
        findings: "超量储存",
        taskId: null,
      },
    });
  });

  it("sends a record whose item code the catalog does not know to quarantine, with the vendor record", () => {
    const mapped = cqRecordToInput(cqPenalty, codes({}));
    expect(mapped).toEqual({
      ok: false,
      unmappable: expect.objectContaining({
        originId: "CQ-PEN-000045",
        version: 3,
        code: "UNMAPPED_ITEM_CODE",
        payload: cqPenalty,
      }),
    });
  });
});

describe("Sichuan → canonical", () => {
  it("converts Beijing-time strings with their offset and yuan strings to exact fen beyond float precision", () => {
    const mapped = scRecordToInput(scInspection, codes({ "SC-1": "GZ-001" }));
    expect(mapped).toMatchObject({
      ok: true,
      record: {
        originId: "SC-CF-000007",
        version: 2,
        kind: "PENALTY_DECISION",
        itemCode: "GZ-001",
        occurredAt: "2025-06-01T00:30:00+08:00",
        decidedAt: "2025-06-02T09:00:00+08:00",
        fineYuan: "9007199254740.99",
        result: "DECIDED",
        taskId: "T-1",
      },
    });
    expect(Date.parse((mapped as { record: { occurredAt: string } }).record.occurredAt)).toBe(
      Date.parse("2025-05-31T16:30:00Z"),
    );
  });

  it("quarantines an unknown Sichuan item code with its reason", () => {
    const mapped = scRecordToInput({ ...scInspection, item_code: "SC-404" }, codes({ "SC-1": "GZ-001" }));
    expect(mapped.ok).toBe(false);
    if (!mapped.ok)
      expect(mapped.unmappable).toMatchObject({ code: "UNMAPPED_ITEM_CODE", originId: "SC-CF-000007", version: 2 });
    expect(!mapped.ok && mapped.unmappable.reason).toContain("SC-404");
  });
});

describe("canonical → the other platform", () => {
  const change: RecordChange = {
    id: "r1",
    origin: "cq",
    originId: "CQ-PEN-000045",
    version: 3,
    kind: "PENALTY_DECISION",
    itemCode: "GZ-001",
    enterpriseUscc: USCC,
    officerCertificates: ["50001"],
    occurredAt: "2025-06-01T01:02:03.456Z",
    decidedAt: "2025-06-10T08:00:00.000Z",
    fineYuan: "12000.50",
    result: "DECIDED",
    findings: null,
    taskId: null,
    payload: { sourceUpdatedAt: "2025-06-10T08:00:01.000Z" },
  };

  it("writes a Chongqing record for Sichuan in Beijing time, yuan with two decimals, Sichuan codes", () => {
    expect(recordToScShared(change, codes({ "SC-1": "GZ-001" }))).toMatchObject({
      origin: "cq",
      origin_id: "CQ-PEN-000045",
      rev: 3,
      record_kind: "处罚",
      item_code: "SC-1",
      happened_at: "2025-06-01 09:02:03",
      decided_at: "2025-06-10 16:00:00",
      fine_yuan: "12000.50",
      result: "已决定",
      updated_at: "2025-06-10 16:00:01",
    });
  });

  it("writes a Sichuan record for Chongqing in epoch ms and integer fen", () => {
    const sc = { ...change, origin: "sc", originId: "SC-CF-000007", occurredAt: "2025-06-01T00:30:00.000Z" };
    expect(recordToCqShared(sc, codes({ "CQ-YJ-1": "GZ-001" }))).toMatchObject({
      origin: "sc",
      originId: "SC-CF-000007",
      recordType: "PENALTY",
      itemCode: "CQ-YJ-1",
      occurredAt: Date.parse("2025-06-01T00:30:00.000Z"),
      fineAmountFen: 1_200_050,
      updatedAt: Date.parse("2025-06-10T08:00:01.000Z"),
    });
  });

  it("refuses to push a record whose item has no code on that platform", () => {
    expect(recordToCqShared({ ...change, origin: "sc" }, codes({}))).toBeNull();
    expect(recordToScShared(change, codes({}))).toBeNull();
  });
});

describe("supervision fields (执法监督) of each dialect → canonical", () => {
  it("Chongqing: deptName, checkMode, onSite, publicityAt, scanned, lenientType", () => {
    const mapped = cqRecordToInput(
      {
        ...cqPenalty,
        deptName: "应急管理局",
        checkMode: "DOUBLE_RANDOM",
        onSite: true,
        publicityAt: Date.parse("2025-06-11T00:00:00.000Z"),
        scanned: false,
        lenientType: "SWBF",
      },
      codes({ "CQ-YJ-1": "GZ-001" }),
    );
    expect(mapped).toMatchObject({
      ok: true,
      record: {
        department: "应急管理局",
        inspectionMode: "RANDOM",
        onSite: true,
        resultPublishedAt: "2025-06-11T00:00:00.000Z",
        codeScanned: false,
        lenientKind: "FIRST_VIOLATION_EXEMPT",
      },
    });
    // an older platform without them: all null
    expect(cqRecordToInput(cqPenalty, codes({ "CQ-YJ-1": "GZ-001" }))).toMatchObject({
      record: { department: null, inspectionMode: null, onSite: null, resultPublishedAt: null, lenientKind: null },
    });
  });

  it("Sichuan: dept_name, check_way, on_site, publicity_time, scan_flag, lenient_type", () => {
    const mapped = scRecordToInput(
      {
        ...scInspection,
        dept_name: "生态环境局",
        check_way: "投诉举报",
        on_site: 0,
        publicity_time: "2025-06-03 10:00:00",
        scan_flag: 1,
        lenient_type: "减轻处罚",
      },
      codes({ "SC-1": "GZ-001" }),
    );
    expect(mapped).toMatchObject({
      ok: true,
      record: {
        department: "生态环境局",
        inspectionMode: "COMPLAINT",
        onSite: false,
        resultPublishedAt: "2025-06-03T10:00:00+08:00",
        codeScanned: true,
        lenientKind: "MITIGATED",
      },
    });
  });
});

import { describe, expect, it } from "vitest";
import { checkRecord, type RecordInput } from "../../../schema/records/rules/record-input.ts";

const now = new Date("2026-11-21T10:00:00+08:00");
const ctx = { itemExists: (code: string) => code === "GZ-001", now };
const valid: RecordInput = {
  originId: "SC-CF-000001",
  version: 1,
  kind: "PENALTY_DECISION",
  itemCode: "GZ-001",
  enterpriseUscc: "91500112MAG000014A",
  officerCertificates: ["SC-GZ-2024-0001"],
  occurredAt: new Date("2026-11-20T09:00:00+08:00"),
  decidedAt: new Date("2026-11-21T09:00:00+08:00"),
  fineYuan: 1200050n,
};

describe("checkRecord", () => {
  it("turns a valid record into the canonical one with the fine in exact fen", () => {
    const check = checkRecord(valid, ctx);
    expect(check.ok && check.record.fineFen).toBe(1200050n);
  });

  it.each([
    [{ itemCode: null }, "MISSING_FIELD"],
    [{ officerCertificates: [" "] }, "MISSING_FIELD"],
    [{ itemCode: "SC-511623-XZCF-00001" }, "UNKNOWN_ITEM"],
    [{ enterpriseUscc: "91500112MAG000014B" }, "BAD_USCC"],
    [{ decidedAt: new Date("2026-11-19T00:00:00+08:00") }, "BAD_DATES"],
    [{ occurredAt: new Date("2026-11-22T00:00:00+08:00"), decidedAt: null }, "BAD_DATES"],
    [{ version: 0 }, "INVALID_VERSION"],
    [{ originId: "" }, "INVALID_ORIGIN_ID"],
    [{ findings: "a\u0000b" }, "INVALID_TEXT"],
    [{ payload: [1, 2] }, "INVALID_PAYLOAD"],
  ] as const)("refuses %o with %s", (change, code) => {
    const check = checkRecord({ ...valid, ...change } as RecordInput, ctx);
    expect(check.ok ? null : check.code).toBe(code);
  });
});

import { describe, expect, it } from "vitest";
import { type Change, type Subscriber, visibleChange } from "../../../schema/sync/rules/visibility.ts";

const as = (issuer: "cq" | "sc" | "gz", ...scopes: string[]): Subscriber => ({
  issuer,
  scopes: new Set(["read", ...scopes]),
});

function change(kind: string, originJurisdiction: string | null, payload: unknown = {}): Change {
  return {
    seq: 7n,
    kind,
    entityType: kind.split(".")[0] ?? kind,
    entityId: "e1",
    originJurisdiction,
    payload,
    createdAt: new Date(0),
  };
}

const officer = change("officer.upserted", "cq", {
  certificateNumber: "CQ-GZ-2024-0001",
  name: "陈建国",
  idNumber: "500112197503120153",
  phone: "13900000101",
  homeAddress: "重庆市北碚区茨竹镇示例路3号",
});

describe("visibleChange: who receives what", () => {
  it("gives a province the other province's records, not its own unless asked", () => {
    const record = change("record.upserted", "cq");
    expect(visibleChange(record, as("sc"))).not.toBeNull();
    expect(visibleChange(record, as("cq"))).toBeNull();
    expect(visibleChange(record, as("cq"), { includeOwn: true })).not.toBeNull();
  });

  it("judges own data by its writer when the change names one", () => {
    // Sichuan's own credit grade of an enterprise registered in Chongqing
    const grade = change("enterprise.upserted", "cq", { key: "91500112MAG000014A", writer: "sc" });
    expect(visibleChange(grade, as("cq"))).not.toBeNull();
    expect(visibleChange(grade, as("sc"))).toBeNull();
  });

  it("gives everyone the shared catalog and benchmark changes", () => {
    for (const kind of ["item.changed", "benchmark.merged", "legalBasis.changed"]) {
      for (const issuer of ["cq", "sc", "gz"] as const)
        expect(visibleChange(change(kind, null), as(issuer))).not.toBeNull();
    }
  });

  it("gives a province a dispatch task only when its officers are involved", () => {
    const task = change("dispatch.assigned", null, { taskId: "T1", jurisdictions: ["sc"] });
    expect(visibleChange(task, as("sc"))).not.toBeNull();
    expect(visibleChange(task, as("cq"))).toBeNull();
    expect(visibleChange(task, as("gz"))).not.toBeNull();
  });

  it("keeps supervision warnings and unknown kinds for the committee", () => {
    for (const kind of ["warning.raised", "something.new"]) {
      expect(visibleChange(change(kind, "cq"), as("cq"))).toBeNull();
      expect(visibleChange(change(kind, "cq"), as("sc"))).toBeNull();
      expect(visibleChange(change(kind, "cq"), as("gz"))).not.toBeNull();
    }
  });
});

describe("visibleChange: personal data", () => {
  it("masks the other province's officer's ID number, phone and home address", () => {
    const seen = visibleChange(officer, as("sc"))?.payload as Record<string, string>;
    expect(seen.idNumber).toBe("******************");
    expect(seen.phone).toBe("***********");
    expect(seen.homeAddress).toBe("重庆市北碚区***");
    expect(seen.name).toBe("陈建国");
    // the stored change is not altered
    expect((officer.payload as Record<string, string>).idNumber).toBe("500112197503120153");
  });

  it("shows them in clear to the owner and to gz with pii:read only", () => {
    const phone = (subscriber: Subscriber, includeOwn = false) =>
      (visibleChange(officer, subscriber, { includeOwn })?.payload as Record<string, string> | undefined)?.phone;
    expect(phone(as("cq"), true)).toBe("13900000101");
    expect(phone(as("gz"))).toBe("***********");
    expect(phone(as("gz", "pii:read"))).toBe("13900000101");
  });

  it("masks personal fields at any depth and under vendor spellings", () => {
    const record = change("record.upserted", "sc", {
      originId: "SC-CF-000001",
      payload: {
        party: { id_card_no: "510000199001011234", contactPhone: "13812345678" },
        witnesses: [{ mobile: "13700000000" }],
      },
    });
    const seen = visibleChange(record, as("cq"))?.payload as {
      payload: { party: Record<string, string>; witnesses: Array<Record<string, string>> };
    };
    expect(seen.payload.party.id_card_no).toBe("******************");
    expect(seen.payload.party.contactPhone).toBe("***********");
    expect(seen.payload.witnesses[0]?.mobile).toBe("***********");
  });

  it("masks what a platform wrote freely but never the identifiers the gateway checked", () => {
    // an all-digit USCC that passes the citizen ID check, and a certificate number shaped like a phone number
    const record = change("record.upserted", "sc", {
      originId: "SC-CF-000002",
      enterpriseUscc: "513822198709234615",
      officerCertificates: ["13987654321"],
      findings: "联系电话13987654321",
      novelField: "13987654321",
    });
    const seen = visibleChange(record, as("cq"))?.payload as Record<string, unknown>;
    expect(seen).toMatchObject({
      enterpriseUscc: "513822198709234615",
      officerCertificates: ["13987654321"],
      findings: "联系电话***********",
      novelField: "***********",
    });
  });
});

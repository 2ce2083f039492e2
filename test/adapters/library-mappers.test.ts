/**
 * Officers and enterprises from both dialects to the gateway's library inputs (pure mappers), and what
 * happens to one the gateway refuses (quarantined with its code, never dropped).
 */
import { describe, expect, it } from "vitest";
import { cqEnterpriseToInput, cqOfficerToInput } from "../../adapters/chongqing/mappers/to-library.ts";
import type { CqEnterprise, CqOfficer } from "../../adapters/chongqing/types.ts";
import type { GatewayClient } from "../../adapters/core/gateway-client.ts";
import { pushLibraryChanges } from "../../adapters/core/library-sync.ts";
import { UPSERT_OFFICERS } from "../../adapters/core/operations/libraries.ts";
import { scEnterpriseToInput, scOfficerToInput } from "../../adapters/sichuan/mappers/to-library.ts";
import type { ScEnterprise, ScOfficer } from "../../adapters/sichuan/types.ts";

const cqOfficer: CqOfficer = {
  certNo: "CQ-0001",
  name: "张伟",
  unit: "重庆市应急管理局",
  status: "SUSPENDED",
  // 2024-01-01 00:00:00.000 and 2028-12-31 23:59:59.999 Beijing time: the day before / the same day in UTC
  validFrom: Date.parse("2024-01-01T00:00:00.000+08:00"),
  validUntil: Date.parse("2028-12-31T23:59:59.999+08:00"),
  domains: ["EMERGENCY", "ECOLOGY"],
  idCardNo: "500101199001011234",
  mobile: "13900000000",
  version: 4,
  updatedAt: 0,
};

const scOfficer: ScOfficer = {
  cert_no: "SC-GZ-2024-0001",
  name: "李娜",
  unit: "",
  status: "暂停执法",
  valid_from: "2024-03-01",
  valid_until: "2027-02-28",
  domains: ["PLANNING"],
  id_card_no: "",
  phone: "13800000000",
  rev: 2,
  updated_at: "2025-01-01 08:00:00",
};

describe("library mappers", () => {
  it("maps a Chongqing officer with its certificate days in Beijing time", () => {
    expect(cqOfficerToInput(cqOfficer)).toEqual({
      certificateNumber: "CQ-0001",
      name: "张伟",
      version: 4,
      unit: "重庆市应急管理局",
      status: "SUSPENDED",
      certificateValidFrom: "2024-01-01",
      certificateValidTo: "2028-12-31",
      qualifiedDomains: ["EMERGENCY", "ECOLOGY"],
      idNumber: "500101199001011234",
      phone: "13900000000",
    });
  });

  it("maps a Sichuan officer: Chinese status to the canonical one, empty strings to unknown", () => {
    expect(scOfficerToInput(scOfficer)).toMatchObject({
      certificateNumber: "SC-GZ-2024-0001",
      version: 2,
      status: "SUSPENDED",
      unit: null,
      idNumber: null,
      certificateValidFrom: "2024-03-01",
      certificateValidTo: "2027-02-28",
    });
  });

  it("maps enterprises of both dialects to the same input", () => {
    const cq: CqEnterprise = {
      creditCode: "91500000MA5U7XXX1K",
      name: "某化工有限公司",
      legalRepresentative: "王强",
      address: "渝北区某路1号",
      divisionCode: "500112",
      industry: "化工",
      creditGrade: "B",
      version: 3,
      updatedAt: 0,
    };
    const sc: ScEnterprise = {
      uscc: cq.creditCode,
      name: cq.name,
      legal_person: cq.legalRepresentative,
      address: cq.address,
      division_code: cq.divisionCode,
      industry: cq.industry,
      credit_grade: cq.creditGrade,
      rev: 3,
      updated_at: "2025-01-01 08:00:00",
    };
    expect(scEnterpriseToInput(sc)).toEqual(cqEnterpriseToInput(cq));
    expect(cqEnterpriseToInput(cq)).toMatchObject({ uscc: cq.creditCode, creditGrade: "B", version: 3 });
  });

  it("quarantines what the gateway refuses, with its code, and only that", async () => {
    const client = {
      async mutate(document: unknown) {
        expect(document).toBe(UPSERT_OFFICERS); // no enterprises in the page: no upsertEnterprises
        const results = [
          { key: "CQ-0001", outcome: "APPLIED", code: null, message: "" },
          {
            key: "SC-GZ-2024-0001",
            outcome: "REFUSED",
            code: "CITIZEN_ID_CHECK_DIGIT",
            message: "idNumber: bad check digit",
          },
        ];
        return { upsertOfficers: { results } };
      },
    } as unknown as GatewayClient;
    const refused = await pushLibraryChanges(
      client,
      { officers: [cqOfficerToInput(cqOfficer), scOfficerToInput(scOfficer)], enterprises: [] },
      (work) => work(),
      new AbortController().signal,
    );
    expect(refused).toEqual([
      {
        originId: "officer:SC-GZ-2024-0001",
        version: 2,
        code: "CITIZEN_ID_CHECK_DIGIT",
        reason: "idNumber: bad check digit",
        payload: scOfficerToInput(scOfficer),
      },
    ]);
  });
});

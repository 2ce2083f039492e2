/** Shared pieces of the library schema tests: mutations, record builders, result types. */
import { computeCitizenIdCheckChar } from "../../schema/libraries/rules/citizen-id.ts";
import { computeOrgCodeCheckChar } from "../../schema/libraries/rules/org-code.ts";
import { computeUsccCheckChar } from "../../schema/libraries/rules/uscc.ts";

const PAYLOAD = "counts { applied unchanged stale refused } results { key outcome code message }";

export const UPSERT_OFFICERS = `mutation($records: [OfficerInput!]!) {
  upsertOfficers(input: { officers: $records }) { ${PAYLOAD} }
}`;

export const UPSERT_ENTERPRISES = `mutation($records: [EnterpriseInput!]!) {
  upsertEnterprises(input: { enterprises: $records }) { ${PAYLOAD} }
}`;

export interface UpsertPayload {
  counts: { applied: number; unchanged: number; stale: number; refused: number };
  results: Array<{ key: string; outcome: string; code: string | null; message: string }>;
}

/** A valid USCC registered at `division`, body "TKB" + serial (distinct from the seed's "MAG"). */
export function uscc(division: string, serial: number): string {
  const body = `TKB${String(serial).padStart(5, "0")}`;
  const first17 = `91${division}${body}${computeOrgCodeCheckChar(body)}`;
  return `${first17}${computeUsccCheckChar(first17)}`;
}

export function citizenId(addressCode: string, birth: string): string {
  const body = `${addressCode}${birth}321`;
  return `${body}${computeCitizenIdCheckChar(body)}`;
}

export const enterpriseRecord = (over: Record<string, unknown> = {}) => ({
  uscc: uscc("511623", 1),
  name: "四川测试新材料科技有限公司",
  version: 1,
  park: "高竹新区新材料产业园",
  town: "高滩镇",
  divisionCode: "511623",
  industry: "新材料",
  creditGrade: "A",
  legalRepresentative: "测试人",
  address: "四川省广安市邻水县高滩镇测试路1号",
  ...over,
});

export const officerRecord = (over: Record<string, unknown> = {}) => ({
  certificateNumber: "SC-GZ-2026-0900",
  name: "测试执法员",
  version: 1,
  unit: "邻水县综合行政执法局",
  certificateValidFrom: "2026-01-01",
  certificateValidTo: "2030-12-31",
  qualifiedDomains: ["URBAN", "MARKET"],
  idNumber: citizenId("511623", "19900101"),
  phone: "13900000299",
  homeAddress: "四川省广安市邻水县高滩镇测试路9号",
  ...over,
});

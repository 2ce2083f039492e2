/**
 * Synthetic library rows for library-scale: 1,000,000 enterprises and 50,000 officers, deterministic (row i is
 * always the same), fictitious and VALID — USCCs with correct GB 11714 and GB 32100 check characters, citizen IDs
 * with a correct GB 11643 check digit — so that the same rows can go through the gateway's validating upserts
 * (issue 5) and through a raw COPY / INSERT baseline.
 */
import { DOMAIN_CODES } from "../../prisma/seed/data/catalog.ts";
import { computeCitizenIdCheckChar } from "../../schema/libraries/rules/citizen-id.ts";
import { computeOrgCodeCheckChar } from "../../schema/libraries/rules/org-code.ts";
import { computeUsccCheckChar } from "../../schema/libraries/rules/uscc.ts";

export interface EnterpriseRow {
  uscc: string;
  name: string;
  park: string;
  town: string;
  divisionCode: string;
  industry: string;
  registeringJurisdiction: "cq" | "sc";
  creditGrade: "A" | "B" | "C" | "D";
  version: number;
}

export interface OfficerRow {
  certificateNumber: string;
  name: string;
  homeJurisdiction: "cq" | "sc";
  unit: string;
  status: "ACTIVE";
  /** YYYY-MM-DD */
  certificateValidFrom: string;
  certificateValidTo: string;
  qualifiedDomains: string[];
  idNumber: string;
  phone: string;
}

const CQ = { division: "500109", towns: ["茨竹镇", "大湾镇"], parks: ["高竹新区茨竹片区", "高竹新区大湾片区"] };
const SC = { division: "511623", towns: ["高滩镇", "坛同镇"], parks: ["高竹新区高滩片区", "高竹新区坛同片区"] };
const INDUSTRIES = [
  "汽车零部件",
  "电子信息",
  "装备制造",
  "新材料",
  "食品加工",
  "物流",
  "建筑施工",
  "化工",
  "医药",
  "餐饮",
];
const GRADES = ["A", "B", "C", "D"] as const;
const DOMAINS: readonly string[] = DOMAIN_CODES;

export function enterpriseRow(i: number): EnterpriseRow {
  const side = i % 2 === 0 ? CQ : SC;
  const orgBody = String(10_000_000 + i); // 8 digits for i < 90,000,000
  const first17 = `91${side.division}${orgBody}${computeOrgCodeCheckChar(orgBody)}`;
  return {
    uscc: `${first17}${computeUsccCheckChar(first17)}`,
    name: `示例企业${i}有限公司`,
    park: side.parks[(i >> 1) % 2]!,
    town: side.towns[(i >> 2) % 2]!,
    divisionCode: side.division,
    industry: INDUSTRIES[i % INDUSTRIES.length]!,
    registeringJurisdiction: side === CQ ? "cq" : "sc",
    creditGrade: GRADES[(i * 7) % 4]!,
    version: 1,
  };
}

export function officerRow(i: number): OfficerRow {
  const cq = i % 2 === 0;
  const birth = `19${70 + (i % 30)}${String((i % 12) + 1).padStart(2, "0")}${String((i % 28) + 1).padStart(2, "0")}`;
  const idBody = `${cq ? "500109" : "511623"}${birth}${String(i % 1000).padStart(3, "0")}`;
  return {
    certificateNumber: `BENCH-${cq ? "CQ" : "SC"}-${String(i).padStart(7, "0")}`,
    name: `测试执法员${i}`,
    homeJurisdiction: cq ? "cq" : "sc",
    unit: `${cq ? "重庆" : "四川"}示例执法支队第${(i % 50) + 1}大队`,
    status: "ACTIVE",
    certificateValidFrom: "2024-01-01",
    certificateValidTo: "2029-12-31",
    qualifiedDomains: [DOMAINS[i % DOMAINS.length]!, DOMAINS[(i + 3) % DOMAINS.length]!],
    idNumber: `${idBody}${computeCitizenIdCheckChar(idBody)}`,
    phone: `139${String(i).padStart(8, "0")}`,
  };
}

/**
 * The 24 officers (执法人员) of the joint force: 12 Chongqing, 12 Sichuan. All people, numbers and
 * addresses are fictitious; ID numbers are built with a correct GB 11643 check digit.
 *
 * Illustrative, not sourced: the certificate number format (the 证号 coding rule of the 执法证 is not
 * public: docs/identifiers.md), the unit names, and who holds which domains.
 *
 * Data that later features rely on (relative to 2026-11-21, the reference day of the seed data):
 * two certificates expire within 30 days (李娜 2026-12-15, 谢婷 2026-12-05), one expired on
 * 2026-10-31 while the officer is still ACTIVE (唐国华 — dispatch must check the date, not only the
 * status), one officer is SUSPENDED (赵敏). Without those four, every domain still has at least two
 * dispatchable officers in each province.
 */
import { computeCitizenIdCheckChar } from "../../../schema/libraries/rules/citizen-id.ts";

export interface SeedOfficer {
  certificateNumber: string;
  name: string;
  homeJurisdiction: "cq" | "sc";
  unit: string;
  status: "ACTIVE" | "SUSPENDED" | "RETIRED";
  /** YYYY-MM-DD */
  certificateValidFrom: string;
  /** YYYY-MM-DD, last day of validity */
  certificateValidTo: string;
  qualifiedDomains: string[];
  idNumber: string;
  phone: string;
  homeAddress: string;
}

type Sex = "M" | "F";
type Row = [
  name: string,
  sex: Sex,
  birthDate: string,
  addressCode: string,
  unit: string,
  status: SeedOfficer["status"],
  validFrom: string,
  validTo: string,
  /** codes of ./domains.ts */
  domains: string[],
];

const CQ_GZ = "川渝高竹新区综合行政执法局（重庆派驻）";
const SC_GZ = "川渝高竹新区综合行政执法局（四川派驻）";

// Address codes: 500112 (渝北区, retired 2025-11-06 but still in IDs issued before) and 500109 (北碚区).
// biome-ignore format: one officer per line reads as a table
const chongqing: Row[] = [
  ["陈建国", "M", "19750312", "500112", CQ_GZ, "ACTIVE", "2024-03-01", "2029-02-28", ["URBAN", "PLANNING_RESOURCES", "TRANSPORT"]],
  ["刘志强", "M", "19800725", "500112", "重庆市北碚区应急管理局", "ACTIVE", "2023-07-01", "2028-06-30", ["EMERGENCY", "MARKET"]],
  ["王丽", "F", "19850918", "500109", "重庆市北碚区生态环境局", "ACTIVE", "2024-01-15", "2029-01-14", ["ECOLOGY", "AGRICULTURE"]],
  ["张伟", "M", "19880204", "500112", "重庆市北碚区市场监督管理局", "ACTIVE", "2022-06-01", "2027-05-31", ["MARKET", "CULTURE_TOURISM", "EMERGENCY"]],
  ["李娜", "F", "19900611", "500109", CQ_GZ, "ACTIVE", "2021-12-16", "2026-12-15", ["URBAN", "TRANSPORT"]],
  ["杨洋", "M", "19921127", "500112", "重庆市规划和自然资源局北碚区分局", "ACTIVE", "2025-03-01", "2029-02-28", ["PLANNING_RESOURCES", "AGRICULTURE", "ECOLOGY"]],
  ["赵敏", "F", "19870403", "500109", "重庆市北碚区应急管理局", "SUSPENDED", "2023-05-01", "2028-04-30", ["EMERGENCY", "ECOLOGY"]],
  ["黄海涛", "M", "19780819", "500112", CQ_GZ, "ACTIVE", "2024-09-01", "2029-08-31", ["CULTURE_TOURISM", "URBAN", "MARKET"]],
  ["周静", "F", "19950122", "500109", "重庆市北碚区市场监督管理局", "ACTIVE", "2025-01-10", "2028-01-09", ["MARKET", "AGRICULTURE", "CULTURE_TOURISM"]],
  ["吴斌", "M", "19830630", "500112", CQ_GZ, "ACTIVE", "2022-11-01", "2027-10-31", ["TRANSPORT", "EMERGENCY", "PLANNING_RESOURCES"]],
  ["徐芳", "F", "19970905", "500109", "重庆市北碚区生态环境局", "ACTIVE", "2024-04-01", "2029-03-31", ["ECOLOGY", "EMERGENCY"]],
  ["孙磊", "M", "19720114", "500112", "重庆市规划和自然资源局北碚区分局", "ACTIVE", "2023-02-01", "2028-01-31", ["PLANNING_RESOURCES", "TRANSPORT", "URBAN", "AGRICULTURE"]],
];

// Address code 511623 (邻水县).
// biome-ignore format: one officer per line reads as a table
const sichuan: Row[] = [
  ["何军", "M", "19760508", "511623", SC_GZ, "ACTIVE", "2024-02-01", "2029-01-31", ["URBAN", "PLANNING_RESOURCES", "CULTURE_TOURISM"]],
  ["罗晓燕", "F", "19820316", "511623", "邻水县应急管理局", "ACTIVE", "2023-06-01", "2028-05-31", ["EMERGENCY", "TRANSPORT"]],
  ["郑勇", "M", "19790921", "511623", "广安市邻水生态环境局", "ACTIVE", "2022-09-01", "2027-08-31", ["ECOLOGY", "AGRICULTURE", "EMERGENCY"]],
  ["谢婷", "F", "19910710", "511623", "邻水县市场监督管理局", "ACTIVE", "2021-12-06", "2026-12-05", ["MARKET", "CULTURE_TOURISM"]],
  ["唐国华", "M", "19731102", "511623", "邻水县综合行政执法局", "ACTIVE", "2021-11-01", "2026-10-31", ["URBAN", "TRANSPORT"]],
  ["邓雪梅", "F", "19860227", "511623", "邻水县自然资源和规划局", "ACTIVE", "2024-05-01", "2029-04-30", ["PLANNING_RESOURCES", "AGRICULTURE"]],
  ["蒋涛", "M", "19890813", "511623", "邻水县综合行政执法局", "ACTIVE", "2023-08-01", "2028-07-31", ["URBAN", "MARKET", "TRANSPORT"]],
  ["曾红", "F", "19930419", "511623", "邻水县市场监督管理局", "ACTIVE", "2024-10-01", "2029-09-30", ["MARKET", "EMERGENCY", "CULTURE_TOURISM"]],
  ["彭飞", "M", "19840126", "511623", SC_GZ, "ACTIVE", "2022-03-01", "2027-02-28", ["TRANSPORT", "ECOLOGY", "PLANNING_RESOURCES"]],
  ["冯丽华", "F", "19960830", "511623", "广安市邻水生态环境局", "ACTIVE", "2025-02-01", "2029-01-31", ["ECOLOGY", "AGRICULTURE"]],
  ["宋建平", "M", "19710601", "511623", "邻水县应急管理局", "ACTIVE", "2023-04-01", "2028-03-31", ["EMERGENCY", "PLANNING_RESOURCES", "URBAN"]],
  ["韩雪", "F", "19981015", "511623", "邻水县综合行政执法局", "ACTIVE", "2025-06-01", "2029-05-31", ["CULTURE_TOURISM", "MARKET", "AGRICULTURE"]],
];

const HOME_TOWNS = {
  cq: ["重庆市北碚区茨竹镇", "重庆市北碚区大湾镇"],
  sc: ["四川省广安市邻水县高滩镇", "四川省广安市邻水县坛同镇"],
};

function officer(jurisdiction: "cq" | "sc", row: Row, index: number): SeedOfficer {
  const [name, sex, birthDate, addressCode, unit, status, validFrom, validTo, domains] = row;
  const n = index + 1;
  // 顺序码: odd for men, even for women (GB 11643-1999 §6.5.3).
  const idBody = `${addressCode}${birthDate}${String(10 + n * 4 + (sex === "M" ? 1 : 0)).padStart(3, "0")}`;
  const jurisdictionDigit = jurisdiction === "cq" ? "1" : "2";
  return {
    // Illustrative format: <JURISDICTION>-GZ-<year of issue>-<serial>.
    certificateNumber: `${jurisdiction.toUpperCase()}-GZ-${validFrom.slice(0, 4)}-${String(n).padStart(4, "0")}`,
    name,
    homeJurisdiction: jurisdiction,
    unit,
    status,
    certificateValidFrom: validFrom,
    certificateValidTo: validTo,
    qualifiedDomains: domains,
    idNumber: `${idBody}${computeCitizenIdCheckChar(idBody)}`,
    // The run of zeros (1390000xxxx) keeps the numbers obviously fictitious.
    phone: `13900000${jurisdictionDigit}${String(n).padStart(2, "0")}`,
    homeAddress: `${HOME_TOWNS[jurisdiction][index % 2]}示例路${n * 3}号`,
  };
}

export const officers: SeedOfficer[] = [
  ...chongqing.map((row, i) => officer("cq", row, i)),
  ...sichuan.map((row, i) => officer("sc", row, i)),
];

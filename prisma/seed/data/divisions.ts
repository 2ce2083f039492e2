/**
 * 行政区划代码 (GB/T 2260) relevant to 川渝高竹新区, with their validity. The facts and their sources:
 * docs/identifiers.md ("Division codes"); unknown values are null, never guessed.
 *
 * Validity is inclusive at both ends, like every effective range in the gateway
 * (schema/common/effective-dates.ts): validTo is the LAST day a code was in force, so an abolished
 * code ends the day before its successor starts. null = not known / not bounded (the codes in force
 * before 2025 have no start date here).
 */
export interface SeedDivision {
  code: string;
  name: string;
  parentCode: string | null;
  /** YYYY-MM-DD */
  validFrom: string | null;
  /** YYYY-MM-DD, inclusive: the last day the code was in force */
  validTo: string | null;
  /** Set only where the whole territory passed to one division. */
  successorCode: string | null;
  /** false where the only source is a single secondary one (docs/identifiers.md) */
  verified: boolean;
  note: string | null;
}

/** 2025-11-06: 渝北区 and 江北区 abolished, 两江新区 created (docs/identifiers.md). */
const CHONGQING_REORGANISATION = "2025-11-06";
/** the last day the abolished codes were in force */
const LAST_DAY_BEFORE_REORGANISATION = "2025-11-05";

export const divisions: SeedDivision[] = [
  {
    code: "500000",
    name: "重庆市",
    parentCode: null,
    validFrom: null,
    validTo: null,
    successorCode: null,
    verified: true,
    note: null,
  },
  {
    code: "500112",
    name: "渝北区",
    parentCode: "500000",
    validFrom: null,
    validTo: LAST_DAY_BEFORE_REORGANISATION,
    // Split, so no single successor: see the note.
    successorCode: null,
    verified: true,
    note:
      "Abolished 2025-11-06 (approved by 党中央、国务院). 原渝北区 except five towns went into the new 两江新区; " +
      "大湾镇、统景镇、大盛镇、兴隆镇、茨竹镇 were transferred to 北碚区 (500109) — including 茨竹镇 and 大湾镇, " +
      "the Chongqing part of 川渝高竹新区. Kept as a historical code: it still appears in USCCs and citizen IDs " +
      "issued before the change (docs/identifiers.md).",
  },
  {
    code: "500109",
    name: "北碚区",
    parentCode: "500000",
    validFrom: null,
    validTo: null,
    successorCode: null,
    verified: true,
    note:
      "Since 2025-11-06 includes 大湾镇、统景镇、大盛镇、兴隆镇、茨竹镇 from 原渝北区, i.e. the Chongqing part of " +
      "川渝高竹新区 (茨竹镇、大湾镇); parts of 北碚区 went into 两江新区. Whether 北碚区 or 两江新区 now co-governs " +
      "the New Area is UNVERIFIED (docs/identifiers.md).",
  },
  {
    code: "500105",
    name: "江北区",
    parentCode: "500000",
    validFrom: null,
    validTo: LAST_DAY_BEFORE_REORGANISATION,
    successorCode: "500157",
    verified: true,
    note:
      "Abolished 2025-11-06; 原江北区 went into the new 两江新区 (docs/identifiers.md). The successor's code 500157 is " +
      "itself unverified.",
  },
  {
    code: "500157",
    name: "两江新区",
    parentCode: "500000",
    validFrom: CHONGQING_REORGANISATION,
    validTo: null,
    successorCode: null,
    verified: false,
    note:
      "District-level 两江新区 created 2025-11-06 from 原江北区 + 原渝北区 (except five towns) + parts of 北碚区; " +
      "organs inaugurated 2026-01-25. The code 500157 is UNVERIFIED: single secondary source (a public GitHub " +
      "verification script citing a 重庆市民政局 notice of 2025-12-05), not checked against the official " +
      "MCA/重庆民政 list (docs/identifiers.md).",
  },
  {
    code: "510000",
    name: "四川省",
    parentCode: null,
    validFrom: null,
    validTo: null,
    successorCode: null,
    verified: true,
    note: null,
  },
  {
    code: "511600",
    name: "广安市",
    parentCode: "510000",
    validFrom: null,
    validTo: null,
    successorCode: null,
    verified: true,
    note: null,
  },
  {
    code: "511623",
    name: "邻水县",
    parentCode: "511600",
    validFrom: null,
    validTo: null,
    successorCode: null,
    verified: true,
    note:
      "Unchanged. The Sichuan part of 川渝高竹新区 (高滩镇、坛同镇 — town list UNVERIFIED against an official " +
      "scope document, docs/identifiers.md).",
  },
];

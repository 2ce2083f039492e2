/**
 * 公民身份号码 (citizen ID number), GB 11643-1999: 6 地址码 + 8 出生日期码 (YYYYMMDD) + 3 顺序码
 * + 1 校验码 (ISO 7064:1983 MOD 11-2).
 *
 * The 地址码 is not checked against the current GB/T 2260 list: it is the county of registration at
 * issue, so retired codes (440524, or 渝北区 500112 after 2025-11-06) are normal (docs/identifiers.md).
 */

import { beijingDate } from "../../common/effective-dates.ts";
import {
  firstBadPosition,
  IDENTIFIER_OK,
  type IdentifierCheck,
  identifierFailure,
  weightedSum,
} from "./identifier-check.ts";

export type CitizenIdErrorCode =
  | "CITIZEN_ID_LENGTH"
  | "CITIZEN_ID_FORMAT"
  | "CITIZEN_ID_BIRTH_DATE"
  | "CITIZEN_ID_CHECK_DIGIT";

/** Wᵢ = 2^(18−i) mod 11 for i = 1…17 (GB 11643-1999 §7.2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character by R = Σ mod 11: 0→1, 1→0, 2→X, 3→9 … 10→2. */
const CHECK_BY_REMAINDER = "10X98765432";
/** 出生日期 earlier than this is treated as a typo (a cut-off of ours, not of the standard). */
// GB 11643-1999 Appendix A itself uses a birth date of 1880 (440524188001010014): the cut-off must allow it.
const EARLIEST_BIRTH_DATE = "18000101";

export interface CitizenIdChecksum {
  /** Σ aᵢ·Wᵢ over positions 1–17 */
  weightedSum: number;
  /** R = Σ mod 11 */
  remainder: number;
  checkChar: string;
}

/** @throws RangeError when `first17` is not 17 digits (a programming error, not bad input). */
export function citizenIdChecksum(first17: string): CitizenIdChecksum {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`citizen ID body must be 17 digits, got '${first17}'`);
  const sum = weightedSum(first17, Number, WEIGHTS);
  const remainder = sum % 11;
  return { weightedSum: sum, remainder, checkChar: CHECK_BY_REMAINDER.charAt(remainder) };
}

export function computeCitizenIdCheckChar(first17: string): string {
  return citizenIdChecksum(first17).checkChar;
}

/** The check character `X` is often typed lower-case; the canonical form is upper-case. */
export function normaliseCitizenId(value: string): string {
  return value.toUpperCase();
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function chinaDateOf(now: Date): string {
  return beijingDate(now).replaceAll("-", "");
}

const asIsoDate = (yyyymmdd: string): string =>
  `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

/**
 * Validates after `normaliseCitizenId`. `now` fixes "today" (in China Standard Time) for the
 * not-in-the-future rule, keeping the function pure.
 */
export function validateCitizenId(value: string, now: Date): IdentifierCheck<CitizenIdErrorCode> {
  const id = normaliseCitizenId(value);
  if (id.length !== 18) {
    const hint = id.length === 15 ? " (15-digit first-generation numbers are not accepted)" : "";
    return identifierFailure(
      "CITIZEN_ID_LENGTH",
      `公民身份号码 (citizen ID) must be 18 characters, got ${id.length}${hint}`,
    );
  }
  const bad = firstBadPosition(id, (c, pos) => (c >= "0" && c <= "9") || (pos === 18 && c === "X"));
  if (bad !== 0) {
    return identifierFailure(
      "CITIZEN_ID_FORMAT",
      `公民身份号码 (citizen ID) position ${bad}: '${id.charAt(bad - 1)}' is not allowed; expected ${bad === 18 ? "a digit or 'X'" : "a digit"}`,
    );
  }
  const birth = id.slice(6, 14);
  const today = chinaDateOf(now);
  // The 1800 cut-off first: it also keeps years 0–99 away from Date.UTC's 19xx mapping.
  const birthProblem =
    birth < EARLIEST_BIRTH_DATE
      ? `is before ${asIsoDate(EARLIEST_BIRTH_DATE)}`
      : !isRealDate(birth)
        ? "is not a real calendar date"
        : birth > today
          ? `is after today (${asIsoDate(today)}, China Standard Time)`
          : null;
  if (birthProblem) {
    return identifierFailure(
      "CITIZEN_ID_BIRTH_DATE",
      `公民身份号码 (citizen ID) positions 7–14 (出生日期码, date of birth) '${birth}' ${birthProblem}`,
    );
  }
  const expected = computeCitizenIdCheckChar(id.slice(0, 17));
  if (id.charAt(17) !== expected) {
    return identifierFailure(
      "CITIZEN_ID_CHECK_DIGIT",
      `公民身份号码 (citizen ID) 校验码 (check digit) at position 18 is '${id.charAt(17)}', expected '${expected}' (ISO 7064 MOD 11-2)`,
    );
  }
  return IDENTIFIER_OK;
}

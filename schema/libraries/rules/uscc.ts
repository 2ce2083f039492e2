/**
 * 统一社会信用代码 (USCC), GB 32100-2015. 18 characters:
 * 1 登记管理部门码 · 2 机构类别码 · 3–8 登记管理机关行政区划码 (GB/T 2260) · 9–17 主体标识码
 * (the GB 11714 organisation code) · 18 校验码.
 *
 * Positions 1–2 are not checked against a list: new department codes were added after 2015
 * (docs/identifiers.md), so they are data, not rules. Positions 3–8 are not checked against the division
 * list either: a code keeps the division of its registration authority at issue, so a retired code
 * such as 渝北区 500112 (abolished 2025-11-06) is normal in a valid USCC.
 */
import {
  firstBadPosition,
  IDENTIFIER_OK,
  type IdentifierCheck,
  identifierFailure,
  weightedSum,
} from "./identifier-check.ts";
import { computeOrgCodeCheckChar } from "./org-code.ts";

export type UsccErrorCode =
  | "USCC_LENGTH"
  | "USCC_CHARSET"
  | "USCC_DIVISION_FORMAT"
  | "USCC_CHECK_CHAR"
  | "USCC_ORG_CODE_CHECK_CHAR";

/** GB 32100 code characters; the index is the value 0–30. I, O, S, V, Z are excluded. */
export const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const EXPECTED_CHARS = "0–9 or A–H, J–N, P, Q, R, T, U, W, X, Y (I, O, S, V, Z are not used)";

/** Wᵢ = 3^(i−1) mod 31 for i = 1…17 (GB 32100-2015 §4.2): 1, 3, 9, 27, 19, 26, 16, 17, 20, … */
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

const usccCharValue = (char: string): number => USCC_CHARSET.indexOf(char);

export interface UsccChecksum {
  /** Σ Cᵢ·Wᵢ over positions 1–17 */
  weightedSum: number;
  /** Σ mod 31 */
  remainder: number;
  /** 31 − remainder, with 31 written as value 0 */
  checkValue: number;
  checkChar: string;
}

/** @throws RangeError when `first17` is not 17 characters of USCC_CHARSET (a programming error). */
export function usccChecksum(first17: string): UsccChecksum {
  if (first17.length !== 17 || firstBadPosition(first17, (c) => usccCharValue(c) >= 0) !== 0) {
    throw new RangeError(`USCC body must be 17 characters of ${USCC_CHARSET}, got '${first17}'`);
  }
  const sum = weightedSum(first17, usccCharValue, USCC_WEIGHTS);
  const remainder = sum % 31;
  const checkValue = (31 - remainder) % 31;
  return { weightedSum: sum, remainder, checkValue, checkChar: USCC_CHARSET.charAt(checkValue) };
}

export function computeUsccCheckChar(first17: string): string {
  return usccChecksum(first17).checkChar;
}

export interface ValidateUsccOptions {
  /**
   * Also require positions 9–17 to be a valid GB 11714 organisation code. Off by default: some
   * codes in real registers fail it while their USCC check character is correct.
   * @default false
   */
  checkOrgCode?: boolean;
}

export function validateUscc(value: string, options: ValidateUsccOptions = {}): IdentifierCheck<UsccErrorCode> {
  if (value.length !== 18) {
    return identifierFailure("USCC_LENGTH", `统一社会信用代码 (USCC) must be 18 characters, got ${value.length}`);
  }
  const badChar = firstBadPosition(value, (c) => usccCharValue(c) >= 0);
  if (badChar !== 0) {
    return identifierFailure(
      "USCC_CHARSET",
      `统一社会信用代码 (USCC) position ${badChar}: '${value.charAt(badChar - 1)}' is not allowed; expected ${EXPECTED_CHARS}`,
    );
  }
  const badDigit = firstBadPosition(value.slice(2, 8), (c) => c >= "0" && c <= "9");
  if (badDigit !== 0) {
    return identifierFailure(
      "USCC_DIVISION_FORMAT",
      `统一社会信用代码 (USCC) positions 3–8 (登记管理机关行政区划码, division code) must be 6 digits; position ${badDigit + 2} is '${value.charAt(badDigit + 1)}'`,
    );
  }
  const expected = computeUsccCheckChar(value.slice(0, 17));
  if (value.charAt(17) !== expected) {
    return identifierFailure(
      "USCC_CHECK_CHAR",
      `统一社会信用代码 (USCC) 校验码 (check character) at position 18 is '${value.charAt(17)}', expected '${expected}'`,
    );
  }
  if (options.checkOrgCode) {
    const expectedOrg = computeOrgCodeCheckChar(value.slice(8, 16));
    if (value.charAt(16) !== expectedOrg) {
      return identifierFailure(
        "USCC_ORG_CODE_CHECK_CHAR",
        `统一社会信用代码 (USCC) positions 9–17 (主体标识码, organisation code GB 11714): check character at position 17 is '${value.charAt(16)}', expected '${expectedOrg}'`,
      );
    }
  }
  return IDENTIFIER_OK;
}

/**
 * Positions 3–8: the division of the registration authority when the code was issued — not
 * necessarily where the enterprise is today. Null when the value has no 6-digit division there.
 */
export function divisionCodeOfUscc(uscc: string): string | null {
  const division = uscc.slice(2, 8);
  return uscc.length === 18 && /^\d{6}$/.test(division) ? division : null;
}

/**
 * `enterprises(usccPrefix:)` as a range the unique index on `uscc` serves under any collation: every USCC
 * starting with `prefix` lies between the prefix itself and the prefix padded with the last character of
 * the charset ("Y"), as strings of [0-9A-Y] sort alike in byte order and in the usual collations (digits
 * before letters). The caller keeps the exact `startsWith` beside it; `LIKE 'x%'` alone is a seq scan
 * unless the database's collation is "C".
 */
export function usccPrefixBounds(prefix: string): { gte: string; lte: string } {
  const last = USCC_CHARSET.charAt(USCC_CHARSET.length - 1);
  return { gte: prefix, lte: prefix.padEnd(18, last) };
}

/**
 * 组织机构代码 (organisation code), GB 11714-1997: 8 本体代码 (digits or upper-case letters) + 1 校验码.
 * Inside a USCC it is the 主体标识码 at positions 9–17 (GB 32100-2015).
 */
import {
  firstBadPosition,
  IDENTIFIER_OK,
  type IdentifierCheck,
  identifierFailure,
  weightedSum,
} from "./identifier-check.ts";

export type OrgCodeErrorCode = "ORG_CODE_LENGTH" | "ORG_CODE_CHARSET" | "ORG_CODE_CHECK_CHAR";

/** GB 11714 weights for the 8 本体代码 positions. */
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const BODY_CHAR = /^[0-9A-Z]$/;

/** GB 11714: digits are their value, letters A=10 … Z=35. */
function orgCodeCharValue(char: string): number {
  return Number.parseInt(char, 36);
}

export interface OrgCodeChecksum {
  /** Σ value·weight over the 8 body characters */
  weightedSum: number;
  /** 11 − (Σ mod 11): 10 is written `X`, 11 is written `0` */
  checkValue: number;
  checkChar: string;
}

/** @throws RangeError when `first8` is not 8 characters of [0-9A-Z] (a programming error, not bad input). */
export function orgCodeChecksum(first8: string): OrgCodeChecksum {
  if (first8.length !== 8 || firstBadPosition(first8, (c) => BODY_CHAR.test(c)) !== 0) {
    throw new RangeError(`organisation code body must be 8 characters of [0-9A-Z], got '${first8}'`);
  }
  const sum = weightedSum(first8, orgCodeCharValue, WEIGHTS);
  const checkValue = 11 - (sum % 11);
  const checkChar = checkValue === 10 ? "X" : checkValue === 11 ? "0" : String(checkValue);
  return { weightedSum: sum, checkValue, checkChar };
}

export function computeOrgCodeCheckChar(first8: string): string {
  return orgCodeChecksum(first8).checkChar;
}

/** Validates the 9-character form without hyphen (e.g. `M000100Y4`). */
export function validateOrgCode(value: string): IdentifierCheck<OrgCodeErrorCode> {
  if (value.length !== 9) {
    return identifierFailure(
      "ORG_CODE_LENGTH",
      `组织机构代码 (organisation code) must be 9 characters (8 body + 1 check), got ${value.length}`,
    );
  }
  const bad = firstBadPosition(value, (c, pos) => (pos <= 8 ? BODY_CHAR.test(c) : /^[0-9X]$/.test(c)));
  if (bad !== 0) {
    const expected = bad <= 8 ? "a digit or an upper-case letter A–Z" : "a digit or 'X'";
    return identifierFailure(
      "ORG_CODE_CHARSET",
      `组织机构代码 (organisation code) position ${bad}: '${value.charAt(bad - 1)}' is not allowed; expected ${expected}`,
    );
  }
  const expected = computeOrgCodeCheckChar(value.slice(0, 8));
  if (value.charAt(8) !== expected) {
    return identifierFailure(
      "ORG_CODE_CHECK_CHAR",
      `组织机构代码 (organisation code) 校验码 (check character) at position 9 is '${value.charAt(8)}', expected '${expected}' (GB 11714)`,
    );
  }
  return IDENTIFIER_OK;
}

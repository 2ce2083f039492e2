/**
 * The result shared by the identifier validators (USCC, organisation code, citizen ID).
 * `code` is a stable SCREAMING_SNAKE string callers can branch on and put into GraphQL
 * `extensions.code`; `message` is for people (English, with the Chinese term).
 */
export type IdentifierCheck<Code extends string = string> = { ok: true } | { ok: false; code: Code; message: string };

export const IDENTIFIER_OK = { ok: true } as const;

export function identifierFailure<Code extends string>(code: Code, message: string): IdentifierCheck<Code> {
  return { ok: false, code, message };
}

/**
 * Σ value(cᵢ)·wᵢ — the weighted sum every check-character scheme here is built on
 * (GB 32100 / GB 11714 / ISO 7064 MOD 11-2 as used by GB 11643).
 */
export function weightedSum(chars: string, charValue: (char: string) => number, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += charValue(chars.charAt(i)) * (weights[i] ?? 0);
  return sum;
}

/** 1-based position of the first character failing `allowed`, or 0 when all pass. */
export function firstBadPosition(value: string, allowed: (char: string, position: number) => boolean): number {
  for (let i = 0; i < value.length; i++) if (!allowed(value.charAt(i), i + 1)) return i + 1;
  return 0;
}

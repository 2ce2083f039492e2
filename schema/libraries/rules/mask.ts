/**
 * Masking of personal data (个人信息去标识化) applied when one jurisdiction reads the other's records.
 * All maskers are pure; null, undefined and "" pass through unchanged so optional columns can be
 * masked directly. Lengths are counted in code points so a rare CJK character is one character.
 */

/** Keeps null/undefined-ness in the type: a string in gives a string out. */
export interface Masker {
  (value: string): string;
  <T extends null | undefined>(value: T): T;
  (value: string | null | undefined): string | null | undefined;
}

function masker(mask: (chars: string[]) => string): Masker {
  return ((value: string | null | undefined) => (value ? mask(Array.from(value)) : value)) as Masker;
}

/**
 * Keeps `head` and `tail` characters and stars the rest, preserving the length. A value too short
 * to keep anything hidden is starred entirely.
 */
function keepEnds(head: number, tail: number): Masker {
  return masker((chars) =>
    chars.length <= head + tail
      ? "*".repeat(chars.length)
      : [...chars.slice(0, head), "*".repeat(chars.length - head - tail), ...chars.slice(-tail)].join(""),
  );
}

/** 身份证号: first 4 (province + city of the 地址码) and last 4, e.g. `5001**********123X`. */
export const maskIdNumber: Masker = keepEnds(4, 4);

/** 手机号: first 3 (carrier prefix) and last 4, e.g. `138****5678`. */
export const maskPhone: Masker = keepEnds(3, 4);

const ADDRESS_KEPT_CHARS = 6;

/**
 * 住址: keeps the first 6 characters and replaces the rest by `***`. Six characters is the length of
 * "province/municipality + city/district" names such as 重庆市北碚区 or 四川省广安市 — the level the
 * other jurisdiction may see. It is a character count, not an address parser: it assumes the
 * address starts at province level (as the seed data writes it); one that starts
 * lower, e.g. "北碚区天生路…", would show a street name. Addresses of at most 6 characters hold
 * nothing below that level and are returned as they are.
 */
export const maskAddress: Masker = masker((chars) =>
  chars.length <= ADDRESS_KEPT_CHARS ? chars.join("") : `${chars.slice(0, ADDRESS_KEPT_CHARS).join("")}***`,
);

/**
 * 姓名: keeps the first character (the surname, or the first letter of a name in Latin script) and
 * stars the rest, e.g. `张**`, as 个人信息去标识化 commonly shows a name to someone who needs only to
 * know that a person is named.
 */
export const maskPersonName: Masker = masker((chars) =>
  chars.length <= 1 ? "*" : `${chars[0]}${"*".repeat(chars.length - 1)}`,
);

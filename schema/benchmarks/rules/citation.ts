/**
 * Citations read the same everywhere: "土地管理法 第77条", "安全生产法 第99条第(五)项", "行政处罚法 第33条第1款".
 * Articles (条) and clauses (款) in Arabic numerals, sub-items (项) as written in the statute "(五)", the law
 * without the "中华人民共和国" prefix. Seed data and benchmarks write some articles in Chinese numerals
 * ("第三十三条第一款"); `arabicArticles` rewrites those so that one citation is one string. Pure.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const CHINESE_DIGITS = "零一二三四五六七八九";

/** "一百一十二" → 112, "十五" → 15; null when the text is not a Chinese numeral below 10 000. */
export function chineseNumeralValue(text: string): number | null {
  if (text === "") return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = DIGITS[ch];
    const unit = UNITS[ch];
    if (d !== undefined) digit = d;
    else if (unit !== undefined) {
      total += (digit ?? 1) * unit;
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

/** 5 → "五", 12 → "十二", 23 → "二十三" (sub-items are small numbers). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return CHINESE_DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : CHINESE_DIGITS[tens]}十${ones === 0 ? "" : CHINESE_DIGITS[ones]}`;
}

/** the article or clause numbers `arabicArticles` rewrites; not global, so that `test` keeps no state */
const CHINESE_ARTICLE = /第[零〇一二两三四五六七八九十百千]+[条款]/;

/** Rewrites "第三十三条第一款" → "第33条第1款"; sub-items "第(三)项" are kept as the statute writes them. */
export function arabicArticles(text: string): string {
  // every step and citation of a match passes here, and few have any: a test costs far less than a replace
  if (!CHINESE_ARTICLE.test(text)) return text;
  return text.replace(/第([零〇一二两三四五六七八九十百千]+)(条|款)/g, (whole, numeral: string, unit: string) => {
    const value = chineseNumeralValue(numeral);
    return value === null ? whole : `第${value}${unit}`;
  });
}

export interface LegalBasisParts {
  lawName: string;
  article: number | null;
  clause: number | null;
  subItem: number | null;
  /** the citation as written in the catalog (used when the article number is unknown) */
  citation: string;
  /** false: the article number is reported by a source not yet checked against the statute's text */
  verified?: boolean;
}

/** One legal basis as a citation; an unknown article is said to be unknown, never invented. */
export function legalBasisCitation(basis: LegalBasisParts): string {
  const law = basis.lawName.replace(/^中华人民共和国/, "");
  if (basis.article === null) {
    const written = arabicArticles(basis.citation.trim());
    return written ? `${law} ${written}` : `${law} (条款待核实 — article not verified)`;
  }
  const clause = basis.clause === null ? "" : `第${basis.clause}款`;
  const subItem = basis.subItem === null ? "" : `第(${chineseNumeral(basis.subItem)})项`;
  const unverified = basis.verified === false ? " (条款未核实 — article not verified)" : "";
  return `${law} 第${basis.article}条${clause}${subItem}${unverified}`;
}

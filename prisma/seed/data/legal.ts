/**
 * Laws and legal-basis builders for the catalog seed. Article/clause/item numbers appear only where the
 * statute's text was read (docs/law.md); everywhere else a basis names the law alone (article null, verified
 * false, "条款待核实"), or keeps a reported number with verified false and a note naming its source.
 *
 * Effective ranges: a basis whose law was already in force when the item was empowered starts on the
 * item's empowerment date (the gateway judges no act before it); laws that start or end later carry
 * their own dates (生态环境法典 2026-08-15, 危险化学品安全法 2026-05-01, 矿产资源法 2025-07-01).
 */
import type { StatutoryFine } from "../../../schema/benchmarks/rules/statute.ts";
import type { LegalBasisRole, SeedLegalBasis } from "./types.ts";

/** 《重庆市人大常委会关于川渝高竹新区行政管理事项的决定》 in force (docs/law.md). */
export const EMPOWERED = "2024-08-01";
/** 《生态环境法典》 in force; the folded-in laws end the day before (docs/law.md). */
export const CODE_FROM = "2026-08-15";
export const PRE_CODE_TO = "2026-08-14";
/** 《危险化学品安全法》 in force (docs/law.md). */
export const HAZCHEM_FROM = "2026-05-01";
/** 矿产资源法 (2024-11-08 修订) in force (docs/law.md #35). */
export const MINERAL_FROM = "2025-07-01";

export const UNVERIFIED_ARTICLE = "条款待核实 / article not verified";

export interface Law {
  name: string;
  version: string | null;
  from?: string;
  to?: string;
  note?: string;
}

const PRE_CODE_NOTE =
  "生态环境法典施行前的依据 / pre-Code basis, folded into 生态环境法典 from 2026-08-15 (docs/law.md)";

export const LAW = {
  safety: { name: "中华人民共和国安全生产法", version: "2021-06-10 第三次修正" },
  air: { name: "中华人民共和国大气污染防治法", version: "2018-10-26", to: PRE_CODE_TO, note: PRE_CODE_NOTE },
  water: { name: "中华人民共和国水污染防治法", version: "2017-06-27", to: PRE_CODE_TO, note: PRE_CODE_NOTE },
  eia: { name: "中华人民共和国环境影响评价法", version: "2018-12-29", to: PRE_CODE_TO, note: PRE_CODE_NOTE },
  solidWaste: {
    name: "中华人民共和国固体废物污染环境防治法",
    version: "2020-04-29",
    to: PRE_CODE_TO,
    note: PRE_CODE_NOTE,
  },
  envProtection: { name: "中华人民共和国环境保护法", version: "2014-04-24", to: PRE_CODE_TO, note: PRE_CODE_NOTE },
  ecoCode: { name: "中华人民共和国生态环境法典", version: "2026-03-12 通过，2026-08-15 施行", from: CODE_FROM },
  projectEnv: {
    name: "建设项目环境保护管理条例",
    version: "2017-07-16",
    note: "生态环境法典施行后的效力状态待核实 / status after the Code not verified",
  },
  dischargePermit: {
    name: "排污许可管理条例",
    version: "2021-01-24",
    note: "生态环境法典施行后的效力状态待核实 / status after the Code not verified",
  },
  planning: { name: "中华人民共和国城乡规划法", version: "2019-04-23" },
  land: { name: "中华人民共和国土地管理法", version: "2019-08-26" },
  landRegulation: { name: "中华人民共和国土地管理法实施条例", version: "2021-07-02" },
  mineral: { name: "中华人民共和国矿产资源法", version: "2024-11-08 修订", from: MINERAL_FROM },
  hazchemRegulation: {
    name: "危险化学品安全管理条例",
    version: "2013",
    to: "2026-04-30",
    note: "危险化学品安全法施行前的依据，需重新映射 / superseded by 危险化学品安全法 (docs/law.md)",
  },
  hazchemLaw: { name: "中华人民共和国危险化学品安全法", version: "2025-12-27 主席令第64号", from: HAZCHEM_FROM },
} satisfies Record<string, Law>;

/** A law named only by title (no version, no article known). */
export const named = (name: string): Law => ({ name, version: null });

const DIGITS = "零一二三四五六七八九";

/** Chinese numerals as used in citations: 97 → 九十七, 108 → 一百零八, 1140 → 一千一百四十. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`no Chinese numeral for ${n}`);
  const d = (k: number) => DIGITS.charAt(k);
  if (n < 10) return d(n);
  if (n < 20) return `十${n % 10 ? d(n % 10) : ""}`;
  if (n < 100) return `${d(Math.floor(n / 10))}十${n % 10 ? d(n % 10) : ""}`;
  const [unit, size] = n < 1000 ? ["百", 100] : ["千", 1000];
  const head = `${d(Math.floor(n / size))}${unit}`;
  const rest = n % size;
  if (rest === 0) return head;
  if (rest < size / 10) return `${head}零${rest < 20 && rest >= 10 ? "一" : ""}${chineseNumber(rest)}`;
  return `${head}${rest < 20 ? "一" : ""}${chineseNumber(rest)}`;
}

/** "第九十七条第(四)项", "第二十八条第四款" */
export function citationOf(article: number, clause?: number, subItem?: number): string {
  return (
    `第${chineseNumber(article)}条` +
    (clause ? `第${chineseNumber(clause)}款` : "") +
    (subItem ? `第(${chineseNumber(subItem)})项` : "")
  );
}

export interface ArticleRef {
  article: number;
  clause?: number;
  subItem?: number;
}

export interface BasisOptions {
  summary?: string;
  note?: string;
  from?: string;
  to?: string | null;
  /** what the article allows when it fines (statute.ts) */
  statute?: StatutoryFine;
  /** the article provides 按日连续处罚 for the act */
  dailyFine?: boolean;
  /** false: the article number comes from a source not checked against the statute's text (say which in `note`) */
  verified?: boolean;
}

/** A basis citing an article given by docs/law.md; `ref` omitted → law name only, unverified. */
export function basis(role: LegalBasisRole, law: Law, ref?: ArticleRef, o: BasisOptions = {}): SeedLegalBasis {
  const notes = [ref ? null : UNVERIFIED_ARTICLE, law.note ?? null, o.note ?? null].filter((x) => x !== null);
  return {
    role,
    lawName: law.name,
    lawVersion: law.version,
    article: ref?.article ?? null,
    clause: ref?.clause ?? null,
    subItem: ref?.subItem ?? null,
    citation: ref ? citationOf(ref.article, ref.clause, ref.subItem) : "",
    summary: o.summary ?? null,
    effectiveFrom: o.from ?? law.from ?? EMPOWERED,
    effectiveTo: o.to !== undefined ? o.to : (law.to ?? null),
    verified: ref !== undefined && o.verified !== false,
    note: notes.length ? notes.join("；") : null,
    statutoryFine: o.statute ?? null,
    dailyFine: o.dailyFine ?? false,
  };
}

/**
 * The 生态环境法典 basis that takes over a pre-Code ecology basis on 2026-08-15. Its article is not verified; the
 * pre-Code figures (and daily fine, where the pre-Code law gave one) are carried over, and the note says so.
 */
export const codeSuccessor = (
  role: LegalBasisRole,
  carried: { statute?: StatutoryFine; dailyFine?: boolean } = {},
): SeedLegalBasis =>
  basis(role, LAW.ecoCode, undefined, {
    ...carried,
    note: [
      "法典对应条文待核实 / the Code article for this act is not verified (docs/law.md)",
      carried.statute ? "暂沿用法典施行前的法定幅度 / pre-Code figures carried over, not verified" : null,
      carried.dailyFine ? "暂沿用法典施行前的按日连续处罚 / pre-Code daily fine carried over, not verified" : null,
    ]
      .filter((x) => x !== null)
      .join("；"),
  });

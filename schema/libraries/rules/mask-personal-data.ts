/**
 * Personal data (个人信息) inside what a platform writes freely — the extra fields of a record
 * (`payload`), free text (`findings`, `result`, reasons), quarantined records — masked before the other
 * jurisdiction reads it. Pure, and the one rule for every such place (docs/security.md "Personal data").
 *
 * Recognised two ways, at any depth (objects, arrays, keys in Chinese or pinyin):
 * - by VALUE, in every string (and in keys and numbers): 公民身份号码 of 18 characters whose GB 11643
 *   check character and date of birth are valid, with or without separators; mobile numbers
 *   (1[3-9] + 9 digits, with +86 / 86 / 0086 and separators); landline numbers with their area code
 *   (010, 02x, 0xxx; or +86 without the 0). Full-width digits count as digits.
 * - by NAME: everything under a key naming an ID number, a phone or an address (`idNumber`, `sfzh`,
 *   `当事人身份证号`, `contactPhones`, `tel`, `联系地址`…), whatever its shape below the key.
 *
 * Every digit of a number found is replaced by `*` (the length and separators stay): unlike an
 * officer's own typed fields (mask.ts keeps the ends), a number in free text comes with its context,
 * and the ends of a number plus that context identify a person too easily. Addresses keep their first
 * 6 characters (province + city level, as mask.ts) with any digit in them starred.
 *
 * 15-digit first-generation ID numbers (invalid since 2013-01-01) are masked by name only: by value they
 * cannot be told from the 15-digit 工商注册号 of enterprises, which are not personal data.
 */
import { computeCitizenIdCheckChar } from "./citizen-id.ts";
import { maskAddress } from "./mask.ts";

type Kind = "id" | "phone" | "address";

/** key suffixes, after lower-casing and removing `_`, `-`, `.` and spaces */
const KEY_SUFFIXES: ReadonlyArray<readonly [string, Kind]> = [
  ...[
    "idnumber",
    "idno",
    "idcard",
    "idcardno",
    "idcardnumber",
    "citizenid",
    "identitycard",
    "identityno",
    "sfzh",
    "sfzhm",
    "zjhm",
    "身份证",
    "身份证号",
    "身份证号码",
    "证件号",
    "证件号码",
    "公民身份号码",
  ].map((s) => [s, "id"] as const),
  ...[
    "phone",
    "phones",
    "phoneno",
    "phonenumber",
    "mobile",
    "mobiles",
    "mobileno",
    "tel",
    "tels",
    "telephone",
    "fax",
    "lxdh",
    "sjhm",
    "电话",
    "电话号码",
    "手机",
    "手机号",
    "手机号码",
    "联系电话",
    "联系方式",
    "传真",
  ].map((s) => [s, "phone"] as const),
  ...["address", "addresses", "addr", "地址", "住址", "住所", "居住地", "户籍地"].map((s) => [s, "address"] as const),
];

const kindCache = new Map<string, Kind | null>();

function kindOfKey(key: string): Kind | null {
  let kind = kindCache.get(key);
  if (kind !== undefined) return kind;
  const normalised = key.toLowerCase().replace(/[_\-.\s]/g, "");
  kind = KEY_SUFFIXES.find(([suffix]) => normalised.endsWith(suffix))?.[1] ?? null;
  if (kindCache.size < 10_000) kindCache.set(key, kind);
  return kind;
}

const FULL_WIDTH_DIGITS = /[０-９]/g;
const toAscii = (c: string) => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

function isCitizenId(digits: string): boolean {
  if (!/^\d{17}[\dX]$/.test(digits)) return false;
  const month = Number(digits.slice(10, 12));
  const day = Number(digits.slice(12, 14));
  if (Number(digits.slice(6, 10)) < 1800 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  return computeCitizenIdCheckChar(digits.slice(0, 17)) === digits.charAt(17);
}

/** with or without the country code 86 / 0086 */
const MOBILE = /^(?:0{0,2}86)?1[3-9]\d{9}$/;
/** area code 010, 02x or 0xxx (without its 0 after the country code), then 7–8 digits not starting 0 or 1 */
const LANDLINE = /^(?:0{0,2}86|0)(?:10|2\d|[3-9]\d{2})[2-9]\d{6,7}$/;

const isPersonalNumber = (digits: string) =>
  digits.length === 18 ? isCitizenId(digits) : MOBILE.test(digits) || LANDLINE.test(digits);

/** The same text with every ID, mobile and landline number in it starred. */
export function maskPersonalText(text: string): string {
  // the cheap test first: most strings hold fewer digits than the shortest number (a landline, 10)
  if (!hasDigits(text, 10)) return text;
  return text.replace(DIGIT_RUN, (run) => (hasDigits(run, 10) ? maskRun(run) : run));
}

/** Digits with the separators and brackets numbers are written with (`+86 (023) 6888-8888`). */
const DIGIT_RUN = /[+＋(（]?[0-9０-９][0-9０-９ \-()（）+＋]*[0-9０-９Xx]/g;
const DIGIT_GROUP = /[0-9０-９]+/g;

/** whether `text` holds at least `count` digits (ASCII or full-width) */
function hasDigits(text: string, count: number): boolean {
  if (text.length < count) return false;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) && ++n >= count) return true;
  }
  return false;
}

/**
 * A run such as `138 0013 8000 / 023-6888 8888` is split into its groups of digits; from each group on,
 * the longest span of consecutive groups whose digits form a personal number is starred (with the
 * check character X right after it, for an ID number).
 */
function maskRun(run: string): string {
  const groups = [...run.matchAll(DIGIT_GROUP)];
  const digits = groups.map((g) => g[0].replace(FULL_WIDTH_DIGITS, toAscii));
  const xAfter = groups.map((g) => /[Xx]/.test(run.charAt(g.index + g[0].length)));
  const starred = new Map<number, boolean>();
  for (let i = 0; i < groups.length; ) {
    let joined = "";
    let last = -1;
    let withX = false;
    for (let j = i; j < groups.length && joined.length < 20; j++) {
      joined += digits[j];
      if (isPersonalNumber(joined)) [last, withX] = [j, false];
      else if (xAfter[j] && isCitizenId(`${joined}X`)) [last, withX] = [j, true];
    }
    if (last < 0) i++;
    else for (; i <= last; i++) starred.set(i, withX && i === last);
  }
  if (starred.size === 0) return run;
  const out = run.split("");
  for (const [g, x] of starred) {
    const group = groups[g] as RegExpExecArray;
    const end = group.index + group[0].length + (x ? 1 : 0);
    for (let k = group.index; k < end; k++) out[k] = "*";
  }
  return out.join("");
}

/** Everything that identifies under a key of that kind: digits and Latin letters. */
const starAlphanumerics = (text: string) => text.replace(/[0-9A-Za-z０-９]/g, "*");

function maskByKind(kind: Kind, value: string, nested: boolean): string {
  if (kind !== "address") return starAlphanumerics(value);
  // an address split into parts: which part is the street cannot be told
  return nested ? "***" : maskPersonalText(maskAddress(value)).replace(/[0-9０-９]/g, "*");
}

/** Deeper than any payload the gateway accepts (docs/limits.md); a deeper value is replaced whole. */
const MAX_DEPTH = 64;

function mask(value: unknown, kind: Kind | null, nested: boolean, depth: number): unknown {
  if (depth > MAX_DEPTH) return "***";
  if (typeof value === "string") return kind ? maskByKind(kind, value, nested) : maskPersonalText(value);
  if (typeof value === "number" || typeof value === "bigint") {
    const text = String(value);
    const masked = kind ? maskByKind(kind, text, nested) : maskPersonalText(text);
    return masked === text ? value : masked;
  }
  if (Array.isArray(value)) return value.map((item) => mask(item, kind, nested, depth + 1));
  if (value === null || typeof value !== "object") return value;
  const object = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    out[maskPersonalText(key)] = mask(object[key], kind ?? kindOfKey(key), kind !== null, depth + 1);
  }
  return out;
}

/**
 * A copy of `value` (any JSON) with personal data masked by value and by name at any depth; the input
 * is not changed. A number that is personal data comes back as a string of its masked digits.
 */
export function maskPersonalData(value: unknown): unknown {
  return mask(value, null, false, 0);
}

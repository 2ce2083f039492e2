/**
 * The one masker of free data (payloads, free text): ID, mobile and landline numbers by value, and
 * anything under a personal key by name, at any depth. Property-tested with generated payloads: no
 * generated number survives in any form, and data without personal data passes unchanged.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCitizenIdCheckChar } from "../../schema/libraries/rules/citizen-id.ts";
import { maskPersonalData, maskPersonalText } from "../../schema/libraries/rules/mask-personal-data.ts";

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** a checksum-valid 18-character citizen ID with a real date of birth */
const citizenId = fc
  .record({
    // 地址码 starts with the province: 11 (北京) … 65 (新疆)
    area: fc.tuple(fc.integer({ min: 11, max: 65 }), digits(4)).map(([province, rest]) => `${province}${rest}`),
    birth: fc.date({
      min: new Date("1900-01-01T00:00:00Z"),
      max: new Date("2020-12-31T00:00:00Z"),
      noInvalidDate: true,
    }),
    sequence: digits(3),
  })
  .map(({ area, birth, sequence }) => {
    const body = `${area}${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}${sequence}`;
    return body + computeCitizenIdCheckChar(body);
  });

const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([second, rest]) => `1${second}${rest}`);
const landline = fc
  .tuple(fc.constantFrom("010", "023", "028", "0826", "0755"), fc.integer({ min: 2, max: 9 }), digits(7))
  .map(([area, first, rest]) => `${area}${first}${rest}`);

const isMobile = (number: string) => /^1\d{10}$/.test(number);

/** how people write a number: grouped, with a country prefix, in full-width digits… */
const written = (number: string) =>
  fc.constantFrom(
    number,
    number.replace(/^(\d{3})(\d{4})(\d{4})$/, "$1-$2-$3"),
    number.replace(/^(\d{3})(\d{4})(\d{4})$/, "$1 $2 $3"),
    number.replace(/^(\d{6})(\d{8})(\d{3}[\dX])$/, "$1 $2 $3"),
    number.replace(/^0(\d{2,3})(\d+)$/, "+86 $1 $2"),
    isMobile(number) ? `+86${number}` : number,
    isMobile(number) ? `86-${number}` : number,
    number.replace(/^(0\d{2,3})(\d+)$/, "($1)$2"),
    number.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
  );

const personalNumber = fc.oneof(citizenId, mobile, landline);
/** text without any digit: Chinese, Latin letters, punctuation */
const plainText = fc
  .array(fc.constantFrom(..."检查情况当事人联系地址重庆市四川省广安 abcXYZ:：,，。-()（）"), { maxLength: 12 })
  .map((chars) => chars.join(""));

const planted = fc
  .record({ number: personalNumber, before: plainText, after: plainText })
  .chain(({ number, before, after }) => written(number).map((form) => ({ number, text: `${before}${form}${after}` })));

const plainKey = fc.constantFrom("note", "remark", "备注", "检查内容", "items", "value", "detail", "x");
const personalKey = fc.constantFrom(
  "idNumber",
  "sfzh",
  "当事人身份证号",
  "tel",
  "contactPhones",
  "手机号码",
  "联系地址",
  "address",
);

interface Leaf {
  value: unknown;
  numbers: string[];
}

/** a JSON tree with personal numbers planted in strings at any depth, under any key */
const tree: fc.Arbitrary<Leaf> = fc.letrec<{ node: Leaf }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    planted.map((p) => ({ value: p.text, numbers: [p.number] })),
    plainText.map((text) => ({ value: text, numbers: [] })),
    fc.integer({ min: 0, max: 999 }).map((n) => ({ value: n, numbers: [] })),
    fc.array(tie("node"), { maxLength: 4 }).map((items) => ({
      value: items.map((i) => i.value),
      numbers: items.flatMap((i) => i.numbers),
    })),
    fc.array(fc.tuple(fc.oneof(plainKey, personalKey), tie("node")), { maxLength: 4 }).map((entries) => ({
      value: Object.fromEntries(entries.map(([k, v]) => [k, v.value])),
      numbers: entries.flatMap(([, v]) => v.numbers),
    })),
  ),
})).node;

const asciiDigits = (text: string) => text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

describe("maskPersonalData (generated payloads)", () => {
  it("leaves no planted ID or phone number in clear, nor any 4 of its digits in a row", () => {
    fc.assert(
      fc.property(tree, ({ value, numbers }) => {
        const out = asciiDigits(JSON.stringify(maskPersonalData(value)));
        for (const number of numbers) expect(out).not.toContain(number.slice(-4));
        // the tree's only other digits are integers below 1000: no run of 4 digits may remain
        expect(out).not.toMatch(/\d{4}/);
      }),
      { numRuns: 400 },
    );
  });

  it("changes nothing where there is no digit and no personal key", () => {
    const clean = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        plainText,
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("node"), { maxLength: 4 }),
        fc.dictionary(plainKey, tie("node"), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(clean, (value) => {
        expect(maskPersonalData(value)).toEqual(value);
      }),
    );
  });

  it("keeps the shape: the same keys and the same lengths of arrays and strings", () => {
    const shape = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(shape)
        : v && typeof v === "object"
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k.length, shape(x)]))
          : typeof v === "string"
            ? v.length
            : typeof v;
    fc.assert(
      fc.property(tree, ({ value }) => {
        const masked = maskPersonalData(value);
        expect(JSON.stringify(masked).length).toBeGreaterThan(0);
        const keysOf = (v: unknown): unknown =>
          Array.isArray(v) ? v.map(keysOf) : v && typeof v === "object" ? Object.keys(v).length : null;
        expect(keysOf(masked)).toEqual(keysOf(value));
        expect(typeof shape(masked)).toBe(typeof shape(value));
      }),
    );
  });
});

describe("maskPersonalData (the review's payload)", () => {
  const ID = "511602199001011236";
  it("masks IDs and phones in arrays, nested objects, pinyin and Chinese keys, and addresses by name", () => {
    expect(computeCitizenIdCheckChar(ID.slice(0, 17))).toBe(ID.charAt(17));
    const payload = {
      idNumber: [ID],
      citizenId: { value: ID, type: "居民身份证" },
      sfzh: ID,
      当事人身份证号: ID,
      tel: "13800138000",
      contactPhones: ["+86 139-0013-9000", { office: "023-6888 8888" }],
      address: "四川省广安市邻水县高滩镇示例街12号",
      note: `当事人张某，身份证${ID}，电话13800138000，座机(028)87654321`,
    };
    expect(maskPersonalData(payload)).toEqual({
      idNumber: ["******************"],
      citizenId: { value: "******************", type: "居民身份证" },
      sfzh: "******************",
      当事人身份证号: "******************",
      tel: "***********",
      contactPhones: ["+** ***-****-****", { office: "***-**** ****" }],
      address: "四川省广安市***",
      note: "当事人张某，身份证******************，电话***********，座机(***)********",
    });
  });

  it("masks a phone number given as a JSON number, and keys that are numbers", () => {
    expect(maskPersonalData({ n: 13800138000, "13900139000": "张三" })).toEqual({
      n: "***********",
      "***********": "张三",
    });
  });

  it("leaves what is not personal: dates, amounts, USCCs, record numbers failing the ID check", () => {
    const text = "2026-06-01 10:00 罚款 12000.50 元，统一社会信用代码 91500112MAG000014A，单号 511602199001011233";
    expect(maskPersonalText(text)).toBe(text);
  });
});

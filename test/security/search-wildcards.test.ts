/**
 * Search filters match their text literally: `%`, `_` and `\` are characters, not LIKE wildcards
 * (`officers(name: "%")` used to return every officer).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterpriseRecord, UPSERT_ENTERPRISES, uscc } from "../schema/libraries-helpers.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
  const stored = await t.gql(UPSERT_ENTERPRISES, {
    as: "sc",
    variables: {
      records: [
        enterpriseRecord({ uscc: uscc("511623", 801), name: "百分_百%测试\\有限公司" }),
        enterpriseRecord({ uscc: uscc("511623", 802), name: "百分A百B测试有限公司" }),
      ],
    },
  });
  expect(stored.errors).toBeUndefined();
});
afterAll(() => t.dispose());

const count = async (query: string, field: string) => {
  const answer = await t.gql<Record<string, { totalCount: number }>>(query, { as: "gz" });
  expect(answer.errors).toBeUndefined();
  return answer.data?.[field]?.totalCount;
};

describe("search filters are literal", () => {
  it.each(["%", "_", "%%", "\\"])("officers(name: %j) finds no one", async (text) => {
    expect(await count(`{ officers(first: 5, name: ${JSON.stringify(text)}) { totalCount } }`, "officers")).toBe(0);
  });

  it.each(["%", "_", "\\\\"])("enterprises(search: %j) and usccPrefix find nothing", async (text) => {
    expect(
      await count(`{ enterprises(first: 5, search: ${JSON.stringify(text)}) { totalCount } }`, "enterprises"),
    ).toBe(text === "\\\\" ? 0 : 1);
    expect(
      await count(`{ enterprises(first: 5, usccPrefix: ${JSON.stringify(text)}) { totalCount } }`, "enterprises"),
    ).toBe(0);
  });

  it("matches % and _ as characters", async () => {
    expect(await count(`{ enterprises(first: 5, search: "分_百%测") { totalCount } }`, "enterprises")).toBe(1);
    expect(await count(`{ enterprises(first: 5, search: "测试\\\\有限") { totalCount } }`, "enterprises")).toBe(1);
    expect(await count(`{ enterprises(first: 5, search: "百_百") { totalCount } }`, "enterprises")).toBe(0);
  });

  it("items(search:) is literal too", async () => {
    expect(await count(`{ items(first: 5, search: "%") { totalCount } }`, "items")).toBe(0);
    expect(await count(`{ items(first: 5, search: "_") { totalCount } }`, "items")).toBe(0);
  });
});

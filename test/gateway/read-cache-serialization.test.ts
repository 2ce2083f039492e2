/**
 * A cached read answer is serialized once and its text reused (gateway/plugins/use-read-cache.ts) through the
 * `stringify` graphql-yoga calls when a result has one; a copy yoga makes to strip internals is serialized anew,
 * never answered with the cached text of another value. Over HTTP, a cache hit answers the same bytes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { withSerializedOnce } from "../../gateway/read-cache/read-answers.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

type Serializable = { stringify: (value: unknown) => string };

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway();
});
afterAll(() => t.dispose());
afterEach(() => vi.restoreAllMocks());

describe("withSerializedOnce", () => {
  it("computes the JSON of the shared answer once, however many hits ask for it", () => {
    const shared = withSerializedOnce({ data: { items: [{ code: "GZ-001", name: "示例" }] } });
    const stringify = vi.spyOn(JSON, "stringify");
    const { stringify: serialize } = shared as unknown as Serializable;
    const first = serialize(shared);
    expect(first).toBe('{"data":{"items":[{"code":"GZ-001","name":"示例"}]}}');
    expect(serialize(shared)).toBe(first);
    expect(stringify).toHaveBeenCalledTimes(1);
  });

  it("serializes any other value as itself (yoga's stripped copy)", () => {
    const shared = withSerializedOnce({ data: { a: 1 }, extensions: { http: { status: 200 }, cost: 3 } });
    const { stringify: serialize } = shared as unknown as Serializable;
    serialize(shared);
    expect(serialize({ data: { a: 1 }, extensions: { cost: 3 } })).toBe('{"data":{"a":1},"extensions":{"cost":3}}');
  });

  it("a repeated read over HTTP answers the same bytes as the first, which are the answer's JSON", async () => {
    const token = await t.token("cq");
    const ask = async () => {
      const response = await t.post(
        { query: `{ item(code: "GZ-041") { code name } }` },
        { authorization: `Bearer ${token}` },
      );
      return response.text();
    };
    const first = await ask();
    const again = await ask();
    expect(again).toBe(first);
    expect(JSON.parse(again)).toEqual({ data: { item: { code: "GZ-041", name: expect.any(String) } } });
  });
});

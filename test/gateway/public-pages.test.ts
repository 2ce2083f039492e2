/**
 * The public pages' operations stay valid against the contract, and the pages answer over HTTP without a
 * browser: 无效 for a garbage code, the form for a genuine one, a draw's hashes; each response's length is its
 * own (a shared header object once gave every page the first page's Content-Length, cutting later ones short).
 */
import { parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECK_CODE, PUBLISHED_DRAW } from "../../gateway/public-pages/operations.ts";
import { encodeGlobalId, keyOf } from "../../schema/common/node-access.ts";
import { schema } from "../../schema/index.ts";
import { createPlan, drawFor, inspectionItem } from "../schema/dispatch-support.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe("public pages", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await createTestGateway({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: "1000" } });
  });
  afterAll(() => t?.dispose());

  const get = async (path: string) => {
    const response = await t.gateway.fetch(`http://gateway.test${path}`);
    const body = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get("content-length"))).toBe(body.length);
    return { status: response.status, text: body.toString("utf8"), headers: response.headers };
  };

  it("run operations that validate against the schema", () => {
    for (const operation of [CHECK_CODE, PUBLISHED_DRAW]) {
      expect(validate(schema, parse(operation)).map((e) => e.message)).toEqual([]);
    }
  });

  it("/v/<garbage> says 无效 without asking for a USCC; no script, nothing from another host", async () => {
    const page = await get("/v/garbage");
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-verdict="MALFORMED">无效');
    expect(page.text).not.toContain("<form");
    expect(page.text).not.toMatch(/<script|https?:\/\//);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("/draws/<id> shows the commitment and the seed matching it; an unknown draw is 404", async () => {
    const item = await inspectionItem(t);
    const planId = await createPlan(t, {
      itemCodes: [item.code],
      baseRatioPpm: 10_000,
      excludeInspectedWithinDays: 0,
      visitFrom: today,
      visitTo: today,
    });
    const { drawId } = await drawFor(t, planId);
    const draw = await t.prisma.draw.findUniqueOrThrow({ where: { id: keyOf("Draw", drawId) } });
    const page = await get(`/draws/${encodeURIComponent(drawId)}`);
    expect(page.text).toContain(draw.seedHash);
    expect(page.text).toContain(draw.candidateListHash);
    expect(page.text).toContain("与抽取前公布的种子哈希一致");
    const unknown = encodeGlobalId("Draw", "00000000-0000-0000-0000-000000000000");
    expect((await get(`/draws/${encodeURIComponent(unknown)}`)).status).toBe(404);
    expect((await get("/draws/not-a-draw-id")).status).toBe(404);
  });
});

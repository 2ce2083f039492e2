/** GraphiQL's page and assets come from the gateway: nothing on it points at another host. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

describe("GraphiQL page", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await createTestGateway({ seed: false });
  });
  afterAll(() => t?.dispose());

  it("references only the gateway's own assets, and serves them", async () => {
    const page = await t.gateway.fetch("http://gateway.test/graphql", { headers: { accept: "text/html" } });
    const html = await page.text();
    expect(html).toContain("query Domains");
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/"(\/graphiql\/assets\/[\w.]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(expect.arrayContaining(["/graphiql/assets/graphiql.js", "/graphiql/assets/graphiql.css"]));
    for (const asset of assets) {
      const response = await t.gateway.fetch(`http://gateway.test${asset}`);
      expect(response.status, asset).toBe(200);
      expect((await response.text()).length, asset).toBeGreaterThan(1000);
    }
    expect((await t.gateway.fetch("http://gateway.test/graphiql/assets/nothing.js")).status).toBe(404);
  });
});

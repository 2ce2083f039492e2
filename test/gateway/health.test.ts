import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway({ seed: false });
});
afterAll(() => t.dispose());

describe("health endpoints (no token needed)", () => {
  it("/healthz says the process is up", async () => {
    const response = await t.gateway.fetch("http://gateway.test/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("/readyz checks the database and the bus", async () => {
    const response = await t.gateway.fetch("http://gateway.test/readyz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", checks: { database: "ok", bus: "ok" } });
  });
});

import { describe, expect, it } from "vitest";
import { parseConfig } from "../../gateway/config.ts";

describe("configuration", () => {
  it("has working defaults on a fresh machine: port 4000, embedded PGlite, in-process bus", () => {
    const result = parseConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.http.port).toBe(4000);
    expect(result.config.database).toEqual({ url: undefined, pgliteDir: ".data/pglite" });
    expect(result.config.redis.url).toBeUndefined();
    expect(result.config.auth.audience).toBe("gaozhu-gateway");
    expect(result.config.auth.jwks.sc).toBe(".keys/sc.jwks.json");
    expect(result.config.graphiql).toBe(true);
  });

  it("reports every problem at once, not just the first", () => {
    const result = parseConfig({
      PORT: "seventy",
      DATABASE_URL: "mysql://x",
      REDIS_URL: "http://y",
      NODE_ENV: "staging",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(4);
    expect(result.problems.join("\n")).toMatch(/PORT/);
    expect(result.problems.join("\n")).toMatch(/DATABASE_URL/);
    expect(result.problems.join("\n")).toMatch(/REDIS_URL/);
    expect(result.problems.join("\n")).toMatch(/NODE_ENV/);
  });

  it("turns GraphiQL off in production unless asked", () => {
    const result = parseConfig({ NODE_ENV: "production" });
    expect(result.ok && result.config.graphiql).toBe(false);
  });

  it("caps token lifetimes per issuer: 24 h for the provinces, 12 h for the committee, each configurable", () => {
    const defaults = parseConfig({});
    expect(defaults.ok && defaults.config.auth.maxLifetimeSeconds).toEqual({ cq: 86_400, sc: 86_400, gz: 43_200 });
    const set = parseConfig({ JWT_MAX_LIFETIME_SECONDS_SC: "3600" });
    expect(set.ok && set.config.auth.maxLifetimeSeconds.sc).toBe(3600);
    expect(parseConfig({ JWT_MAX_LIFETIME_SECONDS_GZ: "0" }).ok).toBe(false);
  });

  it("reads PUBLIC_ORIGIN as a list of origins and refuses anything with a path or query", () => {
    const result = parseConfig({ PUBLIC_ORIGIN: "https://Gateway.Example:443, http://10.0.0.5:4000/" });
    expect(result.ok && result.config.auth.dpop.publicOrigins).toEqual([
      "https://gateway.example",
      "http://10.0.0.5:4000",
    ]);
    const defaults = parseConfig({});
    expect(defaults.ok && defaults.config.auth.dpop).toEqual({ proofWindowSeconds: 60, publicOrigins: null });
    const bad = parseConfig({ PUBLIC_ORIGIN: "https://gateway.example/graphql, ftp://x, gateway" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems).toHaveLength(3);
  });
});

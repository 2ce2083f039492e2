import { describe, expect, it } from "vitest";
import { BUNDLED_CODE, packageOf } from "../../bench/lib/cpu-profile.ts";

describe("packageOf (where a profile's time goes)", () => {
  it("names packages, Node internals, WebAssembly and our own code, sources or precompiled", () => {
    expect(packageOf("f", "file:///r/node_modules/@prisma/client/runtime/client.js")).toBe("@prisma/client");
    expect(packageOf("f", "file:///r/node_modules/graphql/execution/execute.js")).toBe("graphql");
    expect(packageOf("f", "node:internal/streams/readable")).toBe("node:internal");
    expect(packageOf("f", "wasm://wasm/00d1cb12")).toBe("wasm:00d1cb12");
    expect(packageOf("f", "file:///r/schema/records/ingest-service.ts")).toBe("schema");
    expect(packageOf("f", "file:///r/dist/bench/servers/gateway.js")).toBe(BUNDLED_CODE);
    expect(packageOf("(garbage collector)", "")).toBe("GC");
  });
});

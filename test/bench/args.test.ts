import { describe, expect, it } from "vitest";
import { FULL_TIMING, parseBenchArgs, QUICK_TIMING } from "../../bench/lib/args.ts";

const KNOWN = ["read", "read-peers", "match", "memory"];

describe("npm run bench arguments", () => {
  it("runs every scenario with the full timing when given nothing", () => {
    const parsed = parseBenchArgs([], KNOWN);
    expect(parsed).toMatchObject({
      ok: true,
      options: { scenarios: KNOWN, quick: false, profileOnMiss: true, gatewayDatabase: "auto", timing: FULL_TIMING },
    });
  });

  it("runs the named scenarios with short loads under --quick, and lets timing be overridden", () => {
    const parsed = parseBenchArgs(["read", "--quick", "--rounds", "3"], KNOWN);
    expect(parsed).toMatchObject({
      ok: true,
      options: { scenarios: ["read"], quick: true, timing: { ...QUICK_TIMING, rounds: 3 } },
    });
  });

  it("puts the gateway on Postgres or PGlite when told, else decides by whether Postgres answers", () => {
    const database = (argv: string[]) => {
      const parsed = parseBenchArgs(argv, KNOWN);
      return parsed.ok ? parsed.options.gatewayDatabase : null;
    };
    expect(database(["--postgres"])).toBe("postgres");
    expect(database(["--pglite"])).toBe("pglite");
    expect(database(["read"])).toBe("auto");
  });

  it("reports every problem: unknown scenarios and options, bad numbers", () => {
    const parsed = parseBenchArgs(["reed", "--fast", "--rounds", "0"], KNOWN);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toHaveLength(3);
  });
});

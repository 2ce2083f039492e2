import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { deployedGatewayNodeFlags, gatewayNodeFlags } from "../../bench/lib/deployed-gateway.ts";

describe("the gateway's Node flags as deployed", () => {
  it("are the arguments between node and the gateway's script", () => {
    const compose = 'x:\n  command: ["node", "--a=1", "--b", "dist/scripts/serve.js"]\n  command: ["node", "x.js"]\n';
    expect(gatewayNodeFlags(compose)).toEqual(["--a=1", "--b"]);
    expect(gatewayNodeFlags('  command: ["node", "dist/scripts/serve.js"]')).toEqual([]);
  });

  it("refuse a compose file without the gateway, or running it otherwise", () => {
    expect(() => gatewayNodeFlags('  command: ["node", "other.js"]')).toThrow(/no command/);
    expect(() => gatewayNodeFlags('  command: ["bun", "dist/scripts/serve.js"]')).toThrow(/unexpected/);
  });

  it("are flags this Node accepts (docker-compose.yml)", () => {
    const flags = deployedGatewayNodeFlags();
    expect(execFileSync(process.execPath, [...flags, "-e", "process.stdout.write('ok')"]).toString()).toBe("ok");
  });
});

/**
 * `npm run draw:verify -- <drawId>` against a running gateway, as anyone would run it: exit 0 on a
 * draw that recomputes, 1 naming the mismatch after a frozen candidate is altered in the database.
 */

import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPrivateKey } from "../../gateway/auth/keys.ts";
import { signToken } from "../../gateway/auth/sign-token.ts";
import { keyOf } from "../../schema/common/node-access.ts";
import { startLiveGateway } from "../support/live-gateway.ts";
import { COMMIT, REVEAL } from "./dispatch-support.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let live: Awaited<ReturnType<typeof startLiveGateway>>;
let drawId: string;

async function gz(query: string, variables: Record<string, unknown>) {
  const key = await loadPrivateKey(live.keysDir, "gz");
  const token = await signToken({ privateKey: key.key, kid: key.kid, alg: key.alg, issuer: "gz", subject: "cli-test" });
  const response = await fetch(`${live.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: Record<string, Record<string, { id: string }>> };
}

function runCli(id: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/draw-verify.ts", id, "--url", live.url], {
      cwd: ROOT,
      env: { ...process.env, KEYS_DIR: live.keysDir, NODE_ENV: "test", LOG_LEVEL: "silent" },
    });
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout }));
  });
}

beforeAll(async () => {
  live = await startLiveGateway();
  const item = await live.prisma.enforcementItem.findFirstOrThrow({ where: { kind: "INSPECTION" } });
  const plan = await gz(`mutation($i: InspectionPlanInput!) { createInspectionPlan(input: $i) { plan { id } } }`, {
    i: { name: "CLI", itemCodes: [item.code], baseRatioPpm: 200_000, visitFrom: "2027-02-01", visitTo: "2027-02-03" },
  });
  const committed = await gz(COMMIT, { p: plan.data.createInspectionPlan!.plan!.id });
  drawId = committed.data.commitDraw!.draw!.id;
  await gz(REVEAL, { d: drawId });
}, 120_000);
afterAll(() => live?.dispose());

describe("npm run draw:verify", () => {
  it("exits 0 when the published draw recomputes", async () => {
    const { code, stdout } = await runCli(drawId);
    expect(stdout).toContain("VALID");
    expect(code).toBe(0);
  }, 60_000);

  it("exits 1 and names the mismatch once a frozen candidate is altered", async () => {
    await live.prisma
      .$executeRaw`UPDATE "DrawCandidate" SET name = name || '（改）' WHERE "drawId" = ${keyOf("Draw", drawId)} AND uscc = (SELECT min(uscc) FROM "DrawCandidate" WHERE "drawId" = ${keyOf("Draw", drawId)})`;
    const { code, stdout } = await runCli(drawId);
    expect(stdout).toContain("CANDIDATE_LIST_MISMATCH");
    expect(code).toBe(1);
  }, 60_000);
});

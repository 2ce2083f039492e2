import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CompactSign } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateIssuerKeys, loadPrivateKey, loadPublicJwks, type SigningKey } from "../../../gateway/auth/keys.ts";
import {
  type InspectionCodeTask,
  signInspectionCode,
  type TaskStanding,
  verifyInspectionCode,
} from "../../../schema/dispatch/rules/inspection-code.ts";

const USCC = "91511623000000000Y";
const TASK: InspectionCodeTask = {
  taskId: "3f0c2a8e-5b1d-4c7a-9e62-0d8b7f41a9c3",
  uscc: USCC,
  officers: ["渝执0123456789", "川执0123456789", "川执0123456790"],
  items: ["GZ-001", "GZ-002", "GZ-040", "GZ-090", "GZ-125"],
  notBefore: new Date("2026-07-01T00:00:00+08:00"),
  expiresAt: new Date("2026-07-04T00:00:00+08:00"),
};
const DURING = new Date("2026-07-02T10:00:00+08:00");

let dir: string;
let gz: SigningKey;
let sc: SigningKey;
let publicKeys: Awaited<ReturnType<typeof loadPublicJwks>>;
const standings: Record<string, TaskStanding> = { [TASK.taskId]: "ACTIVE" };
const options = (over: { now?: Date } = {}) => ({
  publicKeys,
  now: over.now ?? DURING,
  taskStanding: (taskId: string) => standings[taskId] ?? "UNKNOWN",
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gz-code-"));
  await generateIssuerKeys(dir, "gz");
  await generateIssuerKeys(dir, "sc");
  gz = await loadPrivateKey(dir, "gz");
  sc = await loadPrivateKey(dir, "sc");
  publicKeys = await loadPublicJwks(dir, "gz");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("执法码", () => {
  it("is a compact ES256 JWS with short claims, short enough for a QR code (3 officers, 5 items)", async () => {
    const code = await signInspectionCode(TASK, gz);
    expect(code.split(".")).toHaveLength(3);
    expect(code.length).toBeLessThan(600);
    const payload = JSON.parse(Buffer.from(code.split(".")[1]!, "base64url").toString("utf8"));
    expect(Object.keys(payload)).toEqual(["t", "e", "o", "i", "nbf", "exp", "v"]);
    expect(JSON.parse(Buffer.from(code.split(".")[0]!, "base64url").toString("utf8"))).toEqual({
      alg: "ES256",
      kid: gz.kid,
    });
  });

  it("verifies at the right enterprise (两码互核), whatever the case or spacing of its USCC", async () => {
    const code = await signInspectionCode(TASK, gz);
    expect(await verifyInspectionCode(code, ` ${USCC.toLowerCase()} `, options())).toEqual({ valid: true, task: TASK });
  });

  it.each([
    [
      "WRONG_ENTERPRISE",
      async () => verifyInspectionCode(await signInspectionCode(TASK, gz), "9151162300000000M0", options()),
    ],
    [
      "NOT_YET_VALID",
      async () =>
        verifyInspectionCode(
          await signInspectionCode(TASK, gz),
          USCC,
          options({ now: new Date("2026-06-30T23:59:59+08:00") }),
        ),
    ],
    [
      "EXPIRED",
      async () => verifyInspectionCode(await signInspectionCode(TASK, gz), USCC, options({ now: TASK.expiresAt })),
    ],
    [
      "UNKNOWN_TASK",
      async () =>
        verifyInspectionCode(await signInspectionCode({ ...TASK, taskId: "no-such-task" }, gz), USCC, options()),
    ],
    ["BAD_SIGNATURE", async () => verifyInspectionCode(await signInspectionCode(TASK, sc), USCC, options())],
    ["MALFORMED", async () => verifyInspectionCode("not-a-code", USCC, options())],
    ["MALFORMED", async () => verifyInspectionCode("a.b.c", USCC, options())],
  ])("refuses with %s, naming the task when the code decoded", async (reason, check) => {
    const decoded = !["BAD_SIGNATURE", "MALFORMED"].includes(reason);
    const taskId = reason === "UNKNOWN_TASK" ? "no-such-task" : TASK.taskId;
    expect(await check()).toEqual(decoded ? { valid: false, reason, taskId } : { valid: false, reason });
  });

  it("refuses a code whose payload was edited after signing", async () => {
    const [header, , signature] = (await signInspectionCode(TASK, gz)).split(".");
    const forged = Buffer.from(
      JSON.stringify({ t: TASK.taskId, e: "9151162300000000M0", o: [], i: [], nbf: 0, exp: 4e9, v: 1 }),
    ).toString("base64url");
    expect(await verifyInspectionCode(`${header}.${forged}.${signature}`, "9151162300000000M0", options())).toEqual({
      valid: false,
      reason: "BAD_SIGNATURE",
    });
  });

  it("refuses a correctly signed payload that is not an inspection code", async () => {
    const token = await new CompactSign(new TextEncoder().encode('{"sub":"x","v":2}'))
      .setProtectedHeader({ alg: "ES256", kid: gz.kid })
      .sign(gz.key);
    expect(await verifyInspectionCode(token, USCC, options())).toEqual({ valid: false, reason: "MALFORMED" });
  });

  it("refuses a revoked task's code", async () => {
    const code = await signInspectionCode({ ...TASK, taskId: "revoked-task" }, gz);
    standings["revoked-task"] = "REVOKED";
    expect(await verifyInspectionCode(code, USCC, options())).toEqual({
      valid: false,
      reason: "REVOKED",
      taskId: "revoked-task",
    });
  });
});

/**
 * The console as the gateway serves it: its build under /console/ (a page of the app → index.html, nothing
 * outside the build), its sign-in settings, and the development sign-in — a gz token bound to the browser's
 * DPoP key that serves a whole session (two mutations with one token), absent in production.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditRecord } from "../../gateway/audit/audit-log.ts";
import { generateDpopKey } from "../../gateway/auth/dpop-proof.ts";
import { useConsole } from "../../gateway/console/use-console.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { auditEntriesOf } from "../support/served-gateway.ts";

const SIGN_IN = "http://gateway.test/console/sign-in/development";

describe("console serving", () => {
  let dev: TestGateway;
  let production: TestGateway;
  beforeAll(async () => {
    [dev, production] = await Promise.all([
      createTestGateway({ seed: false }),
      createTestGateway({ seed: false, env: { NODE_ENV: "production" } }),
    ]);
  });
  afterAll(() => Promise.all([dev?.dispose(), production?.dispose()]));

  const signIn = (t: TestGateway, body: unknown) =>
    t.gateway.fetch(SIGN_IN, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("development: a gz token bound to the browser's key, good for several mutations", async () => {
    const key = await generateDpopKey();
    const response = await signIn(dev, { jkt: key.thumbprint, name: "zhang" });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    expect(decodeJwt(token)).toMatchObject({
      iss: "gz",
      sub: "console-zhang",
      scope: "audit:read",
      cnf: { jkt: key.thumbprint },
    });
    const acknowledge = `mutation { acknowledgeChanges(input: { consumer: "console-test", seq: "0" }) {
      acknowledgement { ackedSeq } } }`;
    for (let i = 0; i < 2; i++) {
      const result = await dev.gql(acknowledge, { token, dpop: key });
      expect(result.errors).toBeUndefined();
    }
    // the same token without the key is refused
    expect((await dev.gql("{ domains { code } }", { token })).status).toBe(401);
    expect((await signIn(dev, { jkt: "not a thumbprint" })).status).toBe(400);
    expect(await (await dev.gateway.fetch("http://gateway.test/console/config.json")).json()).toMatchObject({
      signIn: "development",
    });
  });

  it("development: every sign-in is audited, and no token leaves before its entry is durable", async () => {
    const key = await generateDpopKey();
    expect((await signIn(dev, { jkt: key.thumbprint, name: "audited-li" })).status).toBe(200);
    expect(await auditEntriesOf(dev, "console-audited-li")).toEqual([
      expect.objectContaining({
        issuer: "gz",
        operationName: "developmentSignIn",
        operationType: "sign-in",
        outcome: "OK",
      }),
    ]);
    // refused: filed under nobody, not under the unchecked name in the body
    const before = await dev.prisma.auditEntry.count({ where: { operationName: "developmentSignIn", subject: null } });
    expect((await signIn(dev, { jkt: "not a thumbprint", name: "audited-li" })).status).toBe(400);
    await dev.services.auditLog.flush();
    expect(await auditEntriesOf(dev, "console-audited-li")).toHaveLength(1);
    const refused = await dev.prisma.auditEntry.findMany({
      where: { operationName: "developmentSignIn", subject: null },
      orderBy: { seq: "asc" },
    });
    expect(refused).toHaveLength(before + 1);
    expect(refused.at(-1)).toMatchObject({ issuer: null, outcome: "REFUSED", errorCode: "BAD_REQUEST" });

    const signInWith = async (options: Parameters<typeof useConsole>[0], body: unknown) => {
      let answer: Response | undefined;
      await useConsole(options).onRequest?.({
        url: new URL(SIGN_IN),
        request: new Request(SIGN_IN, { method: "POST", body: JSON.stringify(body) }),
        endResponse: (r: Response) => {
          answer = r;
        },
        fetchAPI: { Response },
      } as never);
      return answer;
    };
    // the audit log refuses the write: no token is issued
    const down = { append: () => Promise.reject(new Error("audit database down")) };
    const answer = await signInWith({ config: dev.config, auditLog: down }, { jkt: key.thumbprint });
    expect(answer?.status).toBe(503);
    expect(JSON.stringify(await answer?.json())).not.toContain('token":');
    // no key to sign with: the attempt is audited as failed, and fails
    const written: AuditRecord[] = [];
    const kept = { append: async (record: AuditRecord) => void written.push(record) };
    const noKeys = { ...dev.config, auth: { ...dev.config.auth, keysDir: path.join(tmpdir(), "no-such-keys") } };
    await expect(
      signInWith({ config: noKeys, auditLog: kept }, { jkt: key.thumbprint, name: "keyless" }),
    ).rejects.toThrow();
    expect(written).toEqual([
      expect.objectContaining({ subject: "console-keyless", outcome: "ERROR", errorCode: "INTERNAL_SERVER_ERROR" }),
    ]);
  });

  it("production: no development sign-in, and no sign-in at all until an OIDC issuer is configured", async () => {
    const key = await generateDpopKey();
    expect((await signIn(production, { jkt: key.thumbprint })).status).toBe(404);
    expect(await (await production.gateway.fetch("http://gateway.test/console/config.json")).json()).toEqual({
      signIn: "none",
      oidc: null,
    });
  });

  it("serves the build: app pages get index.html, files their type, nothing outside the build", async () => {
    const dist = await mkdtemp(path.join(tmpdir(), "console-dist-"));
    try {
      await mkdir(path.join(dist, "assets"));
      await writeFile(path.join(dist, "index.html"), "<!doctype html><title>console</title>");
      await writeFile(path.join(dist, "assets", "app-1.js"), "console.log(1)");
      const plugin = useConsole({ config: dev.config, auditLog: dev.services.auditLog, distDir: dist });
      const serve = async (url: string) => {
        let answer: Response | undefined;
        await plugin.onRequest?.({
          url: new URL(url),
          request: new Request(url),
          endResponse: (r: Response) => {
            answer = r;
          },
          fetchAPI: { Response },
        } as never);
        return answer;
      };
      const page = await serve("http://gateway.test/console/dispatch");
      expect(await page?.text()).toContain("<title>console</title>");
      const script = await serve("http://gateway.test/console/assets/app-1.js");
      expect(script?.headers.get("content-type")).toContain("text/javascript");
      expect(script?.headers.get("cache-control")).toContain("immutable");
      // URLs resolve ../ before the plugin sees them; an encoded slash stays a file name inside the build
      expect(await serve("http://gateway.test/console/../package.json")).toBeUndefined();
      expect((await serve("http://gateway.test/console/..%2f..%2fpackage.json"))?.status).toBe(503);
      expect((await serve("http://gateway.test/console"))?.status).toBe(308);
    } finally {
      await rm(dist, { recursive: true, force: true });
    }
  });
});

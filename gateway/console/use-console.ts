/**
 * The committee's console at /console/: its static build (every asset local, no CDN), its sign-in settings
 * (`/console/config.json`) and, outside production only, the development sign-in
 * (`POST /console/sign-in/development`: a 管委会 token bound to the browser's DPoP key). docs/console.md.
 * A token given out is an access granted: each development sign-in, issued or refused, is in the audit chain, and
 * no token leaves before its entry is durable.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Plugin } from "graphql-yoga";
import type { AuditLog, AuditRecord } from "../audit/audit-log.ts";
import { signDevelopmentToken } from "../auth/development-token.ts";
import type { GatewayConfig } from "../config.ts";
import { CONSOLE_DIST_DIR } from "./console-files.ts";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
};

const BASE = "/console/";
/** a DPoP key's RFC 7638 SHA-256 thumbprint: 43 base64url characters */
const THUMBPRINT = /^[A-Za-z0-9_-]{43}$/;

/**
 * The audit entry of a development sign-in: the subject of the token issued, or, for a refused sign-in, nobody (the
 * name in the body is unchecked: it must not read as an action of a 管委会 subject).
 */
function signInRecord(subject: string | null, outcome: Pick<AuditRecord, "outcome" | "errorCode">): AuditRecord {
  return {
    issuer: subject === null ? null : "gz",
    subject,
    operationName: "developmentSignIn",
    operationType: "sign-in",
    documentHash: null,
    variablesHash: null,
    recordIds: [],
    ...outcome,
  };
}

export interface ConsoleOptions {
  config: GatewayConfig;
  /** where the development sign-ins are audited */
  auditLog: Pick<AuditLog, "append">;
  /** @default console/dist */
  distDir?: string;
}

export function useConsole({ config, auditLog, distDir = CONSOLE_DIST_DIR }: ConsoleOptions): Plugin {
  const development = config.env !== "production";
  const settings = {
    signIn: development ? "development" : config.console.oidc ? "oidc" : "none",
    oidc: config.console.oidc,
  };
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      const { pathname } = url;
      if (pathname === "/console") {
        endResponse(new fetchAPI.Response(null, { status: 308, headers: { location: BASE } }));
        return;
      }
      if (!pathname.startsWith(BASE)) return;
      const json = (body: unknown, status = 200) =>
        endResponse(fetchAPI.Response.json(body, { status, headers: { "cache-control": "no-store" } }));

      if (pathname === `${BASE}config.json`) return json(settings);
      if (pathname === `${BASE}sign-in/development`) {
        if (!development || request.method !== "POST") return json({ error: "not available" }, 404);
        const body = (await request.json().catch(() => null)) as { jkt?: unknown; name?: unknown } | null;
        const jkt = typeof body?.jkt === "string" && THUMBPRINT.test(body.jkt) ? body.jkt : null;
        const name = typeof body?.name === "string" && /^[\w.-]{1,40}$/.test(body.name) ? body.name : "dev";
        const subject = `console-${name}`;
        if (!jkt) {
          // refused whether or not its entry could be written
          await auditLog.append(signInRecord(null, { outcome: "REFUSED", errorCode: "BAD_REQUEST" })).catch(() => {});
          return json({ error: "jkt: the thumbprint of your DPoP key is required" }, 400);
        }
        let token: string;
        try {
          token = await signDevelopmentToken({
            keysDir: config.auth.keysDir,
            audience: config.auth.audience,
            subject,
            // the console's 审计 page; personal data in clear (pii:read) stays out even in development
            scopes: ["audit:read"],
            boundKey: jkt,
          });
        } catch (error) {
          // e.g. no readable gz key in KEYS_DIR: the attempt is audited as failed, and fails as before
          await auditLog
            .append(signInRecord(subject, { outcome: "ERROR", errorCode: "INTERNAL_SERVER_ERROR" }))
            .catch(() => {});
          throw error;
        }
        try {
          await auditLog.append(signInRecord(subject, { outcome: "OK", errorCode: null }));
        } catch {
          return json(
            { error: "审计日志暂不可写，未签发令牌；请稍后重试 / the audit log cannot be written: no token issued" },
            503,
          );
        }
        return json({ token, tokenType: "DPoP" });
      }
      if (request.method !== "GET" && request.method !== "HEAD") return;
      const file = await staticFile(distDir, pathname.slice(BASE.length));
      if (!file) {
        endResponse(
          new fetchAPI.Response("控制台尚未构建：请运行 npm run build（npm start 会自动构建）", {
            status: 503,
            headers: { "content-type": "text/plain; charset=utf-8" },
          }),
        );
        return;
      }
      endResponse(
        new fetchAPI.Response(file.content, {
          headers: {
            "content-type": CONTENT_TYPES[path.extname(file.path)] ?? "application/octet-stream",
            // hashed asset names never change content; the page itself is always asked again
            "cache-control": file.path.includes(`${path.sep}assets${path.sep}`)
              ? "public, max-age=31536000, immutable"
              : "no-cache",
          },
        }),
      );
    },
  };
}

/** the file under dist for this path; a path without a file extension is a page of the app: index.html */
async function staticFile(
  distDir: string,
  relative: string,
): Promise<{ path: string; content: Buffer<ArrayBuffer> } | null> {
  const wanted = path.extname(relative) ? relative : "index.html";
  const full = path.resolve(distDir, wanted);
  if (!full.startsWith(distDir + path.sep)) return null; // ../ out of the build
  try {
    return { path: full, content: (await readFile(full)) as Buffer<ArrayBuffer> };
  } catch {
    return null;
  }
}

/**
 * A test gateway served over HTTP on 127.0.0.1, and a POST to it with exactly the headers given: how the tests of
 * the read lane (gateway/read-cache/read-cache-lane.ts), which answers only over HTTP, reach it.
 */
import { request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { parserRefusalAudit } from "../../gateway/audit/parser-refusal-audit.ts";
import { createHttpServer } from "../../gateway/http-server.ts";
import { createLogger, type Logger } from "../../gateway/logging/logger.ts";
import { createTestGateway, type TestGateway } from "./gateway.ts";

export interface Answer {
  status: number;
  /** null: absent from a fetch Response (yogaAnswerOf); undefined: absent from a Node response */
  headers: Record<string, string | string[] | null | undefined>;
  body: string;
}

/** a POST over HTTP with exactly these headers (fetch would add an Accept of its own) */
export function postOver(server: Server, body: unknown, headers: Record<string, string>): Promise<Answer> {
  const { port } = server.address() as AddressInfo;
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        path: "/graphql",
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    req.on("error", reject);
    req.end(text);
  });
}

async function serve(t: TestGateway): Promise<Server> {
  // as gateway/server.ts serves it: what Node's parser refuses is audited too
  const server = createHttpServer(t.gateway, parserRefusalAudit(t.services.auditLog));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

const close = (server: Server) => new Promise((resolve) => server.close(resolve));

/** a test gateway served over HTTP for the describe block that calls this (made before its tests, disposed after) */
export function servedGateway(options: Parameters<typeof createTestGateway>[0]) {
  const served = {} as { t: TestGateway; server: Server };
  beforeAll(async () => {
    served.t = await createTestGateway(options);
    served.server = await serve(served.t);
  });
  afterAll(async () => {
    await close(served.server);
    await served.t.dispose();
  });
  afterEach(() => vi.restoreAllMocks());
  return served;
}

/** a logger whose lines are kept in `lines` (the request log the lane writes as yoga does) */
export function keptLog(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger("gateway", { level: "info", destination: { write: (line: string) => lines.push(line) } });
  return { logger, lines };
}

/** a subject's audit entries, oldest first, as the lane and yoga must both write them */
export function auditEntriesOf(t: TestGateway, subject: string) {
  return t.prisma.auditEntry.findMany({
    where: { subject },
    orderBy: { seq: "asc" },
    select: {
      issuer: true,
      subject: true,
      operationName: true,
      operationType: true,
      documentHash: true,
      variablesHash: true,
      recordIds: true,
      outcome: true,
      errorCode: true,
    },
  });
}

/** the audit log's next write fails as a lost database would (nothing written), the later ones go through */
export function failNextAuditWrite(t: TestGateway) {
  const append = t.services.auditLog.append.bind(t.services.auditLog);
  return vi
    .spyOn(t.services.auditLog, "append")
    .mockImplementationOnce(() => Promise.reject(new Error("the database went away")))
    .mockImplementation(append);
}

/**
 * yoga's own answer to the same POST, in process, where there is no lane (the lane tests compare theirs with it);
 * of its headers, the content type and length
 */
export async function yogaAnswerOf(t: TestGateway, body: unknown, headers: Record<string, string>): Promise<Answer> {
  const response = await t.gateway.fetch("http://gateway.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  // the headers the lane sets, read one by one (whatwg-node's Headers does not enumerate those it computes); null: absent
  const headersOf = Object.fromEntries(
    ["content-type", "content-length"].map((name) => [name, response.headers.get(name)]),
  );
  return { status: response.status, headers: headersOf, body: await response.text() };
}

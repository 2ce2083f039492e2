/**
 * The gateway's request log: one JSON line per answered request, with the request id (the caller's
 * own, or a new one, returned in `x-request-id`), who called, which operation, how it ended and how
 * long it took — and never a token or personal data, even when the request carries both.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../gateway/logging/logger.ts";
import type { RequestLine } from "../../gateway/plugins/use-request-report.ts";
import { officerRecord, UPSERT_OFFICERS } from "../schema/libraries-helpers.ts";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";

const lines: string[] = [];
const logger = createLogger("gateway", { level: "debug", destination: { write: (line: string) => lines.push(line) } });
let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway({ logger });
});
afterAll(() => t.dispose());

const requestLines = () =>
  lines.map((line) => JSON.parse(line) as RequestLine).filter((entry) => entry.requestId !== undefined);
const lineOf = (requestId: string) => requestLines().find((entry) => entry.requestId === requestId);

/** one request, its body read (the log line is written once the response is) */
async function send(body: unknown, headers: Record<string, string>) {
  const response = await t.post(body, headers);
  await response.text();
  return response;
}

describe("request log", () => {
  it("logs who called which operation, its outcome and duration under the caller's x-request-id", async () => {
    const response = await send(
      { query: "query Domains { domains { code } }" },
      { authorization: `Bearer ${await t.token("sc", { subject: "sc-officer-7" })}`, "x-request-id": "trace-abc.1" },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("trace-abc.1");
    const line = lineOf("trace-abc.1");
    expect(line).toMatchObject({
      status: 200,
      issuer: "sc",
      subject: "sc-officer-7",
      operationType: "query",
      operationName: "Domains",
    });
    expect(line?.durationMs).toBeGreaterThan(0);
    expect(line?.errors).toBeUndefined();
  });

  it("gives a request without a usable id a new one, and answers with it", async () => {
    const response = await send({ query: "{ domains { code } }" }, { "x-request-id": "two words\u0007" });
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lineOf(id!)).toMatchObject({ status: 401, issuer: null, errors: ["UNAUTHENTICATED/MISSING_TOKEN"] });
  });

  it("names the error codes and reasons of a refused request", async () => {
    const response = await send({ query: "{ domains { code } }" }, { authorization: "Bearer not.a.token" });
    const line = lineOf(response.headers.get("x-request-id")!);
    expect(line?.status).toBe(401);
    expect(line?.errors?.[0]).toMatch(/^UNAUTHENTICATED\/[A-Z_]+$/);
  });

  it("never writes the token or the personal data a request carries", async () => {
    const officer = officerRecord({ certificateNumber: "SC-GZ-2026-0951" });
    const idNumber = officer.idNumber as string;
    const token = await t.token("sc");
    const accepted = await send(
      { query: UPSERT_OFFICERS, variables: { records: [officer] } },
      { authorization: `Bearer ${token}`, "x-request-id": "pii-accepted" },
    );
    expect(accepted.status).toBe(200);
    // a misplaced ID number: graphql-js repeats the offending value in its error message
    const refusedToken = await t.token("sc");
    const refused = await t.post(
      { query: UPSERT_OFFICERS, variables: { records: [{ ...officer, version: idNumber }] } },
      { authorization: `Bearer ${refusedToken}`, "x-request-id": "pii-refused" },
    );
    expect(await refused.text()).toContain(idNumber);

    expect(lineOf("pii-accepted")).toMatchObject({ issuer: "sc", operationType: "mutation" });
    expect(lineOf("pii-refused")).toMatchObject({ status: 400, issuer: "sc", errors: [expect.any(String)] });
    const everything = lines.join("");
    for (const secret of [token, refusedToken, token.split(".")[2]!, idNumber, officer.phone, officer.homeAddress]) {
      expect(everything).not.toContain(secret);
    }
  });

  it("counts answered requests by error code in /metrics", async () => {
    const count = async (labels: string) => {
      const text = await (await t.gateway.fetch("http://gateway.test/metrics")).text();
      return Number(text.match(new RegExp(`^gz_graphql_errors_total\\{${labels}\\} (\\d+)$`, "m"))?.[1] ?? 0);
    };
    const refused = 'operation="none",code="UNAUTHENTICATED"';
    const before = await count(refused);
    await send({ query: "{ domains { code } }" }, { authorization: "Bearer not.a.token" });
    await send({ query: "{ domains { code } }" }, { authorization: "Bearer not.a.token" });
    expect(await count(refused)).toBe(before + 2);
    expect(await count('operation="query",code="UNAUTHENTICATED"')).toBeGreaterThan(0);
  });
});

describe("logger", () => {
  it("censors tokens, secrets and personal data that a careless log call passes", () => {
    const written: string[] = [];
    const log = createLogger("test", { destination: { write: (line: string) => written.push(line) } });
    log.info(
      {
        authorization: "Bearer eyJhbGciOi.secret-part",
        request: { headers: { authorization: "Bearer eyJhbGciOi.secret-part" } },
        officer: { idNumber: "11010519491231002X", phone: "13900000299", name: "测试执法员" },
      },
      "careless",
    );
    const entry = JSON.parse(written[0]!);
    expect(written[0]).not.toMatch(/secret-part|11010519491231002X|13900000299/);
    expect(entry.officer).toEqual({ idNumber: "[redacted]", phone: "[redacted]", name: "测试执法员" });
    expect(entry.request.headers.authorization).toBe("[redacted]");
  });
});

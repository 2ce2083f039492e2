/**
 * The read lane's prepared queries (gateway/read-cache/prepared-queries.ts): once yoga has parsed, validated and
 * executed a query document without an error, the lane executes that document itself for the next requests, before
 * yoga, and answers with yoga's own answer — bytes, status, headers — the same audit entry, log line and metrics.
 * What it does not answer (errors, a failed audit write) it hands to yoga with its result: the operation runs once.
 * The lane never calls `authenticate` (yoga's context does): that is how these tests tell who answered.
 */
import { describe, expect, it, vi } from "vitest";
import { createLogger } from "../../gateway/logging/logger.ts";
import type { RequestLine } from "../../gateway/plugins/use-request-report.ts";
import { postOver, servedGateway } from "../support/served-gateway.ts";

const MATCH = {
  query:
    "query Match($input: MatchDiscretionInput!) { matchDiscretion(input: $input) { outcome range { minYuan maxYuan } citations steps benchmarkVersion } }",
  variables: { input: { itemCode: "GZ-041", actDate: "2026-08-20", decisionDate: "2026-09-01" } },
};
const matchOf = (input: Partial<typeof MATCH.variables.input>) => ({
  ...MATCH,
  variables: { input: { ...MATCH.variables.input, ...input } },
});

describe.each([
  ["federated", {}],
  ["the shared schema alone", { FEDERATION: "false" }],
])("the read lane executes a prepared query (%s)", (_name, env) => {
  const served = servedGateway({ env });

  it("answers with yoga's own answer, for every Accept it takes, once yoga has executed the document", async () => {
    const authorization = `Bearer ${await served.t.token("cq")}`;
    const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
    await postOver(served.server, MATCH, { authorization }); // yoga executes it and prepares the document
    expect(authenticate).toHaveBeenCalledTimes(1);
    const accepts = [undefined, "*/*", "application/json", "application/graphql-response+json"];
    for (const accept of accepts) {
      const headers = { authorization, ...(accept === undefined ? {} : { accept }) };
      // yoga's answer: in process, where there is no lane
      const fromYoga = await served.t.gateway.fetch("http://gateway.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(MATCH),
      });
      const yogaBody = await fromYoga.text();
      authenticate.mockClear();
      const fromLane = await postOver(served.server, MATCH, headers);
      expect(authenticate, `Accept: ${accept}`).not.toHaveBeenCalled();
      expect(fromLane.status).toBe(fromYoga.status);
      expect(fromLane.body).toBe(yogaBody);
      expect(fromLane.headers["content-type"], `Accept: ${accept}`).toBe(fromYoga.headers.get("content-type"));
      expect(fromLane.headers["content-length"]).toBe(fromYoga.headers.get("content-length"));
    }
    const answer = JSON.parse((await postOver(served.server, MATCH, { authorization })).body);
    expect(answer.data.matchDiscretion.citations.length).toBeGreaterThan(0);
  });

  it("executes every request anew: other variables, another answer, as yoga gives it", async () => {
    const authorization = `Bearer ${await served.t.token("sc")}`;
    await postOver(served.server, MATCH, { authorization });
    const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
    const other = matchOf({ itemCode: "GZ-002", decisionDate: "2026-10-01" });
    const fromLane = await postOver(served.server, other, { authorization });
    expect(authenticate).not.toHaveBeenCalled();
    const fromYoga = await served.t.gql(other.query, { as: "sc", variables: other.variables });
    expect(JSON.parse(fromLane.body)).toEqual({ data: fromYoga.data });
  });
});

describe("the read lane does for a prepared query what yoga does", () => {
  const lines: string[] = [];
  const logger = createLogger("gateway", { level: "info", destination: { write: (line: string) => lines.push(line) } });
  const served = servedGateway({ logger });

  const auditOf = (subject: string) =>
    served.t.prisma.auditEntry.findMany({
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

  it("stores the same audit entry as yoga, before it answers; logs the request and counts it", async () => {
    const authorization = `Bearer ${await served.t.token("sc", { subject: "sc-prepared-1" })}`;
    const anonymous = { ...MATCH, query: MATCH.query.replace("query Match", "query") };
    await postOver(served.server, anonymous, { authorization }); // yoga
    const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
    const observe = vi.spyOn(served.t.services.metrics, "observeRequest");
    const answer = await postOver(served.server, anonymous, { authorization, "x-request-id": "prepared-trace.1" });
    expect(authenticate).not.toHaveBeenCalled();
    expect(answer.status).toBe(200);
    expect(answer.headers["x-request-id"]).toBe("prepared-trace.1");
    const [byYoga, byLane] = await auditOf("sc-prepared-1");
    expect(byLane).toEqual(byYoga);
    expect(byLane).toMatchObject({ issuer: "sc", operationType: "query", outcome: "OK", operationName: null });
    expect(observe).toHaveBeenCalledWith("query", 200, expect.any(Number), []);
    const line = lines.map((l) => JSON.parse(l) as RequestLine).find((l) => l.requestId === "prepared-trace.1");
    expect(line).toMatchObject({ status: 200, issuer: "sc", subject: "sc-prepared-1", operationType: "query" });
  });

  it("hands a result with errors to yoga, which answers it as its own without executing again", async () => {
    const authorization = `Bearer ${await served.t.token("cq", { subject: "cq-prepared-2" })}`;
    await postOver(served.server, MATCH, { authorization });
    const unknownItem = matchOf({ itemCode: "GZ-999" });
    const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
    // the resolver reads the catalog once; yoga executing it again would read it a second time
    const snapshot = vi.spyOn(served.t.services.catalog, "snapshot");
    const answer = await postOver(served.server, unknownItem, { authorization });
    expect(snapshot).toHaveBeenCalledTimes(1);
    expect(authenticate).toHaveBeenCalledTimes(1);
    const fromYoga = await served.t.gateway.fetch("http://gateway.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization },
      body: JSON.stringify(unknownItem),
    });
    expect(answer.status).toBe(fromYoga.status);
    expect(answer.body).toBe(await fromYoga.text());
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const entries = await auditOf("cq-prepared-2");
    // one entry for each of the three requests: the prepared one, the lane's handed on, yoga's own
    expect(entries).toHaveLength(3);
    expect(entries[1]).toEqual(entries[2]);
    expect(entries[1]?.outcome).not.toBe("OK");
  });

  it("hands variables that fail the input safety check to yoga, which refuses them before anything runs", async () => {
    const authorization = `Bearer ${await served.t.token("cq", { subject: "cq-prepared-3" })}`;
    await postOver(served.server, MATCH, { authorization });
    const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
    const snapshot = vi.spyOn(served.t.services.catalog, "snapshot");
    const answer = await postOver(served.server, matchOf({ itemCode: "G".repeat(5_000) }), { authorization });
    expect(authenticate).toHaveBeenCalledTimes(1);
    expect(snapshot).not.toHaveBeenCalled(); // no resolver ran
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).errors[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "FIELD_TOO_LONG",
    });
  });

  it("hands a result whose audit write failed to yoga, which writes it: one entry, one answer, one execution", async () => {
    const authorization = `Bearer ${await served.t.token("cq", { subject: "cq-prepared-4" })}`;
    const first = await postOver(served.server, MATCH, { authorization });
    const append = served.t.services.auditLog.append.bind(served.t.services.auditLog);
    const appendSpy = vi
      .spyOn(served.t.services.auditLog, "append")
      .mockImplementationOnce(() => Promise.reject(new Error("the database went away")))
      .mockImplementation(append);
    const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
    const snapshot = vi.spyOn(served.t.services.catalog, "snapshot");
    const answer = await postOver(served.server, MATCH, { authorization });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(first.body);
    expect(appendSpy).toHaveBeenCalledTimes(2);
    expect(authenticate).toHaveBeenCalledTimes(1);
    expect(snapshot).toHaveBeenCalledTimes(1);
    expect(await auditOf("cq-prepared-4")).toHaveLength(2);
  });

  it("leaves to yoga a document it has not executed, and a mutation", async () => {
    const authorization = `Bearer ${await served.t.token("cq", { subject: "cq-prepared-5" })}`;
    const unseen = { ...MATCH, query: MATCH.query.replace("benchmarkVersion", "benchmarkVersion factsMissing") };
    const both = {
      query: `${MATCH.query} mutation Merge { __typename }`,
      variables: MATCH.variables,
      operationName: "Merge",
    };
    await postOver(served.server, { ...both, operationName: "Match" }, { authorization });
    const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
    expect((await postOver(served.server, unseen, { authorization })).status).toBe(200);
    expect(authenticate).toHaveBeenCalledTimes(1);
    await postOver(served.server, both, { authorization: `Bearer ${await served.t.token("cq")}` });
    expect(authenticate).toHaveBeenCalledTimes(2);
    // and the query of that document, prepared by yoga, is the lane's
    await postOver(served.server, { ...both, operationName: "Match" }, { authorization });
    expect(authenticate).toHaveBeenCalledTimes(2);
  });
});

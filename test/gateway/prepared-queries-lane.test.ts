/**
 * The read lane's prepared queries (gateway/read-cache/prepared-queries.ts): once yoga has parsed, validated and
 * executed a query document without an error, the lane executes that document itself for the next requests, before
 * yoga, and answers with yoga's own answer — bytes, status, headers — the same audit entry, log line and metrics.
 * What it does not answer (errors, a failed audit write) it hands to yoga with its result: the operation runs once.
 * The lane never calls `authenticate` (yoga's context does): that is how these tests tell who answered.
 */
import { contextCacheSymbol } from "@pothos/core";
import { RequestCache } from "@pothos/plugin-scope-auth";
import { Kind, type OperationDefinitionNode, parse } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { EXAMPLE_OPERATIONS } from "../../gateway/graphiql-examples.ts";
import {
  auditEntriesOf,
  failNextAuditWrite,
  postOver,
  servedGateway,
  yogaAnswerOf,
} from "../support/served-gateway.ts";

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

  // yoga's own answer for every Accept: test/gateway/read-cache-lane.test.ts, for both kinds of answer
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

  // schema/common/request-caches.ts: otherwise every request's caches, and its context, outlive it into the old heap
  it("removes the scope caches of the contexts it executed with, and so does yoga", async () => {
    const authorization = `Bearer ${await served.t.token("sc")}`;
    const caches = vi.spyOn(RequestCache, "fromContext");
    const removed = vi.spyOn(RequestCache, "clearForContext");
    const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
    // a document of its own: yoga executes it the first time, and the lane the second
    const other = { ...MATCH, query: MATCH.query.replace("steps", "steps __typename") };
    await postOver(served.server, other, { authorization });
    expect(authenticate).toHaveBeenCalledTimes(1);
    await postOver(served.server, other, { authorization }); // the lane
    expect(authenticate).toHaveBeenCalledTimes(1);
    const contexts = new Set(caches.mock.calls.map(([context]) => context as object));
    const removedFor = new Set(removed.mock.calls.map(([context]) => context));
    caches.mockRestore();
    removed.mockRestore();
    expect(contexts.size).toBe(2);
    for (const context of contexts) {
      expect(removedFor.has(context)).toBe(true);
      expect((context as Record<symbol, unknown>)[contextCacheSymbol]).toBeUndefined();
    }
  });
});

// graphql-jit coerces a compiled document's variables with code of its own: every shape a case's facts may take —
// defaults, explicit nulls, an enum, an int for a float, one object for a list of them — answered as yoga answers it
describe("the read lane coerces a prepared query's variables as yoga does", () => {
  const served = servedGateway({ env: { FEDERATION: "false" } });

  it.each<[string, Record<string, unknown> | null | undefined]>([
    ["no facts", undefined],
    ["facts null", null],
    ["facts {}", {}],
    ["every fact null", { harm: null, firstViolation: null, baseAmounts: null, particularlySerious: null }],
    ["enums, an int for a float", { harm: "SERIOUS", accidentLevel: "GENERAL", proportionAffectedPct: 40, areaM2: 12 }],
    [
      "one base amount for a list",
      { baseAmounts: { base: "INVESTMENT", amountYuan: "1000000" }, firstViolation: true },
    ],
    ["not corrected for days", { correctedInTime: false, daysNotCorrected: 3, particularlySerious: false }],
  ])("%s", async (_name, facts) => {
    const authorization = `Bearer ${await served.t.token("cq")}`;
    const body = matchOf(facts === undefined ? {} : ({ facts } as never));
    await postOver(served.server, MATCH, { authorization }); // prepared by yoga
    const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
    const fromLane = await postOver(served.server, body, { authorization });
    const answeredByLane = authenticate.mock.calls.length === 0;
    authenticate.mockRestore();
    const fromYoga = await yogaAnswerOf(served.t, body, { authorization });
    expect(fromLane.status).toBe(fromYoga.status);
    expect(fromLane.body).toBe(fromYoga.body);
    // a valid case is the lane's to answer; one the rules refuse goes to yoga with its result
    expect(answeredByLane).toBe(JSON.parse(fromYoga.body).errors === undefined);
  });

  it("hands variables graphql-jit refuses to yoga, which refuses them as it would", async () => {
    const authorization = `Bearer ${await served.t.token("cq")}`;
    await postOver(served.server, MATCH, { authorization });
    // [] for the facts object, or for a base amount inside their list: graphql-jit would take it (every fact has a
    // default), graphql-js refuses it
    const arrays = [[], [{}], { baseAmounts: [[]] }, { baseAmounts: [[{ base: "INVESTMENT", amountYuan: "1" }]] }];
    for (const facts of [{ harm: "UNHEARD_OF" }, { daysNotCorrected: 1.5 }, { unknownFact: true }, ...arrays]) {
      const body = matchOf({ facts } as never);
      const catalogRead = vi.spyOn(served.t.services.catalog, "held");
      const fromLane = await postOver(served.server, body, { authorization });
      expect(catalogRead, JSON.stringify(facts)).not.toHaveBeenCalled(); // no resolver ran
      catalogRead.mockRestore();
      const fromYoga = await yogaAnswerOf(served.t, body, { authorization });
      expect(fromLane.status, JSON.stringify(facts)).toBe(fromYoga.status);
      expect(fromLane.body, JSON.stringify(facts)).toBe(fromYoga.body);
    }
  });

  // several operations in one document: the lane runs the one yoga's executor would, and none where it would refuse
  describe("chooses a prepared document's operation as yoga's executor does", () => {
    const TWO = MATCH.query.replace("query Match", "query A") + " query B { __typename }";

    it.each<[string, Record<string, unknown>]>([
      ["no operation name", {}],
      ["operationName null", { operationName: null }],
      ['operationName ""', { operationName: "" }],
    ])("%s: refused as yoga refuses it", async (_name, naming) => {
      const authorization = `Bearer ${await served.t.token("cq")}`;
      await postOver(served.server, { query: TWO, variables: MATCH.variables, operationName: "A" }, { authorization });
      const body = { query: TWO, variables: MATCH.variables, ...naming };
      const fromLane = await postOver(served.server, body, { authorization });
      const fromYoga = await yogaAnswerOf(served.t, body, { authorization });
      expect(fromLane.status).toBe(fromYoga.status);
      expect(fromLane.body).toBe(fromYoga.body);
      expect(JSON.parse(fromLane.body).data).toBeUndefined();
    });

    it("a named operation: answered by the lane as yoga answers it", async () => {
      const authorization = `Bearer ${await served.t.token("cq")}`;
      const body = { query: TWO, variables: MATCH.variables, operationName: "A" };
      await postOver(served.server, body, { authorization });
      const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
      const fromLane = await postOver(served.server, body, { authorization });
      expect(authenticate).not.toHaveBeenCalled();
      authenticate.mockRestore();
      expect(fromLane.body).toBe((await yogaAnswerOf(served.t, body, { authorization })).body);
    });
  });
});

// the lane executes a prepared document as graphql-jit compiled it (gateway/read-cache/compiled-queries.ts): the
// example operations of GraphiQL, a cross-section of the schema (connections, nested lists, node, supervision,
// personal data masked for the other province), answered by the lane as yoga answers them
describe("the read lane's compiled queries answer the example operations as yoga does", () => {
  const served = servedGateway({});
  const document = parse(EXAMPLE_OPERATIONS);
  const queriesWithoutVariables = document.definitions.filter(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && d.operation === "query" && !d.variableDefinitions?.length,
  );

  it.each(["gz", "cq"] as const)("as %s", async (issuer) => {
    expect(queriesWithoutVariables.length).toBeGreaterThanOrEqual(8);
    const authorization = `Bearer ${await served.t.token(issuer)}`;
    for (const operation of queriesWithoutVariables) {
      const body = { query: EXAMPLE_OPERATIONS, operationName: operation.name!.value };
      await postOver(served.server, body, { authorization }); // prepared by yoga (the first request of the document)
      const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
      const fromLane = await postOver(served.server, body, { authorization });
      expect(authenticate, operation.name!.value).not.toHaveBeenCalled();
      authenticate.mockRestore();
      const fromYoga = await yogaAnswerOf(served.t, body, { authorization });
      expect(fromLane.body, operation.name!.value).toBe(fromYoga.body);
      expect(JSON.parse(fromLane.body).errors, operation.name!.value).toBeUndefined();
    }
  });
});

// the same audit entry, log line and metrics as yoga: test/gateway/read-cache-lane.test.ts, for both kinds of answer
describe("the read lane does for a prepared query what yoga does", () => {
  const served = servedGateway({});

  const auditOf = (subject: string) => auditEntriesOf(served.t, subject);

  it("hands a result with errors to yoga, which answers it as its own without executing again", async () => {
    const authorization = `Bearer ${await served.t.token("cq", { subject: "cq-prepared-2" })}`;
    // its item is a Prisma object: outside graphql-jit's surface, graphql-js executes this document in the lane
    const withItem = { ...MATCH, query: MATCH.query.replace("outcome", "outcome item { code }") };
    await postOver(served.server, withItem, { authorization });
    const unknownItem = { ...withItem, variables: { input: { ...MATCH.variables.input, itemCode: "GZ-999" } } };
    const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
    // the resolver reads the catalog once; yoga executing it again would read it a second time
    const catalogRead = vi.spyOn(served.t.services.catalog, "held");
    const answer = await postOver(served.server, unknownItem, { authorization });
    expect(catalogRead).toHaveBeenCalledTimes(1);
    expect(authenticate).toHaveBeenCalledTimes(1);
    // the resolver ran before yoga's context was built: the lane executed it, yoga took its result
    expect(catalogRead.mock.invocationCallOrder[0]).toBeLessThan(authenticate.mock.invocationCallOrder[0]!);
    const fromYoga = await yogaAnswerOf(served.t, unknownItem, { authorization });
    expect(answer.status).toBe(fromYoga.status);
    expect(answer.body).toBe(fromYoga.body);
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const entries = await auditOf("cq-prepared-2");
    // one entry for each of the three requests: the prepared one, the lane's handed on, yoga's own
    expect(entries).toHaveLength(3);
    expect(entries[1]).toEqual(entries[2]);
    expect(entries[1]?.outcome).not.toBe("OK");
  });

  it("leaves a compiled query's errors to yoga, which executes it again and answers them its own way", async () => {
    const authorization = `Bearer ${await served.t.token("cq", { subject: "cq-prepared-7" })}`;
    await postOver(served.server, MATCH, { authorization });
    const unknownItem = matchOf({ itemCode: "GZ-999" });
    const catalogRead = vi.spyOn(served.t.services.catalog, "held");
    const answer = await postOver(served.server, unknownItem, { authorization });
    // graphql-jit's result was not used: matchDiscretion has no side effects, yoga ran it a second time
    expect(catalogRead).toHaveBeenCalledTimes(2);
    catalogRead.mockRestore();
    const fromYoga = await yogaAnswerOf(served.t, unknownItem, { authorization });
    expect(answer.status).toBe(fromYoga.status);
    expect(answer.body).toBe(fromYoga.body);
    expect(JSON.parse(answer.body).errors[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "UNKNOWN_ITEM",
    });
    const entries = await auditOf("cq-prepared-7");
    expect(entries).toHaveLength(3); // one a request: the lane wrote none for the one it left to yoga
    expect(entries[1]).toEqual(entries[2]);
  });

  it("hands a field its token's scopes refuse to yoga, which answers the refusal as it would", async () => {
    const authorization = `Bearer ${await served.t.token("cq")}`;
    await postOver(served.server, MATCH, { authorization });
    const writer = `Bearer ${await served.t.token("cq", { subject: "cq-prepared-6", scopes: ["records:write"] })}`;
    const answer = await postOver(served.server, MATCH, { authorization: writer });
    const fromYoga = await yogaAnswerOf(served.t, MATCH, { authorization: writer });
    expect(answer.status).toBe(fromYoga.status);
    expect(answer.body).toBe(fromYoga.body);
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe("FORBIDDEN");
    const entries = await auditOf("cq-prepared-6");
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual(entries[1]);
    expect(entries[0]).toMatchObject({ outcome: "REFUSED", errorCode: "FORBIDDEN" });
  });

  it("hands variables that fail the input safety check to yoga, which refuses them before anything runs", async () => {
    const authorization = `Bearer ${await served.t.token("cq", { subject: "cq-prepared-3" })}`;
    await postOver(served.server, MATCH, { authorization });
    const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
    const catalogRead = vi.spyOn(served.t.services.catalog, "held");
    const answer = await postOver(served.server, matchOf({ itemCode: "G".repeat(5_000) }), { authorization });
    expect(authenticate).toHaveBeenCalledTimes(1);
    expect(catalogRead).not.toHaveBeenCalled(); // no resolver ran
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).errors[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "FIELD_TOO_LONG",
    });
  });

  it("hands a result whose audit write failed to yoga, which writes it: one entry, one answer, one execution", async () => {
    const authorization = `Bearer ${await served.t.token("cq", { subject: "cq-prepared-4" })}`;
    const first = await postOver(served.server, MATCH, { authorization });
    const appendSpy = failNextAuditWrite(served.t);
    const authenticate = vi.spyOn(served.t.services.authenticator, "authenticate");
    const catalogRead = vi.spyOn(served.t.services.catalog, "held");
    const answer = await postOver(served.server, MATCH, { authorization });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(first.body);
    expect(appendSpy).toHaveBeenCalledTimes(2);
    expect(authenticate).toHaveBeenCalledTimes(1);
    expect(catalogRead).toHaveBeenCalledTimes(1);
    expect(catalogRead.mock.invocationCallOrder[0]).toBeLessThan(authenticate.mock.invocationCallOrder[0]!);
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

/**
 * NODE_ENV=production hides the schema and the server's insides: no introspection, no field
 * suggestions, no GraphiQL, unexpected errors masked — while refusals keep their codes and reasons.
 * Development is the opposite, for people exploring the API.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, type TestGateway } from "../support/gateway.ts";
import { expectRefused, latestAudit, READ_DOMAINS } from "./helpers.ts";

const INTROSPECTION = "query Introspect { __schema { queryType { name } types { name } } }";
const TYPE_PROBE = '{ __type(name: "AuditEntry") { fields { name } } }';

let production: TestGateway;
let development: TestGateway;
beforeAll(async () => {
  [production, development] = await Promise.all([
    createTestGateway({ seed: false, env: { NODE_ENV: "production" } }),
    createTestGateway({ seed: false, env: { NODE_ENV: "development" } }),
  ]);
});
afterAll(async () => {
  await Promise.all([production?.dispose(), development?.dispose()]);
});

const graphiqlPage = (t: TestGateway) =>
  t.gateway.fetch("http://gateway.test/graphql", { headers: { accept: "text/html" } });

/** a query that fails for a reason the client must not learn: its table is gone */
async function breakDomains(t: TestGateway) {
  await t.prisma.$executeRawUnsafe('ALTER TABLE "Domain" RENAME TO "DomainMovedAway"');
}

describe("production", () => {
  it("refuses introspection: 400 GRAPHQL_VALIDATION_FAILED, audited as REFUSED", async () => {
    expectRefused(await production.gql(INTROSPECTION, { as: "gz" }), 400, "GRAPHQL_VALIDATION_FAILED");
    expect(await latestAudit(production)).toMatchObject({ issuer: "gz", outcome: "REFUSED", operationType: "invalid" });
    expectRefused(await production.gql(TYPE_PROBE, { as: "cq" }), 400, "GRAPHQL_VALIDATION_FAILED");
  });

  it("serves no subgraph federation field: the shared schema's text (`_service`) and entity fetches are the runtime's", async () => {
    expectRefused(await production.gql("{ _service { sdl } }", { as: "gz" }), 400, "GRAPHQL_VALIDATION_FAILED");
    const entities = "query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }";
    const representations = { r: [{ __typename: "Enterprise", uscc: "91500000000000000X" }] };
    expectRefused(
      await production.gql(entities, { as: "cq", variables: representations }),
      400,
      "GRAPHQL_VALIDATION_FAILED",
    );
  });

  it("still answers __typename", async () => {
    const result = await production.gql("{ __typename }", { as: "cq" });
    expect(result.data).toEqual({ __typename: "Query" });
  });

  it("does not suggest field names", async () => {
    const result = await production.gql("{ domain { code } }", { as: "cq" });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it("serves no GraphiQL", async () => {
    const response = await graphiqlPage(production);
    expect(response.headers.get("content-type") ?? "").not.toMatch(/text\/html/);
    expect(await response.text()).not.toMatch(/graphiql/i);
  });

  it("keeps refusals explicit: a bad token is still 401 with its reason", async () => {
    expectRefused(
      await production.gql(READ_DOMAINS, { token: "not.a.token" }),
      401,
      "UNAUTHENTICATED",
      "MALFORMED_TOKEN",
    );
  });

  it("masks unexpected errors: no SQL, no table names", async () => {
    await breakDomains(production);
    const result = await production.gql(READ_DOMAINS, { as: "cq" });
    expect(result.errors?.[0]).toMatchObject({
      message: "Unexpected error.",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(JSON.stringify(result.errors)).not.toMatch(/"Domain"|does not exist|relation|prisma|SELECT/i);
  });
});

describe("development", () => {
  it("answers introspection", async () => {
    const result = await development.gql<{ __schema: { queryType: { name: string } } }>(INTROSPECTION, { as: "cq" });
    expect(result.errors).toBeUndefined();
    expect(result.data!.__schema.queryType.name).toBe("Query");
  });

  it("suggests field names", async () => {
    const result = await development.gql("{ domain { code } }", { as: "cq" });
    expect(result.errors?.[0]?.message).toMatch(/Did you mean "domains"/);
  });

  it("serves GraphiQL", async () => {
    const response = await graphiqlPage(development);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(await response.text()).toMatch(/GraphiQL/);
  });

  it("shows unexpected errors to the developer", async () => {
    await breakDomains(development);
    const result = await development.gql(READ_DOMAINS, { as: "cq" });
    expect(result.errors?.[0]?.message).not.toBe("Unexpected error.");
  });
});

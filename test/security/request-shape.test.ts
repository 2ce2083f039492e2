/**
 * What an HTTP request must look like (gateway/plugins/use-request-shape.ts): a mutation posted the
 * way a cross-site HTML form can post (form-encoded, multipart) or as `application/graphql` is
 * refused with 415 before anything runs; an empty batch is a 400; a client that accepts no type the
 * gateway serves gets a 406 — each with a stable code, and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestGateway, TEST_GRAPHQL_URL, type TestGateway } from "../support/gateway.ts";
import { READ_DOMAINS } from "./helpers.ts";

let t: TestGateway;
beforeAll(async () => {
  t = await createTestGateway({ seed: false });
});
afterAll(() => t.dispose());

const HEARTBEAT = (source: string) =>
  `mutation { heartbeat(input: { source: "${source}", direction: INBOUND }) { status { adapter } } }`;
const checkpointOf = (source: string) => t.prisma.syncCheckpoint.findUnique({ where: { id: `gz:${source}:inbound` } });

async function send(headers: Record<string, string>, body: BodyInit) {
  const response = await t.gateway.fetch(TEST_GRAPHQL_URL, {
    method: "POST",
    headers: { authorization: `Bearer ${await t.token("gz")}`, ...headers },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    json: JSON.parse(text) as { errors?: Array<{ extensions?: Record<string, unknown> }> },
  };
}

describe("mutations only as application/json", () => {
  const form = new FormData();
  form.set("query", HEARTBEAT("multipart"));
  const BODIES: Array<{ name: string; source: string; headers: Record<string, string>; body: BodyInit }> = [
    {
      name: "form-encoded (an HTML form)",
      source: "form",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `query=${encodeURIComponent(HEARTBEAT("form"))}`,
    },
    { name: "multipart/form-data (an HTML form)", source: "multipart", headers: {}, body: form },
    {
      name: "application/graphql",
      source: "graphql-body",
      headers: { "content-type": "application/graphql" },
      body: HEARTBEAT("graphql-body"),
    },
    {
      name: "JSON sent as text/plain",
      source: "text-plain",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: HEARTBEAT("text-plain") }),
    },
    {
      name: "JSON declared in another charset",
      source: "latin1",
      headers: { "content-type": "application/json; charset=iso-8859-1" },
      body: JSON.stringify({ query: HEARTBEAT("latin1") }),
    },
  ];

  it.each(BODIES)("$name → 415 UNSUPPORTED_MEDIA_TYPE, nothing written", async ({ source, headers, body }) => {
    const { status, json } = await send(headers, body);
    expect(status).toBe(415);
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    expect(await checkpointOf(source)).toBeNull();
  });

  it("application/json (with or without charset=utf-8) runs the mutation", async () => {
    for (const [source, contentType] of [
      ["json", "application/json"],
      ["json-utf8", "application/json; charset=UTF-8"],
    ] as const) {
      const { status } = await send({ "content-type": contentType }, JSON.stringify({ query: HEARTBEAT(source) }));
      expect(status).toBe(200);
      expect(await checkpointOf(source)).not.toBeNull();
    }
  });
});

describe("batches and Accept", () => {
  it("an empty batch → 400 BAD_REQUEST, reason EMPTY_BATCH", async () => {
    const { status, json } = await send({ "content-type": "application/json" }, "[]");
    expect(status).toBe(400);
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: "BAD_REQUEST", reason: "EMPTY_BATCH" });
  });

  it("Accept naming nothing the gateway serves → 406 NOT_ACCEPTABLE before the mutation runs", async () => {
    const { status, json } = await send(
      { "content-type": "application/json", accept: "text/html, application/json;q=0" },
      JSON.stringify({ query: HEARTBEAT("html-client") }),
    );
    expect(status).toBe(406);
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: "NOT_ACCEPTABLE" });
    expect(await checkpointOf("html-client")).toBeNull();
  });

  it("a wildcard or the GraphQL response type is served", async () => {
    for (const accept of ["*/*", "application/graphql-response+json", "text/html, application/*;q=0.5"]) {
      const { status } = await send(
        { "content-type": "application/json", accept },
        JSON.stringify({ query: READ_DOMAINS }),
      );
      expect(status, accept).toBe(200);
    }
  });
});

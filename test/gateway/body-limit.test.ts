/**
 * The request body limit (gateway/plugins/use-body-limit.ts): by the Content-Length header when there is one
 * (413 before the body is read, 400 for a malformed header), by counting the bytes when there is none (chunked).
 */
import { createSchema, createYoga } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { useBodyLimit } from "../../gateway/plugins/use-body-limit.ts";

const LIMIT = 200;
const yoga = createYoga({
  schema: createSchema({
    typeDefs: "type Query { echo(text: String!): String! }",
    resolvers: { Query: { echo: (_: unknown, a: { text: string }) => a.text } },
  }),
  maxRequestBodySize: false,
  plugins: [useBodyLimit(LIMIT)],
  logging: false,
});

const body = (text: string) => JSON.stringify({ query: `{ echo(text: "${text}") }` });
const streamOf = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      const bytes = new TextEncoder().encode(text);
      for (let at = 0; at < bytes.length; at += 16) controller.enqueue(bytes.slice(at, at + 16));
      controller.close();
    },
  });
const post = (init: { body: BodyInit; headers?: Record<string, string> }) =>
  yoga.fetch("http://gateway.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: init.body,
    duplex: "half",
  } as RequestInit);

describe("request body limit", () => {
  it("answers a body within the limit, with or without Content-Length", async () => {
    const text = body("short");
    const sized = await post({ body: text, headers: { "content-length": String(Buffer.byteLength(text)) } });
    expect(sized.status).toBe(200);
    expect(await sized.json()).toEqual({ data: { echo: "short" } });
    const chunked = await post({ body: streamOf(text) });
    expect(chunked.status).toBe(200);
    expect(await chunked.json()).toEqual({ data: { echo: "short" } });
  });

  it("refuses by the Content-Length header alone: 413 above the limit, 400 when malformed", async () => {
    const large = await post({ body: body("x"), headers: { "content-length": String(LIMIT + 1) } });
    expect(large.status).toBe(413);
    expect(JSON.stringify(await large.json())).toContain("REQUEST_ENTITY_TOO_LARGE");
    for (const header of ["10, 10", "-1", "abc"]) {
      const malformed = await post({ body: body("x"), headers: { "content-length": header } });
      expect(malformed.status, header).toBe(400);
    }
  });

  it("counts a body without Content-Length and refuses it past the limit", async () => {
    const response = await post({ body: streamOf(body("y".repeat(LIMIT))) });
    expect(response.status).toBe(413);
    expect(JSON.stringify(await response.json())).toContain("REQUEST_ENTITY_TOO_LARGE");
  });
});

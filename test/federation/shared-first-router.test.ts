/**
 * The federated gateway's front door: which server answers (the shared yoga only for what provably stays in
 * the shared subgraph, the runtime for everything else), and the request arriving whole at either.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSharedFirstRouter, type GatewayServer } from "../../gateway/federation/shared-first-router.ts";
import { certainlySharedOnly, serverFor } from "../../gateway/federation/shared-route.ts";

describe("certainlySharedOnly", () => {
  it("is true for an operation on the shared graph alone, __typename included", () => {
    expect(certainlySharedOnly('{"query":"{ enterprise(uscc: \\"x\\") { __typename name creditGradeSc } }"}')).toBe(
      true,
    );
  });
  it("is false whenever a province's field may be selected: by name, by alias, inside a fragment", () => {
    expect(certainlySharedOnly("{ enterprise(uscc: $u) { atChongqing { asOf } } }")).toBe(false);
    expect(certainlySharedOnly("{ enterprise(uscc: $u) { sc: atSichuan { asOf } } }")).toBe(false);
    expect(certainlySharedOnly("query { a } fragment F on Enterprise { atSichuan { asOf } }")).toBe(false);
  });
  it("is false for a JSON escape, which could spell a province's field the name check does not see", () => {
    expect(certainlySharedOnly('{"query":"{ enterprise(uscc: \\"x\\") { \\u0061tSichuan { asOf } } }"}')).toBe(false);
  });
  it("is false for introspection of the schema (the supergraph's API is the one to show)", () => {
    expect(certainlySharedOnly("{ __schema { types { name } } }")).toBe(false);
    expect(certainlySharedOnly('{ __type(name: "Enterprise") { fields { name } } }')).toBe(false);
    expect(certainlySharedOnly('{ __type (name: "Enterprise") { name } }')).toBe(false);
  });
});

describe("serverFor", () => {
  const json = "application/json; charset=utf-8";
  it("sends a shared-only JSON POST or GET to the shared yoga", () => {
    expect(
      serverFor(
        { method: "POST", target: "/graphql", contentType: json, body: '{"query":"{ items { totalCount } }"}' },
        "/graphql",
      ),
    ).toBe("shared");
    expect(
      serverFor(
        { method: "GET", target: "/graphql?query=%7B%20items%20%7B%20totalCount%20%7D%20%7D", contentType: undefined },
        "/graphql",
      ),
    ).toBe("shared");
  });
  it("decodes a GET's query before it looks: a percent-encoded province field goes to the runtime", () => {
    expect(
      serverFor(
        {
          method: "GET",
          target: "/graphql?query=%7B%20enterprise%7B%20%61tSichuan%7BasOf%7D%7D%7D",
          contentType: undefined,
        },
        "/graphql",
      ),
    ).toBe("supergraph");
  });
  it("sends everything it cannot prove to the runtime", () => {
    const shared = '{"query":"{ items { totalCount } }"}';
    // a body not read (chunked, over the limit), a form body, GraphiQL's page, another path, another endpoint
    expect(serverFor({ method: "POST", target: "/graphql", contentType: json }, "/graphql")).toBe("supergraph");
    expect(
      serverFor(
        { method: "POST", target: "/graphql", contentType: "application/x-www-form-urlencoded", body: shared },
        "/graphql",
      ),
    ).toBe("supergraph");
    expect(serverFor({ method: "GET", target: "/graphql", contentType: undefined }, "/graphql")).toBe("supergraph");
    expect(serverFor({ method: "GET", target: "/healthz", contentType: undefined }, "/graphql")).toBe("supergraph");
    expect(serverFor({ method: "POST", target: "/graphqlx", contentType: json, body: shared }, "/graphql")).toBe(
      "supergraph",
    );
  });
});

/**
 * A server that says who it is and what body it received: `read` the parsed body it was handed (req.body, as
 * whatwg-node takes it), or `streamed` the text it read itself.
 */
function recordingServer(name: string): GatewayServer & { disposed: boolean } {
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const answer = (body: Record<string, unknown>) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ server: name, ...body }));
    };
    const given = (req as IncomingMessage & { body?: unknown }).body;
    if (given !== undefined) return answer({ read: given });
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => answer({ streamed: Buffer.concat(chunks).toString("utf8") }));
  };
  const server = Object.assign(listener, {
    disposed: false,
    async fetch(input: string | URL | Request, init?: RequestInit) {
      const request = input instanceof Request ? input : new Request(input, init);
      return Response.json({ server: name, body: request.method === "POST" ? await request.text() : "" });
    },
    dispose() {
      server.disposed = true;
    },
  });
  return server;
}

describe("createSharedFirstRouter", () => {
  const shared = recordingServer("shared");
  const supergraph = recordingServer("supergraph");
  const router = createSharedFirstRouter({ shared, supergraph, graphqlEndpoint: "/graphql", maxBodyBytes: 1_000 });
  let http: Server;
  let port = 0;
  beforeAll(async () => {
    http = createServer(router);
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    port = (http.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

  /** POST over HTTP; `chunked` sends the body without a Content-Length */
  function post(body: string, opts: { chunked?: boolean } = {}): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (!opts.chunked) headers["content-length"] = String(Buffer.byteLength(body));
      const req = httpRequest({ host: "127.0.0.1", port, path: "/graphql", method: "POST", headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
      });
      req.on("error", reject);
      if (opts.chunked) {
        req.write(body.slice(0, 5));
        req.end(body.slice(5));
      } else req.end(body);
    });
  }

  it("over HTTP: a shared-only body reaches the shared yoga whole, read and parsed once (multi-byte text intact)", async () => {
    const body = JSON.stringify({ query: '{ enterprises(search: "高竹新区") { totalCount } }' });
    expect(await post(body)).toEqual({ server: "shared", read: JSON.parse(body) });
  });
  it("over HTTP: a province's field, an escaped one, a chunked or an oversized body go to the runtime whole", async () => {
    const province = JSON.stringify({ query: '{ enterprise(uscc: "x") { atSichuan { asOf } } }' });
    expect(await post(province)).toEqual({ server: "supergraph", read: JSON.parse(province) });
    const escaped = '{"query":"{ enterprise(uscc: \\"x\\") { \\u0061tChongqing { asOf } } }"}';
    expect(await post(escaped)).toEqual({ server: "supergraph", read: JSON.parse(escaped) });
    const plain = JSON.stringify({ query: "{ items { totalCount } }" });
    expect(await post(plain, { chunked: true })).toEqual({ server: "supergraph", streamed: plain });
    const large = JSON.stringify({ query: "{ items { totalCount } }", variables: { pad: "x".repeat(2_000) } });
    expect(await post(large)).toEqual({ server: "supergraph", streamed: large });
  });
  it("over HTTP: a body that is not a JSON object is handed on as its text, for the server to refuse", async () => {
    expect(await post('{"query": "{ items')).toEqual({ server: "shared", read: '{"query": "{ items' });
    expect(await post("{}")).toEqual({ server: "shared", read: "{}" });
  });
  it("in process (fetch): the same choice, and the request goes on unread", async () => {
    const plain = JSON.stringify({ query: "{ items { totalCount } }" });
    const init = { method: "POST", headers: { "content-type": "application/json" } };
    expect(await (await router.fetch("http://g/graphql", { ...init, body: plain })).json()).toEqual({
      server: "shared",
      body: plain,
    });
    const request = new Request("http://g/graphql", {
      ...init,
      body: JSON.stringify({ query: "{ __schema { queryType { name } } }" }),
    });
    expect(await (await router.fetch(request)).json()).toMatchObject({
      server: "supergraph",
      body: expect.stringContaining("__schema"),
    });
  });
  it("disposes both servers", async () => {
    await router.dispose();
    expect([shared.disposed, supergraph.disposed]).toEqual([true, true]);
  });
});

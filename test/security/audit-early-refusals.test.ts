/**
 * Every request to the GraphQL endpoint (and a refused /metrics) leaves an audit entry, refusals included — also
 * those refused before any hook of useAudit sees them (gateway/plugins/use-audit-backstop.ts) and those Node's own
 * HTTP parser refuses (gateway/audit/parser-refusal-audit.ts). Each case sends one request over real HTTP (front
 * door, read lane, yoga) and reads the audit entries written after it; requests audited by their own hooks get
 * exactly one entry, no second one from the backstop.
 */
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { servedGateway } from "../support/served-gateway.ts";

const READ = "query Domains { domains { code name } }";
const CATALOG_READ = "query Items { items(first: 1) { edges { node { code } } } }";

interface Sent {
  method?: string;
  path?: string;
  headers?: Record<string, string | number>;
  body?: string;
  /** write this many bytes of the body and do not end it (a Content-Length over the limit) */
  partial?: boolean;
}

interface Answer {
  status: number;
  body: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("every request leaves an audit entry, refused ones included", () => {
  const served = servedGateway({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: "2", METRICS_PUBLIC: "false" } });
  const port = () => (served.server.address() as AddressInfo).port;

  function send({ method = "POST", path = "/graphql", headers = {}, body, partial }: Sent): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const all: Record<string, string | number> = { ...headers };
      if (body !== undefined && all["content-length"] === undefined) all["content-length"] = Buffer.byteLength(body);
      const req = httpRequest({ host: "127.0.0.1", port: port(), path, method, headers: all }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString("utf8") });
          if (partial) req.destroy();
        });
      });
      req.on("error", (e) => (partial ? undefined : reject(e)));
      if (partial) req.write(body ?? "");
      else req.end(body);
    });
  }

  /** raw bytes on a socket: what Node's own parser refuses */
  function sendRaw(text: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const socket = connect(port(), "127.0.0.1");
      const chunks: Buffer[] = [];
      socket.on("data", (c: Buffer) => chunks.push(c));
      socket.on("error", reject);
      socket.on("close", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);
        resolve({ status, body: raw.slice(raw.indexOf("\r\n\r\n") + 4) });
      });
      socket.write(text);
    });
  }

  const headSeq = async () => {
    await served.t.services.auditLog.flush();
    await sleep(150); // entries some paths append without awaiting (void) land before the probe starts
    await served.t.services.auditLog.flush();
    return (await served.t.prisma.auditEntry.findFirst({ orderBy: { seq: "desc" } }))?.seq ?? 0n;
  };

  /** the entries written after `before`, waiting up to ~1.2 s for them (some are appended without being awaited) */
  const entriesAfter = async (before: bigint, atLeast = 1) => {
    let entries: Array<{ outcome: string; errorCode: string | null; subject: string | null; operationType: string }> =
      [];
    for (let i = 0; i < 8; i++) {
      await served.t.services.auditLog.flush();
      entries = await served.t.prisma.auditEntry.findMany({
        where: { seq: { gt: before } },
        orderBy: { seq: "asc" },
        select: { outcome: true, errorCode: true, subject: true, operationType: true },
      });
      if (entries.length >= atLeast) break;
      await sleep(150);
    }
    return entries;
  };

  const bearer = async (subject: string) => ({ authorization: `Bearer ${await served.t.token("cq", { subject })}` });
  const json = { "content-type": "application/json", accept: "application/graphql-response+json, application/json" };

  /** sends, and expects an entry of `outcome` (REFUSED by default) with a code; `exactly`: that many entries */
  async function probe(
    name: string,
    sent: () => Promise<Answer>,
    expected: { outcome?: string; code?: string; exactly?: number } = {},
  ) {
    const before = await headSeq();
    const answer = await sent();
    const entries = await entriesAfter(before, expected.exactly ?? 1);
    const outcome = expected.outcome ?? "REFUSED";
    const described = `${name}: HTTP ${answer.status} ${answer.body.slice(0, 160)}; audited ${JSON.stringify(entries)}`;
    expect(
      entries.some(
        (e) =>
          e.outcome === outcome &&
          (outcome === "OK" || e.errorCode) &&
          (!expected.code || e.errorCode === expected.code),
      ),
      described,
    ).toBe(true);
    if (expected.exactly !== undefined) expect(entries, described).toHaveLength(expected.exactly);
    return { answer, entries };
  }

  // ---------- audited by their own hooks: exactly one entry each ----------
  it("a plain read: one OK entry", async () => {
    await probe(
      "plain read",
      async () => send({ headers: { ...json, ...(await bearer("p-ok")) }, body: JSON.stringify({ query: READ }) }),
      { outcome: "OK", exactly: 1 },
    );
  });

  it("a committed mutation (its entry written in its transaction): one OK entry", async () => {
    const mutation = 'mutation { ingestRecords(input: { source: "platform", records: [] }) { cursor } }';
    await probe(
      "committed mutation",
      async () => send({ headers: { ...json, ...(await bearer("p-mut")) }, body: JSON.stringify({ query: mutation }) }),
      { outcome: "OK", exactly: 1 },
    );
  });

  it("baseline: a repeated catalog read answered by the read lane is audited", async () => {
    const headers = { ...json, ...(await bearer("p-lane")) };
    await send({ headers, body: JSON.stringify({ query: CATALOG_READ }) });
    await probe("lane hit", () => send({ headers, body: JSON.stringify({ query: CATALOG_READ }) }), {
      outcome: "OK",
      exactly: 1,
    });
  });

  it("bad token", async () => {
    await probe(
      "bad token",
      () => send({ headers: { ...json, authorization: "Bearer not.a.jws" }, body: JSON.stringify({ query: READ }) }),
      { exactly: 1 },
    );
  });

  it("no token on a protected field", async () => {
    await probe("no token", () => send({ headers: json, body: JSON.stringify({ query: READ }) }));
  });

  it("GraphQL syntax error", async () => {
    await probe(
      "syntax error",
      async () =>
        send({ headers: { ...json, ...(await bearer("p-syntax")) }, body: JSON.stringify({ query: "{ domains { " }) }),
      { exactly: 1 },
    );
  });

  it("validation error", async () => {
    await probe("validation", async () =>
      send({ headers: { ...json, ...(await bearer("p-valid")) }, body: JSON.stringify({ query: "{ nope }" }) }),
    );
  });

  it("validation error on the supergraph route", async () => {
    await probe("validation (supergraph)", async () =>
      send({
        headers: { ...json, ...(await bearer("p-super")) },
        body: JSON.stringify({ query: "# atSichuan\n{ nope }" }),
      }),
    );
  });

  it("unknown operationName", async () => {
    await probe("unknown operationName", async () =>
      send({
        headers: { ...json, ...(await bearer("p-opname")) },
        body: JSON.stringify({ query: READ, operationName: "Nope" }),
      }),
    );
  });

  it.each([
    ["one operation", "query A { nope }"],
    ["two operations", "query A { nope } query B { alsoNope }"],
  ])(
    "an unknown operationName in a document that also fails validation (%s): one entry, with the answer's code",
    async (_, query) => {
      const { answer, entries } = await probe(
        "unknown operationName + validation",
        async () =>
          send({
            headers: { ...json, ...(await bearer("p-opname-invalid")) },
            body: JSON.stringify({ query, operationName: "Nope" }),
          }),
        { exactly: 1 },
      );
      const codes = (JSON.parse(answer.body) as { errors: Array<{ extensions?: { code?: string } }> }).errors.map(
        (e) => e.extensions?.code,
      );
      expect(codes).toContain(entries[0]!.errorCode);
    },
  );

  it("too deep", async () => {
    const deep = `{ ${"a { ".repeat(12)}b${" }".repeat(12)} }`;
    await probe("too deep", async () =>
      send({ headers: { ...json, ...(await bearer("p-deep")) }, body: JSON.stringify({ query: deep }) }),
    );
  });

  it("too many tokens (refused while parsing)", async () => {
    const tokens = `{ ${Array.from({ length: 2100 }, (_, i) => `f${i}`).join(" ")} }`;
    await probe("too many tokens", async () =>
      send({ headers: { ...json, ...(await bearer("p-tokens")) }, body: JSON.stringify({ query: tokens }) }),
    );
  });

  it("rate limited (verifyInspection without a token)", async () => {
    const body = JSON.stringify({ query: '{ verifyInspection(code: "x", uscc: "y") { valid } }' });
    await send({ headers: json, body });
    await send({ headers: json, body });
    await probe("rate limited", () => send({ headers: json, body }));
  });

  // ---------- refused before any hook of useAudit: the backstop ----------
  it("malformed JSON body", async () => {
    await probe("malformed JSON", async () =>
      send({ headers: { ...json, ...(await bearer("p-json")) }, body: '{"query": ' }),
    );
  });

  it("JSON body without a query ({})", async () => {
    await probe("no query", async () => send({ headers: { ...json, ...(await bearer("p-noquery")) }, body: "{}" }));
  });

  it("an unexpected parameter", async () => {
    await probe("unexpected parameter", async () =>
      send({ headers: { ...json, ...(await bearer("p-param")) }, body: JSON.stringify({ query: READ, foo: 1 }) }),
    );
  });

  it("a persisted-operation request (hash, no query)", async () => {
    const body = JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "a".repeat(64) } } });
    await probe("persisted miss", async () => send({ headers: { ...json, ...(await bearer("p-apq")) }, body }));
  });

  it("wrong content type (form)", async () => {
    await probe("415 form", async () =>
      send({
        headers: { "content-type": "application/x-www-form-urlencoded", ...(await bearer("p-form")) },
        body: `query=${encodeURIComponent(READ)}`,
      }),
    );
  });

  it("Accept nothing served (406)", async () => {
    await probe("406", async () =>
      send({
        headers: { ...json, accept: "text/html", ...(await bearer("p-406")) },
        body: JSON.stringify({ query: READ }),
      }),
    );
  });

  it("wrong HTTP method (PUT)", async () => {
    await probe("PUT", async () =>
      send({ method: "PUT", headers: { ...json, ...(await bearer("p-put")) }, body: JSON.stringify({ query: READ }) }),
    );
  });

  it("a mutation sent as GET", async () => {
    await probe("GET mutation", async () =>
      send({
        method: "GET",
        path: `/graphql?query=${encodeURIComponent("mutation { __typename }")}`,
        headers: { accept: json.accept, ...(await bearer("p-getmut")) },
      }),
    );
  });

  it("GET without a query", async () => {
    await probe("GET no query", async () =>
      send({ method: "GET", headers: { accept: json.accept, ...(await bearer("p-getnoq")) } }),
    );
  });

  it("GET with undecodable variables", async () => {
    const path = `/graphql?query=${encodeURIComponent(READ)}&variables=%7Bnot-json`;
    const { answer } = await probe(
      "GET bad variables",
      async () => send({ method: "GET", path, headers: { accept: json.accept, ...(await bearer("p-getvar")) } }),
      { code: "PARAMETER_NOT_JSON", exactly: 1 },
    );
    expect(answer.status).toBe(400);
  });

  it("a batch over the limit is one refused access: one entry, however many elements it holds", async () => {
    const six = JSON.stringify(Array.from({ length: 6 }, () => ({ query: READ })));
    await probe("batch of 6", async () => send({ headers: { ...json, ...(await bearer("p-batch6")) }, body: six }), {
      exactly: 1,
    });
    // no token needed to send it: the entries a request leaves must not grow with its body
    const zeros = JSON.stringify(Array.from({ length: 5_000 }, () => 0));
    await probe("batch of 5,000 zeros", () => send({ headers: json, body: zeros }), { exactly: 1 });
  });

  it("a malformed body answered over an event stream (200) is audited", async () => {
    const headers = { ...json, accept: "text/event-stream", ...(await bearer("p-sse")) };
    await probe("malformed JSON, Accept: text/event-stream", () => send({ headers, body: '{"query": ' }), {
      exactly: 1,
    });
  });

  it("a refusal at another path yoga serves GraphQL at (/graphql/, /x/graphql) is audited", async () => {
    for (const path of ["/graphql/", "/x/graphql"]) {
      const headers = { ...json, ...(await bearer("p-path")) };
      await probe(`malformed JSON at ${path}`, () => send({ path, headers, body: '{"query": ' }), { exactly: 1 });
    }
  });

  it("an empty batch", async () => {
    await probe("empty batch", async () => send({ headers: { ...json, ...(await bearer("p-batch0")) }, body: "[]" }));
  });

  it("a batch with one malformed element: both elements audited", async () => {
    const before = await headSeq();
    const headers = { ...json, ...(await bearer("p-batchmix")) };
    const answer = await send({ headers, body: JSON.stringify([{ query: READ }, { variables: {} }]) });
    const entries = await entriesAfter(before, 2);
    expect(entries.map((e) => e.outcome).sort(), `HTTP ${answer.status}: one entry per operation`).toEqual([
      "OK",
      "REFUSED",
    ]);
  });

  it("a body over the limit by its Content-Length (413)", async () => {
    await probe("413", async () =>
      send({
        headers: { ...json, ...(await bearer("p-413")), "content-length": 30_000_000 },
        body: '{"query":"',
        partial: true,
      }),
    );
  });

  it("headers over 16 KiB (431, Node's parser)", async () => {
    const { authorization } = await bearer("p-431");
    await probe("431", () =>
      sendRaw(
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: ${authorization}\r\n` +
          `X-Pad: ${"a".repeat(20_000)}\r\nContent-Length: 2\r\n\r\n{}`,
      ),
    );
  });

  it("a malformed Content-Length (Node's parser)", async () => {
    await probe("bad content-length", () =>
      sendRaw("POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1, 2\r\n\r\n{}"),
    );
  });

  it("/metrics without a token (METRICS_PUBLIC=false)", async () => {
    await probe("/metrics 401", () => send({ method: "GET", path: "/metrics" }));
  });

  it("a CORS preflight is not an access: it carries no credentials and runs nothing, and leaves no entry", async () => {
    const before = await headSeq();
    const answer = await send({
      method: "OPTIONS",
      headers: {
        origin: "http://elsewhere.test",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization",
      },
    });
    expect(answer.status).toBeLessThan(300);
    await sleep(300);
    expect(await entriesAfter(before, 0)).toEqual([]);
  });

  it("a plugin that throws before execution (the read cache's catalog snapshot fails)", async () => {
    const headers = { ...json, ...(await bearer("p-snap")) };
    vi.spyOn(served.t.services.catalog, "snapshot").mockRejectedValue(new Error("the database went away"));
    await probe(
      "snapshot throws",
      () => send({ headers, body: JSON.stringify({ query: CATALOG_READ, operationName: "Items" }) }),
      {
        outcome: "ERROR",
      },
    );
  });
});
